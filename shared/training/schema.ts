/**
 * Training records (issue 7; domain.md §3.7): the people whose safeguarding training the school
 * tracks, their completions with optional evidence, their KCSIE Part one attestations per
 * edition, and the school's own intervals where the sources set none. The requirements
 * themselves, and where a person stands against one, are shared/governance/training.ts.
 */
import { z } from 'zod';

import { calendarDate } from '../children/schema';
import { isCalendarDate } from '../dates/calendar-date';
import { normaliseDate, normaliseName } from '../children/import';
import { narrative } from '../concerns/schema';
import { attachmentUpload } from '../concerns/attachments';
import type { AttachmentType } from '../concerns/attachments';
import type { TrainingAudience, TrainingKind, TrainingStanding } from '../governance/training';
import { trainingAudienceLabels, trainingAudiences, trainingKinds } from '../governance/training';
import { recordId } from '../record-id';
import { parseCsv } from '../text/csv';

export const MAX_PERSON_NAME_CHARS = 100;
export const MAX_JOB_TITLE_CHARS = 100;
export const MAX_PROVIDER_CHARS = 200;
export const MAX_TRAINING_NOTES_CHARS = 2000;
export const MAX_STAFF_CSV_CHARS = 1_000_000;
export const MAX_STAFF_ROWS = 2_000;

// ---------------------------------------------------------------------------------------------
// KCSIE editions.

/**
 * Keeping children safe in education is reissued each year and each edition comes into force on
 * 1 September ("KCSIE 2026" from 1 Sep 2026 until 31 Aug 2027). Staff must read Part one of the
 * edition in force, so reading it is tracked per edition, not by a date 12 months on: someone
 * who read KCSIE 2025 in July 2026 has still not read the edition in force on 1 Sep 2026.
 */
export function kcsieEditionYear(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '09-01' ? year : year - 1;
}

export function kcsieEdition(year: number): string {
  return `KCSIE ${year}`;
}

const EDITION = /^KCSIE (\d{4})$/;

export const kcsieEditionField = z
  .string()
  .max(10, 'Choose an edition, such as KCSIE 2026.')
  .regex(EDITION, 'Choose an edition, such as KCSIE 2026.');

export type KcsieAttestation = {
  id: string;
  edition: string;
  attestedOn: string;
  recordedAt: string;
  recordedByName: string;
};

// ---------------------------------------------------------------------------------------------
// Inputs.

const personName = narrative('The name', MAX_PERSON_NAME_CHARS, true);
const jobTitle = narrative('The job title', MAX_JOB_TITLE_CHARS, false);
const groupsField = z
  .array(z.enum(trainingAudiences, 'Choose the groups this person belongs to.'))
  .min(1, 'Choose at least one group.')
  .max(trainingAudiences.length)
  .refine((g) => new Set(g).size === g.length, 'Choose each group once.');
const leavingDate = z
  .string()
  .max(10, 'The leaving date must be a date.')
  .refine((s) => s === '' || isCalendarDate(s), 'The leaving date must be a real date.');

export const personInput = z.strictObject({
  name: personName,
  jobTitle,
  groups: groupsField,
  startDate: calendarDate('Start date'),
  leavingDate,
  userId: recordId.nullable(),
});
export type PersonInput = z.infer<typeof personInput>;

export const personUpdateInput = personInput.extend({ id: recordId });

export const trainingRecordInput = z.strictObject({
  personId: recordId,
  kind: z.enum(trainingKinds, 'Choose the training.'),
  completedOn: calendarDate('Date completed'),
  provider: narrative('The provider', MAX_PROVIDER_CHARS, true),
  notes: narrative('The notes', MAX_TRAINING_NOTES_CHARS, false),
  evidence: z.strictObject(attachmentUpload).nullable(),
});

export const trainingWithdrawInput = z.strictObject({
  recordId,
  reason: narrative('The reason', 1000, true).refine(
    (s) => s.length >= 10,
    'The reason must be at least 10 characters: say why.',
  ),
});

