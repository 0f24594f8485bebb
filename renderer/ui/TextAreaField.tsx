import type { ComponentProps } from 'react';

import type { FieldMessages } from './Field';
import { Field, describedBy } from './Field';

type TextAreaFieldProps = FieldMessages &
  Omit<ComponentProps<'textarea'>, 'id' | 'value' | 'onChange' | 'className'> & {
    id: string;
    label: string;
    value: string;
    onChange: (value: string) => void;
  };

/** A multi-line answer (what happened, the child's words) laid out like every other field. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  errorRole,
  value,
  onChange,
  rows = 5,
  ...rest
}: TextAreaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorRole={errorRole}>
      <textarea
        {...rest}
        id={id}
        name={id}
        rows={rows}
        className="textarea"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-describedby={describedBy(id, { hint, error })}
        aria-invalid={error ? true : undefined}
      />
    </Field>
  );
}
