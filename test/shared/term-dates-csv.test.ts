import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatCalendarDate } from '../../shared/dates/calendar-date';
import { parseTermDatesCsv } from '../../shared/dates/term-dates-csv';
import { writeCsv } from '../../shared/text/csv';

const autumn = [
  { name: 'Autumn 1', startsOn: '2026-09-01', endsOn: '2026-10-23' },
  { name: 'Autumn 2', startsOn: '2026-11-02', endsOn: '2026-12-18' },
];

function years(text: string) {
  const result = parseTermDatesCsv(text);
  if (!result.ok) throw new Error(`Expected term dates, got: ${result.errors.join(' | ')}`);
  return result.years;
}

function errors(text: string): string[] {
  const result = parseTermDatesCsv(text);
  if (result.ok) throw new Error('Expected errors, got term dates.');
  return result.errors;
}

describe('term dates from CSV', () => {
  it('reads "Term,Start,End" with ISO dates and INSET rows', () => {
    const text = [
      'Term,Start,End',
      'Autumn 1,2026-09-01,2026-10-23',
      'Autumn 2,2026-11-02,2026-12-18',
      'INSET,2026-09-01',
      'INSET,2026-09-02,Safeguarding training',
    ].join('\r\n');
    expect(years(text)).toEqual([
      {
        academicYear: '2026/27',
        terms: autumn,
        insetDays: [
          { date: '2026-09-01', note: '' },
          { date: '2026-09-02', note: 'Safeguarding training' },
        ],
      },
    ]);
  });

  it('reads day-first and written dates, weekday names and a title above the header', () => {
    const text = [
      'Lambeth term dates 2026/27',
      'Term name, First day, Last day',
      'Autumn 1,"Tuesday 1 September 2026","Friday 23 October 2026"',
      'Autumn 2,2/11/2026,18/12/2026',
      'Spring 1,5 Jan 2027,12th Feb 2027',
      '"INSET day: staff training",01/09/2026,',
    ].join('\n');
    expect(years(text)).toEqual([
      {
        academicYear: '2026/27',
        terms: [...autumn, { name: 'Spring 1', startsOn: '2027-01-05', endsOn: '2027-02-12' }],
        insetDays: [{ date: '2026-09-01', note: 'staff training' }],
      },
    ]);
  });

  it('reads a Type column, a Notes column, an INSET range, and skips holidays', () => {
    const text = [
      'Type,Description,Start date,End date,Notes',
      'Term,Autumn 1,2026-09-01,2026-10-23,',
      'Holiday,October half term,2026-10-26,2026-10-30,',
      'Term,Autumn 2,2026-11-02,2026-12-18,',
      'INSET,,2026-09-01,2026-09-02,Whole-school training',
      'Inset day,Curriculum day,2026-11-02,,',
    ].join('\n');
    expect(years(text)).toEqual([
      {
        academicYear: '2026/27',
        terms: autumn,
        insetDays: [
          { date: '2026-09-01', note: 'Whole-school training' },
          { date: '2026-09-02', note: 'Whole-school training' },
          { date: '2026-11-02', note: 'Curriculum day' },
        ],
      },
    ]);
  });

  it('groups rows into academic years and sorts them, without a header', () => {
    const text = [
      'Autumn 1 2027,2027-09-01,2027-10-22',
      'Autumn 2,2026-11-02,2026-12-18',
      'Autumn 1,2026-09-01,2026-10-23',
      'INSET,2027-09-02',
    ].join('\n');
    expect(years(text)).toEqual([
      { academicYear: '2026/27', terms: autumn, insetDays: [] },
      {
        academicYear: '2027/28',
        terms: [{ name: 'Autumn 1 2027', startsOn: '2027-09-01', endsOn: '2027-10-22' }],
        insetDays: [{ date: '2027-09-02', note: '' }],
      },
    ]);
  });

  it('names the line and the value of a date that does not exist or cannot be read', () => {
    const text = [
      'Term,Start,End',
      'Autumn 1,2026-09-01,2026-10-23',
      'Spring 1,2027-01-05,2027-02-12',
      'Spring 2,2027-02-22,31/02/2027',
      'Summer 1,next Monday,28/05/2027',
      'Summer 2,7/6/27,2027-07-21',
    ].join('\n');
    expect(errors(text)).toEqual([
      "Line 4: '31/02/2027' is not a real date: February 2027 has 28 days.",
      "Line 5: 'next Monday' is not a date Lantern can read. Use day, month, year, such as 14/03/2016.",
      "Line 6: '7/6/27': The year has two digits. Export dates with four-digit years, such as 14/03/2027.",
    ]);
  });

  it('names missing values', () => {
    expect(
      errors(
        ['Term,Start,End', 'Autumn 1,2026-09-01,', ',2026-11-02,2026-12-18', 'INSET,'].join('\n'),
      ),
    ).toEqual([
      'Line 2: the last day of Autumn 1 is missing.',
      'Line 3: the term has no name.',
      'Line 4: the date of the INSET day is missing.',
    ]);
  });

  it('checks each year with the rules for saving it, naming the line', () => {
    const text = [
      'Term,Start,End',
      'Autumn 1,2026-09-01,2026-10-23',
      'Autumn 2,2026-12-18,2026-11-02',
      'INSET,2026-09-05',
      'INSET,2026-10-28',
    ].join('\n');
    expect(errors(text)).toEqual([
      'Line 3: Autumn 2 ends before it starts.',
      'Line 4: An INSET day must be a weekday.',
      'Line 5: An INSET day must fall within one of the terms.',
    ]);
  });

  it('reports a year with too many terms by its name', () => {
    const rows = [['Term', 'Start', 'End']];
    for (const month of ['09', '10', '11', '12']) {
      rows.push([`${month} first half`, `2026-${month}-01`, `2026-${month}-10`]);
      rows.push([`${month} second half`, `2026-${month}-15`, `2026-${month}-20`]);
    }
    expect(errors(writeCsv(rows))).toEqual(['2026/27: A year can have at most 6 terms.']);
  });

  it('passes on a CSV problem and refuses text with no term dates', () => {
    expect(errors('Term,Start,End\nAutumn 1,"2026-09-01" x,2026-10-23\n')).toEqual([
      'Line 2 has text straight after a closing quote. Values containing quotes must be written as ""like this"".',
    ]);
    expect(errors('')).toEqual(['There are no term dates in the text.']);
    expect(errors('Term dates\n\nTerm,Start,End\n')).toEqual([
      'There are no term dates in the text.',
    ]);
    expect(errors('Term,Start,End\n' + 'Autumn,2026-09-01,2026-10-23\n'.repeat(201))).toEqual([
      'There are more than 200 lines: this is not a list of term dates.',
    ]);
  });

  it('reads the same terms whichever date format each cell uses', () => {
    const format = fc.constantFrom(
      (d: string) => d,
      (d: string) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`,
      formatCalendarDate,
    );
    fc.assert(
      fc.property(fc.tuple(format, format, format, format), ([a, b, c, d]) => {
        const text = writeCsv([
          ['Term', 'Start', 'End'],
          ['Autumn 1', a('2026-09-01'), b('2026-10-23')],
          ['Autumn 2', c('2026-11-02'), d('2026-12-18')],
        ]);
        expect(years(text)).toEqual([{ academicYear: '2026/27', terms: autumn, insetDays: [] }]);
      }),
    );
  });
});
