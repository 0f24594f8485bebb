import type { ImportPreview, ImportPreviewRow } from '../../shared/children/import';
import { londonDate } from '../../shared/dates/calendar-date';
import { changeText, outcomeText } from './import-text';

function WhatHappens({ row, today }: { row: ImportPreviewRow; today: string }) {
  // A leaver's new leaving date is in the sentence already; list only the other changes.
  const changes = row.changes.filter((c) => row.outcome !== 'leaver' || c.field !== 'leavingDate');
  return (
    <>
      {outcomeText(row, today)}
      {changes.length > 0 || row.family.length > 0 ? (
        <ul className="import-list">
          {changes.map((change) => (
            <li key={change.field}>{changeText(change)}</li>
          ))}
          {row.family.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Every row the preview returned: those with problems first, then in file order. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const today = londonDate(new Date());
  const { rows, totalRows } = preview;
  return (
    <>
      {rows.length < totalRows ? (
        <p>
          Showing {rows.length.toLocaleString('en-GB')} of {totalRows.toLocaleString('en-GB')} rows,
          those with problems first.
        </p>
      ) : null}
      <table className="table table--compact import-preview">
        <caption className="visually-hidden">Import preview</caption>
        <thead>
          <tr>
            <th scope="col" className="import-preview__code">
              Line
            </th>
            <th scope="col" className="import-preview__code">
              UPN
            </th>
            <th scope="col">Name</th>
            <th scope="col">What will happen</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.line}
              className={row.outcome === 'error' ? 'import-preview__row--error' : undefined}
            >
              <td className="import-preview__code">{row.line}</td>
              <td className="import-preview__code">
                {row.upn === '' ? 'None' : <span className="upn">{row.upn}</span>}
              </td>
              <th scope="row">{row.name === '' ? 'No name' : row.name}</th>
              <td>
                <WhatHappens row={row} today={today} />
              </td>
              <td>
                {row.problems.length > 0 ? (
                  <ul className="import-list import-list--problems">
                    {row.problems.map((problem) => (
                      <li key={problem.message}>{problem.message}</li>
                    ))}
                  </ul>
                ) : null}
                {row.warnings.length > 0 ? (
                  <ul className="import-list import-list--warnings">
                    {row.warnings.map((warning) => (
                      <li key={warning.message}>
                        <strong>Contact detail left out:</strong> {warning.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {row.problems.length + row.warnings.length === 0 ? 'None' : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
