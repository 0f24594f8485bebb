import { useEffect } from 'react';

import { DashboardPanel } from '../dashboard/DashboardPanel';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { DutyRows } from './DutyRows';

/** How many overdue duties the card lists; the duties page has the rest. */
const FIRST_FEW = 3;

/** The dashboard's statutory duties: overdue and due today across the school, the first few. */
export function DutiesCard() {
  const view = useLantern((s) => s.dueView);
  const load = useLantern((s) => s.loadDueView);
  const navigate = useLantern((s) => s.navigate);

  useEffect(() => {
    void load('school');
  }, [load]);

  const value = view.scope === 'school' ? view.value : null;
  if (!value)
    return (
      <section className="dashboard__panel" aria-labelledby="dashboard-duties">
        <h2 id="dashboard-duties">Statutory duties</h2>
        {view.status === 'failed' && view.error ? (
          <LoadFailure
            error={view.error}
            onRetry={() => {
              void load('school');
            }}
          />
        ) : (
          <Loading text="Loading statutory duties…" />
        )}
      </section>
    );

  const { overdue, today } = value;
  return (
    <DashboardPanel
      id="dashboard-duties"
      title="Statutory duties"
      total={overdue.length + today.length}
      empty="No statutory duty is overdue or due today."
    >
      <p>
        <strong>{overdue.length} overdue</strong>, {today.length} due today.
      </p>
      {overdue.length > 0 ? (
        <DutyRows items={overdue.slice(0, FIRST_FEW)} from={{ page: 'dashboard' }} />
      ) : null}
      <Button
        onClick={() => {
          navigate({ page: 'duties' });
        }}
      >
        Open statutory duties
      </Button>
    </DashboardPanel>
  );
}
