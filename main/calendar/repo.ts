import type { TermYear } from '../../shared/dates/calendar-schema';
import type {
  BankHolidayOverride,
  InsetDay,
  SchoolCalendar,
  Term,
} from '../../shared/dates/school-calendar';
import type { Db } from '../db/open';

type TermRow = Term & { academicYear: string };
type InsetRow = InsetDay & { academicYear: string };

/** The school calendar: term dates and INSET days per academic year, bank-holiday overrides. */
export function calendarRepo(db: Db) {
  const terms = db.prepare<[], TermRow>(`
    SELECT academic_year AS academicYear, name, starts_on AS startsOn, ends_on AS endsOn
    FROM school_terms ORDER BY starts_on
  `);
  const insetDays = db.prepare<[], InsetRow>(
    'SELECT academic_year AS academicYear, date, note FROM inset_days ORDER BY date',
  );
  const overrides = db.prepare<[], BankHolidayOverride>(
    'SELECT kind, date, name FROM bank_holiday_overrides ORDER BY date',
  );
  const clearTerms = db.prepare('DELETE FROM school_terms WHERE academic_year = ?');
  const clearInset = db.prepare('DELETE FROM inset_days WHERE academic_year = ?');
  const insertTerm = db.prepare(`
    INSERT INTO school_terms (academic_year, position, name, starts_on, ends_on)
    VALUES (:academicYear, :position, :name, :startsOn, :endsOn)
  `);
  const insertInset = db.prepare(
    'INSERT INTO inset_days (academic_year, date, note) VALUES (:academicYear, :date, :note)',
  );
  const clearOverrides = db.prepare('DELETE FROM bank_holiday_overrides');
  const insertOverride = db.prepare(
    'INSERT INTO bank_holiday_overrides (date, kind, name) VALUES (:date, :kind, :name)',
  );

  return {
    /** Everything the deadline engine needs, terms in date order. */
    calendar(): SchoolCalendar {
      return {
        terms: terms.all().map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn })),
        insetDays: insetDays.all().map(({ date, note }) => ({ date, note })),
        bankHolidayOverrides: overrides.all(),
      };
    },
    /** Each academic year entered, earliest first. */
    years(): TermYear[] {
      const byYear = new Map<string, TermYear>();
      const yearOf = (academicYear: string): TermYear => {
        let year = byYear.get(academicYear);
        if (!year) {
          year = { academicYear, terms: [], insetDays: [] };
          byYear.set(academicYear, year);
        }
        return year;
      };
      for (const { academicYear, ...term } of terms.all()) yearOf(academicYear).terms.push(term);
      for (const { academicYear, ...day } of insetDays.all())
        yearOf(academicYear).insetDays.push(day);
      return [...byYear.values()].sort((a, b) => a.academicYear.localeCompare(b.academicYear));
    },
    /** Replaces one academic year's terms and INSET days. */
    replaceYear(year: TermYear): void {
      clearTerms.run(year.academicYear);
      clearInset.run(year.academicYear);
      year.terms.forEach((term, position) => {
        insertTerm.run({ academicYear: year.academicYear, position, ...term });
      });
      for (const day of year.insetDays)
        insertInset.run({ academicYear: year.academicYear, ...day });
    },
    replaceOverrides(list: readonly BankHolidayOverride[]): void {
      clearOverrides.run();
      for (const o of list) insertOverride.run(o);
    },
  };
}
