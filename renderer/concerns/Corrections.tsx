import { formatInstant } from '../../shared/dates/calendar-date';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { TextAreaField } from '../ui/TextAreaField';
import { useForm } from '../ui/use-form';

type Correction = {
  id: string;
  addedByName: string;
  addedAt: string;
  reason: string;
  text: string;
};

/**
 * The corrections beneath an immutable record (a concern, an Operation Encompass notification),
 * oldest first, each with who added it, when and why. `idPrefix` keeps the heading's id unique.
 */
export function CorrectionsSection({
  idPrefix,
  addenda,
}: {
  idPrefix: string;
  addenda: readonly Correction[];
}) {
  const titleId = `${idPrefix}-corrections-title`;
  return (
    <section className="page-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Corrections</h2>
      {addenda.length === 0 ? (
        <p>No corrections have been added.</p>
      ) : (
        <ol className="addenda">
          {addenda.map((a) => (
            <li key={a.id} className="addendum concern-section">
              <p>
                <strong>
                  {a.addedByName}, {formatInstant(a.addedAt)}
                </strong>
              </p>
              <p className="concern-text">Reason: {a.reason}</p>
              <p className="concern-text">{a.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type CorrectionFormProps = {
  /** The ids of the two fields and the section heading. */
  ids: { reason: string; text: string; title: string };
  /** An example of why a correction is needed, for this kind of record. */
  hint: string;
  /** Checks and saves; resolves to the errors to show, or null once added. */
  send: (values: { reason: string; text: string }) => Promise<FormErrors | null>;
};

/** Add a correction, with its reason, beneath a record that itself never changes. */
export function CorrectionForm({ ids, hint, send }: CorrectionFormProps) {
  const fieldIds = { reason: ids.reason, text: ids.text };
  const { field, formProps, errors, pending } = useForm({ reason: '', text: '' }, fieldIds, send, {
    resetOnSuccess: true,
  });
  return (
    <section className="page-section" aria-labelledby={ids.title}>
      <h2 id={ids.title}>Add a correction</h2>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextAreaField
          label="Why is a correction needed?"
          hint={hint}
          rows={3}
          {...field('reason')}
        />
        <TextAreaField label="The correction" {...field('text')} />
        <Button type="submit" variant="primary" disabled={pending}>
          Add correction
        </Button>
      </form>
    </section>
  );
}
