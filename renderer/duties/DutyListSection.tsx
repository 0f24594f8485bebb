import { useEffect } from 'react';

import type { Route } from '../store';
import { useLantern } from '../store';
import type { DutyListOf } from '../store/duties-slice';
import { dutyListKey } from '../store/duties-slice';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { DutyRows } from './DutyRows';

type DutyListSectionProps = {
  of: DutyListOf;
  /** The page the section is on: each duty's way back leads there. */
  from: Route;
  /** What to say when there is none; null shows nothing at all then (after recording). */
  empty: string | null;
  /** Leave out the child on their own file. */
  showChild?: boolean;
};

/**
 * "Statutory duties" on a page about a child or a concern: each duty with when it is due and a
 * way to see why it applies. A teacher who has just recorded a known case of FGM sees their
 * personal duty to report it here, with its deadline.
 */
export function DutyListSection({ of, from, empty, showChild = true }: DutyListSectionProps) {
  const list = useLantern((s) => s.dutyList);
  const load = useLantern((s) => s.loadDutyList);
  const key = dutyListKey(of);
  const childId = 'childId' in of ? of.childId : null;
  const concernId = 'concernId' in of ? of.concernId : null;

  useEffect(() => {
    if (childId !== null) void load({ childId });
    else if (concernId !== null) void load({ concernId });
  }, [childId, concernId, load]);

  const mine = list.key === key;
  if (empty === null && (!mine || list.items.length === 0) && list.status !== 'failed') return null;
  return (
    <section className="page-section" aria-labelledby="duty-list-title">
      <h2 id="duty-list-title">Statutory duties</h2>
      {!mine || (list.status === 'loading' && list.items.length === 0) ? (
        <Loading text="Loading statutory duties…" />
      ) : list.status === 'failed' && list.error ? (
        <LoadFailure
          error={list.error}
          onRetry={() => {
            void load(of);
          }}
        />
      ) : list.items.length === 0 ? (
        <p className="empty-state">{empty ?? ''}</p>
      ) : (
        <DutyRows items={list.items} from={from} showChild={showChild} whyLink />
      )}
    </section>
  );
}
