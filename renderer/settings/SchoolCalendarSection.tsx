import { useState } from 'react';

import type { CalendarInfo, TermYear } from '../../shared/dates/calendar-schema';
import { academicYearOf, academicYearStart } from '../../shared/dates/calendar-schema';
import { londonDate } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { SelectField } from '../ui/SelectField';
import { BankHolidaysForm } from './BankHolidaysForm';
import { LoadedSection } from './LoadedSection';
import { TermDatesImport } from './TermDatesImport';
import type { YearDraft } from './TermYearForm';
import { TermYearForm } from './TermYearForm';

const HEADING_ID = 'school-calendar-title';

function savedYear(info: CalendarInfo, academicYear: string): YearDraft {
  const year = info.years.find((y) => y.academicYear === academicYear);
  return { terms: [...(year?.terms ?? [])], insetDays: [...(year?.insetDays ?? [])] };
}

function CalendarEditor({ info }: { info: CalendarInfo }) {
  const current = academicYearOf(londonDate(new Date()));
  const next = academicYearOf(`${(academicYearStart(current) ?? 0) + 1}-09-01`);
  const [year, setYear] = useState(current);
  // Years changed here (typed or imported) and not yet saved.
  const [drafts, setDrafts] = useState<Record<string, YearDraft>>({});

  const years = [
    ...new Set([current, next, ...info.years.map((y) => y.academicYear), ...Object.keys(drafts)]),
  ].sort();
  const currentHasTerms = savedYear(info, current).terms.length > 0;

  function importYears(imported: readonly TermYear[]): void {
    setDrafts((existing) => ({
      ...existing,
      ...Object.fromEntries(
        imported.map((y) => [y.academicYear, { terms: y.terms, insetDays: y.insetDays }]),
      ),
    }));
    const first = imported[0];
    if (first) setYear(first.academicYear);
  }

  return (
    <>
      {currentHasTerms ? null : (
        <div className="panel panel--important">
          <p>No term dates are entered for this academic year, {current}.</p>
          <p>
            School-day deadlines (such as a child protection file transfer) are counted as working
            days until term dates are entered.
          </p>
        </div>
      )}
      <SelectField
        id="calendar-year"
        label="Academic year"
        placeholder="Choose an academic year"
        options={years.map((y) => ({
          value: y,
          label: `${y}${y === current ? ' (this year)' : ''}${y in drafts ? ' (not saved)' : ''}`,
        }))}
        value={year}
        onChange={(chosen) => {
          if (chosen !== '') setYear(chosen);
        }}
      />
      <TermYearForm
        key={year}
        academicYear={year}
        draft={drafts[year] ?? savedYear(info, year)}
        onChange={(draft) => {
          setDrafts((existing) => ({ ...existing, [year]: draft }));
        }}
        onSaved={() => {
          setDrafts((existing) =>
            Object.fromEntries(Object.entries(existing).filter(([y]) => y !== year)),
          );
        }}
      />
      <TermDatesImport onImport={importYears} />
      <BankHolidaysForm info={info} />
    </>
  );
}

/**
 * The school calendar that school-day deadlines are counted on: each academic year's terms and
 * INSET days, and the school's changes to the bank holidays.
 */
export function SchoolCalendarSection() {
  const info = useLantern((s) => s.calendarInfo);
  const status = useLantern((s) => s.calendarLoad);
  const error = useLantern((s) => s.calendarError);
  const load = useLantern((s) => s.loadCalendar);

  return (
    <LoadedSection
      id={HEADING_ID}
      title="School calendar"
      intro={
        <p>
          Lantern counts school days from the term dates and INSET days entered here, and working
          days from the bank holidays below.
        </p>
      }
      load={load}
      error={status === 'failed' ? error : null}
      failureTitle="The school calendar could not be loaded"
      loadingText="Loading the school calendar…"
    >
      {info ? <CalendarEditor info={info} /> : null}
    </LoadedSection>
  );
}
