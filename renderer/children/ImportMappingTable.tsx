import type { ImportField, ImportPreview } from '../../shared/children/import';
import {
  importFieldLabels,
  isPupilImportField,
  pupilImportFields,
  requiredImportFields,
} from '../../shared/children/import';
import { contactImportFields } from '../../shared/children/import-contacts';
import { useLantern } from '../store';

/**
 * One row per field (the pupil's, then parents, carers and household), each with a select of the file's columns (or "Not in this
 * file"), and the first pupil's value from the chosen column so a person can tell the columns
 * apart. Labelled by the heading whose id is `labelledBy`.
 */
export function ImportMappingTable({
  preview,
  labelledBy,
}: {
  preview: ImportPreview;
  labelledBy: string;
}) {
  const changeImportMapping = useLantern((s) => s.changeImportMapping);
  const columns = [...new Set(preview.headers.filter((h) => h !== ''))];
  const rows = (fields: readonly ImportField[]) =>
    fields.map((field) => {
      const id = `import-column-${field}`;
      const error = preview.mappingProblems[field];
      const column = preview.mapping[field];
      const index = column === '' ? -1 : preview.headers.indexOf(column);
      const example = index === -1 ? '' : (preview.sample[index] ?? '');
      return (
        <tr key={field} className={error ? 'import-mapping__row--error' : undefined}>
          <th scope="row">
            <label htmlFor={id}>{importFieldLabels[field]}</label>
            <span className="table__note">
              {isPupilImportField(field) && requiredImportFields.includes(field)
                ? 'Required'
                : 'Optional'}
            </span>
          </th>
          <td>
            {error ? (
              <p className="field__error" id={`${id}-error`}>
                <span className="visually-hidden">Error: </span>
                <span>{error}</span>
              </p>
            ) : null}
            <select
              id={id}
              className="select"
              value={column}
              onChange={(event) => {
                void changeImportMapping(field, event.target.value);
              }}
              aria-describedby={error ? `${id}-error` : undefined}
              aria-invalid={error ? true : undefined}
            >
              <option value="">Not in this file</option>
              {columns.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
              {column !== '' && !columns.includes(column) ? (
                <option value={column}>{column}</option>
              ) : null}
            </select>
          </td>
          <td>
            {index === -1 ? null : example === '' ? (
              <span className="table__note">Blank</span>
            ) : (
              example
            )}
          </td>
        </tr>
      );
    });
  return (
    <table className="table table--compact import-mapping" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Lantern field</th>
          <th scope="col">Column in your file</th>
          <th scope="col">First pupil’s value</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="rowgroup" colSpan={3} className="import-mapping__group">
            The pupil
          </th>
        </tr>
        {rows(pupilImportFields)}
      </tbody>
      <tbody>
        <tr>
          <th scope="rowgroup" colSpan={3} className="import-mapping__group">
            Parents, carers and household (optional: added to each child’s family details)
          </th>
        </tr>
        {rows(contactImportFields)}
      </tbody>
    </table>
  );
}
