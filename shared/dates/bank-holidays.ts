/**
 * Bank holidays in England and Wales (the groundwork of the statutory calendar, issue 5): the
 * regular ones computed for any year, and the one-off changes proclaimed by the Crown kept as
 * data with their source, so that a new proclamation is one line here (and, later, a school's
 * own override). Source: the Banking and Financial Dealings Act 1971, Schedule 1, and the
 * proclamations listed in `oneOffChanges` (gov.uk/bank-holidays).
 */
import { addDays } from './calendar-date';

export type BankHoliday = { date: string; name: string };

/** A change to one year's bank holidays: a day added, or a regular one moved. */
export type OneOffChange = {
  year: number;
  /** The regular holiday moved, by name, or null when a day is added. */
  moves: string | null;
  date: string;
  name: string;
  source: string;
};

export const oneOffChanges: readonly OneOffChange[] = [
  {
    year: 1995,
    moves: 'Early May bank holiday',
    date: '1995-05-08',
    name: 'Early May bank holiday (VE Day)',
    source: 'Proclamation, 50th anniversary of VE Day',
  },
  {
    year: 1999,
    moves: null,
    date: '1999-12-31',
    name: 'Millennium celebrations',
    source: 'Proclamation, millennium',
  },
  {
    year: 2002,
    moves: 'Spring bank holiday',
    date: '2002-06-04',
    name: 'Spring bank holiday',
    source: 'Proclamation, Golden Jubilee',
  },
  {
    year: 2002,
    moves: null,
    date: '2002-06-03',
    name: 'Golden Jubilee bank holiday',
    source: 'Proclamation, Golden Jubilee',
  },
  {
    year: 2011,
    moves: null,
    date: '2011-04-29',
    name: 'Royal wedding',
    source: 'Proclamation, royal wedding',
  },
  {
    year: 2012,
    moves: 'Spring bank holiday',
    date: '2012-06-04',
    name: 'Spring bank holiday',
    source: 'Proclamation, Diamond Jubilee',
  },
  {
    year: 2012,
    moves: null,
    date: '2012-06-05',
    name: 'Diamond Jubilee bank holiday',
    source: 'Proclamation, Diamond Jubilee',
  },
  {
    year: 2020,
    moves: 'Early May bank holiday',
    date: '2020-05-08',
    name: 'Early May bank holiday (VE Day)',
    source: 'Proclamation, 75th anniversary of VE Day',
  },
  {
    year: 2022,
    moves: 'Spring bank holiday',
    date: '2022-06-02',
    name: 'Spring bank holiday',
    source: 'Proclamation, Platinum Jubilee',
  },
  {
    year: 2022,
    moves: null,
    date: '2022-06-03',
    name: 'Platinum Jubilee bank holiday',
    source: 'Proclamation, Platinum Jubilee',
  },
  {
    year: 2022,
    moves: null,
    date: '2022-09-19',
    name: 'Bank holiday for the State Funeral of Queen Elizabeth II',
    source: 'Proclamation, State Funeral',
  },
  {
    year: 2023,
    moves: null,
    date: '2023-05-08',
    name: 'Bank holiday for the coronation of King Charles III',
    source: 'Proclamation, coronation',
  },
];

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): string {
  const first = iso(year, month, 1);
  return addDays(first, (8 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return addDays(last, -((weekday(last) + 6) % 7));
}

function isWeekend(date: string): boolean {
  return weekday(date) === 0 || weekday(date) === 6;
}

/**
 * A fixed-date holiday: on its day when that is a weekday, otherwise on the next weekday that is
 * not already a holiday, named as gov.uk names it ("Christmas Day (substitute day)").
 */
function fixed(date: string, name: string, taken: ReadonlySet<string>): BankHoliday {
  if (!isWeekend(date)) return { date, name };
  let day = date;
  while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
  return { date: day, name: `${name} (substitute day)` };
}

/** The bank holidays of England and Wales in a year, in date order. */
export function bankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const regular: BankHoliday[] = [
    fixed(iso(year, 1, 1), 'New Year’s Day', new Set()),
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
  ];
  // Christmas and Boxing Day: one on a weekday keeps its day; one on a weekend moves to the
  // next weekday the other does not hold (Sunday 25th: Boxing Day Monday, Christmas Tuesday).
  const [xmas, boxing] = [iso(year, 12, 25), iso(year, 12, 26)];
  const onWeekdays = new Set([xmas, boxing].filter((d) => !isWeekend(d)));
  const christmasDay = fixed(xmas, 'Christmas Day', onWeekdays);
  const boxingDay = fixed(boxing, 'Boxing Day', new Set([...onWeekdays, christmasDay.date]));
  regular.push(christmasDay, boxingDay);
  const changes = oneOffChanges.filter((c) => c.year === year);
  const moved = regular.map((h) => {
    const move = changes.find((c) => c.moves === h.name);
    return move ? { date: move.date, name: move.name } : h;
  });
  const added = changes
    .filter((c) => c.moves === null)
    .map((c) => ({ date: c.date, name: c.name }));
  return [...moved, ...added].sort((x, y) => x.date.localeCompare(y.date));
}
