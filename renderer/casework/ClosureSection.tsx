import type { TriageState } from '../../shared/casework/schema';
import { closeInput, closureProblems, reopenInput } from '../../shared/casework/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { TextAreaField } from '../ui/TextAreaField';
import { useForm } from '../ui/use-form';
import { SavedMessage } from './SavedMessage';
import { sendChecked } from './send-checked';

const closeFieldIds = {
  summary: 'closure-summary',
  followUp: 'closure-follow-up',
  outcome: 'closure-outcome',
};

/**
 * Closing needs what KCSIE asks a record to hold. A failed attempt lists exactly what is still
 * missing, including decisions and open actions, which are not fields of this form.
 */
function CloseForm({ state }: { state: TriageState }) {
  const closeConcern = useLantern((s) => s.closeConcern);
  const openActions = state.actions.filter((a) => a.completedAt === null);
  const { field, formProps, errors, pending } = useForm(
    { summary: '', followUp: '', outcome: '' },
    closeFieldIds,
    (values) =>
      sendChecked(closeInput, { concernId: state.concernId, ...values }, closeConcern, (c) =>
        closureProblems(c, state.decisions.length, openActions),
      ),
    { resetOnSuccess: true },
  );
  return (
    <form {...formProps} aria-labelledby="closure-form-title">
      <h4 id="closure-form-title">Close the concern</h4>
      <p>
        To close a concern, record a summary, how it was followed up, the outcome and at least one
        decision, and complete every action.
      </p>
      <ErrorSummary errors={errors} fieldIds={closeFieldIds} />
      <TextAreaField label="Summary of the concern" rows={3} {...field('summary')} />
      <TextAreaField label="How it was followed up and resolved" rows={3} {...field('followUp')} />
      <TextAreaField
        label="Outcome"
        hint="For example, what changed for the child, or the result of a referral."
        rows={3}
        {...field('outcome')}
      />
      <Button type="submit" variant="primary" disabled={pending}>
        Close concern
      </Button>
    </form>
  );
}

const reopenFieldIds = { reason: 'reopen-reason' };

function ReopenForm({ concernId }: { concernId: string }) {
  const reopenConcern = useLantern((s) => s.reopenConcern);
  const { field, formProps, errors, pending } = useForm(
    { reason: '' },
    reopenFieldIds,
    ({ reason }) => sendChecked(reopenInput, { concernId, reason }, reopenConcern),
    { resetOnSuccess: true },
  );
  return (
    <form {...formProps} aria-labelledby="reopen-form-title">
      <h4 id="reopen-form-title">Reopen the concern</h4>
      <ErrorSummary errors={errors} fieldIds={reopenFieldIds} />
      <TextAreaField
        label="Why reopen it?"
        hint="The closure stays in the history."
        rows={2}
        {...field('reason')}
      />
      <Button type="submit" disabled={pending}>
        Reopen concern
      </Button>
    </form>
  );
}

export function ClosureSection({ state }: { state: TriageState }) {
  return (
    <section className="triage__part" aria-labelledby="triage-closure-title">
      <h3 id="triage-closure-title">Closure</h3>
      {state.closures.length > 0 ? (
        <ol className="triage__history" aria-label="Closures">
          {state.closures.map((c) => (
            <li key={c.id}>
              <strong>
                Closed by {c.closedByName}, {formatInstant(c.closedAt)}
              </strong>
              <dl className="details-list">
                <div className="details-list__row">
                  <dt>Summary</dt>
                  <dd className="concern-text">{c.summary}</dd>
                </div>
                <div className="details-list__row">
                  <dt>Follow-up</dt>
                  <dd className="concern-text">{c.followUp}</dd>
                </div>
                <div className="details-list__row">
                  <dt>Outcome</dt>
                  <dd className="concern-text">{c.outcome}</dd>
                </div>
              </dl>
              {c.reopening ? (
                <p>
                  Reopened by {c.reopening.byName}, {formatInstant(c.reopening.at)}:{' '}
                  <span className="concern-text">{c.reopening.reason}</span>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {state.status === 'closed' ? (
        <ReopenForm concernId={state.concernId} />
      ) : (
        <CloseForm state={state} />
      )}
      <SavedMessage forms={['triage.close', 'triage.reopen']} />
    </section>
  );
}
