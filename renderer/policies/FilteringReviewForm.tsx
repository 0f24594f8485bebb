import type { SubmitEvent } from 'react';
import { useEffect, useRef, useState } from 'react';

import { methods } from '../../shared/api';
import type { FilteringParticipantRole } from '../../shared/policies/register';
import {
  filteringParticipantRoleLabels,
  filteringParticipantRoles,
  filteringReview,
} from '../../shared/policies/register';
import { filteringReviewProblems } from '../../shared/policies/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApiNamed, issuesNamed, noErrors } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';

type Participant = { name: string; role: FilteringParticipantRole | '' };
type Action = { action: string; owner: string; dueDate: string };

const reviewInput = methods['policies.recordFilteringReview'].input;
const roleOptions = filteringParticipantRoles.map((role) => ({
  value: role,
  label: filteringParticipantRoleLabels[role],
}));

/** The id of the control for an input path ("participants.0.name"). */
function idFor(path: string): string {
  return `filtering-${path.replaceAll('.', '-')}`;
}

/** The people the standards expect, ready to be named. */
const expectedParticipants: Participant[] = filteringReview.expectedRoles.map((role) => ({
  name: '',
  role,
}));

/**
 * Record the annual filtering and monitoring review: who took part (the senior leadership team,
 * the DSL, the responsible governor and the IT provider), what was checked, what was found and
 * the actions with their owners and dates.
 */
export function FilteringReviewForm({
  today,
  onRecorded,
  onCancel,
}: {
  today: string;
  onRecorded: () => void;
  onCancel: () => void;
}) {
  const record = useLantern((s) => s.recordFilteringReview);
  const heading = useRef<HTMLHeadingElement>(null);
  const [reviewedOn, setReviewedOn] = useState('');
  const [participants, setParticipants] = useState<Participant[]>(expectedParticipants);
  const [systemsChecked, setSystemsChecked] = useState('');
  const [findings, setFindings] = useState('');
  const [actions, setActions] = useState<Action[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // Every control, in the order shown, so the error summary links each message to its field.
  const fieldIds: Record<string, string> = {
    reviewedOn: idFor('reviewedOn'),
    ...Object.fromEntries(
      participants.flatMap((_, i) => [
        [`participants.${i}.name`, idFor(`participants.${i}.name`)],
        [`participants.${i}.role`, idFor(`participants.${i}.role`)],
      ]),
    ),
    participants: 'filtering-add-participant',
    systemsChecked: idFor('systemsChecked'),
    findings: idFor('findings'),
    ...Object.fromEntries(
      actions.flatMap((_, i) => [
        [`actions.${i}.action`, idFor(`actions.${i}.action`)],
        [`actions.${i}.owner`, idFor(`actions.${i}.owner`)],
        [`actions.${i}.dueDate`, idFor(`actions.${i}.dueDate`)],
      ]),
    ),
  };

  async function send(): Promise<FormErrors | null> {
    const input = { reviewedOn, participants, systemsChecked, findings, actions };
    const parsed = reviewInput.safeParse(input);
    if (!parsed.success)
      return { fields: issuesNamed(parsed.error.issues, (p) => p), general: null };
    const problems = filteringReviewProblems(parsed.data, today);
    if (Object.keys(problems).length > 0) return { fields: problems, general: null };
    const result = await record(parsed.data);
    if (!result) return null;
    if (!result.ok) return errorsFromApiNamed(result.error, (p) => p);
    onRecorded();
    return null;
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    void send()
      .then((found) => {
        setErrors(found ?? noErrors);
      })
      .finally(() => {
        setPending(false);
      });
  }

  function setParticipant(i: number, change: Partial<Participant>): void {
    setParticipants((list) => list.map((p, j) => (j === i ? { ...p, ...change } : p)));
  }
  function setAction(i: number, change: Partial<Action>): void {
    setActions((list) => list.map((a, j) => (j === i ? { ...a, ...change } : a)));
  }

  return (
    <section className="panel" aria-labelledby="filtering-review-title">
      <h2 id="filtering-review-title" tabIndex={-1} ref={heading}>
        Record a filtering and monitoring review
      </h2>
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <DateField
          id={idFor('reviewedOn')}
          label="Date of the review"
          max={today}
          value={reviewedOn}
          error={errors.fields.reviewedOn}
          onChange={setReviewedOn}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Who took part</legend>
          {participants.map((p, i) => (
            <fieldset className="fieldset fieldset--inline" key={i}>
              <legend className="fieldset__legend fieldset__legend--small">Person {i + 1}</legend>
              <TextField
                id={idFor(`participants.${i}.name`)}
                label="Name"
                width="medium"
                value={p.name}
                error={errors.fields[`participants.${i}.name`]}
                onChange={(name) => {
                  setParticipant(i, { name });
                }}
              />
              <SelectField
                id={idFor(`participants.${i}.role`)}
                label="Role"
                placeholder="Choose…"
                options={roleOptions}
                value={p.role}
                error={errors.fields[`participants.${i}.role`]}
                onChange={(role) => {
                  setParticipant(i, { role: role as Participant['role'] });
                }}
              />
              <Button
                aria-label={`Remove person ${i + 1}`}
                onClick={() => {
                  setParticipants((list) => list.filter((_, j) => j !== i));
                }}
              >
                Remove
              </Button>
            </fieldset>
          ))}
          <Button
            id="filtering-add-participant"
            onClick={() => {
              setParticipants((list) => [...list, { name: '', role: '' }]);
            }}
          >
            Add another person
          </Button>
        </fieldset>
        <TextAreaField
          id={idFor('systemsChecked')}
          label="Systems checked"
          hint="The filtering and monitoring provision checked: provider, devices, networks (including mobile data), categories tested, how alerts reach the safeguarding team."
          value={systemsChecked}
          error={errors.fields.systemsChecked}
          onChange={setSystemsChecked}
        />
        <TextAreaField
          id={idFor('findings')}
          label="Findings"
          hint="What works, what does not, and whether over-blocking affects teaching and learning."
          value={findings}
          error={errors.fields.findings}
          onChange={setFindings}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Actions</legend>
          {actions.length === 0 ? <p>No actions added.</p> : null}
          {actions.map((a, i) => (
            <fieldset className="fieldset fieldset--inline" key={i}>
              <legend className="fieldset__legend fieldset__legend--small">Action {i + 1}</legend>
              <TextField
                id={idFor(`actions.${i}.action`)}
                label="Action"
                value={a.action}
                error={errors.fields[`actions.${i}.action`]}
                onChange={(action) => {
                  setAction(i, { action });
                }}
              />
              <TextField
                id={idFor(`actions.${i}.owner`)}
                label="Owner"
                width="medium"
                value={a.owner}
                error={errors.fields[`actions.${i}.owner`]}
                onChange={(owner) => {
                  setAction(i, { owner });
                }}
              />
              <DateField
                id={idFor(`actions.${i}.dueDate`)}
                label="Due"
                value={a.dueDate}
                error={errors.fields[`actions.${i}.dueDate`]}
                onChange={(dueDate) => {
                  setAction(i, { dueDate });
                }}
              />
              <Button
                aria-label={`Remove action ${i + 1}`}
                onClick={() => {
                  setActions((list) => list.filter((_, j) => j !== i));
                }}
              >
                Remove
              </Button>
            </fieldset>
          ))}
          <Button
            onClick={() => {
              setActions((list) => [...list, { action: '', owner: '', dueDate: '' }]);
            }}
          >
            Add an action
          </Button>
        </fieldset>
        <div className="button-row">
          <Button type="submit" variant="primary">
            Record the review
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}
