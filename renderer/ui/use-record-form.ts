import type { SubmitEvent } from 'react';
import { useState } from 'react';

import type { FormErrors } from './form-errors';
import { noErrors } from './form-errors';

/** The names of a form's fields that hold text (a TextField, DateField or SelectField each). */
type TextName<Values> = { [K in keyof Values]: Values[K] extends string ? K : never }[keyof Values];

type Check<Input> = { ok: true; input: Input } | { ok: false; errors: FormErrors };

/**
 * A record form whose values are more than text (a list of children, ticks, marks on a body
 * map): its values, errors and submit. A second submit while one is in flight is ignored, so a
 * double click cannot save twice.
 */
export function useRecordForm<Values extends object>(
  initial: () => Values,
  fieldIds: Readonly<Record<TextName<Values>, string>>,
) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [pending, setPending] = useState(false);

  function set<K extends keyof Values>(name: K, value: Values[K]): void {
    setValues((current) => ({ ...current, [name]: value }));
  }

  /** The props a TextField, DateField or TextAreaField needs for one text field. */
  function field(name: TextName<Values>) {
    return {
      id: fieldIds[name],
      value: values[name] as string,
      error: errors.fields[name as string],
      onChange: (value: string) => {
        set(name, value as Values[TextName<Values>]);
      },
    };
  }

  async function submit<Input>(
    check: (values: Values) => Check<Input>,
    save: (input: Input) => Promise<FormErrors | null>,
  ): Promise<void> {
    if (pending) return;
    const checked = check(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setPending(true);
    try {
      const found = await save(checked.input);
      if (found) setErrors(found);
    } finally {
      setPending(false);
    }
  }

  /**
   * The form's props: on submit, `check` makes main's checks first, for instant feedback, then
   * `save` sends what passed and resolves to the errors to show, or null once saved.
   */
  function formProps<Input>(
    check: (values: Values) => Check<Input>,
    save: (input: Input) => Promise<FormErrors | null>,
  ) {
    return {
      // Lantern shows its own messages; the browser's would be unstyled and not in British English.
      noValidate: true,
      onSubmit: (event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        void submit(check, save);
      },
    };
  }

  return { values, set, field, errors, setErrors, pending, formProps };
}
