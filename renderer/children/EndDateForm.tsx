import type { Result } from '../../shared/result';
import { londonDate } from '../../shared/dates/calendar-date';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { useForm } from '../ui/use-form';

/**
 * Ends something dated on a child's file (a designation, a key contact) on the date given,
 * today by default. What ends stays on the file as history.
 */
export function EndDateForm({
  id,
  title,
  question,
  submitLabel,
  end,
  onDone,
}: {
  /** The id of the date field. */
  id: string;
  /** The form's accessible name: "End Child protection plan (neglect)". */
  title: string;
  question: string;
  submitLabel: string;
  /** Resolves to null when the session ended before main answered. */
  end: (endDate: string) => Promise<Result<unknown> | null>;
  onDone: () => void;
}) {
  const fieldIds = { endDate: id };
  const { field, formProps, errors, pending } = useForm(
    { endDate: londonDate(new Date()) },
    fieldIds,
    async ({ endDate }) => {
      if (endDate === '') return { fields: { endDate: 'Enter the end date.' }, general: null };
      const result = await end(endDate);
      if (!result) return null;
      if (result.ok) {
        onDone();
        return null;
      }
      return errorsFromApi(result.error);
    },
  );
  return (
    <form {...formProps} aria-label={title} className="designation-end">
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <DateField label={question} {...field('endDate')} />
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          {submitLabel}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
