import { useEffect, useState } from 'react';

import type { Child } from '../../shared/children/schema';
import { displayName } from '../../shared/children/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { StatusMessage } from '../ui/StatusMessage';
import { HoldForm } from './HoldForm';

/** On a child's file: whether a legal hold stands, with the way to place or lift one. */
export function LegalHoldPanel({ child }: { child: Child }) {
  const holds = useLantern((s) => s.childHolds);
  const load = useLantern((s) => s.loadChildHolds);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    void load(child.id);
  }, [load, child.id]);

  const view = holds.value?.childId === child.id ? holds.value : null;
  const current = view?.holds.find((h) => h.liftedAt === '') ?? null;
  return (
    <section className="page-section" aria-labelledby="legal-hold-heading">
      <h2 id="legal-hold-heading">Legal hold</h2>
      <StatusMessage notice={notice} />
      {holds.status === 'failed' && holds.error ? (
        <LoadFailure
          error={holds.error}
          onRetry={() => {
            void load(child.id);
          }}
        />
      ) : view === null ? (
        <Loading text="Loading the legal hold…" />
      ) : (
        <>
          <p>
            {current
              ? `This file is under a legal hold placed on ${formatInstant(current.placedAt)} by ${current.placedByName}: ${current.reason}. It cannot be destroyed until the hold is lifted.`
              : 'This file is not under a legal hold.'}
          </p>
          {open ? (
            <HoldForm
              child={{ id: child.id, name: displayName(child) }}
              hold={current}
              onDone={(text) => {
                setOpen(false);
                setNotice({ tone: 'success', text });
              }}
              onCancel={() => {
                setOpen(false);
              }}
            />
          ) : (
            <Button
              onClick={() => {
                setNotice(null);
                setOpen(true);
              }}
            >
              {current ? 'Lift the legal hold' : 'Place a legal hold'}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
