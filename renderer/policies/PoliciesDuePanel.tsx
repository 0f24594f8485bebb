import type { Dashboard } from '../../shared/dashboard/schema';
import { POLICY_DUE_SOON_MONTHS } from '../../shared/policies/schema';
import { DashboardPanel } from '../dashboard/DashboardPanel';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { nextReviewText } from './policy-text';

function monthsText(months: number): string {
  return months === 1 ? 'a month' : `${months} months`;
}

/** The dashboard's list of policies whose review is overdue or due within the month. */
export function PoliciesDuePanel({
  items,
  today,
}: {
  items: Dashboard['policiesDue'];
  today: string;
}) {
  const navigate = useLantern((s) => s.navigate);
  return (
    <DashboardPanel
      id="dashboard-policies"
      title="Policies due"
      total={items.length}
      empty={`No policy review is overdue or due within ${monthsText(POLICY_DUE_SOON_MONTHS)}.`}
    >
      <ul className="list dashboard__list">
        {items.map((p) => (
          <li key={p.id}>
            {p.title}
            <p>
              <strong>
                {p.overdue
                  ? nextReviewText(p.nextReview, today)
                  : `Review due ${nextReviewText(p.nextReview, today)}`}
              </strong>
            </p>
          </li>
        ))}
      </ul>
      <Button
        variant="secondary"
        onClick={() => {
          navigate({ page: 'policies' });
        }}
      >
        Open the policy register
      </Button>
    </DashboardPanel>
  );
}
