import { useState } from 'react';

import type { TrainingAudience } from '../../shared/governance/training';
import { trainingAudienceLabels, trainingAudiences } from '../../shared/governance/training';
import type { TrainingPerson } from '../../shared/training/schema';
import { call } from '../api';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

type PersonFormProps = {
  /** The person being changed, or null to add someone. */
  person: TrainingPerson | null;
  onSaved: (person: TrainingPerson) => void;
};

/** Add someone whose training is tracked, or change their details, groups or leaving date. */
export function PersonForm({ person, onSaved }: PersonFormProps) {
  const prefix = person ? `person-${person.id}` : 'new-person';
  const ids = {
    name: `${prefix}-name`,
    jobTitle: `${prefix}-job-title`,
    startDate: `${prefix}-start-date`,
    leavingDate: `${prefix}-leaving-date`,
    groups: `${prefix}-group-${trainingAudiences[0]}`,
  };
  const [groups, setGroups] = useState<TrainingAudience[]>(person?.groups ?? ['all_staff']);
  const form = useForm(
    {
      name: person?.name ?? '',
      jobTitle: person?.jobTitle ?? '',
      startDate: person?.startDate ?? '',
      leavingDate: person?.leavingDate ?? '',
      groups: '',
    },
    ids,
    async (values) => {
      const fields = {
        name: values.name,
        jobTitle: values.jobTitle,
        startDate: values.startDate,
        leavingDate: values.leavingDate,
        groups,
        userId: person?.userId ?? null,
      };
      const result = person
        ? await call('training.updatePerson', { ...fields, id: person.id })
        : await call('training.addPerson', fields);
      if (!result.ok) return errorsFromApi(result.error);
      onSaved(result.value);
      return null;
    },
    { resetOnSuccess: person === null },
  );
  return (
    <form {...form.formProps} className="form">
      <ErrorSummary errors={form.errors} fieldIds={ids} />
      <TextField label="Name" autoComplete="off" {...form.field('name')} />
      <TextField label="Job title" hint="Optional" {...form.field('jobTitle')} />
      <DateField label="Start date" {...form.field('startDate')} />
      <DateField
        label="Leaving date"
        hint="Leave blank while they are in post. Their training is no longer tracked once they have left; their records are kept."
        {...form.field('leavingDate')}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Groups</legend>
        <p className="field__hint">Which training applies depends on the groups they are in.</p>
        {trainingAudiences.map((audience, i) => (
          <CheckboxField
            key={audience}
            id={`${prefix}-group-${audience}`}
            label={trainingAudienceLabels[audience]}
            checked={groups.includes(audience)}
            {...(i === 0 ? { error: form.errors.fields.groups } : {})}
            onChange={(checked) => {
              setGroups((current) =>
                trainingAudiences.filter((a) => (a === audience ? checked : current.includes(a))),
              );
            }}
          />
        ))}
      </fieldset>
      <Button type="submit" variant="primary" disabled={form.pending}>
        {person ? 'Save changes' : 'Add person'}
      </Button>
    </form>
  );
}
