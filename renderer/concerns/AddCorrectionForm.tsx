import { addendumInput } from '../../shared/concerns/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { TextAreaField } from '../ui/TextAreaField';
import { useForm } from '../ui/use-form';

const fieldIds = { reason: 'correction-reason', text: 'correction-text' };

/** A correction is added beneath a concern with its reason; the concern itself never changes. */
export function AddCorrectionForm({ concernId }: { concernId: string }) {
  const addAddendum = useLantern((s) => s.addAddendum);
  const { field, formProps, errors } = useForm(
    { reason: '', text: '' },
    fieldIds,
    async (values) => {
      const parsed = addendumInput.safeParse({ concernId, ...values });
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const result = await addAddendum({ concernId, ...values });
      if (!result || result.ok) return null;
      return errorsFromApi(result.error);
    },
    { resetOnSuccess: true },
  );
  return (
    <section className="page-section" aria-labelledby="add-correction-title">
      <h2 id="add-correction-title">Add a correction</h2>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextAreaField
          label="Why is a correction needed?"
          hint="For example, the time was wrong, or something was left out."
          rows={3}
          {...field('reason')}
        />
        <TextAreaField label="The correction" {...field('text')} />
        <Button type="submit" variant="primary">
          Add correction
        </Button>
      </form>
    </section>
  );
}
