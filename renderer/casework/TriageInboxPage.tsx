import { useEffect } from 'react';

import type { InboxItem } from '../../shared/casework/schema';
import { triageStatusLabels } from '../../shared/casework/schema';
import { levelLabel } from '../../shared/casework/levels';
import { childRoleLabels, concernFlagNames } from '../../shared/concerns/schema';
import { formatInstant, londonDate } from '../../shared/dates/calendar-date';
import { categoriesText, occurredText } from '../concerns/concern-text';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { ageText, dueText, flagShortLabels, openActionsText } from './casework-text';

function Flags({ item }: { item: InboxItem }) {
  const set = concernFlagNames.filter((f) => item.flags[f]);
  if (set.length === 0) return <>None</>;
  return (
    <ul className="inbox-flags">
      {set.map((f) => (
        <li key={f} className="tag tag--alert">
          {flagShortLabels[f]}
        </li>
      ))}
    </ul>
  );
}

function InboxRow({ item, today }: { item: InboxItem; today: string }) {
  const navigate = useLantern((s) => s.navigate);
  const when = occurredText(item.occurredAt, item.occurredAtApprox);
  return (
    <tr>
      <th scope="row">
        <Button
          variant="link"
          onClick={() => {
            navigate({ page: 'concern', id: item.concernId, child: null, from: 'inbox' });
          }}
        >
          {when}
        </Button>
        <span className="table__note">
          Recorded {formatInstant(item.recordedAt)} by {item.recordedByName}
        </span>
      </th>
      <td>{ageText(item.recordedAt, today)}</td>
      <td>
        <ul className="list">
          {item.children.map((c) => (
            <li key={c.childId}>
              {c.name}: {childRoleLabels[c.role].toLowerCase()}
            </li>
          ))}
        </ul>
      </td>
      <td>{categoriesText(item.categories)}</td>
      <td>
        <Flags item={item} />
      </td>
      <td>
        {item.status === 'new' ? (
          <strong>{triageStatusLabels.new}</strong>
        ) : item.level === null ? (
          triageStatusLabels.open
        ) : (
          `Level ${levelLabel(item.level)}`
        )}
        {item.openActions > 0 ? (
          <span className="table__note">
            {openActionsText(item.openActions)}; next: {dueText(item.nextDue, today)}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * The DSL's triage inbox: concerns nobody has triaged yet, oldest first, then the open ones.
 * Statutory flags are shown as words, so the urgent ones stand out without relying on colour.
 */
export function TriageInboxPage() {
  const inbox = useLantern((s) => s.triageInbox);
  const load = useLantern((s) => s.loadTriageInbox);
  useEffect(() => {
    void load();
  }, [load]);
  const today = londonDate(new Date());
  const waiting = inbox.items.filter((i) => i.status === 'new').length;
  return (
    <>
      <PageHeading>Triage</PageHeading>
      {inbox.status === 'failed' && inbox.error ? (
        <LoadFailure
          error={inbox.error}
          onRetry={() => {
            void load();
          }}
        />
      ) : inbox.status !== 'ready' && inbox.items.length === 0 ? (
        <Loading text="Loading the triage inbox…" />
      ) : inbox.items.length === 0 ? (
        <p className="empty-state">There are no open concerns. Every concern has been closed.</p>
      ) : (
        <>
          <p>
            {waiting === 0
              ? 'No concern is awaiting triage.'
              : waiting === 1
                ? '1 concern is awaiting triage.'
                : `${waiting} concerns are awaiting triage.`}{' '}
            Oldest first; open concerns follow.
          </p>
          <table className="table table--whole-words">
            <caption className="visually-hidden">Concerns to triage</caption>
            <thead>
              <tr>
                <th scope="col">When it happened</th>
                <th scope="col">Waiting</th>
                <th scope="col">Children</th>
                <th scope="col">Categories</th>
                <th scope="col">Flags</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {inbox.items.map((item) => (
                <InboxRow key={item.concernId} item={item} today={today} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
