import type {
  ChangedField,
  FieldChange,
  ImportCounts,
  ImportDetection,
  ImportPreviewRow,
} from '../../shared/children/import';
import { importFieldLabels } from '../../shared/children/import';
import { genderLabels, genders, yearGroupLabel, yearGroups } from '../../shared/children/schema';
import { formatCalendarDate } from '../../shared/dates/calendar-date';

/** "Recognised as a SIMS export." or how to proceed when the columns are not known. */
export function detectionText(detected: ImportDetection | null): string {
  if (detected === null) return 'Format not recognised: match the columns below.';
  if (detected.kind === 'saved') {
    return `Recognised by your saved column mapping “${detected.name}”.`;
  }
  return `Recognised as ${detected.description}.`;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The counts as the preview lists them, in the order a person checks them. */
export function countItems(
  counts: ImportCounts,
): { key: keyof ImportCounts; number: string; label: string }[] {
  const n = (x: number) => x.toLocaleString('en-GB');
  return [
    { key: 'new', number: n(counts.new), label: 'new' },
    { key: 'update', number: n(counts.update), label: 'updated' },
    { key: 'unchanged', number: n(counts.unchanged), label: 'unchanged' },
    { key: 'leaver', number: n(counts.leaver), label: counts.leaver === 1 ? 'leaver' : 'leavers' },
    {
      key: 'error',
      number: n(counts.error),
      label: counts.error === 1 ? 'row with problems' : 'rows with problems',
    },
  ];
}

/** One sentence for the live region: "5 rows: 3 new, 1 updated, 0 unchanged, 1 leaver, …". */
export function countsSentence(counts: ImportCounts, total: number): string {
  const parts = countItems(counts).map((c) => `${c.number} ${c.label}`);
  return `${plural(total, 'row', 'rows')}: ${parts.join(', ')}.`;
}

const dateFields: readonly ChangedField[] = ['dateOfBirth', 'admissionDate', 'leavingDate'];

/** A stored value as a person reads it: "14 Mar 2016", "Year 5", "Female", "blank". */
export function shownValue(field: ChangedField, value: string): string {
  if (value === '') return 'blank';
  if (dateFields.includes(field)) return formatCalendarDate(value);
  if (field === 'yearGroup') {
    const year = yearGroups.find((y) => y === value);
    return year ? yearGroupLabel(year) : value;
  }
  if (field === 'gender') {
    const gender = genders.find((g) => g === value);
    return gender ? genderLabels[gender] : value;
  }
  return value;
}

/** "Year group: Year 4 → Year 5". */
export function changeText(change: FieldChange): string {
  return `${importFieldLabels[change.field]}: ${shownValue(change.field, change.before)} → ${shownValue(change.field, change.after)}`;
}

/** What importing this row will do, in a few words. */
export function outcomeText(row: ImportPreviewRow, today: string): string {
  const date = formatCalendarDate(row.leavingDate);
  const left = row.leavingDate < today;
  switch (row.outcome) {
    case 'new':
      return 'Add to the register';
    case 'update':
      return 'Update';
    case 'unchanged':
      return row.family.length > 0 ? 'No change to the pupil’s details' : 'No change';
    case 'leaver':
      if (row.changes.length === 0) {
        return left ? `Add as a leaver (left ${date})` : `Add, leaving on ${date}`;
      }
      return left ? `Mark as left on ${date}` : `Mark as leaving on ${date}`;
    case 'error':
      return 'Cannot be imported';
  }
}

/** Why the import button is disabled, or null when it is not. */
export function blockedText(
  counts: ImportCounts,
  mappingProblems: number,
  fileProblems: number,
): string | null {
  if (fileProblems > 0) return 'Choose a CSV export with a header row and at least one pupil.';
  if (mappingProblems > 0) return 'Choose a column for each required field above.';
  if (counts.error > 0) {
    const rows =
      counts.error === 1
        ? '1 row has problems'
        : `${counts.error.toLocaleString('en-GB')} rows have problems`;
    const them = counts.error === 1 ? 'it' : 'them';
    return `${rows} (listed first in the preview). Lantern imports every row or none: correct ${them} in your MIS, export the file again and choose it here.`;
  }
  return null;
}
