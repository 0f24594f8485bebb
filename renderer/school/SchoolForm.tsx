import type { SchoolInput, SchoolProfile } from '../../shared/school/schema';
import { phaseLabels, phases, schoolInput } from '../../shared/school/schema';
import type { ApiError } from '../../shared/result';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

/** What the form holds while someone types: every field a string, the phase blank until chosen. */
export type SchoolValues = Record<keyof SchoolInput, string>;

export const blankSchool: SchoolValues = {
  name: '',
  urn: '',
  localAuthority: '',
  laCode: '',
  phase: '',
};

export function schoolValues(profile: SchoolProfile): SchoolValues {
  const { name, urn, localAuthority, laCode, phase } = profile;
  return { name, urn, localAuthority, laCode, phase };
}

const fieldIds: Record<keyof SchoolInput, string> = {
  name: 'school-name',
  urn: 'school-urn',
  localAuthority: 'school-local-authority',
  laCode: 'school-la-code',
  phase: 'school-phase',
};

const phaseOptions = phases.map((phase) => ({ value: phase, label: phaseLabels[phase] }));

type SchoolFormProps = {
  initial: SchoolValues;
  /** Errors found after the form was left (set-up's last step sends the person back here). */
  initialErrors?: FormErrors;
  submitLabel: string;
  /** Receives the checked details; resolves to main's error, or null when done. */
  onSubmit: (input: SchoolInput, values: SchoolValues) => Promise<ApiError | null>;
  onCancel?: () => void;
};

export function SchoolForm({
  initial,
  initialErrors,
  submitLabel,
  onSubmit,
  onCancel,
}: SchoolFormProps) {
  const { field, formProps, errors } = useForm(
    initial,
    fieldIds,
    async (values) => {
      const parsed = schoolInput.safeParse(values);
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const error = await onSubmit(parsed.data, values);
      return error ? errorsFromApi(error) : null;
    },
    { initialErrors },
  );

  return (
    <form {...formProps}>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextField label="School name" autoComplete="organization" {...field('name')} />
      <TextField
        label="URN"
        hint="The 6-digit unique reference number shown on Get Information about Schools."
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        width="short"
        {...field('urn')}
      />
      <TextField
        label="Local authority"
        hint="The local authority whose safeguarding partnership covers the school."
        autoComplete="off"
        {...field('localAuthority')}
      />
      <TextField
        label="LA number (optional)"
        hint="3 digits, for example 878."
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        width="short"
        {...field('laCode')}
      />
      <SelectField label="Phase" placeholder="Choose…" options={phaseOptions} {...field('phase')} />
      <div className="button-row">
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
      </div>
    </form>
  );
}
