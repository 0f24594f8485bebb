import { useEffect } from 'react';

import { useLantern } from '../store';

/**
 * How many concerns await triage, beside "Triage" in the main navigation. Only concerns nobody
 * has triaged yet count: open ones already have a level or a decision, so they are not news.
 */
export function TriageCount() {
  const items = useLantern((s) => s.triageInbox.items);
  const load = useLantern((s) => s.loadTriageInbox);
  useEffect(() => {
    void load();
  }, [load]);
  const waiting = items.filter((i) => i.status === 'new').length;
  if (waiting === 0) return null;
  // The space keeps the button's name "Triage 2 awaiting triage" rather than "Triage2…".
  return (
    <>
      {' '}
      <span className="nav-badge" aria-hidden="true">
        {waiting}
      </span>
      <span className="visually-hidden">{`${waiting} awaiting triage`}</span>
    </>
  );
}
