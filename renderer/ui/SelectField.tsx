import type { ComponentProps } from 'react';

import type { FieldMessages } from './Field';
import { Field, describedBy } from './Field';

type SelectOption = { value: string; label: string };

type SelectFieldProps = FieldMessages &
  Omit<ComponentProps<'select'>, 'id' | 'value' | 'onChange' | 'className' | 'children'> & {
    id: string;
    label: string;
    value: string;
    options: readonly SelectOption[];
    /** The empty first option, so nothing is chosen by accident. */
    placeholder: string;
    onChange: (value: string) => void;
  };

export function SelectField({
  id,
  label,
  hint,
  error,
  errorRole,
  value,
  options,
  placeholder,
  onChange,
  ...rest
}: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorRole={errorRole}>
      <select
        {...rest}
        id={id}
        name={id}
        className="select"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-describedby={describedBy(id, { hint, error })}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
