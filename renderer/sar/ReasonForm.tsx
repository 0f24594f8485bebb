import type { ReactNode } from 'react';

import type { Result } from '../../shared/result';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApiNamed } from '../ui/form-errors';
import { TextAreaField } from '../ui/TextAreaField';
import { useForm } from '../ui/use-form';

/**
 * One step on a request that needs a written reason (stop the clock, extend, withdraw, remove a
 * redaction): the reason checked by main, with main's message shown on the field.
 */
export function ReasonForm({
  id,
  title,
  label,
  hint,
  action,
  children,
  send,
  onDone,
}: {
  id: string;
  title: string;
  label: string;
  hint?: string;
  action: string;
  children?: ReactNode;
  /** Resolves to null when the session ended first. */
  send: (reason: string) => Promise<Result<unknown> | null>;
  onDone: () => void;
}) {
  const fieldIds = { reason: `${id}-reason` };
  const { field, formProps, errors, pending } = useForm(
    { reason: '' },
    fieldIds,
    async ({ reason }) => {
      const result = await send(reason);
      if (!result) return null;
      if (!result.ok)
        return errorsFromApiNamed(result.error, (path) =>
          path === 'note' || path === 'reason' ? 'reason' : path,
        );
      onDone();
      return null;
    },
    { resetOnSuccess: true },
  );
  return (
    <form aria-labelledby={`${id}-title`} {...formProps} className="sar-step">
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextAreaField label={label} hint={hint} rows={3} {...field('reason')} />
      <div className="button-row">
        <Button type="submit" disabled={pending}>
          {action}
        </Button>
      </div>
    </form>
  );
}
