/**
 * Importing the pupil register from the school's MIS (SIMS, Arbor, Bromcom, Scholarpack,
 * iSAMS…): recognising the export's columns, turning the values schools really have into
 * Lantern's, and planning, row by row, what an import would do to the register. Pure: main
 * plans inside the transaction that applies the plan, and the renderer shows the same plan.
 */
import { z } from 'zod';

import { daysInMonth, formatCalendarDate } from '../dates/calendar-date';
import type { CsvRecord } from '../text/csv';
import { parseCsv } from '../text/csv';
import { foldForSearch } from '../text/normalise';
import type { Child, ChildDraft, Gender, YearGroup } from './schema';
import { childDateProblems, childInput, yearGroups } from './schema';
import { normaliseUpn, upnProblem, upnProblemMessages } from './upn';
import type { FamilyAdult } from './family';
import type { PlannedAdult } from './import-contacts';
import {
  contactColumnNames,
  contactField,
  contactFieldLabels,
  contactImportFields,
  contactSlots,
  describeKeptAdults,
  describePlannedAdult,
  groupHouseholds,
  planRowContacts,
} from './import-contacts';

/** The largest export accepted, in characters: a big secondary school's list is about 1 MB. */
export const MAX_IMPORT_CSV_CHARS = 5_000_000;
/** Pupils in one file: several times the largest all-through school, leavers included. */
export const MAX_IMPORT_ROWS = 20_000;
/** Rows a preview sends to the renderer (errors first); the counts cover every row. */
export const MAX_PREVIEW_ROWS = 2_000;

/** The register fields an import can fill, in the order a person checks them. */
export const pupilImportFields = [
  'upn',
  'legalForename',
  'legalSurname',
  'preferredForename',
  'preferredSurname',
  'dateOfBirth',
  'gender',
  'yearGroup',
  'admissionDate',
  'leavingDate',
] as const;
export type PupilImportField = (typeof pupilImportFields)[number];

/** Every field a column can feed: the pupil's, then (all optional) parents, carers and household. */
export const importFields = [...pupilImportFields, ...contactImportFields] as const;
export type ImportField = (typeof importFields)[number];

export function isPupilImportField(field: ImportField): field is PupilImportField {
  return (pupilImportFields as readonly string[]).includes(field);
}

const pupilFieldLabels: Record<PupilImportField, string> = {
  upn: 'UPN',
  legalForename: 'Legal first name',
  legalSurname: 'Legal surname',
  preferredForename: 'Preferred first name',
  preferredSurname: 'Preferred surname',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  yearGroup: 'Year group',
  admissionDate: 'Admission date',
  leavingDate: 'Leaving date',
};

export const importFieldLabels: Record<ImportField, string> = {
  ...pupilFieldLabels,
  ...contactFieldLabels,
};

/** Without these a row cannot become a register entry (UPN: rows are matched by it). */
export const requiredImportFields: readonly PupilImportField[] = [
  'upn',
  'legalForename',
  'legalSurname',
  'dateOfBirth',
  'yearGroup',
];

const fieldPhrase: Record<PupilImportField, string> = {
  upn: 'the UPN',
  legalForename: 'the legal first name',
  legalSurname: 'the legal surname',
  preferredForename: 'the preferred first name',
  preferredSurname: 'the preferred surname',
  dateOfBirth: 'the date of birth',
  gender: 'the gender',
  yearGroup: 'the year group',
  admissionDate: 'the admission date',
  leavingDate: 'the leaving date',
};

// eslint-disable-next-line no-control-regex -- names must not carry control characters
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const mappedColumn = z.string().max(200, 'A column name must be 200 characters or fewer.');
/** Optional in the input, so a caller that knows only the pupil's fields still fits. */
const contactColumn = mappedColumn.default('');

/** Which CSV column feeds each field; '' where the file does not have it. */
export const importMapping = z.strictObject({
  upn: mappedColumn,
  legalForename: mappedColumn,
  legalSurname: mappedColumn,
  preferredForename: mappedColumn,
  preferredSurname: mappedColumn,
  dateOfBirth: mappedColumn,
  gender: mappedColumn,
  yearGroup: mappedColumn,
  admissionDate: mappedColumn,
  leavingDate: mappedColumn,
  contact1Name: contactColumn,
  contact1Forename: contactColumn,
  contact1Surname: contactColumn,
  contact1Relationship: contactColumn,
  contact1ParentalResponsibility: contactColumn,
  contact1Phone: contactColumn,
  contact1Email: contactColumn,
  contact2Name: contactColumn,
  contact2Forename: contactColumn,
  contact2Surname: contactColumn,
  contact2Relationship: contactColumn,
  contact2ParentalResponsibility: contactColumn,
  contact2Phone: contactColumn,
  contact2Email: contactColumn,
  homeAddress: contactColumn,
  postcode: contactColumn,
  householdId: contactColumn,
} satisfies Record<ImportField, typeof mappedColumn | typeof contactColumn>);
export type ImportMapping = z.infer<typeof importMapping>;

