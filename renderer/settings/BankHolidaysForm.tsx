import { useState } from 'react';

import type { CalendarInfo } from '../../shared/dates/calendar-schema';
import { bankHolidayOverridesInput } from '../../shared/dates/calendar-schema';
import { formatCalendarDate } from '../../shared/dates/calendar-date';
import type { BankHolidayOverride } from '../../shared/dates/school-calendar';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApiNamed, issuesNamed, noErrors } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

const addIds = { date: 'bank-holiday-add-date', name: 'bank-holiday-add-name' };
const removeIds = { date: 'bank-holiday-remove-date', name: 'bank-holiday-remove-reason' };

/**
 * The errors for one override about to join the list, named by its own fields: the whole list is
 * checked, so a date already overridden is caught too.
 */
function checkNew(
  overrides: readonly BankHolidayOverride[],
  next: BankHolidayOverride,
): FormErrors | null {
  const parsed = bankHolidayOverridesInput.safeParse({ overrides: [...overrides, next] });
  if (parsed.success) return null;
  const own = `overrides.${overrides.length}.`;
  const fields = issuesNamed(parsed.error.issues, (path) =>
    path.startsWith(own) ? path.slice(own.length) : path,
  );
  return { fields, general: null };
}

/** "25 Dec 2026: not a bank holiday here (moved by proclamation)" and the like. */
function changeText(override: BankHolidayOverride): string {
  const when = formatCalendarDate(override.date);
  return override.kind === 'add'
    ? `${when}: added as a bank holiday (${override.name})`
    : `${when}: not a bank holiday here (${override.name})`;
}

/**
 * England and Wales bank holidays for this year and the next two, and the school's changes: a
 * day added (a newly proclaimed holiday Lantern does not know yet) or one removed, with why.
 */
export function BankHolidaysForm({ info }: { info: CalendarInfo }) {
  const save = useLantern((s) => s.saveBankHolidayOverrides);
  const [overrides, setOverrides] = useState<BankHolidayOverride[]>(() => [...info.overrides]);
  const [added, setAdded] = useState({ date: '', name: '' });
  const [removed, setRemoved] = useState({ date: '', name: '' });
  const [addErrors, setAddErrors] = useState<FormErrors>(noErrors);
  const [removeErrors, setRemoveErrors] = useState<FormErrors>(noErrors);
  const [saveErrors, setSaveErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);

  const changed = new Set(overrides.map((o) => o.date));
  const removable = info.bankHolidays
    .filter((h) => h.override === null && !changed.has(h.date))
    .map((h) => ({ value: h.date, label: `${formatCalendarDate(h.date)}: ${h.name}` }));

  function include(
    next: BankHolidayOverride,
    setErrors: (errors: FormErrors) => void,
    reset: () => void,
  ): void {
    setNotice(null);
    const found = checkNew(overrides, next);
    setErrors(found ?? noErrors);
    if (found) return;
    setOverrides((current) => [...current, next].sort((a, b) => a.date.localeCompare(b.date)));
    reset();
  }

  async function submit(): Promise<void> {
    if (pending) return;
    setNotice(null);
    setPending(true);
    try {
      const result = await save({ overrides });
      if (!result) return;
      if (!result.ok) {
        setSaveErrors(errorsFromApiNamed(result.error, (path) => path));
        return;
      }
      setSaveErrors(noErrors);
      setNotice({ tone: 'success', text: 'Bank-holiday changes saved.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <h3>Bank holidays</h3>
      <p>
        Lantern works out the bank holidays in England and Wales, including the ones moved when they
        fall at a weekend. Deadlines counted in working days skip them.
      </p>
      <table className="table table--compact">
        <caption className="visually-hidden">Bank holidays this year and the next two</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Bank holiday</th>
          </tr>
        </thead>
        <tbody>
          {info.bankHolidays.map((h) => (
            <tr key={h.date}>
              <th scope="row">{formatCalendarDate(h.date)}</th>
              <td>
                {h.name}
                {h.override === 'add' ? (
                  <span className="table__note">Added by the school</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>The school’s changes</h4>
      {overrides.length === 0 ? (
        <p>None: Lantern’s list is used as it is.</p>
      ) : (
        <ul className="list">
          {overrides.map((o) => (
            <li key={o.date}>
              {changeText(o)}{' '}
              <Button
                variant="link"
                onClick={() => {
                  setNotice(null);
                  setOverrides((current) => current.filter((c) => c.date !== o.date));
                }}
              >
                Undo the change for {formatCalendarDate(o.date)}
              </Button>
            </li>
          ))}
        </ul>
      )}

      <fieldset className="fieldset">
        <legend className="fieldset__legend fieldset__legend--small">Add a bank holiday</legend>
        <p className="field__hint">For a holiday proclaimed after this version of Lantern.</p>
        <ErrorSummary errors={addErrors} fieldIds={addIds} />
        <DateField
          id={addIds.date}
          label="Date"
          value={added.date}
          error={addErrors.fields.date}
          onChange={(date) => {
            setAdded((v) => ({ ...v, date }));
          }}
        />
        <TextField
          id={addIds.name}
          label="Name"
          width="medium"
          value={added.name}
          error={addErrors.fields.name}
          onChange={(name) => {
            setAdded((v) => ({ ...v, name }));
          }}
        />
        <Button
          onClick={() => {
            include({ kind: 'add', ...added }, setAddErrors, () => {
              setAdded({ date: '', name: '' });
            });
          }}
        >
          Add this day
        </Button>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend fieldset__legend--small">Remove a bank holiday</legend>
        <p className="field__hint">
          For a holiday moved or cancelled by proclamation after this version of Lantern.
        </p>
        <ErrorSummary errors={removeErrors} fieldIds={removeIds} />
        <SelectField
          id={removeIds.date}
          label="Bank holiday"
          placeholder="Choose a bank holiday"
          options={removable}
          value={removed.date}
          error={removeErrors.fields.date}
          onChange={(date) => {
            setRemoved((v) => ({ ...v, date }));
          }}
        />
        <TextField
          id={removeIds.name}
          label="Reason"
          width="medium"
          value={removed.name}
          error={removeErrors.fields.name}
          onChange={(name) => {
            setRemoved((v) => ({ ...v, name }));
          }}
        />
        <Button
          onClick={() => {
            // The schema's messages speak of a date and a name; this form asks for a choice
            // and a reason.
            const missing: Record<string, string> = {};
            if (removed.date === '') missing.date = 'Choose the bank holiday to remove.';
            if (removed.name.trim() === '')
              missing.name = 'Enter the reason this day is not a bank holiday.';
            if (Object.keys(missing).length > 0) {
              setNotice(null);
              setRemoveErrors({ fields: missing, general: null });
              return;
            }
            include({ kind: 'remove', ...removed }, setRemoveErrors, () => {
              setRemoved({ date: '', name: '' });
            });
          }}
        >
          Remove this day
        </Button>
      </fieldset>

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary errors={saveErrors} fieldIds={{}} />
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Save bank-holiday changes
          </Button>
        </div>
        <StatusMessage notice={notice} />
      </form>
    </>
  );
}
