import { useState } from 'react';

import type { TermYear } from '../../shared/dates/calendar-schema';
import { parseTermDatesCsv } from '../../shared/dates/term-dates-csv';
import type { Notice } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { noErrors } from '../ui/form-errors';
import { FileField } from '../ui/FileField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextAreaField } from '../ui/TextAreaField';

/** A term-dates file is a few lines; anything this big is the wrong file. */
const MAX_FILE_BYTES = 100_000;

function listYears(years: readonly TermYear[]): string {
  const names = years.map((y) => y.academicYear);
  return names.length === 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * Fills the term-dates form from CSV, chosen as a file or pasted. Nothing is saved here: the
 * person checks the filled form and saves it. A text with any problem fills nothing.
 */
export function TermDatesImport({ onImport }: { onImport: (years: TermYear[]) => void }) {
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);

  function fill(text: string): void {
    setNotice(null);
    const result = parseTermDatesCsv(text);
    if (!result.ok) {
      setErrors({
        fields: Object.fromEntries(result.errors.map((message, i) => [`problem-${i}`, message])),
        general: null,
      });
      return;
    }
    setErrors(noErrors);
    onImport(result.years);
    setNotice({
      tone: 'info',
      text: `The form now holds the term dates for ${listYears(result.years)} from the CSV. Check ${result.years.length === 1 ? 'them' : 'each year'}, then save: nothing is saved until you do.`,
    });
  }

  return (
    <>
      <h3>Import term dates from CSV</h3>
      <p className="field__hint">
        One row per term with its name, first day and last day (a header row such as “Term, Start,
        End” is optional), and one row per INSET day, such as “INSET, 2026-09-01, Staff training”.
        Dates can be written 2026-09-03, 03/09/2026 or 3 Sep 2026.
      </p>
      <ErrorSummary errors={errors} fieldIds={{}} />
      <FileField
        id="term-dates-file"
        label="Choose a CSV file"
        accept=".csv,text/csv,text/plain"
        onFile={(file) => {
          if (file.size > MAX_FILE_BYTES) {
            setNotice(null);
            setErrors({
              fields: { file: `${file.name} is too large to be a list of term dates.` },
              general: null,
            });
            return;
          }
          file.text().then(fill, (error: unknown) => {
            console.error('Reading the term-dates file failed', error);
            setErrors({ fields: { file: `${file.name} could not be read.` }, general: null });
          });
        }}
      />
      <TextAreaField
        id="term-dates-text"
        label="Or paste the term dates"
        rows={6}
        value={pasted}
        onChange={setPasted}
      />
      <div className="button-row">
        <Button
          onClick={() => {
            fill(pasted);
          }}
        >
          Fill the form from the pasted text
        </Button>
      </div>
      <StatusMessage notice={notice} />
    </>
  );
}