export const MAX_MAPPING_NAME = 60;

/** The name a column mapping is saved under; '' means do not save it. */
export const mappingName = z
  .string()
  .max(MAX_MAPPING_NAME, `A mapping name must be ${MAX_MAPPING_NAME} characters or fewer.`)
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .refine(
    (s) => !CONTROL_CHARS.test(s),
    'The mapping name contains characters that are not allowed.',
  );

export const importCsv = z
  .string()
  .max(
    MAX_IMPORT_CSV_CHARS,
    'This file is too large: Lantern imports files of up to 5 million characters. Export only pupils on roll and recent leavers.',
  );

export const blankMapping: ImportMapping = Object.fromEntries(
  importFields.map((field) => [field, '']),
) as ImportMapping;

export type ImportPresetId = 'sims' | 'arbor' | 'bromcom' | 'generic';

/**
 * What one MIS's pupil export calls each field (first spelling first); [] where it has no such
 * column. Matching ignores case, spaces and punctuation, so "Date Of Birth" is "date of birth".
 */
export type ImportPreset = {
  id: ImportPresetId;
  /** Completes "Recognised as …". */
  description: string;
  columns: Record<PupilImportField, readonly string[]>;
};

export const importPresets: readonly ImportPreset[] = [
  {
    id: 'sims',
    description: 'a SIMS export',
    columns: {
      upn: ['UPN'],
      legalForename: ['Legal Forename'],
      legalSurname: ['Legal Surname'],
      preferredForename: ['Preferred Forename'],
      preferredSurname: ['Preferred Surname'],
      dateOfBirth: ['DOB', 'Date of Birth'],
      gender: ['Gender'],
      yearGroup: ['Year', 'Year Taught In'],
      admissionDate: ['Admission Date'],
      leavingDate: ['Leaving Date', 'Date of Leaving'],
    },
  },
  {
    id: 'arbor',
    description: 'an Arbor export',
    columns: {
      upn: ['UPN'],
      legalForename: ['Legal first name'],
      legalSurname: ['Legal last name'],
      preferredForename: ['Preferred first name'],
      preferredSurname: ['Preferred last name'],
      dateOfBirth: ['Date of birth'],
      gender: ['Gender'],
      yearGroup: ['Year group'],
      admissionDate: ['Start date'],
      leavingDate: ['End date'],
    },
  },
  {
    id: 'bromcom',
    description: 'a Bromcom export',
    columns: {
      upn: ['UPN'],
      legalForename: ['Forename'],
      legalSurname: ['Surname'],
      preferredForename: ['Preferred Forename'],
      preferredSurname: ['Preferred Surname'],
      dateOfBirth: ['Date Of Birth', 'DOB'],
      gender: ['Gender'],
      yearGroup: ['NC Year'],
      admissionDate: ['Admission Date'],
      leavingDate: ['Leaving Date'],
    },
  },
  {
    // What a school writes by hand, or gets from a custom report (Scholarpack, iSAMS…).
    id: 'generic',
    description: 'a pupil list with standard column names',
    columns: {
      upn: ['UPN'],
      legalForename: ['Legal forename', 'Forename', 'First name'],
      legalSurname: ['Legal surname', 'Surname', 'Last name'],
      preferredForename: ['Preferred forename', 'Preferred first name'],
      preferredSurname: ['Preferred surname', 'Preferred last name'],
      dateOfBirth: ['Date of birth', 'DOB'],
      gender: ['Gender', 'Sex'],
      yearGroup: ['Year group', 'Year'],
      admissionDate: ['Admission date', 'Start date'],
      leavingDate: ['Leaving date', 'End date'],
    },
  },
];

/** Further names seen in exports, tried when no preset fits. */
const extraNames: Record<PupilImportField, readonly string[]> = {
  upn: ['Unique Pupil Number', 'Pupil UPN'],
  legalForename: ['Given name', 'Forenames', 'Legal first names', 'Legal given name'],
  legalSurname: ['Family name', 'Legal family name'],
  preferredForename: ['Known as', 'Chosen forename'],
  preferredSurname: ['Chosen surname'],
  dateOfBirth: ['Birth date', 'Birthdate'],
  gender: ['Legal sex'],
  yearGroup: ['NC Year', 'National Curriculum Year', 'Curriculum year', 'Yr', 'Year Taught In'],
  admissionDate: ['Date of admission', 'Entry date', 'Date of entry', 'Enrolment date'],
  leavingDate: ['Date of leaving', 'Leave date', 'Date left'],
};

