import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { ImportMapping, PlanOptions } from '../../shared/children/import';
import {
  blankMapping,
  describeLines,
  detectImportMapping,
  importRefusal,
  MAX_PREVIEW_ROWS,
  mappingForHeaders,
  normaliseDate,
  normaliseGender,
  normaliseYearGroup,
  planImport,
  previewOf,
} from '../../shared/children/import';
import type { Child } from '../../shared/children/schema';
import { upnCheckLetter } from '../../shared/children/upn';
import { writeCsv } from '../../shared/text/csv';
import { misFixture as fixture } from '../support/mis';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const TODAY = '2026-11-28';

function existing(overrides: Partial<Child> = {}): Child {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    legalForename: 'Amara',
    legalSurname: 'Okafor',
    preferredForename: '',
    preferredSurname: '',
    dateOfBirth: '2016-03-14',
    upn: 'B801200005001',
    yearGroup: '4',
    gender: 'female',
    admissionDate: '2020-09-02',
    leavingDate: '',
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-01T08:00:00.000Z',
    ...overrides,
  };
}

function plan(csv: string, register: Child[] = [], options: Partial<PlanOptions> = {}) {
  return planImport({
    csv,
    mapping: null,
    saved: [],
    today: TODAY,
    findByUpn: (upn) => register.find((c) => c.upn === upn) ?? null,
    ...options,
  });
}

const ok = (value: string) => ({ ok: true, value });

