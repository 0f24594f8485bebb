import { useEffect, useState } from 'react';

import type { ImportPreview } from '../../shared/children/import';
import {
  describeImportResult,
  importableRows,
  importChangesNothing,
  MAX_MAPPING_NAME,
} from '../../shared/children/import';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { FileField } from '../ui/FileField';
import { PageHeading } from '../ui/PageHeading';
import { TextField } from '../ui/TextField';
import { BackToPupils } from './BackToPupils';
import { ImportMappingTable } from './ImportMappingTable';
import { ImportPreviewTable } from './ImportPreviewTable';
import { blockedText, countItems, countsSentence, detectionText } from './import-text';

const COLUMNS_HEADING = 'import-columns-title';
const PREVIEW_HEADING = 'import-preview-title';
const BLOCKED = 'import-blocked';

function ImportCounts({ preview }: { preview: ImportPreview }) {
  return (
    <ul className="import-counts">
      {countItems(preview.counts).map((item) => (
        <li
          key={item.key}
          className={
            item.key === 'error' && preview.counts.error > 0
              ? 'import-counts__item--error'
              : undefined
          }
        >
          <span className="import-counts__number">{item.number}</span> {item.label}
        </li>
      ))}
    </ul>
  );
}

/** The columns, the rows, a name to save the mapping under, and the import itself. */
function ImportReview({ preview }: { preview: ImportPreview }) {
  const { status, error, applying } = useLantern((s) => s.pupilImport);
  const applyImport = useLantern((s) => s.applyImport);
  const navigate = useLantern((s) => s.navigate);
  // Prefilled with the saved mapping that recognised the file, so changes to it are kept.
  const [saveAs, setSaveAs] = useState<string | null>(null);
  const savedName = preview.detectedPreset?.kind === 'saved' ? preview.detectedPreset.name : '';
  const mappingProblems = Object.keys(preview.mappingProblems).length;
  const blocked = blockedText(preview.counts, mappingProblems, preview.fileProblems.length);
  const count = importableRows(preview.counts);
  // A re-import of an unchanged export: say so rather than offer to "import" every pupil again.
  const upToDate = blocked === null && importChangesNothing(preview);
  const checking = status === 'loading';

  async function runImport(): Promise<void> {
    // Not disabled while busy (a disabled button drops focus); a click then does nothing.
    if (checking || applying) return;
    const result = await applyImport((saveAs ?? savedName).trim());
    if (result?.ok) {
      navigate({ page: 'pupils' }, { tone: 'success', text: describeImportResult(result.value) });
    }
  }

  return (
    <>
      <section aria-labelledby={COLUMNS_HEADING}>
        <h2 id={COLUMNS_HEADING}>Columns</h2>
        <ImportMappingTable preview={preview} labelledBy={COLUMNS_HEADING} />
      </section>
      {mappingProblems === 0 ? (
        <section aria-labelledby={PREVIEW_HEADING} aria-busy={checking}>
          <h2 id={PREVIEW_HEADING}>Preview</h2>
          <ImportCounts preview={preview} />
          <ImportPreviewTable preview={preview} />
        </section>
      ) : null}
      {upToDate ? null : (
        <TextField
          id="import-save-as"
          label="Save this column mapping as (optional)"
          hint="Give it a name and Lantern will recognise files with these columns next time."
          autoComplete="off"
          maxLength={MAX_MAPPING_NAME}
          value={saveAs ?? savedName}
          onChange={setSaveAs}
        />
      )}
      {error ? <LoadFailure error={error} /> : null}
      {upToDate ? (
        <p className="import-up-to-date">Nothing to import: every pupil is already up to date.</p>
      ) : null}
      {blocked ? (
        <p id={BLOCKED} className="import-blocked">
          {blocked}
        </p>
      ) : null}
      <div className="button-row">
        {upToDate ? null : (
          <Button
            variant="primary"
            disabled={blocked !== null || count === 0}
            aria-describedby={blocked ? BLOCKED : undefined}
            onClick={() => {
              void runImport();
            }}
          >
            {applying
              ? 'Importing…'
              : `Import ${count.toLocaleString('en-GB')} ${count === 1 ? 'pupil' : 'pupils'}`}
          </Button>
        )}
        <Button
          onClick={() => {
            navigate({ page: 'pupils' });
          }}
        >
          {upToDate ? 'Back to pupils' : 'Cancel'}
        </Button>
      </div>
    </>
  );
}

/**
 * Importing the register from the school's MIS: choose the CSV export, check the columns and
 * what each row will do, then import every row (or, while any row has problems, none).
 */
export function ImportPupilsPage() {
  const { fileName, fileError, preview, status, error } = useLantern((s) => s.pupilImport);
  const chooseImportFile = useLantern((s) => s.chooseImportFile);
  const clearImport = useLantern((s) => s.clearImport);
  // The export holds every pupil's details: forget it when the page closes.
  useEffect(() => clearImport, [clearImport]);

  const fileProblem = fileError ?? preview?.fileProblems[0];
  const shown = preview && !fileProblem ? preview : null;
  return (
    <>
      <BackToPupils />
      <PageHeading>Import pupils</PageHeading>
      <p>
        Export the pupil list from your MIS (SIMS, Arbor, Bromcom or another) as a CSV file and
        choose it here. Lantern matches pupils by UPN: it adds new pupils, updates details that have
        changed and marks leavers. It never deletes anyone, and nothing changes until you press
        Import.
      </p>
      <FileField
        id="import-file"
        label="CSV export from your MIS"
        hint="Lantern reads the file on this computer and keeps only the register details."
        accept=".csv,text/csv"
        error={fileProblem}
        onFile={(file) => {
          void chooseImportFile(file);
        }}
      />
      <div role="status">
        {shown ? (
          <p className="import-detection">
            {detectionText(shown.detectedPreset)}{' '}
            {Object.keys(shown.mappingProblems).length === 0
              ? countsSentence(shown.counts, shown.totalRows)
              : null}
          </p>
        ) : null}
      </div>
      {status === 'loading' && !shown ? <Loading text={`Reading ${fileName}…`} /> : null}
      {status === 'failed' && error && !shown ? <LoadFailure error={error} /> : null}
      {shown ? <ImportReview preview={shown} /> : null}
    </>
  );
}