/** Header text as compared: "Date Of Birth", "date_of_birth" and "DateOfBirth" are one name. */
export function headerKey(header: string): string {
  return foldForSearch(header).replace(/[^a-z0-9]/g, '');
}

export type SavedImportMapping = { name: string; mapping: ImportMapping; updatedAt: string };

export type ImportDetection =
  { kind: 'preset'; id: ImportPresetId; description: string } | { kind: 'saved'; name: string };

type Resolved = { mapping: ImportMapping; found: number; complete: boolean };

/** The file's own header text for each field, from the names each field may go by. */
function resolve(
  headers: readonly string[],
  names: Record<ImportField, readonly string[]>,
): Resolved {
  const byKey = new Map<string, string>();
  for (const header of headers) {
    const key = headerKey(header);
    if (key !== '' && !byKey.has(key)) byKey.set(key, header);
  }
  const taken = new Set<string>();
  const mapping = { ...blankMapping };
  let found = 0;
  for (const field of importFields) {
    for (const name of names[field]) {
      const header = byKey.get(headerKey(name));
      if (header !== undefined && !taken.has(header)) {
        mapping[field] = header;
        taken.add(header);
        found += 1;
        break;
      }
    }
  }
  const complete = requiredImportFields.every((f) => mapping[f] !== '');
  return { mapping, found, complete };
}

/** A saved mapping's column names, where its mapping names one. */
function savedNames(mapping: ImportMapping): Record<ImportField, readonly string[]> {
  const names = {} as Record<ImportField, readonly string[]>;
  for (const field of importFields) names[field] = mapping[field] === '' ? [] : [mapping[field]];
  return names;
}

function savedFits(headers: readonly string[], saved: SavedImportMapping): Resolved | null {
  const resolved = resolve(headers, savedNames(saved.mapping));
  const wanted = importFields.filter((f) => saved.mapping[f] !== '').length;
  return resolved.complete && resolved.found === wanted ? resolved : null;
}

/**
 * Which columns feed which fields. A mapping the school saved wins when every column it names
 * is in the file; then the MIS presets (the one that finds most columns); then any header
 * whose name Lantern knows, leaving the rest for the person to choose.
 */
export function detectImportMapping(
  headers: readonly string[],
  saved: readonly SavedImportMapping[],
): { detected: ImportDetection | null; mapping: ImportMapping } {
  let best: { saved: SavedImportMapping; resolved: Resolved } | null = null;
  for (const candidate of saved) {
    const resolved = savedFits(headers, candidate);
    if (!resolved) continue;
    if (
      !best ||
      resolved.found > best.resolved.found ||
      (resolved.found === best.resolved.found && candidate.updatedAt > best.saved.updatedAt)
    ) {
      best = { saved: candidate, resolved };
    }
  }
  if (best)
    return { detected: { kind: 'saved', name: best.saved.name }, mapping: best.resolved.mapping };

  let preset: { preset: ImportPreset; resolved: Resolved } | null = null;
  for (const candidate of importPresets) {
    const resolved = resolve(headers, { ...candidate.columns, ...contactColumnNames });
    if (resolved.complete && (!preset || resolved.found > preset.resolved.found)) {
      preset = { preset: candidate, resolved };
    }
  }
  if (preset) {
    const { id, description } = preset.preset;
    return { detected: { kind: 'preset', id, description }, mapping: preset.resolved.mapping };
  }

  const everyName = { ...contactColumnNames } as Record<ImportField, readonly string[]>;
  for (const field of pupilImportFields) {
    everyName[field] = [...importPresets.flatMap((p) => p.columns[field]), ...extraNames[field]];
  }
  return { detected: null, mapping: resolve(headers, everyName).mapping };
}

/** A saved mapping applied to a file whose headers may differ in case or spacing. */
export function mappingForHeaders(
  headers: readonly string[],
  mapping: ImportMapping,
): ImportMapping {
  return resolve(headers, savedNames(mapping)).mapping;
}

