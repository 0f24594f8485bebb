import { formatCalendarDate } from '../../shared/dates/calendar-date';
import type { FilteringReview } from '../../shared/policies/schema';
import { filteringParticipantRoleLabels } from '../../shared/policies/register';
import { DetailsList } from '../ui/DetailsList';

/** The filtering and monitoring reviews recorded, newest first, each in full. */
export function FilteringReviewList({ items }: { items: readonly FilteringReview[] }) {
  if (items.length === 0)
    return <p className="empty-state">No filtering and monitoring review has been recorded.</p>;
  return (
    <ul className="filtering-reviews">
      {items.map((r) => (
        <li key={r.id}>
          <h3>Review of {formatCalendarDate(r.reviewedOn)}</h3>
          <DetailsList
            details={[
              {
                term: 'Who took part',
                description: (
                  <ul>
                    {r.participants.map((p, i) => (
                      <li key={i}>
                        {p.name} ({filteringParticipantRoleLabels[p.role]})
                      </li>
                    ))}
                  </ul>
                ),
              },
              { term: 'Systems checked', description: r.systemsChecked },
              { term: 'Findings', description: r.findings },
              {
                term: 'Actions',
                description:
                  r.actions.length === 0 ? (
                    'None'
                  ) : (
                    <ul>
                      {r.actions.map((a, i) => (
                        <li key={i}>
                          {a.action} · {a.owner} · due {formatCalendarDate(a.dueDate)}
                        </li>
                      ))}
                    </ul>
                  ),
              },
              { term: 'Next review', description: formatCalendarDate(r.nextReview) },
              { term: 'Recorded by', description: r.recordedByName },
            ]}
          />
        </li>
      ))}
    </ul>
  );
}
