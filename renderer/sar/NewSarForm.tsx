import { displayName } from '../../shared/children/schema';
import type { ReceivedHow, RequesterRelationship, SarCreateInput } from '../../shared/sar/schema';
import {
  COMPETENCE_AGE,
  receivedHowLabels,
  receivedHows,
  requesterRelationshipLabels,
  requesterRelationships,
  sarCreateInput,
} from '../../shared/sar/schema';
import { RegisterPicker } from '../children/RegisterPicker';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApiNamed, issuesNamed } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useRecordForm } from '../ui/use-record-form';

type Values = {
  child: { id: string; name: string } | null;
  requesterName: string;
  relationship: RequesterRelationship | '';
  relationshipDetail: string;
  receivedHow: ReceivedHow | '';
  receivedAt: string;
  competenceNote: string;
  identityChecked: boolean;
};

const ids = {
  requesterName: 'sar-requester',
  relationship: 'sar-relationship',
  relationshipDetail: 'sar-relationship-detail',
  receivedHow: 'sar-received-how',
  receivedAt: 'sar-received',
  competenceNote: 'sar-competence',
};
const CHILD_ID = 'sar-child';
const IDENTITY_ID = 'sar-identity';
const fieldIds = { ...ids, childId: CHILD_ID, identityChecked: IDENTITY_ID };

const relationshipOptions = requesterRelationships.map((r) => ({
  value: r,
  label: requesterRelationshipLabels[r],
}));
const howOptions = receivedHows.map((h) => ({ value: h, label: receivedHowLabels[h] }));

function check(v: Values): { ok: true; input: SarCreateInput } | { ok: false; errors: FormErrors } {
  const input = {
    childId: v.child?.id ?? '',
    receivedAt: v.receivedAt,
    requesterName: v.requesterName,
    relationship: v.relationship as RequesterRelationship,
    relationshipDetail: v.relationship === 'other' ? v.relationshipDetail : '',
    receivedHow: v.receivedHow as ReceivedHow,
    competenceNote: v.competenceNote,
    identityChecked: v.identityChecked,
  };
  const parsed = sarCreateInput.safeParse(input);
  if (parsed.success) return { ok: true, input };
  const fields = issuesNamed(parsed.error.issues, (path) => path);
  if (v.child === null) fields.childId = 'Choose the child the request is about.';
  return { ok: false, errors: { fields, general: null } };
}

/** Log a subject access request: it starts the one-month duty from the day it was received. */
export function NewSarForm({ child }: { child: { id: string; name: string } | null }) {
  const create = useLantern((s) => s.createSar);
  const find = useLantern((s) => s.findChildrenForConcern);
  const navigate = useLantern((s) => s.navigate);
  const { values, set, field, errors, pending, formProps } = useRecordForm<Values>(
    () => ({
      child,
      requesterName: '',
      relationship: '',
      relationshipDetail: '',
      receivedHow: '',
      receivedAt: '',
      competenceNote: '',
      identityChecked: false,
    }),
    ids,
  );

  async function save(input: SarCreateInput): Promise<FormErrors | null> {
    const result = await create(input);
    if (!result) return null;
    if (result.ok) {
      navigate(
        { page: 'sar', id: result.value.id },
        { tone: 'success', text: 'Request logged and its one-month duty started.' },
      );
      return null;
    }
    return errorsFromApiNamed(result.error, (path) => path);
  }

  return (
    <section className="page-section" aria-labelledby="sar-new-title">
      <h2 id="sar-new-title">New request</h2>
      <form aria-labelledby="sar-new-title" {...formProps(check, save)}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        {values.child ? (
          <div className="field">
            <p className="field__label">Child</p>
            <p>
              {values.child.name}{' '}
              <Button
                onClick={() => {
                  set('child', null);
                }}
              >
                Change <span className="visually-hidden">the child</span>
              </Button>
            </p>
          </div>
        ) : (
          <RegisterPicker
            id={CHILD_ID}
            label="Child the request is about"
            error={errors.fields.childId}
            find={find}
            noMatch="pupil"
            verb="Choose"
            onChoose={(found) => {
              set('child', { id: found.id, name: displayName(found) });
            }}
          />
        )}
        <TextField label="Requester’s name" autoComplete="off" {...field('requesterName')} />
        <SelectField
          label="Who is asking"
          placeholder="Choose who is asking"
          options={relationshipOptions}
          {...field('relationship')}
        />
        {values.relationship === 'other' ? (
          <TextField
            label="Who they are to the child"
            hint="For example: the child’s social worker, acting with the child’s agreement."
            {...field('relationshipDetail')}
          />
        ) : null}
        <SelectField
          label="How the request came in"
          placeholder="Choose how"
          options={howOptions}
          {...field('receivedHow')}
        />
        <DateField
          label="Date received"
          hint="The one-month period runs from this day."
          {...field('receivedAt')}
        />
        <TextAreaField
          label="Competence assessment"
          hint={`Needed when the child is about ${COMPETENCE_AGE} or over, or a parent or carer asks for them: can the child understand their rights, and do they agree to the request?`}
          rows={4}
          {...field('competenceNote')}
        />
        <CheckboxField
          id={IDENTITY_ID}
          label="The requester’s identity has been checked"
          hint="If not yet, log the request now and stop the clock while you wait for proof."
          checked={values.identityChecked}
          error={errors.fields.identityChecked}
          onChange={(checked) => {
            set('identityChecked', checked);
          }}
        />
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Log the request
          </Button>
        </div>
      </form>
    </section>
  );
}