/** Why a mapping cannot be used with these headers, by field. */
export function mappingProblemsFor(
  headers: readonly string[],
  mapping: ImportMapping,
): Partial<Record<ImportField, string>> {
  const problems: Partial<Record<ImportField, string>> = {};
  for (const field of importFields) {
    const column = mapping[field];
    if (column === '') {
      if (field === 'upn') {
        problems.upn = 'Choose the column that holds the UPN: Lantern matches pupils by UPN.';
      } else if (isPupilImportField(field) && requiredImportFields.includes(field)) {
        problems[field] = `Choose the column that holds ${fieldPhrase[field]}.`;
      }
    } else if (!headers.includes(column)) {
      problems[field] = `There is no column “${clip(column)}” in this file.`;
    }
  }
  // A contact's other details mean nothing without knowing who they are.
  for (const slot of contactSlots) {
    const named = (['Name', 'Forename', 'Surname'] as const).some(
      (part) => mapping[contactField(slot, part)] !== '',
    );
    const detailed = (['Relationship', 'ParentalResponsibility', 'Phone', 'Email'] as const).some(
      (part) => mapping[contactField(slot, part)] !== '',
    );
    const nameField = contactField(slot, 'Name');
    if (detailed && !named && problems[nameField] === undefined)
      problems[nameField] =
        `Choose the column that holds contact ${slot}’s name (or their first name and surname), or set contact ${slot}’s other columns to “Not in this file”.`;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Values: what exports hold, turned into what Lantern stores.

export type Normalised<T> = { ok: true; value: T } | { ok: false; problem: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A time of day some exports add to dates ("14/03/2016 00:00:00"): ignored. */
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AP]M)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/;
const NAMED_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d+)$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A date as UK schools write it, always day first: 14/03/2016, 4/3/2016, 14-03-2016,
 * 14.03.2016, 2016-03-14, 14-Mar-2016, 14 March 2016. '' stays '' (the caller decides
 * whether blank is allowed).
 */