describe('dates, always day first', () => {
  it.each([
    ['14/03/2016', '2016-03-14'],
    ['4/3/2016', '2016-03-04'],
    ['04/03/2016', '2016-03-04'],
    ['2016-03-14', '2016-03-14'],
    ['14-03-2016', '2016-03-14'],
    ['14.03.2016', '2016-03-14'],
    ['14-Mar-2016', '2016-03-14'],
    ['4-mar-2016', '2016-03-04'],
    ['14 Mar 2016', '2016-03-14'],
    ['14 March 2016', '2016-03-14'],
    ['14th March 2016', '2016-03-14'],
    ['1 Sept 2016', '2016-09-01'],
    ['14/03/2016 00:00:00', '2016-03-14'],
    ['2016-03-14T00:00:00Z', '2016-03-14'],
    ['  14/03/2016  ', '2016-03-14'],
    ['29/02/2016', '2016-02-29'],
    ['', ''],
  ])('%s → %s', (raw, iso) => {
    expect(normaliseDate(raw)).toEqual(ok(iso));
  });

  it('explains a US-looking date instead of guessing', () => {
    const r = normaliseDate('03/14/2016');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/day first \(dd\/mm\/yyyy\).*US date/);
  });

  it.each([
    ['31/02/2016', /February 2016 has 29 days/],
    ['29/02/2015', /February 2015 has 28 days/],
    ['14/13/2016', /no month 13/],
    ['14/03/16', /two digits.*14\/03\/2016/],
    ['14/03/1816', /1900 to 2999/],
    ['14 Smarch 2016', /“Smarch” is not a month/],
    ['next Tuesday', /Not a date Lantern can read/],
    ['14/03/20166', /four digits/],
  ])('refuses %s with a reason', (raw, reason) => {
    const r = normaliseDate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(reason);
  });

  it('reads back every real date written in each UK format', () => {
    const date = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z') })
      .filter((d) => !Number.isNaN(d.getTime()));
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'];
    fc.assert(
      fc.property(date, (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = d.toISOString().slice(0, 10);
        const dd = String(day).padStart(2, '0');
        const mm = String(m).padStart(2, '0');
        const name = [...months, 'Dec'][m - 1] ?? '';
        for (const written of [
          `${dd}/${mm}/${y}`,
          `${day}/${m}/${y}`,
          `${dd}-${mm}-${y}`,
          iso,
          `${day}-${name}-${y}`,
          `${day} ${name} ${y}`,
        ]) {
          expect(normaliseDate(written)).toEqual(ok(iso));
        }
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
  });
});

describe('year groups', () => {
  it.each([
    ['Year 5', '5'],
    ['Y5', '5'],
    ['5', '5'],
    ['05', '5'],
    ['NC Year 5', '5'],
    ['Yr 5', '5'],
    ['year5', '5'],
    ['Year 12', '12'],
    ['Y13', '13'],
    ['14', '14'],
    ['R', 'R'],
    ['Rec', 'R'],
    ['Reception', 'R'],
    ['YR', 'R'],
    ['Year R', 'R'],
    ['0', 'R'],
    ['N1', 'N1'],
    ['N2', 'N2'],
    ['Nursery 1', 'N1'],
    ['Nursery 2', 'N2'],
    ['Nursery', 'N2'],
    ['FS1', 'N2'],
    ['FS2', 'R'],
    ['', ''],
  ])('%s → %s', (raw, year) => {
    expect(normaliseYearGroup(raw)).toEqual(ok(year));
  });

  it.each(['Year 15', 'X', 'Sixth form', '5B'])('refuses %s', (raw) => {
    const r = normaliseYearGroup(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/Reception, or Year 1 to Year 14/);
  });
});

describe('gender', () => {
  it.each([
    ['M', 'male'],
    ['f', 'female'],
    ['Male', 'male'],
    ['FEMALE', 'female'],
    ['Boy', 'male'],
    ['Girl', 'female'],
    ['U', 'not_known'],
    ['X', 'other'],
    ['Other', 'other'],
    ['Not known', 'not_known'],
    ['', 'not_known'],
    ['  ', 'not_known'],
  ])('%s → %s', (raw, gender) => {
    expect(normaliseGender(raw)).toEqual(ok(gender));
  });

  it('refuses anything else with the values it takes', () => {
    const r = normaliseGender('Q');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/Female, Male, Other or Not known/);
  });
});

describe('recognising an export', () => {
  const sims = [
    'UPN',
    'Legal Surname',
    'Legal Forename',
    'Preferred Surname',
    'Preferred Forename',
    'DOB',
    'Gender',
    'Year',
    'Admission Date',
    'Leaving Date',
  ];
  const arbor = [
    'UPN',
    'Legal first name',
    'Legal last name',
    'Preferred first name',
    'Preferred last name',
    'Date of birth',
    'Gender',
    'Year group',
    'Start date',
    'End date',
  ];
  const bromcom = [
    'UPN',
    'Surname',
    'Forename',
    'Preferred Surname',
    'Preferred Forename',
    'Date Of Birth',
    'Gender',
    'NC Year',
    'Admission Date',
    'Leaving Date',
  ];

  it('knows SIMS, Arbor and Bromcom by their headers', () => {
    expect(detectImportMapping(sims, []).detected).toMatchObject({ kind: 'preset', id: 'sims' });
    expect(detectImportMapping(arbor, []).detected).toMatchObject({ kind: 'preset', id: 'arbor' });
    expect(detectImportMapping(bromcom, []).detected).toMatchObject({
      kind: 'preset',
      id: 'bromcom',
    });
    expect(detectImportMapping(sims, []).mapping).toEqual({
      ...blankMapping,
      upn: 'UPN',
      legalForename: 'Legal Forename',
      legalSurname: 'Legal Surname',
      preferredForename: 'Preferred Forename',
      preferredSurname: 'Preferred Surname',
      dateOfBirth: 'DOB',
      gender: 'Gender',
      yearGroup: 'Year',
      admissionDate: 'Admission Date',
      leavingDate: 'Leaving Date',
    });
  });

  it('accepts case and spacing variants, mapping to the file’s own spelling', () => {
    const shouty = arbor.map((h) => ` ${h.toUpperCase().replace(/ /g, '_')} `.trim());
    const found = detectImportMapping(shouty, []);
    expect(found.detected).toMatchObject({ id: 'arbor' });
    expect(found.mapping.dateOfBirth).toBe('DATE_OF_BIRTH');
  });

  it('recognises a SIMS export without its optional columns', () => {
    const found = detectImportMapping(
      ['UPN', 'Legal Forename', 'Legal Surname', 'DOB', 'Year'],
      [],
    );
    expect(found.detected).toMatchObject({ id: 'sims' });
    expect(found.mapping.gender).toBe('');
  });

  it('a plain list with standard names is the generic preset', () => {
    const found = detectImportMapping(
      ['Forename', 'Surname', 'Date of birth', 'Year group', 'UPN'],
      [],
    );
    expect(found.detected).toMatchObject({ kind: 'preset', id: 'generic' });
  });

  it('matches what it can by name when no preset fits', () => {
    const found = detectImportMapping(['Pupil ref', 'Given name', 'Family name', 'Birth date'], []);
    expect(found.detected).toBeNull();
    expect(found.mapping).toEqual({
      ...blankMapping,
      legalForename: 'Given name',
      legalSurname: 'Family name',
      dateOfBirth: 'Birth date',
    });
  });

  it('prefers the school’s saved mapping when every column it names is in the file', () => {
    const mapping: ImportMapping = {
      ...blankMapping,
      upn: 'Pupil ref',
      legalForename: 'Given',
      legalSurname: 'Family',
      dateOfBirth: 'Born',
      yearGroup: 'Class year',
    };
    const saved = [{ name: 'Our report', mapping, updatedAt: '2026-11-01T00:00:00.000Z' }];
    const headers = ['pupil ref', 'Given', 'Family', 'Born', 'Class Year', 'Other'];
    const found = detectImportMapping(headers, saved);
    expect(found.detected).toEqual({ kind: 'saved', name: 'Our report' });
    expect(found.mapping).toMatchObject({ upn: 'pupil ref', yearGroup: 'Class Year' });
    expect(mappingForHeaders(headers, mapping).upn).toBe('pupil ref');
    // A saved mapping naming a column this file lacks does not apply.
    expect(detectImportMapping(headers.slice(0, 4), saved).detected).toBeNull();
  });
});

describe('planning an import', () => {
  it('plans the SIMS fixture: BOM, CRLF, quoted names, temporary UPN, a leaver, an update', () => {
    const csv = fixture('sims.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const p = plan(csv, [existing()]);
    expect(p.detectedPreset).toMatchObject({ kind: 'preset', id: 'sims' });
    expect(p.fileProblems).toEqual([]);
    expect(p.mappingProblems).toEqual({});
    expect(p.counts).toEqual({ new: 3, update: 1, unchanged: 0, leaver: 1, error: 0 });
    expect(p.rows.map((r) => [r.line, r.upn, r.name, r.outcome])).toEqual([
      [2, 'B801200005001', 'Amara Okafor', 'update'],
      [3, 'A878200016001', "Siobhán O'Brien", 'new'],
      [4, 'P878200016002', 'Mateus Da Costa, Jr', 'new'],
      [5, 'Z87820001601A', 'Zofia Nowak', 'new'],
      [6, 'D878200016003', 'Owen Hughes', 'leaver'],
    ]);
    expect(p.rows[0]?.changes).toEqual([
      { field: 'preferredForename', before: '', after: 'Ami' },
      { field: 'preferredSurname', before: '', after: 'Okafor' },
      { field: 'yearGroup', before: '4', after: '5' },
    ]);
    expect(p.rows[1]?.draft).toMatchObject({
      dateOfBirth: '2017-07-04',
      gender: 'female',
      yearGroup: '4',
      admissionDate: '2021-09-01',
    });
    expect(p.rows[3]?.draft).toMatchObject({ yearGroup: 'R', upn: 'Z87820001601A' });
    expect(p.rows[4]?.draft?.leavingDate).toBe('2026-07-17');
    expect(importRefusal(p)).toBeNull();
  });

  it('plans the Arbor fixture: named months, LF, a line break in quotes, a US date refused', () => {
    const p = plan(fixture('arbor.csv'));
    expect(p.detectedPreset).toMatchObject({ id: 'arbor' });
    expect(p.counts).toEqual({ new: 3, update: 0, unchanged: 0, leaver: 1, error: 1 });
    const bad = p.rows.find((r) => r.outcome === 'error');
    expect(bad?.line).toBe(5);
    expect(bad?.problems.map((x) => x.message)).toEqual([
      expect.stringMatching(/^Date of birth “03\/14\/2016”: Not a real date\. .*US date/),
    ]);
    const maya = p.rows.find((r) => r.upn === 'W878200016006');
    expect(maya?.draft).toMatchObject({
      preferredForename: 'Maya, "May"',
      dateOfBirth: '2016-03-14',
      gender: 'female',
      admissionDate: '2020-09-04',
    });
    const ellis = p.rows.find((r) => r.upn === 'G878200016005');
    expect(ellis?.line).toBe(6);
    expect(ellis?.draft?.legalSurname).toBe('Nwosu-Clarke, Adebayo');
    expect(p.rows.find((r) => r.upn === 'K878200016007')?.draft?.leavingDate).toBe('2026-07-22');
    expect(importRefusal(p)).toMatch(/^Nothing was imported: 1 row needs correcting \(line 5\)/);
  });

  it('plans the Bromcom fixture: dd-mm-yyyy, NC years, a row without a UPN refused', () => {
    const p = plan(fixture('bromcom.csv'));
    expect(p.detectedPreset).toMatchObject({ id: 'bromcom' });
    expect(p.counts).toEqual({ new: 3, update: 0, unchanged: 0, leaver: 1, error: 1 });
    const bad = p.rows.find((r) => r.outcome === 'error');
    expect(bad).toMatchObject({ line: 4, upn: '', name: 'Poppy Green' });
    expect(bad?.problems[0]?.message).toMatch(/^No UPN: Lantern matches pupils by UPN/);
    expect(p.rows.find((r) => r.upn === 'B878200015101')?.draft).toMatchObject({
      legalSurname: 'Brown, Smith',
      yearGroup: 'N2',
      dateOfBirth: '2021-08-22',
    });
    expect(p.rows.find((r) => r.upn === 'N87820001420A')?.outcome).toBe('leaver');
  });

  it('finds nothing to do when the register already matches the file', () => {
    const first = plan(fixture('sims.csv'));
    const register = first.rows.map((r, i) =>
      existing({ ...r.draft!, id: `01900000-0000-7000-8000-00000000000${i}` }),
    );
    const again = plan(fixture('sims.csv'), register);
    expect(again.counts).toEqual({ new: 0, update: 0, unchanged: 5, leaver: 0, error: 0 });
  });

  it('leaves what the register holds for columns the file does not have', () => {
    const csv =
      'UPN,Legal Forename,Legal Surname,DOB,Year\r\nB801200005001,Amara,Okafor,14/03/2016,5\r\n';
    const held = existing({
      gender: 'female',
      preferredForename: 'Ami',
      admissionDate: '2020-09-02',
    });
    const p = plan(csv, [held]);
    expect(p.rows[0]?.changes).toEqual([{ field: 'yearGroup', before: '4', after: '5' }]);
    expect(p.rows[0]?.draft).toMatchObject({ gender: 'female', preferredForename: 'Ami' });
    // A new pupil gets blanks and "not known".
    const fresh = plan(csv);
    expect(fresh.rows[0]?.draft).toMatchObject({ gender: 'not_known', preferredForename: '' });
  });

  it('names the column and the value in every problem', () => {
    const csv = [
      'UPN,Legal Surname,Legal Forename,DOB,Gender,Year,Admission Date,Leaving Date',
      'A801200005001,Okafor,Amara,31/02/2016,Q,Year 15,,',
      'B801200005001,,Amara,01/01/2099,F,5,,',
      'B801200005001,Okafor,Amara,14/03/2016,F,5,01/09/2020,01/09/2019',
      'B801200005001,Okafor,Amara,14/03/2016,F,5',
      `${upnCheckLetter('801200005002')}801200005002,Ok\uFFFDfor,Amara,14/03/2016,F,5,,`,
    ].join('\n');
    const p = plan(csv);
    const messages = (line: number) =>
      p.rows.find((r) => r.line === line)?.problems.map((x) => x.message);
    expect(messages(2)).toEqual([
      expect.stringMatching(/^UPN “A801200005001”: This UPN’s check letter does not match/),
      'DOB “31/02/2016”: Not a real date: February 2016 has 29 days.',
      'Year “Year 15”: Not a year group Lantern knows. Use Nursery 1, Nursery 2, Reception, or Year 1 to Year 14.',
      expect.stringMatching(/^Gender “Q”: Not a gender Lantern recognises/),
    ]);
    expect(messages(3)).toEqual([
      'Legal Surname is blank: every pupil needs the legal surname.',
      'UPN B801200005001 is also on line 4: each pupil should be in the file once.',
    ]);
    expect(messages(4)).toEqual([
      'Leaving Date “01/09/2019”: Leaving date cannot be before the admission date.',
      expect.stringMatching(/also on line 3:/),
    ]);
    expect(messages(5)).toEqual([
      'This line has 6 values but the header row has 8 columns. A name with a comma that is not in quotes, or a missing value, usually causes this.',
    ]);
    expect(messages(6)).toEqual([
      expect.stringMatching(
        /^Legal Surname “Ok\uFFFDfor”: It contains a character Lantern could not read\. Save the export as “CSV UTF-8”/,
      ),
    ]);
    expect(p.counts.error).toBe(5);
  });

  it('refuses future dates of birth through the register’s own rules', () => {
    const csv =
      'UPN,Forename,Surname,Date of birth,Year group\nB801200005001,Amara,Okafor,01/01/2099,5\n';
    const p = plan(csv);
    expect(p.rows[0]?.problems[0]?.message).toBe(
      'Date of birth “01/01/2099”: Date of birth cannot be in the future.',
    );
  });

  it('says which columns it still needs, and plans no rows until it has them', () => {
    const p = plan('Pupil ref,Given,Family\nB801200005001,Amara,Okafor\n');
    expect(p.detectedPreset).toBeNull();
    expect(p.mappingProblems).toMatchObject({
      upn: 'Choose the column that holds the UPN: Lantern matches pupils by UPN.',
      legalSurname: 'Choose the column that holds the legal surname.',
    });
    expect(p.rows).toEqual([]);
    expect(importRefusal(p)).toMatch(/^Nothing was imported\. Choose the column that holds/);
    const chosen = plan(
      'Pupil ref,Given,Family,Born,Class\nB801200005001,Amara,Okafor,14/03/2016,5\n',
      [],
      {
        mapping: {
          ...blankMapping,
          upn: 'Pupil ref',
          legalForename: 'Given',
          legalSurname: 'Family',
          dateOfBirth: 'Born',
          yearGroup: 'Class',
        },
      },
    );
    expect(chosen.counts.new).toBe(1);
    const wrong = plan('A,B\n1,2\n', [], { mapping: { ...blankMapping, upn: 'Nope' } });
    expect(wrong.mappingProblems.upn).toBe('There is no column “Nope” in this file.');
  });

  it('says when a file is empty or has no pupils', () => {
    expect(plan('').fileProblems).toEqual([expect.stringMatching(/This file is empty/)]);
    expect(plan('\uFEFF\r\n\r\n').fileProblems).toEqual([expect.stringMatching(/empty/)]);
    expect(plan('UPN,Surname\r\n,,\r\n').fileProblems).toEqual([
      'This file has a header row but no pupils.',
    ]);
  });

  it('previews errors first, capped, with counts covering every row', () => {
    const header = 'UPN,Forename,Surname,Date of birth,Year group';
    const lines = Array.from({ length: 2_500 }, (_, i) => {
      const body = `8782000${String(10_000 + i).slice(-5)}`;
      return `${upnCheckLetter(body)}${body},Pupil,Number${i},14/03/2016,5`;
    });
    lines.splice(2_200, 0, 'B801200005001,Bad,Date,31/02/2016,5');
    const started = performance.now();
    const p = plan([header, ...lines].join('\r\n'));
    expect(performance.now() - started).toBeLessThan(3_000);
    const preview = previewOf(p);
    expect(preview.totalRows).toBe(2_501);
    expect(preview.rows).toHaveLength(MAX_PREVIEW_ROWS);
    expect(preview.rows[0]).toMatchObject({ line: 2_202, outcome: 'error' });
    expect(preview.rows[1]?.line).toBe(2);
    expect(preview.counts).toEqual({ new: 2_500, update: 0, unchanged: 0, leaver: 0, error: 1 });
    expect(preview.rows[1]).not.toHaveProperty('draft');
  });

  it('lists lines the way a person reads them', () => {
    expect(describeLines([7])).toBe('line 7');
    expect(describeLines([4, 9])).toBe('lines 4 and 9');
    expect(describeLines([4, 9, 12])).toBe('lines 4, 9 and 12');
    expect(describeLines([1, 2, 3, 4, 5, 6, 7])).toBe('lines 1, 2, 3, 4, 5 and 2 more');
  });

  it('never throws, whatever the file holds (security F3)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'B801200005001',
        '14/03/2016',
        'Year 5',
        'F',
        '"',
        '""',
        ',',
        '\r\n',
        '\uFFFD',
        '\u0000',
      ),
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(fc.array(cell, { maxLength: 12 }), { maxLength: 6 })
        .map((rows) =>
          [
            'UPN,Legal Surname,Legal Forename,DOB,Gender,Year,Admission Date,Leaving Date',
            ...rows.map((r) => r.join(',')),
          ].join('\n'),
        ),
    );
    fc.assert(
      fc.property(text, (csv) => {
        const p = plan(csv, [existing()]);
        const total = Object.values(p.counts).reduce((a, b) => a + b, 0);
        expect(total).toBe(p.rows.length);
        for (const row of p.rows) {
          expect(row.outcome === 'error').toBe(row.problems.length > 0);
          expect(row.draft === null).toBe(row.outcome === 'error');
        }
        expect(typeof (importRefusal(p) ?? '')).toBe('string');
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
  });

  it('imports what it exports: a register written as CSV plans back to the same pupils', () => {
    const pupil = fc.record({
      legalForename: fc.stringMatching(/^[A-Za-zÀ-ÿ' ,"-]{1,20}$/).filter((s) => s.trim() !== ''),
      legalSurname: fc.stringMatching(/^[A-Za-zÀ-ÿ' ,"-]{1,20}$/).filter((s) => s.trim() !== ''),
      dateOfBirth: fc
        .date({ min: new Date('2008-01-01'), max: new Date('2022-12-31') })
        .filter((d) => !Number.isNaN(d.getTime())),
      yearGroup: fc.constantFrom('N1', 'N2', 'R', '1', '6', '11', '13'),
      gender: fc.constantFrom('female', 'male', 'other', 'not_known'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 99_999 }), { minLength: 1, maxLength: 10 }),
        fc.array(pupil, { minLength: 10, maxLength: 10 }),
        (serials, pupils) => {
          const rows = serials.map((serial, i) => {
            const p = pupils[i]!;
            const body = `8782000${String(serial).padStart(5, '0')}`;
            const d = p.dateOfBirth.toISOString().slice(0, 10);
            return {
              upn: `${upnCheckLetter(body)}${body}`,
              ...p,
              dateOfBirth: d,
              legalForename: p.legalForename.trim().replace(/\s+/g, ' '),
              legalSurname: p.legalSurname.trim().replace(/\s+/g, ' '),
            };
          });
          const csv = writeCsv([
            ['UPN', 'Forename', 'Surname', 'Date of birth', 'Year group', 'Gender'],
            ...rows.map((r) => [
              r.upn,
              r.legalForename,
              r.legalSurname,
              r.dateOfBirth,
              r.yearGroup,
              r.gender,
            ]),
          ]);
          const p = plan(csv);
          expect(
            p.rows.map(
              (r) =>
                r.draft && {
                  upn: r.draft.upn,
                  legalForename: r.draft.legalForename,
                  legalSurname: r.draft.legalSurname,
                  dateOfBirth: r.draft.dateOfBirth,
                  yearGroup: r.draft.yearGroup,
                  gender: r.draft.gender,
                },
            ),
          ).toEqual(
            rows.map(({ upn, legalForename, legalSurname, dateOfBirth, yearGroup, gender }) => ({
              upn,
              legalForename,
              legalSurname,
              dateOfBirth,
              yearGroup,
              gender,
            })),
          );
        },
      ),
      { numRuns: RUNS, seed: 20261128 },
    );
  });
});
