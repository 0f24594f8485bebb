import { useState } from 'react';

import type { ConcernFlagName } from '../../shared/concerns/schema';
import { concernFlagLabels, concernFlagNames } from '../../shared/concerns/schema';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { noErrors } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { CATEGORIES_ID, ConcernCategories } from './ConcernCategories';
import { ADD_CHILD_QUERY_ID, childRoleId, ConcernChildren } from './ConcernChildren';
import type { ConcernValues } from './concern-values';
import { blankConcern, checkConcern, fieldErrors } from './concern-values';

type TextName = 'location' | 'summary' | 'childWords' | 'opinion' | 'actionsTaken' | 'peopleTold';

const fixedIds = {
  date: 'concern-date',
  time: 'concern-time',
  location: 'concern-location',
  categories: CATEGORIES_ID,
  summary: 'concern-summary',
  childWords: 'concern-child-words',
  opinion: 'concern-opinion',
  actionsTaken: 'concern-actions',
  peopleTold: 'concern-people-told',
};

const flagIds: Record<ConcernFlagName, string> = {
  possibleChildSexOffence: 'concern-flag-sexual-offence',
  fgmKnownCase: 'concern-flag-fgm',
  allegationAboutAdult: 'concern-flag-adult',
};

type Start = { id: string; name: string };

/** The form to record a concern, starting from one child (from their page or the register). */
export function RecordConcernPage({ child }: { child: Start }) {
  const navigate = useLantern((s) => s.navigate);
  const submitConcern = useLantern((s) => s.submitConcern);
  const canOpenFile = useCan('children.read');
  const [values, setValues] = useState<ConcernValues>(() => blankConcern(child));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [pending, setPending] = useState(false);

  // Field name → control id, in the order the form shows them (the error summary's order).
  const fieldIds: Record<string, string> = {
    ...Object.fromEntries(values.children.map((_, i) => [`children.${i}`, childRoleId(i)])),
    children: ADD_CHILD_QUERY_ID,
    ...fixedIds,
  };

  function set<K extends keyof ConcernValues>(name: K, value: ConcernValues[K]): void {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function text(name: TextName) {
    return {
      id: fixedIds[name],
      value: values[name],
      error: errors.fields[name],
      onChange: (value: string) => {
        set(name, value);
      },
    };
  }

  async function submit(): Promise<void> {
    if (pending) return;
    const check = checkConcern(values, new Date());
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setPending(true);
    try {
      const result = await submitConcern(check.input);
      if (!result) return;
      if (result.ok) {
        navigate({ page: 'concern-recorded', id: result.value.id, child });
        return;
      }
      const fields = fieldErrors(Object.entries(result.error.fields ?? {}));
      setErrors(
        Object.keys(fields).length > 0
          ? { fields, general: null }
          : { fields: {}, general: result.error.message },
      );
    } finally {
      setPending(false);
    }
  }

  function back(): void {
    navigate(canOpenFile ? { page: 'child', id: child.id } : { page: 'pupils' });
  }

  return (
    <>
      <PageHeading>Record a concern</PageHeading>
      <p>
        Write down what you saw or heard as soon as you can, in your own words. If a child is in
        immediate danger, find the designated safeguarding lead now, or call 999.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <ConcernChildren
          value={values.children}
          onChange={(children) => {
            set('children', children);
          }}
          errors={errors.fields}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">When did it happen?</legend>
          <DateField
            label="Date"
            id={fixedIds.date}
            value={values.date}
            error={errors.fields.date}
            onChange={(value) => {
              set('date', value);
            }}
          />
          <TextField
            label="Time (optional)"
            hint="Use the 24-hour clock, such as 14:30."
            type="time"
            width="short"
            id={fixedIds.time}
            value={values.time}
            error={errors.fields.time}
            onChange={(value) => {
              set('time', value);
            }}
          />
          <CheckboxField
            id="concern-approx"
            label="The date or time is approximate"
            checked={values.approx}
            onChange={(checked) => {
              set('approx', checked);
            }}
          />
        </fieldset>
        <TextField label="Where did it happen?" autoComplete="off" {...text('location')} />
        <ConcernCategories
          value={values.categories}
          onChange={(categories) => {
            set('categories', categories);
          }}
          error={errors.fields.categories}
        />
        <TextAreaField
          label="What happened? (facts you saw or heard)"
          hint="Who was there, what was said and done. Write names in full: no initials or abbreviations."
          rows={8}
          {...text('summary')}
        />
        <TextAreaField
          label="The child’s own words (exact words, even if offensive)"
          hint="Include any questions you asked."
          {...text('childWords')}
        />
        <TextAreaField
          label="Your opinion or concerns (kept separate from the facts)"
          {...text('opinion')}
        />
        <TextAreaField label="What did you do?" {...text('actionsTaken')} />
        <TextField label="Who else have you told?" autoComplete="off" {...text('peopleTold')} />
        <CheckboxField
          id="concern-dsl-told"
          label="I have told the DSL in person"
          checked={values.dslToldInPerson}
          onChange={(checked) => {
            set('dslToldInPerson', checked);
          }}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Does any of these apply?</legend>
          {concernFlagNames.map((flag) => (
            <CheckboxField
              key={flag}
              id={flagIds[flag]}
              label={concernFlagLabels[flag]}
              checked={values.flags[flag]}
              onChange={(checked) => {
                set('flags', { ...values.flags, [flag]: checked });
              }}
            />
          ))}
        </fieldset>
        <p>Once submitted, a concern cannot be changed. Corrections are added beneath it.</p>
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Submit concern
          </Button>
          <Button onClick={back}>Cancel</Button>
        </div>
      </form>
    </>
  );
}