export function normaliseDate(raw: string): Normalised<string> {
  const text = raw.trim().replace(TIME_SUFFIX, '').trim();
  if (text === '') return { ok: true, value: '' };
  let day: number;
  let month: number;
  let yearText: string;
  let numericMonth = false;
  const iso = ISO.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  const named = NAMED_MONTH.exec(text);
  if (iso) {
    [yearText, month, day] = [iso[1] ?? '', Number(iso[2]), Number(iso[3])];
  } else if (dayFirst) {
    [day, month, yearText] = [Number(dayFirst[1]), Number(dayFirst[2]), dayFirst[3] ?? ''];
    numericMonth = true;
  } else if (named) {
    const found = MONTHS[(named[2] ?? '').toLowerCase()];
    if (found === undefined) {
      return {
        ok: false,
        problem: `Not a date Lantern can read: “${named[2] ?? ''}” is not a month.`,
      };
    }
    [day, month, yearText] = [Number(named[1]), found, named[3] ?? ''];
  } else {
    return {
      ok: false,
      problem: 'Not a date Lantern can read. Use day, month, year, such as 14/03/2016.',
    };
  }
  if (yearText.length === 2) {
    return {
      ok: false,
      problem: `The year has two digits. Export dates with four-digit years, such as 14/03/20${yearText}.`,
    };
  }
  if (yearText.length !== 4) return { ok: false, problem: 'The year must have four digits.' };
  const year = Number(yearText);
  if (month < 1 || month > 12) {
    if (numericMonth && month > 12 && day >= 1 && day <= 12) {
      return {
        ok: false,
        problem:
          'Not a real date. Lantern reads dates day first (dd/mm/yyyy) and this looks like a US date, month first: export dates in UK format.',
      };
    }
    return { ok: false, problem: `Not a real date: there is no month ${month}.` };
  }
  if (year < 1900 || year > 2999) {
    return { ok: false, problem: 'The year is outside the range Lantern accepts (1900 to 2999).' };
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return {
      ok: false,
      problem: `Not a real date: ${MONTH_NAMES[month - 1] ?? ''} ${year} has ${days} days.`,
    };
  }
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

const YEAR_PREFIX = /^(?:nationalcurriculumyear|curriculumyear|ncyear|ncy|nc|yeargroup|year|yr|y)/;

/**
 * Year groups as MIS exports spell them: "Year 5", "Y5", "5", "05", "NC Year 5", "Yr 5", "R",
 * "YR", "Rec", "Reception", "N1", "N2", "Nursery 1", "FS1"… "Nursery" alone is the year before
 * Reception (N2), the only nursery year most schools have.
 */
export function normaliseYearGroup(raw: string): Normalised<YearGroup | ''> {
  const compact = raw.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (compact === '') return { ok: true, value: '' };
  if (compact === 'yr' || compact === 'fs2') return { ok: true, value: 'R' };
  if (compact === 'fs1') return { ok: true, value: 'N2' };
  const rest = compact.replace(YEAR_PREFIX, '');
  if (['r', 'rec', 'reception', '0', '00'].includes(rest)) return { ok: true, value: 'R' };
  const nursery = /^(?:n|nur|nurs|nursery)([12])?$/.exec(rest);
  if (nursery) return { ok: true, value: nursery[1] === '1' ? 'N1' : 'N2' };
  const number = /^0*(\d{1,2})$/.exec(rest);
  if (number) {
    const year = String(Number(number[1]));
    const known = yearGroups.find((y) => y === year);
    if (known) return { ok: true, value: known };
  }
  return {
    ok: false,
    problem:
      'Not a year group Lantern knows. Use Nursery 1, Nursery 2, Reception, or Year 1 to Year 14.',
  };
}

const genderWords: Record<string, Gender> = {
  f: 'female',
  female: 'female',
  girl: 'female',
  m: 'male',
  male: 'male',
  boy: 'male',
  x: 'other',
  o: 'other',
  other: 'other',
  nonbinary: 'other',
  u: 'not_known',
  unknown: 'not_known',
  notknown: 'not_known',
  notstated: 'not_known',
  notrecorded: 'not_known',
  prefernottosay: 'not_known',
};

/** "M", "F", "Male", "Girl", "U", "X", "Other", "Not known"…; blank is "not known". */
export function normaliseGender(raw: string): Normalised<Gender> {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return { ok: true, value: 'not_known' };
  const gender = genderWords[key];
  return gender
    ? { ok: true, value: gender }
    : {
        ok: false,
        problem:
          'Not a gender Lantern recognises. Use Female, Male, Other or Not known (or leave it blank).',
      };
}

/** Names with spaces tidied the way the register's own schema tidies them. */
export function normaliseName(raw: string): Normalised<string> {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value.includes('\uFFFD')) {
    return {
      ok: false,
      problem:
        'It contains a character Lantern could not read. Save the export as “CSV UTF-8” and choose it again.',
    };
  }
  if (CONTROL_CHARS.test(value)) {
    return { ok: false, problem: 'It contains characters that are not allowed in a name.' };
  }
  if (value.length > 100) return { ok: false, problem: 'Longer than 100 characters.' };
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// The plan.

export const importOutcomes = ['new', 'update', 'unchanged', 'leaver', 'error'] as const;
export type ImportOutcome = (typeof importOutcomes)[number];
export type ImportCounts = Record<ImportOutcome, number>;

export type ImportProblem = { field: ImportField | null; message: string };
export type ChangedField = Exclude<PupilImportField, 'upn'>;
/** Before and after as stored (YYYY-MM-DD dates, year-group and gender codes). */
export type FieldChange = { field: ChangedField; before: string; after: string };

export type ImportPreviewRow = {
  /** The line of the file on which the row starts. */
  line: number;
  /** Normalised when it could be read, else as written. */
  upn: string;
  name: string;
  outcome: ImportOutcome;
  /** The leaving date the row brings, YYYY-MM-DD, or ''. */
  leavingDate: string;
  changes: FieldChange[];
  problems: ImportProblem[];
  /** What the import does to the adults on the child's file, and the siblings it links. */
  family: string[];
  /** Contact details left out because they could not be read; the pupil is still imported. */
  warnings: ImportProblem[];
};

export type PlannedRow = ImportPreviewRow & {
  /** What the register will hold for this pupil; null when the row has problems. */
  draft: ChildDraft | null;
  existingId: string | null;
  /** The adults this row adds to or updates on the child's file (and those it leaves as they are). */
  adults: PlannedAdult[];
  householdKeys: string[];
};

type PlanHead = {
  headers: string[];
  detectedPreset: ImportDetection | null;
  mapping: ImportMapping;
  mappingProblems: Partial<Record<ImportField, string>>;
  /** Problems with the file as a whole: nothing can be imported until they are solved. */
  fileProblems: string[];
  /** The first pupil's values, by column, to help a person recognise each column. */
  sample: string[];
  counts: ImportCounts;
};

export type ImportPlan = PlanHead & {
  rows: PlannedRow[];
  /** Siblings: the lines of rows that belong in one family, each group in file order. */
  households: number[][];
};

/** What a preview returns: the plan, errors first, at most MAX_PREVIEW_ROWS rows. */
export type ImportPreview = PlanHead & {
  rows: ImportPreviewRow[];
  totalRows: number;
  /** Adults the import would add to or update on the children's files, over every row. */
  adultChanges: number;
};

export type ImportResult = {
  added: number;
  updated: number;
  unchanged: number;
  leavers: number;
  adultsAdded: number;
  adultsUpdated: number;
  /** Pupils added to a family with their siblings. */
  siblingsLinked: number;
};

export type PlanOptions = {
  csv: string;
  /** null: detect it from the headers (and the saved mappings). */
  mapping: ImportMapping | null;
  saved: readonly SavedImportMapping[];
  /** Today in Europe/London, YYYY-MM-DD, for the date rules. */
  today: string;
  /** The register entry holding this UPN, if any. */
  findByUpn: (upn: string) => Child | null;
  /** The adults on a child's file; none when not given. */
  adultsFor?: (childId: string) => FamilyAdult[];
};

/** Every imported field but the UPN, which is how a row is matched, not something it changes. */
const changedFields = pupilImportFields.filter((f): f is ChangedField => f !== 'upn');

function clip(value: string, max = 40): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export function emptyCounts(): ImportCounts {
  return { new: 0, update: 0, unchanged: 0, leaver: 0, error: 0 };
}

type Columns = Record<ImportField, number>;

function planRow(
  record: CsvRecord,
  headers: readonly string[],
  columns: Columns,
  options: PlanOptions,
): PlannedRow {
  const problems: ImportProblem[] = [];
  const cell = (field: ImportField): string | null =>
    columns[field] === -1 ? null : (record.fields[columns[field]] ?? '');
  const columnName = (field: ImportField): string =>
    columns[field] === -1 ? importFieldLabels[field] : (headers[columns[field]] ?? '');
  const upnText = (cell('upn') ?? '').trim();
  const upn = upnText.length <= 20 ? normaliseUpn(upnText) : upnText;
  const name = clip(
    [cell('legalForename'), cell('legalSurname')]
      .map((part) => (part ?? '').trim())
      .filter(Boolean)
      .join(' '),
    80,
  );
  const row = (outcome: ImportOutcome, extra: Partial<PlannedRow> = {}): PlannedRow => ({
    line: record.line,
    upn: clip(upn, 20),
    name,
    outcome,
    leavingDate: extra.draft?.leavingDate ?? '',
    changes: [],
    problems,
    family: [],
    warnings: [],
    draft: null,
    existingId: null,
    adults: [],
    householdKeys: [],
    ...extra,
  });

  // A row whose shape is wrong has its values in the wrong columns: checking them would only
  // add confusing messages.
  if (record.problem) problems.push({ field: null, message: record.problem });
  const width = headers.length;
  if (record.fields.length < width || record.fields.slice(width).some((f) => f.trim() !== '')) {
    problems.push({
      field: null,
      message: `This line has ${record.fields.length} values but the header row has ${width} columns. A name with a comma that is not in quotes, or a missing value, usually causes this.`,
    });
  }
  if (problems.length > 0) return row('error');

  const say = (field: ImportField, value: string, problem: string) => {
    problems.push({ field, message: `${columnName(field)} “${clip(value)}”: ${problem}` });
  };
  const blank = (field: ImportField, why: string) => {
    problems.push({ field, message: `${columnName(field)} is blank: ${why}` });
  };

  if (upnText === '') {
    problems.push({
      field: 'upn',
      message:
        'No UPN: Lantern matches pupils by UPN, so each row needs one. Add it in your MIS (a temporary UPN will do) and export again.',
    });
  } else {
    const problem = upnProblem(upn);
    if (problem) say('upn', upnText, upnProblemMessages[problem]);
  }

  const names = {} as Record<
    'legalForename' | 'legalSurname' | 'preferredForename' | 'preferredSurname',
    string | null
  >;
  for (const field of [
    'legalForename',
    'legalSurname',
    'preferredForename',
    'preferredSurname',
  ] as const) {
    const value = cell(field);
    names[field] = null;
    if (value === null) continue;
    const result = normaliseName(value);
    if (!result.ok) say(field, value, result.problem);
    else if (result.value === '' && requiredImportFields.includes(field)) {
      blank(field, `every pupil needs ${fieldPhrase[field]}.`);
    } else names[field] = result.value;
  }

  const dates = {} as Record<'dateOfBirth' | 'admissionDate' | 'leavingDate', string | null>;
  for (const field of ['dateOfBirth', 'admissionDate', 'leavingDate'] as const) {
    const value = cell(field);
    dates[field] = null;
    if (value === null) continue;
    const result = normaliseDate(value);
    if (!result.ok) say(field, value, result.problem);
    else if (result.value === '' && field === 'dateOfBirth') {
      blank(field, 'every pupil needs a date of birth.');
    } else dates[field] = result.value;
  }

  let yearGroup: YearGroup | null = null;
  const yearText = cell('yearGroup') ?? '';
  const year = normaliseYearGroup(yearText);
  if (!year.ok) say('yearGroup', yearText, year.problem);
  else if (year.value === '') blank('yearGroup', 'every pupil needs a year group.');
  else yearGroup = year.value;

  let gender: Gender | null = null;
  const genderText = cell('gender');
  if (genderText !== null) {
    const result = normaliseGender(genderText);
    if (result.ok) gender = result.value;
    else say('gender', genderText, result.problem);
  }

  if (problems.length > 0) return row('error');

  const existing = options.findByUpn(upn);
  // A column the file does not have leaves what the register holds alone.
  const candidate = {
    legalForename: names.legalForename ?? '',
    legalSurname: names.legalSurname ?? '',
    preferredForename: names.preferredForename ?? existing?.preferredForename ?? '',
    preferredSurname: names.preferredSurname ?? existing?.preferredSurname ?? '',
    dateOfBirth: dates.dateOfBirth ?? '',
    upn,
    yearGroup: yearGroup ?? '',
    gender: gender ?? existing?.gender ?? 'not_known',
    admissionDate: dates.admissionDate ?? existing?.admissionDate ?? '',
    leavingDate: dates.leavingDate ?? existing?.leavingDate ?? '',
  };
  const parsed = childInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const known = pupilImportFields.find((f) => f === field) ?? null;
      problems.push({
        field: known,
        message: known ? `${columnName(known)}: ${issue.message}` : issue.message,
      });
    }
    return row('error');
  }
  const draft = parsed.data;
  for (const [field, message] of Object.entries(childDateProblems(draft, options.today))) {
    const known = pupilImportFields.find((f) => f === field);
    if (!known) continue;
    const shown = cell(known) ?? formatCalendarDate(draft[known]);
    say(known, shown, message);
  }
  if (problems.length > 0) return row('error');

  const warnings: ImportProblem[] = [];
  const contacts = planRowContacts(
    cell,
    (field, problem, value) => {
      const message =
        value === undefined ? problem : `${columnName(field)} “${clip(value)}”: ${problem}`;
      warnings.push({ field, message });
    },
    existing && options.adultsFor ? options.adultsFor(existing.id) : [],
  );
  const kept = describeKeptAdults(contacts.kept);
  const family = [
    ...contacts.adults.flatMap((a) => describePlannedAdult(a) ?? []),
    ...(kept === null ? [] : [kept]),
  ];
  const planned = {
    draft,
    adults: contacts.adults,
    householdKeys: contacts.householdKeys,
    warnings,
    family,
  };
  if (!existing) return row(draft.leavingDate === '' ? 'new' : 'leaver', planned);
  const changes: FieldChange[] = changedFields
    .filter((field) => draft[field] !== existing[field])
    .map((field) => ({ field, before: existing[field], after: draft[field] }));
  const outcome: ImportOutcome =
    draft.leavingDate !== '' && draft.leavingDate !== existing.leavingDate
      ? 'leaver'
      : changes.length > 0
        ? 'update'
        : 'unchanged';
  return row(outcome, { ...planned, changes, existingId: existing.id });
}

