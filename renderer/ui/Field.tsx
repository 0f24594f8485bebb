import type { ReactNode } from 'react';

export type FieldMessages = {
  hint?: ReactNode;
  error?: string | undefined;
  /** Announce the error as soon as it appears (for single-field forms without a summary). */
  errorRole?: 'alert';
};

type FieldProps = FieldMessages & {
  id: string;
  label: string;
  children: ReactNode;
  /** Shown under the control, such as a passphrase strength indicator. */
  after?: ReactNode;
};

/** The ids an input should be described by: its hint, then its error, then any extra. */
export function describedBy(
  id: string,
  { hint, error }: FieldMessages,
  extra?: string,
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Label, hint and error around one control, laid out as GOV.UK forms do. */
export function Field({ id, label, hint, error, errorRole, children, after }: FieldProps) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <div id={`${id}-error`} role={errorRole}>
        {error ? (
          <p className="field__error">
            <span className="visually-hidden">Error: </span>
            <span>{error}</span>
          </p>
        ) : null}
      </div>
      {children}
      {after}
    </div>
  );
}
