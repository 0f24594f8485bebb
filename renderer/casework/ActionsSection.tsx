import { useEffect, useState } from 'react';

import { roleLabels } from '../../shared/auth/roles';
import type { CaseAction, TriageState } from '../../shared/casework/schema';
import {
  addActionInput,
  completeActionInput,
  dueDateProblem,
  isOverdue,
} from '../../shared/casework/schema';
import { formatCalendarDate, formatInstant, londonDate } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { useForm } from '../ui/use-form';
import { dueText } from './casework-text';
import { SavedMessage } from './SavedMessage';
import { sendChecked } from './send-checked';

/** The note an action is completed with; used by the triage panel and by "My actions". */
export function CompleteActionForm({
  action,
  onDone,
}: {
  action: Pick<CaseAction, 'id' | 'description'>;
  onDone: () => void;
}) {
  const completeAction = useLantern((s) => s.completeAction);
  const fieldIds = { note: `action-note-${action.id}` };
  const { field, formProps, errors, pending } = useForm({ note: '' }, fieldIds, ({ note }) =>
    sendChecked(completeActionInput, { actionId: action.id, note }, async (data) => {
      const result = await completeAction(data);
      if (result?.ok) onDone();
      return result;
    }),
  );
  return (
    <form {...formProps} aria-label={`Complete “${action.description}”`}>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextAreaField label="What was done" rows={3} {...field('note')} />
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          Complete action
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function ActionItem({ action, canComplete }: { action: CaseAction; canComplete: boolean }) {
  const [completing, setCompleting] = useState(false);
  const today = londonDate(new Date());
  const overdue = action.completedAt === null && isOverdue(action.dueDate, today);
  return (
    <li className={overdue ? 'action action--overdue' : 'action'}>
      <strong>{action.description}</strong>
      <span className="table__note">
        For {action.ownerName}.{' '}
        {action.completedAt === null ? (
          overdue ? (
            <strong className="overdue">{dueText(action.dueDate, today)}</strong>
          ) : (
            dueText(action.dueDate, today)
          )
        ) : (
          `Was due ${formatCalendarDate(action.dueDate)}`
        )}
        . Added by {action.createdByName}, {formatInstant(action.createdAt)}.
      </span>
      {action.completedAt !== null ? (
        <p>
          Completed by {action.completedByName}, {formatInstant(action.completedAt)}:{' '}
          <span className="concern-text">{action.completionNote}</span>
        </p>
      ) : canComplete && !completing ? (
        <Button
          aria-label={`Complete “${action.description}”`}
          onClick={() => {
            setCompleting(true);
          }}
        >
          Complete
        </Button>
      ) : null}
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

const addFieldIds = {
  description: 'action-description',
  ownerId: 'action-owner',
  dueDate: 'action-due',
};

function AddActionForm({ concernId }: { concernId: string }) {
  const addAction = useLantern((s) => s.addAction);
  const owners = useLantern((s) => s.actionOwners);
  const loadOwners = useLantern((s) => s.loadActionOwners);
  useEffect(() => {
    void loadOwners();
  }, [loadOwners]);
  const { field, formProps, errors, pending } = useForm(
    { description: '', ownerId: '', dueDate: '' },
    addFieldIds,
    (values) =>
      sendChecked(
        addActionInput,
        { concernId, ...values },
        addAction,
        (a): Record<string, string> => {
          const due = dueDateProblem(a.dueDate, londonDate(new Date()));
          return due ? { dueDate: due } : {};
        },
      ),
    { resetOnSuccess: true },
  );
  const options = owners.map((o) => ({
    value: o.id,
    label: `${o.displayName} (${roleLabels[o.role]})`,
  }));
  return (
    <form {...formProps} aria-labelledby="action-form-title">
      <h4 id="action-form-title">Add an action</h4>
      <ErrorSummary errors={errors} fieldIds={addFieldIds} />
      <TextAreaField label="What needs doing" rows={2} {...field('description')} />
      <SelectField
        label="Who will do it"
        placeholder="Choose a person"
        options={options}
        {...field('ownerId')}
      />
      <DateField label="Due date" {...field('dueDate')} />
      <Button type="submit" variant="primary" disabled={pending}>
        Add action
      </Button>
    </form>
  );
}

export function ActionsSection({ state }: { state: TriageState }) {
  const open = state.status !== 'closed';
  return (
    <section className="triage__part" aria-labelledby="triage-actions-title">
      <h3 id="triage-actions-title">Actions</h3>
      {state.actions.length === 0 ? (
        <p>No actions have been set.</p>
      ) : (
        <ul className="triage__history" aria-label="Actions">
          {state.actions.map((a) => (
            <ActionItem key={a.id} action={a} canComplete={open} />
          ))}
        </ul>
      )}
      {open ? <AddActionForm concernId={state.concernId} /> : null}
      <SavedMessage forms={['actions.add', 'actions.complete']} />
    </section>
  );
}
