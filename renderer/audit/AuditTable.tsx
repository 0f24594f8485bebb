import { useEffect, useRef } from 'react';

import { roleLabels } from '../../shared/auth/roles';
import { formatInstant } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { actionLabel, outcomeLabels } from './audit-labels';

export function AuditTable() {
  const { items, total, status } = useLantern((s) => s.auditLog);
  const showMore = useLantern((s) => s.showMoreAudit);
  // After "Show more", focus moves to the first new row: the button vanishes with the last page.
  const focusRow = useRef<number | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    const index = focusRow.current;
    if (index === null || status === 'loading') return;
    focusRow.current = null;
    body.current?.querySelectorAll('th')[index]?.focus();
  }, [items, status]);

  return (
    <>
      <table className="table table--compact table--whole-words" aria-busy={status === 'loading'}>
        <caption className="visually-hidden">Audit entries</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Role</th>
            <th scope="col">Action</th>
            <th scope="col">Records</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {items.map((row) => (
            <tr key={row.seq}>
              <th scope="row" tabIndex={-1}>
                {formatInstant(row.at)}
              </th>
              <td>{row.actorName ?? 'Nobody signed in'}</td>
              <td>{row.role ? roleLabels[row.role] : 'None'}</td>
              <td>
                {actionLabel(row.method)}
                {/* The exact method, for precision and to match the Action filter. */}
                <code className="code table__note">{row.method}</code>
              </td>
              <td>{row.recordIds.length.toLocaleString('en-GB')}</td>
              <td className={`outcome outcome--${row.outcome}`}>{outcomeLabels[row.outcome]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length < total ? (
        <div className="show-more">
          <p>
            Showing {items.length.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')}.
          </p>
          <Button
            onClick={() => {
              if (status === 'loading') return;
              focusRow.current = items.length;
              void showMore();
            }}
          >
            Show more
          </Button>
        </div>
      ) : null}
    </>
  );
}
