import type { ChildInput } from '../../shared/children/schema';
import { genderLabels, genders, yearGroupLabel, yearGroups } from '../../shared/children/schema';
import type { ApiError } from '../../shared/result';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import type { ChildValues } from './child-values';
import { checkChild } from './child-values';

const fieldIds: Record<keyof ChildInput, string> = {
  legalForename: 'child-legal-forename',
  legalSurname: 'child-legal-surname',
  preferredForename: 'child-preferred-forename',
  preferredSurname: 'child-preferred-surname',
  dateOfBirth: 'child-date-of-birth',
  upn: 'child-upn',
  yearGroup: 'child-year-group',
  gender: 'child-gender',
  admissionDate: 'child-admission-date',
  leavingDate: 'child-leaving-date',
};

const yearGroupOptions = yearGroups.map((year) => ({ value: year, label: yearGroupLabel(year) }));
const genderOptions = genders.map((gender) => ({ value: gender, label: genderLabels[gender] }));

type ChildFormProps = {
  initial: ChildValues;
  submitLabel: string;
  /** Sends the checked details to main; resolves to main's error, or null when done. */
  onSubmit: (input: ChildInput) => Promise<ApiError | null>;
  onCancel: () => void;
  /** A pupil leaves after they are on the register, so only editing asks for a leaving date. */
  askLeavingDate?: boolean;
};

export function ChildForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  askLeavingDate = false,
}: ChildFormProps) {
  const { field, formProps, errors } = useForm(initial, fieldIds, async (values) => {
    const check = checkChild(values, new Date());
    if (!check.ok) return { fields: check.fields, general: null };
    const error = await onSubmit(check.draft);
    // An update nests the details under `child`, so main names its fields `child.upn` and so on.
    return error ? errorsFromApi(error, 'child.') : null;
  });

  return (
    <form {...formProps}>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextField label="Legal first name" autoComplete="off" {...field('legalForename')} />
      <TextField label="Legal surname" autoComplete="off" {...field('legalSurname')} />
      <TextField
        label="Preferred first name (optional)"
        hint="Only if the child is known by a different name."
        autoComplete="off"
        {...field('preferredForename')}
      />
      <TextField
        label="Preferred surname (optional)"
        autoComplete="off"
        {...field('preferredSurname')}
      />
      <DateField label="Date of birth" {...field('dateOfBirth')} />
      <TextField
        label="UPN"
        hint="The unique pupil number: 13 characters, as shown in your MIS. Leave it blank if the child does not have one yet."
        autoComplete="off"
        spellCheck={false}
        width="medium"
        {...field('upn')}
      />
      <SelectField
        label="Year group"
        placeholder="Choose…"
        options={yearGroupOptions}
        {...field('yearGroup')}
      />
      <SelectField
        label="Gender"
        placeholder="Choose…"
        options={genderOptions}
        {...field('gender')}
      />
      <DateField label="Admission date (optional)" {...field('admissionDate')} />
      {askLeavingDate ? (
        <DateField
          label="Leaving date (optional)"
          hint="When the pupil left or will leave the school. Lantern keeps their file."
          {...field('leavingDate')}
        />
      ) : null}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
