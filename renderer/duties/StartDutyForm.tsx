import { displayName } from '../../shared/children/schema';
import type { DutyRule, DutyRuleId } from '../../shared/duties/rules';
import type { StartInput } from '../../shared/duties/schema';
import { manualRules } from '../../shared/duties/rules';
import { RegisterPicker } from '../children/RegisterPicker';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApiNamed } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { useRecordForm } from '../ui/use-record-form';
import type { StartValues } from './duty-values';
import { checkStart, dutyFormField } from './duty-values';
import { WhenFields } from './WhenFields';

const ids = {
  ruleId: 'duty-start-event',
  date: 'duty-start-date',
  time: 'duty-start-time',
  note: 'duty-start-note',
};
const CHILD_ID = 'duty-start-child';
const fieldIds = {
  ruleId: ids.ruleId,
  childId: CHILD_ID,
  date: ids.date,
  time: ids.time,
  note: ids.note,
};

/** What happened, in the words each rule gives the event that starts it. */
function eventOf(rule: DutyRule): { event: string; atLabel: string } {
  const manual = rule.triggers.find((t) => t.kind === 'manual');
  return manual ?? { event: rule.title, atLabel: 'When it happened' };
}

const rules = manualRules();
const eventOptions = rules.map((r) => ({ value: r.id, label: eventOf(r).event }));

function blank(): StartValues {
  return { ruleId: '', child: null, date: '', time: '', note: '' };
}

/**
 * Start a duty from an event recorded by hand (a strategy discussion, a subject access request,
 * a data breach…): its deadline is computed from when it happened, as for any other duty.
 */
export function StartDutyForm() {
  const start = useLantern((s) => s.startDuty);
  const find = useLantern((s) => s.findChildrenForConcern);
  const navigate = useLantern((s) => s.navigate);
  const { values, set, field, errors, pending, formProps } = useRecordForm(blank, ids);
  const rule = rules.find((r) => r.id === values.ruleId) ?? null;

  async function save(input: StartInput): Promise<FormErrors | null> {
    const result = await start(input);
    if (!result) return null;
    if (result.ok) {
      navigate(
        { page: 'duty', id: result.value.id, from: { page: 'duties' } },
        { tone: 'success', text: 'Duty started. Its deadline is shown below.' },
      );
      return null;
    }
    return errorsFromApiNamed(result.error, dutyFormField);
  }

  return (
    <section className="page-section" aria-labelledby="duty-start-title">
      <h2 id="duty-start-title">Record an event</h2>
      <p>
        Some duties start with something Lantern cannot see, such as a strategy discussion or a
        subject access request. Record it here to start the duty and its deadline.
      </p>
      <form
        aria-labelledby="duty-start-title"
        {...formProps(
          // A duty about the school (a data breach) names no child, whatever was chosen before.
          (v) => checkStart(rule?.aboutChild === false ? { ...v, child: null } : v),
          save,
        )}
      >
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <SelectField
          label="What happened"
          placeholder="Choose the event"
          options={eventOptions}
          {...field('ruleId')}
          onChange={(value) => {
            set('ruleId', value as DutyRuleId | '');
          }}
        />
        {rule ? <p className="field__hint">{rule.title}.</p> : null}
        {rule?.aboutChild === false ? null : values.child ? (
          <div className="field">
            <p className="field__label">Child</p>
            <p>
              {values.child.name}{' '}
              <Button
                onClick={() => {
                  set('child', null);
                }}
              >
                Remove <span className="visually-hidden">{values.child.name}</span>
              </Button>
            </p>
          </div>
        ) : (
          <RegisterPicker
            id={CHILD_ID}
            label="Child"
            error={errors.fields.childId}
            find={find}
            noMatch="pupil on roll"
            verb="Choose"
            onChoose={(child) => {
              set('child', { id: child.id, name: displayName(child) });
            }}
          />
        )}
        <WhenFields
          legend={rule ? eventOf(rule).atLabel : 'When it happened'}
          date={field('date')}
          time={field('time')}
        />
        <TextAreaField label="Details (optional)" rows={4} {...field('note')} />
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Start the duty
          </Button>
        </div>
      </form>
    </section>
  );
}
