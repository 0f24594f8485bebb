import type {
  ImportField,
  ImportMapping,
  ImportPreview,
  ImportResult,
} from '../../shared/children/import';
import { MAX_IMPORT_CSV_CHARS } from '../../shared/children/import';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/**
 * Bigger than any file that could hold MAX_IMPORT_CSV_CHARS characters (UTF-8 takes at most
 * three bytes for each), so it is refused before being read at all.
 */
const MAX_IMPORT_FILE_BYTES = 3 * MAX_IMPORT_CSV_CHARS;

/** A MIS export being imported: from choosing the file to importing it. */
export type PupilImport = {
  fileName: string;
  /** The export itself holds pupils' details: cleared on leaving the page and on lock. */
  csv: string;
  /** Why the chosen file cannot be used, found before main saw it. */
  fileError: string | null;
  preview: ImportPreview | null;
  status: LoadStatus;
  /** A preview or an import main refused or could not do. */
  error: ApiError | null;
  applying: boolean;
};

export type ImportSlice = {
  pupilImport: PupilImport;
  /** Reads the file (File.text(), UTF-8) and asks main what importing it would do. */
  chooseImportFile: (file: File) => Promise<void>;
  /** Feeds `field` from another column (or none: ''), and previews again. */
  changeImportMapping: (field: ImportField, column: string) => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  applyImport: (saveMappingAs: string) => Promise<Result<ImportResult> | null>;
  clearImport: () => void;
};

export const initialImport: Pick<ImportSlice, 'pupilImport'> = {
  pupilImport: {
    fileName: '',
    csv: '',
    fileError: null,
    preview: null,
    status: 'idle',
    error: null,
    applying: false,
  },
};

const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|numbers)$/i;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

function tooLarge(size: string): string {
  return `This file is too large (${size}). Lantern imports pupil lists of up to 5 million characters: export only pupils on roll and recent leavers.`;
}

export const createImportSlice: SliceCreator<ImportSlice> = (set, get) => {
  // Previews overlap when someone changes columns quickly; only the latest may be shown.
  let latest = 0;

  async function preview(csv: string, mapping: ImportMapping | null): Promise<void> {
    const ticket = (latest += 1);
    set((s) => ({ pupilImport: { ...s.pupilImport, status: 'loading', error: null } }));
    const result = await sessionCall(get, 'children.importPreview', { csv, mapping });
    if (!result || ticket !== latest || get().pupilImport.csv !== csv) return;
    set((s) => ({
      pupilImport: result.ok
        ? { ...s.pupilImport, preview: result.value, status: 'ready', error: null }
        : { ...s.pupilImport, status: 'failed', error: result.error },
    }));
  }

  return {
    ...initialImport,

    async chooseImportFile(file) {
      const ticket = (latest += 1);
      const fresh = { ...initialImport.pupilImport, fileName: file.name };
      if (SPREADSHEET.test(file.name)) {
        set({
          pupilImport: {
            ...fresh,
            fileError:
              'This is a spreadsheet, not a CSV file. In Excel, choose File, Save As, then “CSV UTF-8”, and choose that file here.',
          },
        });
        return;
      }
      if (file.size > MAX_IMPORT_FILE_BYTES) {
        set({ pupilImport: { ...fresh, fileError: tooLarge(megabytes(file.size)) } });
        return;
      }
      set({ pupilImport: { ...fresh, status: 'loading' } });
      let csv: string;
      try {
        csv = await file.text();
      } catch (error) {
        console.error('Could not read the chosen file:', error);
        set({
          pupilImport: {
            ...fresh,
            fileError:
              'Lantern could not read this file. Check that it is still there and try again.',
          },
        });
        return;
      }
      // Another file was chosen (or the page left) while this one was read.
      if (ticket !== latest) return;
      if (csv.length > MAX_IMPORT_CSV_CHARS) {
        set({ pupilImport: { ...fresh, fileError: tooLarge(megabytes(file.size)) } });
        return;
      }
      set({ pupilImport: { ...fresh, csv, status: 'loading' } });
      await preview(csv, null);
    },

    async changeImportMapping(field, column) {
      const { csv, preview: shown } = get().pupilImport;
      if (!shown || csv === '') return;
      const mapping = { ...shown.mapping, [field]: column };
      // Show the choice at once; the rows follow when main answers.
      set((s) => ({ pupilImport: { ...s.pupilImport, preview: { ...shown, mapping } } }));
      await preview(csv, mapping);
    },

    async applyImport(saveMappingAs) {
      const { csv, preview: shown, applying } = get().pupilImport;
      if (!shown || csv === '' || applying) return null;
      set((s) => ({ pupilImport: { ...s.pupilImport, applying: true, error: null } }));
      const result = await sessionCall(get, 'children.importApply', {
        csv,
        mapping: shown.mapping,
        saveMappingAs,
      });
      if (!result) return null;
      if (result.ok) {
        set(initialImport);
      } else {
        set((s) => ({ pupilImport: { ...s.pupilImport, applying: false } }));
        // The register may have changed since the preview: show what main sees now.
        await preview(csv, shown.mapping);
        set((s) => ({ pupilImport: { ...s.pupilImport, error: result.error } }));
      }
      return result;
    },

    clearImport() {
      latest += 1;
      set(initialImport);
    },
  };
};