/** "line 7", "lines 4 and 9", "lines 4, 9, 12, 20, 31 and 6 more". */
export function describeLines(lines: readonly number[], shown = 5): string {
  if (lines.length === 1) return `line ${lines[0] ?? ''}`;
  const head = lines.slice(0, shown).map(String);
  const more = lines.length - head.length;
  if (more > 0) return `lines ${head.join(', ')} and ${more} more`;
  return `lines ${head.slice(0, -1).join(', ')} and ${head.at(-1) ?? ''}`;
}

/** Rows naming the same UPN cannot both be that pupil: each is marked. */
function markDuplicates(rows: PlannedRow[]): void {
  const linesByUpn = new Map<string, number[]>();
  for (const row of rows) {
    // A row of the wrong shape may have something else in its UPN column: leave it out.
    if (row.upn === '' || row.problems.some((p) => p.field === null || p.field === 'upn')) continue;
    const lines = linesByUpn.get(row.upn) ?? [];
    lines.push(row.line);
    linesByUpn.set(row.upn, lines);
  }
  for (const row of rows) {
    const lines = linesByUpn.get(row.upn);
    if (!lines || lines.length < 2 || !lines.includes(row.line)) continue;
    const others = lines.filter((l) => l !== row.line);
    row.problems.push({
      field: 'upn',
      message: `UPN ${row.upn} is also on ${describeLines(others)}: each pupil should be in the file once.`,
    });
    row.outcome = 'error';
    row.leavingDate = '';
    row.draft = null;
    row.changes = [];
    row.existingId = null;
    row.adults = [];
    row.householdKeys = [];
    row.family = [];
    row.warnings = [];
  }
}

