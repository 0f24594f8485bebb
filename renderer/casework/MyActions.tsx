import { useEffect, useState } from 'react';

import type { MyAction } from '../../shared/casework/schema';
import { isOverdue } from '../../shared/casework/schema';
import { londonDate } from '../../shared/dates/calendar-date';
import { occurredText } from '../concerns/concern-text';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { CompleteActionForm } from './ActionsSection';
import { dueText } from './casework-text';

function MyActionItem({ action, today }: { action: MyAction; today: string }) {
  const navigate = useLantern((s) => s.navigate);
  const [completing, setCompleting] = useState(false);
  const overdue = isOverdue(action.dueDate, today);
  const concern = `the concern of ${occurredText(action.concernOccurredAt, false)}`;
  return (
    <li className={overdue ? 'action action--overdue' : 'action'}>
      <strong>{action.description}</strong>
      <span className="table__note">
        {overdue ? (
          <strong className="overdue">{dueText(action.dueDate, today)}</strong>
        ) : (
          dueText(action.dueDate, today)
        )}
        . About {concern}
        {action.children.length > 0 ? ` (${action.children.join(', ')})` : ''}.
      </span>
      <div className="button-row">
        {action.concernId !== null ? (
          <Button
            variant="link"
            onClick={() => {
              if (action.concernId)
                navigate({ page: 'concern', id: action.concernId, child: null });
            }}
          >
            Open {concern}
          </Button>
        ) : null}
        {!completing ? (
          <Button
            aria-label={`Complete “${action.description}”`}
            onClick={() => {
              setCompleting(true);
            }}
          >
            Complete
          </Button>
        ) : null}
      </div>
      {completing ? (
        <CompleteActionForm
          action={action}
          onDone={() => {
            setCompleting(false);
          }}
        />
      ) : null}
    </li>
  );
}

/**
 * The signed-in person's open actions, soonest due first. Someone who may not read the concern
 * sees only what to do, by when, and the concern's date.
 */
export function MyActions() {
  const mine = useLantern((s) => s.myActions);
  const load = useLantern((s) => s.loadMyActions);
  useEffect(() => {
    void load();
  }, [load]);
  const today = londonDate(new Date());
  return (
    <section className="page-section" aria-labelledby="my-actions-title">
      <h2 id="my-actions-title">My actions</h2>
      {mine.status === 'failed' && mine.error ? (
        <LoadFailure
          error={mine.error}
          onRetry={() => {
            void load();
          }}
        />
      ) : mine.status !== 'ready' && mine.items.length === 0 ? (
        <Loading text="Loading your actions…" />
      ) : mine.items.length === 0 ? (
        <p>You have no open actions.</p>
      ) : (
        <ul className="triage__history" aria-label="My open actions">
          {mine.items.map((a) => (
            <MyActionItem key={a.id} action={a} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}
