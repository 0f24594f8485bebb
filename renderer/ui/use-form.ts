import type { SubmitEvent } from 'react';
import { useState } from 'react';

import type { FormErrors } from './form-errors';
import { noErrors } from './form-errors';

type FormOptions = {
  /** Errors found elsewhere, shown at once (a later wizard step sent the person back here). */
  initialErrors?: FormErrors;
  /** Empty the form after a successful send (a passphrase must not linger in the fields). */
  resetOnSuccess?: boolean;
};

/**
 * A form's values, errors and submit. `send` checks and saves, and resolves to the errors to
 * show (or null once saved). A second submit while one is in flight is ignored, so a double
 * click cannot save twice.
 */
export function useForm<Name extends string>(
  initial: Record<Name, string>,
  fieldIds: Readonly<Record<Name, string>>,
  send: (values: Record<Name, string>) => Promise<FormErrors | null>,
  { initialErrors = noErrors, resetOnSuccess = false }: FormOptions = {},
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(initialErrors);
  const [pending, setPending] = useState(false);

  /** The props a TextField, DateField or SelectField needs for one field. */
  function field(name: Name) {
    return {
      id: fieldIds[name],
      value: values[name],
      error: errors.fields[name],
      onChange: (value: string) => {
        setValues((current) => ({ ...current, [name]: value }));
      },
    };
  }

  async function submit(): Promise<void> {
    if (pending) return;
    setPending(true);
    try {
      const found = await send(values);
      setErrors(found ?? noErrors);
      if (!found && resetOnSuccess) setValues(initial);
    } finally {
      setPending(false);
    }
  }

  const formProps = {
    // Lantern shows its own messages; the browser's would be unstyled and not in British English.
    noValidate: true,
    onSubmit: (event: SubmitEvent<HTMLFormElement>) => {
      event.preventDefault();
      void submit();
    },
  };

  return { values, errors, pending, field, formProps };
}
