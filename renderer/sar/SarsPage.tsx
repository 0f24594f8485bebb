import { useEffect } from 'react';

import { requesterRelationshipLabels, sarStatusLabels, sarWhenText } from '../../shared/sar/schema';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { NewSarForm } from './NewSarForm';
import { isOverdue, sarDueText } from './sar-text';

/**
 * Subject access requests (domain.md §6.2): every request with its due date, and the form to
 * log a new one. `child` pre-selects the child when the page is opened from their file.
 */
export function SarsPage({ child }: { child: { id: string; name: string } | null }) {
  const list = useLantern((s) => s.sarList);
  const load = useLantern((s) => s.loadSars);
  const navigate = useLantern((s) => s.navigate);
  const now = new Date();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeading>Subject access requests</PageHeading>
      <p>
        A child, or a parent or carer for a child who cannot ask for themselves, may ask for a copy
        of what the school holds about the child. Answer within one month of receipt; a complex
        request can be extended by two more months if the requester is told within the first month.
        The clock stops while you wait for proof of identity or clarification (Data (Use and Access)
        Act 2025).
      </p>
      <section className="page-section" aria-labelledby="sar-list-title">
        <h2 id="sar-list-title">Requests</h2>
        {list.status === 'failed' && list.error ? (
          <LoadFailure
            error={list.error}
            onRetry={() => {
              void load();
            }}
          />
        ) : list.value === null ? (
          <Loading text="Loading the subject access requests…" />
        ) : list.value.length === 0 ? (
          <p className="empty-state">No subject access request has been logged.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Subject access requests, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col">Requester</th>
                <th scope="col">Received</th>
                <th scope="col">Status</th>
                <th scope="col">Due</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.value.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.childName}</th>
                  <td>
                    {s.requesterName} ({requesterRelationshipLabels[s.relationship].toLowerCase()})
                  </td>
                  <td>{sarWhenText(s.receivedAt)}</td>
                  <td>{sarStatusLabels[s.status]}</td>
                  <td>
                    {isOverdue(s.dueAt, s.status, now) ? (
                      <strong>{sarDueText(s.dueAt, s.status, now)}</strong>
                    ) : (
                      sarDueText(s.dueAt, s.status, now)
                    )}
                  </td>
                  <td className="table__actions">
                    <Button
                      aria-label={`Open the request about ${s.childName} from ${s.requesterName}`}
                      onClick={() => {
                        navigate({ page: 'sar', id: s.id });
                      }}
                    >
                      Open
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <NewSarForm key={child?.id ?? ''} child={child} />
    </>
  );
}