/**
 * What importing `csv` would do to the register, row by row. Never throws, whatever the text
 * (security F3).
 */
export function planImport(options: PlanOptions): ImportPlan {
  const records = parseCsv(options.csv);
  const head = records[0];
  const plan: ImportPlan = {
    headers: [],
    detectedPreset: null,
    mapping: options.mapping ?? blankMapping,
    mappingProblems: {},
    fileProblems: [],
    sample: [],
    counts: emptyCounts(),
    rows: [],
    households: [],
  };
  if (!head) {
    plan.fileProblems.push(
      'This file is empty. Export the pupil list from your MIS as CSV and choose that file.',
    );
    return plan;
  }
  plan.headers = head.fields.map((h) => h.trim());
  if (head.problem) plan.fileProblems.push(`The header row could not be read. ${head.problem}`);
  const detection = detectImportMapping(plan.headers, options.saved);
  plan.detectedPreset = detection.detected;
  plan.mapping = options.mapping ?? detection.mapping;
  plan.mappingProblems = mappingProblemsFor(plan.headers, plan.mapping);

  const data = records
    .slice(1)
    .filter((r) => r.problem !== null || r.fields.some((f) => f.trim() !== ''));
  plan.sample = (data[0]?.fields ?? []).slice(0, plan.headers.length).map((v) => clip(v, 60));
  if (data.length === 0) {
    plan.fileProblems.push('This file has a header row but no pupils.');
  } else if (data.length > MAX_IMPORT_ROWS) {
    plan.fileProblems.push(
      `This file has ${data.length.toLocaleString('en-GB')} rows; Lantern imports up to ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} at a time. Export only pupils on roll and recent leavers.`,
    );
  }
  if (plan.fileProblems.length > 0 || Object.keys(plan.mappingProblems).length > 0) return plan;

  const columns = {} as Columns;
  for (const field of importFields) {
    const column = plan.mapping[field];
    columns[field] = column === '' ? -1 : plan.headers.indexOf(column);
  }
  plan.rows = data.map((record) => planRow(record, plan.headers, columns, options));
  markDuplicates(plan.rows);
  for (const row of plan.rows) plan.counts[row.outcome] += 1;
  const { rows } = plan;
  const groups = groupHouseholds(
    rows.flatMap((row, index) =>
      row.outcome === 'error' ? [] : [{ index, keys: row.householdKeys }],
    ),
  );
  for (const group of groups) {
    for (const index of group) {
      const others = group
        .filter((i) => i !== index)
        .map((i) => `${rows[i]?.name ?? ''} (line ${rows[i]?.line ?? ''})`);
      rows[index]?.family.push(`Siblings in this file: ${others.join(', ')}`);
    }
  }
  plan.households = groups.map((group) => group.map((i) => rows[i]?.line ?? 0));
  return plan;
}

