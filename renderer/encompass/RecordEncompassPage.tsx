import { useEffect } from 'react';

import { londonDate } from '../../shared/dates/calendar-date';
import type { EncompassInput } from '../../shared/encompass/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApiNamed } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useRecordForm } from '../ui/use-record-form';
import { EncompassChildren, FIND_CHILD_ID, presenceId } from './EncompassChildren';
import { blankEncompass, checkEncompass, formField } from './encompass-values';

const fixedIds = {
  incidentDate: 'encompass-incident-date',
  incidentTime: 'encompass-incident-time',
  notifiedDate: 'encompass-notified-date',
  notifiedTime: 'encompass-notified-time',
  policeForce: 'encompass-force',
  policeReference: 'encompass-reference',
  notifiedBy: 'encompass-notified-by',
  summary: 'encompass-summary',
  keyAdultId: 'encompass-key-adult',
  informedDate: 'encompass-informed-date',
  informedTime: 'encompass-informed-time',
  supportPlanned: 'encompass-support',
};

type Start = { id: string; name: string } | null;

/**
 * Record a police Operation Encompass notification, usually first thing in the morning: find
 * the children on the register, then what the police said, then who was told and what support
 * is planned today.
 */
export function RecordEncompassPage({ child }: { child: Start }) {
  const navigate = useLantern((s) => s.navigate);
  const record = useLantern((s) => s.recordEncompass);
  const owners = useLantern((s) => s.actionOwners);
  const loadOwners = useLantern((s) => s.loadActionOwners);
  const me = useLantern((s) => s.session?.user?.id ?? '');
  const { values, set, field, errors, pending, formProps } = useRecordForm(
    () => blankEncompass(child, londonDate(new Date()), me),
    fixedIds,
  );

  useEffect(() => {
    void loadOwners();
  }, [loadOwners]);

  const fieldIds: Record<string, string> = {
    children: FIND_CHILD_ID,
    ...Object.fromEntries(values.children.map((_, i) => [`children.${i}`, presenceId(i)])),
    ...fixedIds,
  };

  async function save(input: EncompassInput): Promise<FormErrors | null> {
    const result = await record(input);
    if (!result) return null;
    if (result.ok) {
      navigate(
        { page: 'encompass', id: result.value.id, child },
        { tone: 'success', text: 'Notification recorded on each child’s chronology.' },
      );
      return null;
    }
    return errorsFromApiNamed(result.error, formField);
  }

  const keyAdults = owners.map((o) => ({ value: o.id, label: o.displayName }));
  return (
    <>
      {child ? (
        <Button
          variant="link"
          className="back-link"
          onClick={() => {
            navigate({ page: 'child', id: child.id });
          }}
        >
          Back to {child.name}
        </Button>
      ) : null}
      <PageHeading>Record an Operation Encompass notification</PageHeading>
      <p>
        The police tell the school, normally before the next school day starts, when a child may
        have been affected by a domestic abuse incident. Record it, tell the key adult and plan
        support for today. Share it only with those who need to know.
      </p>
      <form {...formProps((current) => checkEncompass(current, new Date()), save)}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <EncompassChildren
          value={values.children}
          onChange={(children) => {
            set('children', children);
          }}
          errors={errors.fields}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">The incident</legend>
          <DateField label="Date of the incident" {...field('incidentDate')} />
          <TextField
            label="Time of the incident (optional)"
            hint="Use the 24-hour clock, such as 22:15."
            type="time"
            width="short"
            {...field('incidentTime')}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">The notification</legend>
          <DateField label="Date the police notified the school" {...field('notifiedDate')} />
          <TextField
            label="Time the police notified the school"
            type="time"
            width="short"
            {...field('notifiedTime')}
          />
          <TextField
            label="Police force"
            hint="For example, Metropolitan Police."
            autoComplete="off"
            width="medium"
            {...field('policeForce')}
          />
          <TextField
            label="Police reference number"
            autoComplete="off"
            width="medium"
            code
            {...field('policeReference')}
          />
          <TextField
            label="Who notified the school"
            hint="The officer or hub, and how to contact them."
            autoComplete="off"
            {...field('notifiedBy')}
          />
          <TextAreaField
            label="What the police shared"
            hint="As the police gave it: facts only."
            rows={6}
            {...field('summary')}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">The key adult</legend>
          <SelectField
            label="Key adult told"
            placeholder="Choose a person"
            options={keyAdults}
            id={fixedIds.keyAdultId}
            value={values.keyAdultId}
            error={errors.fields.keyAdultId}
            onChange={(value) => {
              set('keyAdultId', value);
            }}
          />
          <DateField label="Date the key adult was told" {...field('informedDate')} />
          <TextField
            label="Time the key adult was told"
            type="time"
            width="short"
            {...field('informedTime')}
          />
        </fieldset>
        <TextAreaField
          label="Support planned or offered (optional)"
          hint="For example, a check-in at registration or a quiet space at lunch."
          rows={4}
          {...field('supportPlanned')}
        />
        <p>Once recorded, a notification cannot be changed. Corrections are added beneath it.</p>
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Record notification
          </Button>
        </div>
      </form>
    </>
  );
}
