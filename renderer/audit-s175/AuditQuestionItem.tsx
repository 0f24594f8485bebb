import { useState } from 'react';

import type {
  AuditAction,
  AuditAnswer,
  AuditQuestion,
  EvidenceLink,
  EvidenceOption,
  Rag,
} from '../../shared/audit-s175/schema';
import { EVIDENCE_KIND_WORDS, RAG_VALUES, RAG_WORDS } from '../../shared/audit-s175/schema';
import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

export function RagText({ rag }: { rag: Rag }) {
  return <span className={`rag rag--${rag}`}>{RAG_WORDS[rag]}</span>;
}

function evidenceText(e: EvidenceLink): string {
  return `${EVIDENCE_KIND_WORDS[e.kind]}: ${e.label}`;
}

type Props = {
  academicYear: string;
  question: AuditQuestion;
  answer: AuditAnswer | null;
  lastYear: { academicYear: string; rag: Rag | null } | null;
  actions: AuditAction[];
  options: EvidenceOption[];
  /** governance.manage: answer and plan actions. */
  canManage: boolean;
  /** Signed off: answers are frozen; the action plan carries on. */
  frozen: boolean;
};

function AnswerForm({
  academicYear,
  question,
  answer,
  options,
}: Pick<Props, 'academicYear' | 'question' | 'answer' | 'options'>) {
  const save = useLantern((s) => s.answerAuditQuestion);
  const prefix = `audit-${question.id}`;
  const ids = {
    rag: `${prefix}-rag-red`,
    comment: `${prefix}-comment`,
    evidence: `${prefix}-evidence`,
    other: `${prefix}-other`,
  };
  const [rag, setRag] = useState<Rag | null>(answer?.rag ?? null);
  const [comment, setComment] = useState(answer?.comment ?? '');
  const [evidence, setEvidence] = useState<EvidenceLink[]>(answer?.evidence ?? []);
  const [chosen, setChosen] = useState('');
  const [other, setOther] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const unlinked = options.filter((o) => !evidence.some((e) => e.kind === o.kind && e.id === o.id));

  async function submit(): Promise<void> {
    if (pending) return;
    setSaved(false);
    if (rag === null) {
      setErrors({ fields: { rag: 'Choose Red, Amber or Green.' }, general: null });
      return;
    }
    setPending(true);
    try {
      const result = await save({ academicYear, questionId: question.id, rag, comment, evidence });
      if (!result) return;
      if (result.ok) {
        setErrors(noErrors);
        setSaved(true);
      } else setErrors(errorsFromApi(result.error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={errors} fieldIds={ids} />
      <fieldset className={errors.fields.rag ? 'fieldset field field--error' : 'fieldset field'}>
        <legend className="fieldset__legend fieldset__legend--small">Rating</legend>
        {errors.fields.rag ? (
          <p className="field__error" id={`${prefix}-rag-error`}>
            <span className="visually-hidden">Error: </span>
            {errors.fields.rag}
          </p>
        ) : null}
        <div className="rag-choices">
          {RAG_VALUES.map((value) => (
            <div className="checkbox" key={value}>
              <input
                id={`${prefix}-rag-${value}`}
                type="radio"
                name={`${prefix}-rag`}
                className="checkbox__input"
                checked={rag === value}
                onChange={() => {
                  setRag(value);
                }}
              />
              <label className="checkbox__label" htmlFor={`${prefix}-rag-${value}`}>
                {RAG_WORDS[value]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id={ids.comment}
        label="Comment"
        hint="About the school’s arrangements. Do not name children."
        rows={3}
        value={comment}
        error={errors.fields.comment}
        onChange={setComment}
      />
      <fieldset className="fieldset field">
        <legend className="fieldset__legend fieldset__legend--small">Evidence</legend>
        {evidence.length === 0 ? (
          <p>No evidence linked.</p>
        ) : (
          <ul className="audit-evidence">
            {evidence.map((e, i) => (
              <li key={`${e.kind}:${e.id}:${e.label}`}>
                {evidenceText(e)}{' '}
                <Button
                  variant="link"
                  onClick={() => {
                    setEvidence(evidence.filter((_, j) => j !== i));
                  }}
                >
                  Remove<span className="visually-hidden"> {evidenceText(e)}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        {errors.fields.evidence ? <p className="field__error">{errors.fields.evidence}</p> : null}
        {unlinked.length > 0 ? (
          <div className="inline-add">
            <SelectField
              id={ids.evidence}
              label="Link a record"
              hint="Training records, policy reviews and filtering reviews."
              placeholder="Choose a record"
              value={chosen}
              options={unlinked.map((o) => ({
                value: `${o.kind}:${o.id}`,
                label: `${EVIDENCE_KIND_WORDS[o.kind]}: ${o.label}`,
              }))}
              onChange={setChosen}
            />
            <Button
              disabled={chosen === ''}
              onClick={() => {
                const option = unlinked.find((o) => `${o.kind}:${o.id}` === chosen);
                if (option) setEvidence([...evidence, option]);
                setChosen('');
              }}
            >
              Link record
            </Button>
          </div>
        ) : null}
        <div className="inline-add">
          <TextField
            id={ids.other}
            label="Other evidence"
            hint="Such as “Governing body minutes, 12 Oct 2026”."
            value={other}
            onChange={setOther}
          />
          <Button
            disabled={other.trim() === ''}
            onClick={() => {
              setEvidence([...evidence, { kind: 'other', id: '', label: other.trim() }]);
              setOther('');
            }}
          >
            Add evidence
          </Button>
        </div>
      </fieldset>
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          Save answer
        </Button>
        {saved ? <span role="status">Saved.</span> : null}
      </div>
    </form>
  );
}

function ActionForm({ academicYear, questionId }: { academicYear: string; questionId: string }) {
  const add = useLantern((s) => s.addAuditAction);
  const prefix = `audit-${questionId}-action`;
  const ids = { action: `${prefix}-text`, owner: `${prefix}-owner`, dueOn: `${prefix}-due` };
  const form = useForm(
    { action: '', owner: '', dueOn: '' },
    ids,
    async (values) => {
      const result = await add({ academicYear, questionId, ...values });
      if (!result) return null;
      return result.ok ? null : errorsFromApi(result.error);
    },
    { resetOnSuccess: true },
  );
  return (
    <form {...form.formProps} aria-label="Add an action">
      <ErrorSummary errors={form.errors} fieldIds={ids} />
      <TextField label="Action" {...form.field('action')} />
      <TextField label="Owner" hint="A role or a name." width="medium" {...form.field('owner')} />
      <DateField label="Due date" {...form.field('dueOn')} />
      <div className="button-row">
        <Button type="submit" disabled={form.pending}>
          Add action
        </Button>
      </div>
    </form>
  );
}

function ActionList({ actions, canManage }: { actions: AuditAction[]; canManage: boolean }) {
  const complete = useLantern((s) => s.completeAuditAction);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <ul className="audit-actions">
        {actions.map((a) => (
          <li key={a.id}>
            {a.action}. Owner: {a.owner}. Due {formatCalendarDate(a.dueOn)}.{' '}
            {a.doneOn ? (
              <strong>Done {formatCalendarDate(a.doneOn)}.</strong>
            ) : canManage ? (
              <Button
                variant="link"
                onClick={() => {
                  void complete({ id: a.id, doneOn: londonDate(new Date()) }).then((result) => {
                    setError(result && !result.ok ? result.error.message : null);
                  });
                }}
              >
                Mark done today<span className="visually-hidden">: {a.action}</span>
              </Button>
            ) : (
              'Not done yet.'
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function AuditQuestionItem(props: Props) {
  const { question, answer, lastYear, actions, canManage, frozen } = props;
  const headingId = `audit-${question.id}-title`;
  return (
    <section className="audit-question" aria-labelledby={headingId}>
      <h4 id={headingId}>{question.text}</h4>
      <p className="hint">
        Evidence expected: {question.evidence || 'not stated'}. Source: {question.source}.
      </p>
      {lastYear ? (
        <p>
          Last year ({lastYear.academicYear}):{' '}
          {lastYear.rag ? <RagText rag={lastYear.rag} /> : 'not in that audit or not answered'}.
        </p>
      ) : null}
      {canManage && !frozen ? (
        <AnswerForm {...props} />
      ) : answer ? (
        <>
          <p>
            Rating: <RagText rag={answer.rag} />
          </p>
          {answer.comment ? <p className="audit-comment">{answer.comment}</p> : null}
          {answer.evidence.length > 0 ? (
            <ul className="audit-evidence">
              {answer.evidence.map((e) => (
                <li key={`${e.kind}:${e.id}:${e.label}`}>{evidenceText(e)}</li>
              ))}
            </ul>
          ) : (
            <p>No evidence linked.</p>
          )}
        </>
      ) : (
        <p>Not answered yet.</p>
      )}
      {actions.length > 0 || canManage ? <h5>Actions</h5> : null}
      {actions.length > 0 ? <ActionList actions={actions} canManage={canManage} /> : null}
      {canManage ? (
        <details className="audit-add-action">
          <summary>Add an action</summary>
          <ActionForm academicYear={props.academicYear} questionId={question.id} />
        </details>
      ) : null}
    </section>
  );
}
