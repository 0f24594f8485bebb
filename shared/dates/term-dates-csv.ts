/**
 * Term dates pasted or imported as CSV, the way local authorities publish them: a row per term
 * ("Autumn 1, 3 September 2026, 23 October 2026") and a row per INSET day ("INSET, 2026-09-02").
 * A header row is optional and its wording is forgiving ("Term, Start, End", "Term name, First
 * day, Last day", with a "Type" or "Note" column or not). Pure: the result fills the Settings
 * form, and the school saves it from there.
 */
import { normaliseDate } from '../children/import';
import { parseCsv } from '../text/csv';
import type { TermYear } from './calendar-schema';
import { academicYearOf, termYearInput } from './calendar-schema';
import { addDays } from './calendar-date';
import { weekday } from './bank-holidays';

export type TermDatesImport = { ok: true; years: TermYear[] } | { ok: false; errors: string[] };

/** Far more than any calendar needs; a longer paste is the wrong file. */
export const MAX_TERM_DATE_LINES = 200;
/** An INSET row may give a range ("2 Sep to 3 Sep"); a longer one is a holiday, not INSET. */
const MAX_INSET_RANGE_DAYS = 10;

type Column = 'name' | 'start' | 'end' | 'type' | 'note';
type Columns = Partial<Record<Column, number>>;

/** Header words, tried in this order so "Term name" is the name and "Start date" the start. */
const HEADER_WORDS: readonly [Column, RegExp][] = [
  ['type', /^(type|kind|category)$/],
  ['note', /^(notes?|comments?|reason|details?)$/],
  ['start', /\b(start|first|from|begin|open)/],
  ['end', /\b(end|last|until|to|finish|close)/],
  ['start', /^(date|day)$/],
  ['name', /(term|name|description|event|period|holiday)/],
];

const POSITIONAL: Columns = { name: 0, start: 1, end: 2 };

const INSET = /^\s*(?:inset|staff training|training day|teacher training|pd day)\b/i;
const HOLIDAY = /\bholidays?\b|^half[- ]?term$|^(closure|break)$/i;
const INSET_PREFIX = /^\s*inset(?:\s+days?)?\s*[:\-–—]?\s*/i;
const WEEKDAY_PREFIX =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+/i;

function headerColumns(fields: readonly string[]): Columns | null {
  const columns: Columns = {};
  fields.forEach((field, index) => {
    const text = field.trim().toLowerCase();
    const match = HEADER_WORDS.find(
      ([column, words]) => columns[column] === undefined && words.test(text),
    );
    if (match) columns[match[0]] = index;
  });
  return columns.start === undefined ? null : columns;
}

/** A cell as a calendar date, or the reason it is not one. */
function readDate(raw: string): { ok: true; value: string } | { ok: false; problem: string } {
  const result = normaliseDate(raw.trim().replace(WEEKDAY_PREFIX, ''));
  if (result.ok) return result;
  const quoted = `'${raw.trim()}'`;
  const reason = result.problem.startsWith('Not ')
    ? `${quoted} is n${result.problem.slice(1)}`
    : `${quoted}: ${result.problem}`;
  return { ok: false, problem: reason };
}

const looksLikeDate = (raw: string): boolean => raw.trim() !== '' && readDate(raw).ok;

type Row = { line: number; kind: 'term' | 'inset'; name: string; start: string; end: string };

/** The weekdays from `start` to `end` inclusive, or null when the range is too long. */
function insetRange(start: string, end: string): string[] | null {
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (days.length >= MAX_INSET_RANGE_DAYS) return null;
    if (weekday(day) !== 0 && weekday(day) !== 6) days.push(day);
  }
  return days;
}

/**
 * Every academic year in the text, each with its terms (in date order) and INSET days, checked
 * with the same rules as saving; or every problem found, each naming its line.
 */
