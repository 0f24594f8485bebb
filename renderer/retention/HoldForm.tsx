import { useEffect, useRef } from 'react';

import { methods } from '../../shared/api';
import { formatInstant } from '../../shared/dates/calendar-date';
import type { LegalHold } from '../../shared/retention/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { TextAreaField } from '../ui/TextAreaField';
import { useForm } from '../ui/use-form';

const placeInput = methods['retention.placeHold'].input;
const liftInput = methods['retention.liftHold'].input;
const fieldIds = { reason: 'legal-hold-reason' } as const;

/**
 * Place a legal hold on a child's file (`hold` null), or lift the one in force, with a reason
 * either way: a held file cannot be destroyed, and a hold stays on record once lifted.
 */
export function HoldForm({
  child,
  hold,
  onDone,
  onCancel,
}: {
  child: { id: string; name: string };
  hold: LegalHold | null;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const placeHold = useLantern((s) => s.placeHold);
  const liftHold = useLantern((s) => s.liftHold);
  const heading = useRef<HTMLHeadingElement>(null);
  const { field, formProps, errors } = useForm({ reason: '' }, fieldIds, async ({ reason }) => {
    const parsed = hold
      ? liftInput.safeParse({ holdId: hold.id, reason })
      : placeInput.safeParse({ childId: child.id, reason });
    if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
    const result = hold
      ? await liftHold({ holdId: hold.id, reason })
      : await placeHold({ childId: child.id, reason });
    if (!result) return null;
    if (!result.ok) return errorsFromApi(result.error);
    onDone(
      hold
        ? `The legal hold on ${child.name}’s file has been lifted.`
        : `${child.name}’s file is now under a legal hold.`,
    );
    return null;
  });

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="panel" aria-labelledby="legal-hold-title">
      <h2 id="legal-hold-title" tabIndex={-1} ref={heading}>
        {hold
          ? `Lift the legal hold on ${child.name}’s file`
          : `Place a legal hold on ${child.name}’s file`}
      </h2>
      {hold ? (
        <p>
          Placed on {formatInstant(hold.placedAt)} by {hold.placedByName}: “{hold.reason}”. Once
          lifted, the file can be destroyed when its review date has passed. The hold stays on
          record.
        </p>
      ) : (
        <p>
          A legal hold stops the file being destroyed, whatever its review date, until the hold is
          lifted. Place one when the file may be needed for litigation, an inquiry or a police
          investigation.
        </p>
      )}
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextAreaField
          label={hold ? 'Why the hold can be lifted' : 'Why the file must be kept'}
          hint={
            hold
              ? undefined
              : 'For example, a solicitor’s letter or a police request, with its date.'
          }
          {...field('reason')}
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            {hold ? 'Lift the hold' : 'Place the hold'}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}
