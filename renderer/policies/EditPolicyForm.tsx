import { useEffect, useRef } from 'react';

import { methods } from '../../shared/api';
import type { PolicyEntry } from '../../shared/policies/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

const fieldIds = { ownerName: 'policy-edit-owner', notes: 'policy-edit-notes' };
const updateInput = methods['policies.update'].input;

/** Who keeps a policy up to date and the school's notes on it; its reviews stay as they are. */
export function EditPolicyForm({
  policy,
  onSaved,
  onCancel,
}: {
  policy: PolicyEntry;
  onSaved: (policy: PolicyEntry) => void;
  onCancel: () => void;
}) {
  const updatePolicy = useLantern((s) => s.updatePolicy);
  const heading = useRef<HTMLHeadingElement>(null);
  const { field, formProps, errors } = useForm(
    { ownerName: policy.ownerName, notes: policy.notes },
    fieldIds,
    async (v) => {
      const parsed = updateInput.safeParse({ policyId: policy.id, ...v });
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const result = await updatePolicy(parsed.data);
      if (!result) return null;
      if (!result.ok) return errorsFromApi(result.error);
      onSaved(policy);
      return null;
    },
  );

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="panel" aria-labelledby="policy-edit-title">
      <h2 id="policy-edit-title" tabIndex={-1} ref={heading}>
        Details of the {policy.title.toLowerCase()}
      </h2>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextField
          label="Owner (optional)"
          hint="Who keeps it up to date."
          {...field('ownerName')}
        />
        <TextAreaField label="Notes (optional)" {...field('notes')} />
        <div className="button-row">
          <Button type="submit" variant="primary">
            Save details
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}