export function parseTermDatesCsv(text: string): TermDatesImport {
  const records = parseCsv(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (records.length === 0) {
    return { ok: false, errors: ['There are no term dates in the text.'] };
  }
  if (records.length > MAX_TERM_DATE_LINES) {
    return {
      ok: false,
      errors: [
        `There are more than ${MAX_TERM_DATE_LINES} lines: this is not a list of term dates.`,
      ],
    };
  }

  // Title and heading lines ("Term dates 2026/27", "Spring") hold one value; the first line
  // with more is the header, when it names a start column and holds no dates, or else data.
  const data = records.filter(
    (r) => r.fields.filter((f) => f.trim() !== '').length > 1 || INSET.test(r.fields[0] ?? ''),
  );
  const header = data[0];
  const headed = header && !header.fields.some(looksLikeDate) ? headerColumns(header.fields) : null;
  const columns = headed ?? POSITIONAL;
  const errors: string[] = [];
  const rows: Row[] = [];
  for (const record of headed ? data.slice(1) : data) {
    if (record.problem) {
      errors.push(record.problem);
      continue;
    }
    const cell = (column: Column): string => {
      const index = columns[column];
      return index === undefined ? '' : (record.fields[index] ?? '').trim();
    };
    const name = cell('name');
    const type = cell('type');
    // Holidays follow from the terms; a list that includes them has nothing more to say.
    if (HOLIDAY.test(type === '' ? name : type)) continue;
    const inset = type === '' ? INSET.test(name) : INSET.test(type);
    // Without a note column, an INSET row may put its note where a term has its last day.
    const endIsNote =
      inset && columns.note === undefined && cell('end') !== '' && !looksLikeDate(cell('end'));
    const note = cell('note') || (endIsNote ? cell('end') : '');
    rows.push({
      line: record.line,
      kind: inset ? 'inset' : 'term',
      name: inset ? note || name.replace(INSET_PREFIX, '') : name,
      start: cell('start'),
      end: endIsNote ? '' : cell('end'),
    });
  }

  const terms: { line: number; name: string; startsOn: string; endsOn: string }[] = [];
  const insetDays: { line: number; date: string; note: string }[] = [];
  for (const row of rows) {
    const at = `Line ${row.line}`;
    if (row.kind === 'term') {
      const label = row.name === '' ? 'the term' : row.name;
      if (row.name === '') errors.push(`${at}: the term has no name.`);
      if (row.start === '') errors.push(`${at}: the first day of ${label} is missing.`);
      if (row.end === '') errors.push(`${at}: the last day of ${label} is missing.`);
      if (row.start === '' || row.end === '') continue;
      const start = readDate(row.start);
      const end = readDate(row.end);
      if (!start.ok) errors.push(`${at}: ${start.problem}`);
      if (!end.ok) errors.push(`${at}: ${end.problem}`);
      if (start.ok && end.ok) {
        terms.push({ line: row.line, name: row.name, startsOn: start.value, endsOn: end.value });
      }
      continue;
    }
    if (row.start === '') {
      errors.push(`${at}: the date of the INSET day is missing.`);
      continue;
    }
    const start = readDate(row.start);
    const end = row.end === '' ? start : readDate(row.end);
    if (!start.ok) errors.push(`${at}: ${start.problem}`);
    if (!end.ok && row.end !== '') errors.push(`${at}: ${end.problem}`);
    if (!start.ok || !end.ok) continue;
    if (end.value < start.value) {
      errors.push(`${at}: the INSET days end before they start.`);
      continue;
    }
    // A single day stays as written, so a weekend one is named below rather than dropped.
    const days = row.end === '' ? [start.value] : insetRange(start.value, end.value);
    if (!days) {
      errors.push(`${at}: an INSET row can cover at most ${MAX_INSET_RANGE_DAYS} days.`);
      continue;
    }
    for (const date of days) insetDays.push({ line: row.line, date, note: row.name });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (terms.length === 0 && insetDays.length === 0) {
    return { ok: false, errors: ['There are no term dates in the text.'] };
  }

  const byYear = new Map<string, { terms: typeof terms; insetDays: typeof insetDays }>();
  const yearOf = (year: string) => {
    let found = byYear.get(year);
    if (!found) {
      found = { terms: [], insetDays: [] };
      byYear.set(year, found);
    }
    return found;
  };
  for (const term of terms) yearOf(academicYearOf(term.startsOn)).terms.push(term);
  for (const day of insetDays) yearOf(academicYearOf(day.date)).insetDays.push(day);

  const years: TermYear[] = [];
  for (const [academicYear, entered] of [...byYear].sort(([a], [b]) => a.localeCompare(b))) {
    const sortedTerms = entered.terms.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const sortedInset = entered.insetDays.sort((a, b) => a.date.localeCompare(b.date));
    const parsed = termYearInput.safeParse({
      academicYear,
      terms: sortedTerms.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn })),
      insetDays: sortedInset.map(({ date, note }) => ({ date, note })),
    });
    if (parsed.success) {
      years.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const [list, index] = issue.path;
      const line =
        list === 'terms' && typeof index === 'number'
          ? sortedTerms[index]?.line
          : list === 'insetDays' && typeof index === 'number'
            ? sortedInset[index]?.line
            : undefined;
      errors.push(
        line === undefined ? `${academicYear}: ${issue.message}` : `Line ${line}: ${issue.message}`,
      );
    }
  }
  return errors.length > 0 ? { ok: false, errors: [...new Set(errors)] } : { ok: true, years };
}
