import type { ComponentProps } from 'react';

import type { FieldMessages } from './Field';
import { Field, describedBy } from './Field';

export type TextFieldProps = FieldMessages &
  Omit<ComponentProps<'input'>, 'id' | 'value' | 'onChange' | 'className'> & {
    id: string;
    label: string;
    value: string;
    onChange: (value: string) => void;
    /** A width that hints at the expected answer (a UPN is short, a name is not). */
    width?: 'short' | 'medium' | 'long';
  };

export function TextField({
  id,
  label,
  hint,
  error,
  errorRole,
  value,
  onChange,
  width = 'long',
  type = 'text',
  ...rest
}: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorRole={errorRole}>
      <input
        {...rest}
        id={id}
        name={id}
        type={type}
        className={`input input--${width}`}
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
