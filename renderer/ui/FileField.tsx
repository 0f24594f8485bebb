import type { ComponentProps } from 'react';

import type { FieldMessages } from './Field';
import { Field, describedBy } from './Field';

type FileFieldProps = FieldMessages &
  Omit<ComponentProps<'input'>, 'id' | 'type' | 'value' | 'onChange' | 'className'> & {
    id: string;
    label: string;
    /** Called with the file chosen; nothing is read here. */
    onFile: (file: File) => void;
  };

/** A native file input with its label, hint and error, as the other fields have. */
export function FileField({ id, label, hint, error, errorRole, onFile, ...rest }: FileFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorRole={errorRole}>
      <input
        {...rest}
        id={id}
        name={id}
        type="file"
        className="file-input"
        onClick={(event) => {
          // Choosing the same file again (after correcting it in the MIS) must count as a choice.
          event.currentTarget.value = '';
        }}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
        }}
        aria-describedby={describedBy(id, { hint, error })}
        aria-invalid={error ? true : undefined}
      />
    </Field>
  );
}
