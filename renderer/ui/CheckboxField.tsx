import type { ComponentProps } from 'react';

import { describedBy } from './Field';

type CheckboxFieldProps = Omit<
  ComponentProps<'input'>,
  'id' | 'type' | 'checked' | 'onChange' | 'className'
> & {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string | undefined;
};

/** One checkbox with its label beside it, and any error above, as GOV.UK forms do. */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  hint,
  error,
  ...rest
}: CheckboxFieldProps) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <div id={`${id}-error`}>
        {error ? (
          <p className="field__error">
            <span className="visually-hidden">Error: </span>
            <span>{error}</span>
          </p>
        ) : null}
      </div>
      <div className="checkbox">
        <input
          {...rest}
          id={id}
          name={id}
          type="checkbox"
          className="checkbox__input"
          checked={checked}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
          aria-describedby={describedBy(id, { hint, error })}
          aria-invalid={error ? true : undefined}
        />
        <label className="checkbox__label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint ? (
        <div className="field__hint checkbox__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