export const kcsieAttestInput = z.strictObject({
  personId: recordId,
  edition: kcsieEditionField,
  attestedOn: calendarDate('Date read'),
});

export const staffImportInput = z.strictObject({
  csv: z
    .string()
    .max(MAX_STAFF_CSV_CHARS, 'The file is too large: import at most 1 MB of staff at a time.')
    .refine((s) => s.trim() !== '', 'Choose a CSV file with a header row and one row per person.'),
  apply: z.boolean(),
});

/** Kinds whose frequency the sources leave open: the school may set its own interval. */
export const adjustableTrainingKinds = ['prevent', 'governor', 'safer_recruitment'] as const;

export const trainingIntervalInput = z.strictObject({
  kind: z.enum(adjustableTrainingKinds, 'Choose a requirement whose frequency is not fixed.'),
  months: z
    .int('Enter a whole number of months.')
    .min(1, 'Enter between 1 and 120 months.')
    .max(120, 'Enter between 1 and 120 months.'),
});

// ---------------------------------------------------------------------------------------------
// Outputs.

export type TrainingRecordView = {
  id: string;
  kind: TrainingKind;
  completedOn: string;
  provider: string;
  notes: string;
  evidence: { fileName: string; mediaType: AttachmentType; size: number; sha256: string } | null;
  recordedAt: string;
  recordedByName: string;
  withdrawal: { reason: string; at: string; byName: string } | null;
};

export type PersonStanding = TrainingStanding & { kind: TrainingKind; title: string };

export type TrainingPerson = {
  id: string;
  name: string;
  jobTitle: string;
  groups: TrainingAudience[];
  startDate: string;
  leavingDate: string;
  userId: string | null;
  /** One per requirement that applies to this person's groups (none once they have left). */
  standings: PersonStanding[];
  records: TrainingRecordView[];
  attestations: KcsieAttestation[];
};

export type TrainingIntervalView = {
  kind: TrainingKind;
  title: string;
  defaultMonths: number | null;
  months: number | null;
  confirmed: boolean;
  frequencyText: string;
  source: string;
  /** The school's own setting, or null while the default applies. */
  setAt: string | null;
  setByName: string | null;
};

export type TrainingRegister = {
  today: string;
  editionInForce: string;
  people: TrainingPerson[];
  intervals: TrainingIntervalView[];
};

export type TrainingDueItem = {
  personId: string;
  name: string;
  kind: TrainingKind;
  title: string;
  status: 'overdue' | 'due_soon' | 'missing';
  nextDue: string | null;
};

export type TrainingDue = {
  overdue: number;
  dueSoon: number;
  missing: number;
  items: TrainingDueItem[];
};

// ---------------------------------------------------------------------------------------------
// Staff CSV import.

export type StaffRow = {
  name: string;
  jobTitle: string;
  startDate: string;
  groups: TrainingAudience[];
};
export const staffImportOutcomes = ['new', 'update', 'unchanged', 'error'] as const;
export type StaffImportOutcome = (typeof staffImportOutcomes)[number];
export type StaffImportRow = {
  line: number;
  name: string;
  outcome: StaffImportOutcome;
  problems: string[];
};
export type StaffImportResult = {
  applied: boolean;
  counts: Record<StaffImportOutcome, number>;
  rows: StaffImportRow[];
  /** Problems with the file as a whole (no header, missing columns). */
  fileProblems: string[];
};

const GROUP_WORDS: Record<string, TrainingAudience> = {
  allstaff: 'all_staff',
  staff: 'all_staff',
  dsl: 'dsl_team',
  dslteam: 'dsl_team',
  deputydsl: 'dsl_team',
  governor: 'governors',
  governors: 'governors',
  trustee: 'governors',
  trustees: 'governors',
  it: 'it_users',
  itusers: 'it_users',
  recruiter: 'recruiters',
  recruiters: 'recruiters',
  recruitment: 'recruiters',
  saferrecruitment: 'recruiters',
};
for (const audience of trainingAudiences) {
  GROUP_WORDS[audience.replace(/_/g, '')] = audience;
  GROUP_WORDS[trainingAudienceLabels[audience].toLowerCase().replace(/[^a-z]/g, '')] = audience;
}

