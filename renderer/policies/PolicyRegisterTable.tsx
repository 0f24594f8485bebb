import { formatCalendarDate } from '../../shared/dates/calendar-date';
import type { PolicyEntry, PolicyReview } from '../../shared/policies/schema';
import { reviewBasisLabels } from '../../shared/policies/register';
import { Button } from '../ui/Button';
import { nextReviewText } from './policy-text';

/** Every approval of a policy, newest first, each with its evidence to save. */
function ReviewHistory({
  policy,
  onSaveEvidence,
}: {
  policy: PolicyEntry;
  onSaveEvidence: (review: PolicyReview) => void;
}) {
  return (
    <details className="policy-history">
      <summary>All {policy.history.length} reviews</summary>
      <ul className="list">
        {policy.history.map((r) => (
          <li key={r.id}>
            {formatCalendarDate(r.approvedOn)} by {r.approvedBy}
            {r.versionLabel === '' ? '' : `, version ${r.versionLabel}`}
            {r.document ? (
              <>
                {' '}
                <Button
                  variant="link"
                  aria-label={`Save evidence of ${formatCalendarDate(r.approvedOn)} for the ${policy.title}`}
                  onClick={() => {
                    onSaveEvidence(r);
                  }}
                >
                  Save evidence of {formatCalendarDate(r.approvedOn)}
                </Button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

type PolicyRegisterTableProps = {
  policies: readonly PolicyEntry[];
  today: string;
  onReview: (policy: PolicyEntry) => void;
  onEdit: (policy: PolicyEntry) => void;
  onSaveEvidence: (policy: PolicyEntry, review: PolicyReview) => void;
};

/** The register: each policy's last approval, next review (overdue in words) and publication. */
export function PolicyRegisterTable({
  policies,
  today,
  onReview,
  onEdit,
  onSaveEvidence,
}: PolicyRegisterTableProps) {
  return (
    <table className="table table--whole-words">
      <caption className="visually-hidden">Policy register</caption>
      <thead>
        <tr>
          <th scope="col">Policy</th>
          <th scope="col">Last approved</th>
          <th scope="col">Next review</th>
          <th scope="col">Published at</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {policies.map((p) => {
          const last = p.lastReview;
          return (
            <tr key={p.id}>
              <th scope="row">
                {p.title}
                <span className="table__note">
                  {p.source ?? 'Added by the school'} · {reviewBasisLabels[p.basis]}
                  {p.intervalMonths === 12 ? '' : ` (every ${p.intervalMonths} months)`}
                </span>
                {p.ownerName === '' ? null : (
                  <span className="table__note">Owner: {p.ownerName}</span>
                )}
                {p.notes === '' ? null : <span className="table__note">{p.notes}</span>}
              </th>
              <td>
                {last ? (
                  <>
                    {formatCalendarDate(last.approvedOn)}
                    <span className="table__note">
                      by {last.approvedBy}
                      {last.versionLabel === '' ? '' : `, version ${last.versionLabel}`}
                    </span>
                  </>
                ) : (
                  'Not yet recorded'
                )}
                {p.history.length > 1 ? (
                  <ReviewHistory
                    policy={p}
                    onSaveEvidence={(review) => {
                      onSaveEvidence(p, review);
                    }}
                  />
                ) : null}
              </td>
              <td>
                {p.overdue ? (
                  <strong>{nextReviewText(p.nextReview, today)}</strong>
                ) : (
                  nextReviewText(p.nextReview, today)
                )}
              </td>
              <td className="policy-register__url">
                {p.publishedUrl === ''
                  ? p.publicationRequired
                    ? 'Not recorded: must be published'
                    : 'Not recorded'
                  : p.publishedUrl}
              </td>
              <td>
                <div className="table__actions">
                  <Button
                    aria-label={`Record a review of the ${p.title}`}
                    onClick={() => {
                      onReview(p);
                    }}
                  >
                    Record a review
                  </Button>
                  <Button
                    aria-label={`Edit details of the ${p.title}`}
                    onClick={() => {
                      onEdit(p);
                    }}
                  >
                    Edit details
                  </Button>
                  {last?.document ? (
                    <Button
                      aria-label={`Save evidence for the ${p.title}`}
                      onClick={() => {
                        onSaveEvidence(p, last);
                      }}
                    >
                      Save evidence
                    </Button>
                  ) : null}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
