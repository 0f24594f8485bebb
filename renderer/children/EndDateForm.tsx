import { useState } from 'react';

import type { Result } from '../../shared/result';
import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { useForm } from '../ui/use-form';

/** "since 3 Mar 2026" or "3 Mar 2026 to 20 Nov 2026". */
export function periodText(dated: { startDate: string; endDate: string }): string {
  return dated.endDate === ''
    ? `since ${formatCalendarDate(dated.startDate)}`
    : `${formatCalendarDate(dated.startDate)} to ${formatCalendarDate(dated.endDate)}`;
}

type EndDateFormProps = {
  /** The id of the date field. */
  id: string;
  /** The form's accessible name: "End Child protection plan (neglect)". */
  title: string;
  question: string;
  submitLabel: string;
  /** Resolves to null when the session ended before main answered. */
  end: (endDate: string) => Promise<Result<unknown> | null>;
  onDone: () => void;
};

/**
 * An "End" link for something current on a child's file (for those who may write) that opens
 * the form to end it in its place.
 */
export function EndControl({
  canWrite,
  buttonLabel,
  ...form
}: Omit<EndDateFormProps, 'onDone'> & { canWrite: boolean; buttonLabel: string }) {
  const [ending, setEnding] = useState(false);
  return (
    <>
      {canWrite && !ending ? (
        <Button
          variant="link"
          aria-label={buttonLabel}
          onClick={() => {
            setEnding(true);
          }}
        >
          End
        </Button>
      ) : null}
      {ending ? (
        <EndDateForm
          {...form}
          onDone={() => {
            setEnding(false);
          }}
        />
      ) : null}
    </>
  );
}

/**
 * Ends something dated on a child's file (a designation, a key contact) on the date given,
 * today by default. What ends stays on the file as history.
 */
function EndDateForm({ id, title, question, submitLabel, end, onDone }: EndDateFormProps) {
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
