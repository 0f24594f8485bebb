import { formatCalendarDate, formatInstant } from '../../shared/dates/calendar-date';
import { retentionRules } from '../../shared/retention/rules';
import type { DestructionRecord } from '../../shared/retention/schema';

function deletedText(record: DestructionRecord): string {
  const total = Object.values(record.deleted).reduce((a, b) => a + b, 0);
  const kept =
    record.sharedConcernsKept === 0
      ? ''
      : `; ${record.sharedConcernsKept} shared ${record.sharedConcernsKept === 1 ? 'concern' : 'concerns'} kept for other children`;
  return `${total} ${total === 1 ? 'record' : 'records'}${kept}`;
}

/** Every destruction: when, which rule, who authorised it and why. No name, no content. */
export function DestructionRegister({ records }: { records: DestructionRecord[] }) {
  if (records.length === 0) return <p className="empty-state">No file has been destroyed.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Destruction register</caption>
      <thead>
        <tr>
          <th scope="col">Destroyed</th>
          <th scope="col">Record id</th>
          <th scope="col">Rule and review date</th>
          <th scope="col">What was deleted</th>
          <th scope="col">Authorised by</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id}>
            <td>{formatInstant(r.destroyedAt)}</td>
            <td className="code">{r.childId}</td>
            <td>
              {retentionRules[r.recordType].label}, review from {formatCalendarDate(r.reviewDate)}
            </td>
            <td>{deletedText(r)}</td>
            <td>{r.authorisedByName}</td>
            <td>{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