const compact = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** "All staff; DSL" → ['all_staff', 'dsl_team']; blank is all staff. */
export function parseGroups(raw: string): { groups: TrainingAudience[]; unknown: string[] } {
  const parts = raw
    .split(/[;|/]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { groups: ['all_staff'], unknown: [] };
  const groups = new Set<TrainingAudience>();
  const unknown: string[] = [];
  for (const part of parts) {
    const found = GROUP_WORDS[compact(part)];
    if (found) groups.add(found);
    else unknown.push(part);
  }
  return { groups: trainingAudiences.filter((a) => groups.has(a)), unknown };
}

const COLUMNS = {
  name: ['name', 'fullname', 'staffname'],
  jobTitle: ['jobtitle', 'role', 'title', 'post'],
  startDate: ['startdate', 'started', 'datestarted', 'start'],
  groups: ['groups', 'group', 'trainedas'],
} as const;

/**
 * The staff CSV read row by row: a header row naming the columns (name, job title, start date,
 * groups; any order, any case), then one person per row. Dates are read as UK schools write
 * them (children/import.ts normaliseDate); groups are separated by semicolons.
 */
export function readStaffCsv(csv: string): {
  fileProblems: string[];
  rows: { line: number; name: string; row: StaffRow | null; problems: string[] }[];
} {
  const records = parseCsv(csv);
  const header = records[0];
  if (!header) return { fileProblems: ['The file is empty.'], rows: [] };
  const keys = header.fields.map(compact);
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, names]) => [
      field,
      keys.findIndex((k) => (names as readonly string[]).includes(k)),
    ]),
  ) as Record<keyof typeof COLUMNS, number>;
  const missing = (['name', 'startDate'] as const).filter((f) => index[f] < 0);
  if (missing.length > 0) {
    return {
      fileProblems: [
        `The header row must name the columns: ${missing.map((f) => (f === 'name' ? 'Name' : 'Start date')).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing.`,
      ],
      rows: [],
    };
  }
  if (records.length - 1 > MAX_STAFF_ROWS)
    return { fileProblems: [`Import at most ${MAX_STAFF_ROWS} people at a time.`], rows: [] };
  const cell = (fields: string[], i: number) => (i < 0 ? '' : (fields[i] ?? ''));
  return {
    fileProblems: [],
    rows: records.slice(1).map((record) => {
      const problems: string[] = [];
      if (record.problem) problems.push(record.problem);
      const name = normaliseName(cell(record.fields, index.name));
      if (!name.ok) problems.push(`Name: ${name.problem}`);
      else if (name.value === '') problems.push('Name: enter the person’s name.');
      const jobTitleCell = normaliseName(cell(record.fields, index.jobTitle));
      if (!jobTitleCell.ok) problems.push(`Job title: ${jobTitleCell.problem}`);
      const start = normaliseDate(cell(record.fields, index.startDate));
      if (!start.ok) problems.push(`Start date: ${start.problem}`);
      else if (start.value === '') problems.push('Start date: enter the date they started.');
      const groups = parseGroups(cell(record.fields, index.groups));
      if (groups.unknown.length > 0)
        problems.push(
          `Groups: “${groups.unknown.join('”, “')}” ${groups.unknown.length > 1 ? 'are not groups' : 'is not a group'} Lantern knows. Use All staff, DSL, Governors, IT users or Recruiters, separated by semicolons.`,
        );
      const shownName = name.ok ? name.value : cell(record.fields, index.name);
      return problems.length > 0 || !name.ok || !start.ok || !jobTitleCell.ok
        ? { line: record.line, name: shownName, row: null, problems }
        : {
            line: record.line,
            name: name.value,
            row: {
              name: name.value,
              jobTitle: jobTitleCell.value,
              startDate: start.value,
              groups: groups.groups,
            },
            problems,
          };
    }),
  };
}
