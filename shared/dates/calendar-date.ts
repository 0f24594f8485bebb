const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** True for a real calendar date written as YYYY-MM-DD (so 2025-02-29 is false). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Built once: creating an Intl.DateTimeFormat costs far more than formatting with one, and an
// audit export formats every row of the log.
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const LONDON_MINUTE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar date in Europe/London at the given instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  const parts = LONDON_DAY.formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The wall-clock minute in Europe/London at the given instant, as YYYY-MM-DDTHH:MM. */
export function londonMinute(instant: Date): string {
  return `${londonDate(instant)}T${LONDON_TIME.format(instant)}`;
}

/**
 * "2026-11-28" → "28 Nov 2026". Month names are fixed here rather than taken from Intl,
 * whose en-GB short form for September changed between ICU versions ("Sep" / "Sept").
 */
export function formatCalendarDate(value: string): string {
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? '?'} ${m[1]}`;
}

/** An instant shown as "28 Nov 2026, 14:05" in Europe/London. */
export function formatInstant(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return `${formatCalendarDate(londonDate(instant))}, ${LONDON_TIME.format(instant)}`;
}

/** The calendar date `days` days after `date` (before it, when negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The calendar date `months` calendar months after `date`, by the corresponding-date rule used
 * for statutory periods (Dodds v Walker [1981] 1 WLR 1027, HL; the ICO's guidance on the one-
 * month SAR period): the same day of the month, or the last day of the month when that month
 * is shorter (31 Jan + 1 month = 28 or 29 Feb; 30 Nov + 3 months = 28 or 29 Feb).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole years between two calendar dates (age on `on` for someone born on `born`). */
export function wholeYearsBetween(born: string, on: string): number {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let years = oy - by;
  if (om < bm || (om === bm && od < bd)) years -= 1;
  return years;
}

function londonOffsetMinutes(instant: Date): number {
  const parts = LONDON_MINUTE.formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * A wall-clock time in Europe/London ("2026-11-28", "14:05") as a UTC instant (ISO string).
 * In the hour that repeats when the clocks go back, the first (BST) reading is taken; a time
 * skipped when the clocks go forward is read with the offset in force just before.
 */
export function londonInstant(date: string, time: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const hours3 = 3 * 60 * 60_000;
  // The offsets in force a little before and after: a clock change lies between them.
  const offsets = [naive - hours3, naive + hours3].map((t) => londonOffsetMinutes(new Date(t)));
  const readings = offsets
    .map((offset) => naive - offset * 60_000)
    .filter((t) => londonOffsetMinutes(new Date(t)) * 60_000 === naive - t);
  const chosen = readings.length > 0 ? Math.min(...readings) : naive - (offsets[0] ?? 0) * 60_000;
  return new Date(chosen).toISOString();
}
