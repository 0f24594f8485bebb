import { useState } from 'react';

import type { StaffImportResult } from '../../shared/training/schema';
import type { ApiError } from '../../shared/result';
import { call } from '../api';
import { LoadFailure } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { FileField } from '../ui/FileField';

const outcomeLabels = {
  new: 'New',
  update: 'Update',
  unchanged: 'Unchanged',
  error: 'Problem',
} as const;

/**
 * Import staff from a CSV (Name, Job title, Start date, Groups): a preview row by row with
 * each problem, then the whole file or nothing. Someone already listed with the same name and
 * start date is matched, so importing the same file again changes nothing.
 */
export function StaffImport({ onImported }: { onImported: (added: number) => void }) {
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<StaffImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function send(text: string, apply: boolean) {
    if (pending) return;
    setPending(true);
    try {
      const result = await call('training.importStaff', { csv: text, apply });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      if (apply) {
        setPreview(null);
        setCsv(null);
        onImported(result.value.counts.new + result.value.counts.update);
      } else setPreview(result.value);
    } finally {
      setPending(false);
    }
  }

  const ready = preview !== null && preview.fileProblems.length === 0 && preview.counts.error === 0;
  return (
    <section aria-labelledby="staff-import">
      <h2 id="staff-import">Import staff from a CSV file</h2>
      <p>
        The first row names the columns: Name, Job title, Start date (day first, such as 01/09/2024)
        and Groups (All staff, DSL, Governors, IT users, Recruiters, separated by semicolons; blank
        means all staff).
      </p>
      <FileField
        id="staff-import-file"
        label="CSV file"
        accept=".csv,text/csv"
        onFile={(file) => {
          void file.text().then((text) => {
            setCsv({ name: file.name, text });
            void send(text, false);
          });
        }}
      />
      {error ? <LoadFailure error={error} /> : null}
      {preview && csv ? (
        <>
          <p role="status">
            {csv.name}: {preview.counts.new} new, {preview.counts.update} to update,{' '}
            {preview.counts.unchanged} unchanged, {preview.counts.error} with problems.
          </p>
          {preview.fileProblems.map((p) => (
            <p key={p} className="field__error">
              {p}
            </p>
          ))}
          {preview.rows.length > 0 ? (
            <table className="table table--compact">
              <caption className="visually-hidden">What importing the file would do</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Name</th>
                  <th scope="col">Result</th>
                  <th scope="col">Problems</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <th scope="row">{r.name}</th>
                    <td>{outcomeLabels[r.outcome]}</td>
                    <td>{r.problems.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {ready ? (
            <Button
              variant="primary"
              disabled={pending}
              onClick={() => {
                void send(csv.text, true);
              }}
            >
              Import {preview.counts.new + preview.counts.update} people
            </Button>
          ) : (
            <p>
              Correct the file and choose it again: nothing is imported while a row has a problem.
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
