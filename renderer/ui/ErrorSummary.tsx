import { useEffect, useId, useRef } from 'react';

import type { FormErrors } from './form-errors';

type ErrorSummaryProps = {
  errors: FormErrors;
  /** Field name → the id of its control, in the order the form shows them. */
  fieldIds: Readonly<Record<string, string>>;
};

/**
 * The GOV.UK error summary: takes focus when a submit fails so a screen reader hears every
 * problem at once, and each problem links to the control that needs fixing.
 */
export function ErrorSummary({ errors, fieldIds }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  // A page can hold two forms (Settings does), so each summary's title needs its own id.
  const titleId = useId();
  const linked = Object.entries(fieldIds).flatMap(([name, id]) => {
    const message = errors.fields[name];
    return message ? [{ id, message }] : [];
  });
  const unlinked = Object.entries(errors.fields)
    .filter(([name]) => !(name in fieldIds))
    .map(([, message]) => message);
  if (errors.general) unlinked.unshift(errors.general);
  const empty = linked.length === 0 && unlinked.length === 0;

  useEffect(() => {
    // Each failed submit yields a new errors object, so the summary takes focus again.
    if (!empty) ref.current?.focus();
  }, [errors, empty]);

  if (empty) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {unlinked.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {linked.map(({ id, message }) => (
          <li key={id}>
            <a
              href={`#${id}`}
              onClick={(event) => {
                // Focus the control itself; following the fragment would only scroll to it.
                event.preventDefault();
                document.getElementById(id)?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
