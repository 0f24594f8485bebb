import { useEffect, useRef } from 'react';

import { roleLabels } from '../../shared/auth/roles';
import type { Child } from '../../shared/children/schema';
import { displayName } from '../../shared/children/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';

const HEADING_ID = 'child-viewers-title';

function ViewersTable() {
  const { items } = useLantern((s) => s.childViewers);
  return (
    <table className="table" aria-labelledby={HEADING_ID}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Views</th>
          <th scope="col">First viewed</th>
          <th scope="col">Last viewed</th>
        </tr>
      </thead>
      <tbody>
        {items.map((viewer) => (
          <tr key={viewer.userId}>
            <th scope="row">{viewer.displayName}</th>
            <td>{viewer.role ? roleLabels[viewer.role] : 'No role'}</td>
            <td>{viewer.views.toLocaleString('en-GB')}</td>
            <td>{formatInstant(viewer.firstViewedAt)}</td>
            <td>{formatInstant(viewer.lastViewedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * For roles that read the audit log: who has opened this child's file, from the audit log, and
 * a way into the full log for this child.
 */
export function ChildViewers({ child }: { child: Child }) {
  const viewers = useLantern((s) => s.childViewers);
  const loadChildViewers = useLantern((s) => s.loadChildViewers);
  const navigate = useLantern((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = viewers.childId === child.id && viewers.status !== 'idle';
  // Asking moves focus to the answer, so a screen reader hears it arrive.
  const focusOnArrival = useRef(false);

  useEffect(() => {
    if (!focusOnArrival.current || viewers.status === 'loading') return;
    focusOnArrival.current = false;
    heading.current?.focus();
  }, [viewers.status]);

  return (
    <div className="child-viewers">
      <Button
        onClick={() => {
          focusOnArrival.current = true;
          void loadChildViewers(child.id);
        }}
      >
        Who has viewed this file
      </Button>
      {shown ? (
        <section aria-labelledby={HEADING_ID}>
          <h2 id={HEADING_ID} tabIndex={-1} ref={heading}>
            Who has viewed this file
          </h2>
          {viewers.status === 'loading' && viewers.items.length === 0 ? (
            <Loading text="Checking the audit log…" />
          ) : viewers.status === 'failed' && viewers.error ? (
            <LoadFailure
              error={viewers.error}
              onRetry={() => {
                void loadChildViewers(child.id);
              }}
            />
          ) : viewers.items.length === 0 ? (
            <p>Nobody has viewed this file yet.</p>
          ) : (
            <ViewersTable />
          )}
          <Button
            onClick={() => {
              navigate({ page: 'audit', child: { id: child.id, name: displayName(child) } });
            }}
          >
            Open in audit log
          </Button>
        </section>
      ) : null}
    </div>
  );
}
