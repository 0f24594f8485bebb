import type { Dashboard } from '../../shared/dashboard/schema';
import { formatCalendarDate } from '../../shared/dates/calendar-date';
import { DashboardPanel } from '../dashboard/DashboardPanel';
import { useLantern } from '../store';
import { Button } from '../ui/Button';

/** The DSL's dashboard card: children's files whose retention review date has come. */
export function RecordsDuePanel({ items }: { items: Dashboard['recordsDue'] }) {
  const navigate = useLantern((s) => s.navigate);
  return (
    <DashboardPanel
      id="dashboard-retention"
      title="Records due for review"
      total={items.length}
      empty="No child protection file has reached its retention review date."
    >
      <ul className="list dashboard__list">
        {items.map((r) => (
          <li key={r.childId}>
            {r.displayName}
            <p>
              <strong>Review from {formatCalendarDate(r.reviewFrom)}</strong>
              {r.legalHold ? ' (under a legal hold)' : ''}
            </p>
          </li>
        ))}
      </ul>
      <Button
        variant="secondary"
        onClick={() => {
          navigate({ page: 'retention' });
        }}
      >
        Open retention
      </Button>
    </DashboardPanel>
  );
}
