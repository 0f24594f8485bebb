import { useEffect, useRef } from 'react';

import { methods } from '../../shared/api';
import { DEFAULT_REVIEW_MONTHS } from '../../shared/policies/register';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

const fieldIds = {
  title: 'policy-add-title',
  ownerName: 'policy-add-owner',
  intervalMonths: 'policy-add-interval',
  notes: 'policy-add-notes',
};
const addInput = methods['policies.add'].input;

/** Add a policy of the school's own to the register (the statutory ones are already there). */
export function AddPolicyForm({
  onAdded,
  onCancel,
}: {
  onAdded: (title: string) => void;
  onCancel: () => void;
}) {
  const addPolicy = useLantern((s) => s.addPolicy);
  const heading = useRef<HTMLHeadingElement>(null);
  const { field, formProps, errors } = useForm(
    { title: '', ownerName: '', intervalMonths: String(DEFAULT_REVIEW_MONTHS), notes: '' },
    fieldIds,
    async (v) => {
      const months = v.intervalMonths.trim();
      const input = {
        title: v.title,
        ownerName: v.ownerName,
        notes: v.notes,
        intervalMonths: /^\d{1,3}$/.test(months) ? Number(months) : Number.NaN,
      };
      const parsed = addInput.safeParse(input);
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const result = await addPolicy(parsed.data);
      if (!result) return null;
      if (!result.ok) return errorsFromApi(result.error);
      onAdded(parsed.data.title);
      return null;
    },
  );

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="panel" aria-labelledby="policy-add-title-heading">
      <h2 id="policy-add-title-heading" tabIndex={-1} ref={heading}>
        Add a policy
      </h2>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextField label="Policy title" {...field('title')} />
        <TextField
          label="Owner (optional)"
          hint="Who keeps it up to date."
          {...field('ownerName')}
        />
        <TextField
          label="Review every (months)"
          inputMode="numeric"
          width="short"
          {...field('intervalMonths')}
        />
        <TextAreaField label="Notes (optional)" {...field('notes')} />
        <div className="button-row">
          <Button type="submit" variant="primary">
            Add the policy
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}