/** The plan as the renderer sees it: rows with problems first, then in file order. */
export function previewOf(plan: ImportPlan): ImportPreview {
  const rows = [...plan.rows]
    .sort(
      (a, b) => Number(b.outcome === 'error') - Number(a.outcome === 'error') || a.line - b.line,
    )
    .slice(0, MAX_PREVIEW_ROWS)
    .map(({ line, upn, name, outcome, leavingDate, changes, problems, family, warnings }) => ({
      line,
      upn,
      name,
      outcome,
      leavingDate,
      changes,
      problems,
      family,
      warnings,
    }));
  // Which lines are siblings is main's to apply; each row's family text already says so.
  const { headers, detectedPreset, mapping, mappingProblems, fileProblems, sample, counts } = plan;
  return {
    headers,
    detectedPreset,
    mapping,
    mappingProblems,
    fileProblems,
    sample,
    counts,
    rows,
    totalRows: plan.rows.length,
    adultChanges: plan.rows.reduce(
      (n, row) => n + row.adults.filter((a) => a.action !== 'unchanged').length,
      0,
    ),
  };
}

/** Why this plan may not be applied, or null when it may (all rows or none: security F3). */
export function importRefusal(plan: ImportPlan): string | null {
  const [fileProblem] = plan.fileProblems;
  if (fileProblem !== undefined) return `Nothing was imported. ${fileProblem}`;
  const [mappingProblem] = Object.values(plan.mappingProblems);
  if (mappingProblem !== undefined) return `Nothing was imported. ${mappingProblem}`;
  const bad = plan.rows.filter((r) => r.outcome === 'error').map((r) => r.line);
  if (bad.length > 0) {
    const rows =
      bad.length === 1 ? '1 row needs' : `${bad.length.toLocaleString('en-GB')} rows need`;
    return `Nothing was imported: ${rows} correcting (${describeLines(bad)}). Correct them in your MIS, export the file again and import that.`;
  }
  return null;
}

/**
 * "Imported: 3 new, 1 updated, 0 unchanged, 1 marked as left.", then what happened to parents,
 * carers and siblings when anything did.
 */
export function describeImportResult(result: ImportResult): string {
  const parts = [
    `Imported: ${result.added} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.leavers} marked as left.`,
  ];
  if (result.adultsAdded + result.adultsUpdated > 0)
    parts.push(`Parents and carers: ${result.adultsAdded} added, ${result.adultsUpdated} updated.`);
  if (result.siblingsLinked > 0)
    parts.push(
      `${result.siblingsLinked} ${result.siblingsLinked === 1 ? 'pupil' : 'pupils'} linked with siblings.`,
    );
  return parts.join(' ');
}

/**
 * Whether importing would change nothing: no pupil to add, update or mark as leaving, no adult
 * to add or update, and no row with problems (those say what to correct instead).
 */
export function importChangesNothing(preview: Pick<ImportPreview, 'counts' | 'adultChanges'>) {
  const { counts } = preview;
  return counts.new + counts.update + counts.leaver + counts.error + preview.adultChanges === 0;
}

/** How many rows an import would bring in (every row without problems). */
export function importableRows(counts: ImportCounts): number {
  return counts.new + counts.update + counts.unchanged + counts.leaver;
}
