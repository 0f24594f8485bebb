import { useEffect, useRef } from 'react';

import { methods } from '../../shared/api';
import { formatCalendarDate } from '../../shared/dates/calendar-date';
import { retentionRules } from '../../shared/retention/rules';
import type { RetentionQueueItem } from '../../shared/retention/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

const destroyInput = methods['retention.destroy'].input;
const fieldIds = { confirmation: 'destroy-confirmation', reason: 'destroy-reason' } as const;

/**
 * Destroy a child's file (the DSL alone): what will go and what stays, the legal name typed to
 * confirm, and a reason for the register. Main refuses a held file or one not yet due.
 */
export function DestroyForm({
  item,
  onDestroyed,
  onCancel,
}: {
  item: RetentionQueueItem;
  onDestroyed: (text: string) => void;
  onCancel: () => void;
}) {
  const destroyFile = useLantern((s) => s.destroyFile);
  const heading = useRef<HTMLHeadingElement>(null);
  const { field, formProps, errors } = useForm(
    { confirmation: '', reason: '' },
    fieldIds,
    async (v) => {
      const input = { childId: item.childId, confirmation: v.confirmation, reason: v.reason };
      const parsed = destroyInput.safeParse(input);
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const result = await destroyFile(input);
      if (!result) return null;
      if (!result.ok) return errorsFromApi(result.error);
      onDestroyed(
        `${item.displayName}’s file has been destroyed. The destruction register records it without the child’s name.`,
      );
      return null;
    },
  );

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const rule = retentionRules[item.recordType];
  return (
    <section className="panel panel--important" aria-labelledby="destroy-title">
      <h2 id="destroy-title" tabIndex={-1} ref={heading}>
        Destroy {item.displayName}’s file
      </h2>
      <p>
        {rule.label}: review from {formatCalendarDate(item.reviewFrom)}. {rule.note}
      </p>
      <p>
        <strong>This cannot be undone.</strong> Lantern will delete everything it holds about this
        child: the child’s details, every concern about this child alone with its casework,
        attachments and body map, the chronology, designations, family members and key contacts,
        Operation Encompass notifications, statutory duties, transfers and the record of exports. A
        concern shared with another child is kept for that child, without this child. The database
        is then rewritten so that nothing deleted can be recovered from it.
      </p>
      <p>
        Backups made before today still hold the file until they are replaced. The audit log keeps
        its entries (record ids, never names), and the destruction register records the date, the
        rule, who authorised it and your reason.
      </p>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextField
          label="Type the child’s legal name to confirm"
          autoComplete="off"
          spellCheck={false}
          {...field('confirmation')}
        />
        <TextAreaField
          label="Reason for destruction"
          hint="Kept in the destruction register: do not include the child’s name or UPN."
          {...field('reason')}
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            Destroy the file
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}
