import type { ComponentProps, ReactNode } from 'react';

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
    /** Set in a monospaced font, for codes such as a UPN or the recovery key. */
    code?: boolean;
    /** Shown under the input; `afterId` names the part of it that describes the input. */
    after?: ReactNode;
    afterId?: string;
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
  code = false,
  after,
  afterId,
  ...rest
}: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorRole={errorRole} after={after}>
      <input
        {...rest}
        id={id}
        name={id}
        type={type}
        className={`input input--${width}${code ? ' input--code' : ''}`}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-describedby={describedBy(id, { hint, error }, afterId)}
        aria-invalid={error ? true : undefined}
      />
    </Field>
  );
}
