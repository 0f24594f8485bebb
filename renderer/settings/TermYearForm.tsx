import { useState } from 'react';

import type { TermYear } from '../../shared/dates/calendar-schema';
import {
  MAX_INSET_DAYS_PER_YEAR,
  MAX_TERMS_PER_YEAR,
  termYearInput,
} from '../../shared/dates/calendar-schema';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApiNamed, issuesNamed, noErrors } from '../ui/form-errors';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

/** One year's terms and INSET days as typed, before they are saved. */
export type YearDraft = Pick<TermYear, 'terms' | 'insetDays'>;

/** A message about `terms.2.endsOn.something` belongs to the field `terms.2.endsOn`. */
const toField = (path: string): string => path.split('.').slice(0, 3).join('.');

function fieldIdsOf(draft: YearDraft): Record<string, string> {
  return Object.fromEntries([
    ...draft.terms.flatMap((_, i): [string, string][] => [
      [`terms.${i}.name`, `term-${i}-name`],
      [`terms.${i}.startsOn`, `term-${i}-starts`],
      [`terms.${i}.endsOn`, `term-${i}-ends`],
    ]),
    ...draft.insetDays.flatMap((_, i): [string, string][] => [
      [`insetDays.${i}.date`, `inset-${i}-date`],
      [`insetDays.${i}.note`, `inset-${i}-note`],
    ]),
  ]);
}

/**
 * One academic year's term dates and INSET days. The values live with the caller (an import
 * fills them); this form edits, checks and saves them.
 */
export function TermYearForm({
  academicYear,
  draft,
  onChange,
  onSaved,
}: {
  academicYear: string;
  draft: YearDraft;
  onChange: (draft: YearDraft) => void;
  onSaved: () => void;
}) {
  const save = useLantern((s) => s.saveTermYear);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);
  const fieldIds = fieldIdsOf(draft);
  const { terms, insetDays } = draft;

  function setTerm(index: number, change: Partial<YearDraft['terms'][number]>): void {
    onChange({ ...draft, terms: terms.map((t, i) => (i === index ? { ...t, ...change } : t)) });
  }
  function setInset(index: number, change: Partial<YearDraft['insetDays'][number]>): void {
    onChange({
      ...draft,
      insetDays: insetDays.map((d, i) => (i === index ? { ...d, ...change } : d)),
    });
  }

  async function submit(): Promise<void> {
    if (pending) return;
    setNotice(null);
    const parsed = termYearInput.safeParse({ academicYear, terms, insetDays });
    if (!parsed.success) {
      setErrors({ fields: issuesNamed(parsed.error.issues, toField), general: null });
      return;
    }
    setPending(true);
    try {
      const result = await save(parsed.data);
      if (!result) return;
      if (!result.ok) {
        setErrors(errorsFromApiNamed(result.error, toField));
        return;
      }
      setErrors(noErrors);
      setNotice({ tone: 'success', text: `Term dates for ${academicYear} saved.` });
      onSaved();
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <h3>Terms in {academicYear}</h3>
      <p className="field__hint">
        Enter half-terms as separate terms, such as Autumn 1 and Autumn 2, so the holidays between
        them count as days the school is closed. List the terms in date order.
      </p>
      {errors.fields.terms ? <p className="field__error">{errors.fields.terms}</p> : null}
      {terms.length === 0 ? <p>No terms are entered for {academicYear}.</p> : null}
      {terms.map((term, index) => (
        // A term row has no identity beyond its place in the list.
        <fieldset className="fieldset fieldset--inline" key={index}>
          <legend className="fieldset__legend fieldset__legend--small">Term {index + 1}</legend>
          <TextField
            id={`term-${index}-name`}
            label="Name"
            width="medium"
            value={term.name}
            error={errors.fields[`terms.${index}.name`]}
            onChange={(name) => {
              setTerm(index, { name });
            }}
          />
          <DateField
            id={`term-${index}-starts`}
            label="First day"
            value={term.startsOn}
            error={errors.fields[`terms.${index}.startsOn`]}
            onChange={(startsOn) => {
              setTerm(index, { startsOn });
            }}
          />
          <DateField
            id={`term-${index}-ends`}
            label="Last day"
            value={term.endsOn}
            error={errors.fields[`terms.${index}.endsOn`]}
            onChange={(endsOn) => {
              setTerm(index, { endsOn });
            }}
          />
          <Button
            onClick={() => {
              onChange({ ...draft, terms: terms.filter((_, i) => i !== index) });
            }}
          >
            Remove term {index + 1}
          </Button>
        </fieldset>
      ))}
      {terms.length < MAX_TERMS_PER_YEAR ? (
        <div className="button-row">
          <Button
            onClick={() => {
              onChange({ ...draft, terms: [...terms, { name: '', startsOn: '', endsOn: '' }] });
            }}
          >
            Add a term
          </Button>
        </div>
      ) : null}

      <h3>INSET days in {academicYear}</h3>
      <p className="field__hint">
        Training days when the school is closed to pupils: they are not school days. Each must be a
        weekday within a term.
      </p>
      {errors.fields.insetDays ? <p className="field__error">{errors.fields.insetDays}</p> : null}
      {insetDays.length === 0 ? <p>No INSET days are entered for {academicYear}.</p> : null}
      {insetDays.map((day, index) => (
        <fieldset className="fieldset fieldset--inline" key={index}>
          <legend className="fieldset__legend fieldset__legend--small">
            INSET day {index + 1}
          </legend>
          <DateField
            id={`inset-${index}-date`}
            label="Date"
            value={day.date}
            error={errors.fields[`insetDays.${index}.date`]}
            onChange={(date) => {
              setInset(index, { date });
            }}
          />
          <TextField
            id={`inset-${index}-note`}
            label="Note (optional)"
            width="medium"
            value={day.note}
            error={errors.fields[`insetDays.${index}.note`]}
            onChange={(note) => {
              setInset(index, { note });
            }}
          />
          <Button
            onClick={() => {
              onChange({ ...draft, insetDays: insetDays.filter((_, i) => i !== index) });
            }}
          >
            Remove INSET day {index + 1}
          </Button>
        </fieldset>
      ))}
      <div className="button-row">
        {insetDays.length < MAX_INSET_DAYS_PER_YEAR ? (
          <Button
            onClick={() => {
              onChange({ ...draft, insetDays: [...insetDays, { date: '', note: '' }] });
            }}
          >
            Add an INSET day
          </Button>
        ) : null}
        <Button type="submit" variant="primary" disabled={pending}>
          Save term dates for {academicYear}
        </Button>
      </div>
      <StatusMessage notice={notice} />
    </form>
  );
}
