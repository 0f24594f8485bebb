import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { MethodInput } from '../../../shared/api';
import type { Child } from '../../../shared/children/schema';
import type { CalendarInfo } from '../../../shared/dates/calendar-schema';
import type { DutyDetail } from '../../../shared/duties/schema';
import { errorOf, must, readStore, sampleChild, tempDir, unlockedCore } from '../../support/core';

// Wednesday 25 November 2026, 10:00 in London.
const now = new Date('2026-11-25T10:00:00Z');

const year2026: MethodInput<'calendar.saveYear'> = {
  academicYear: '2026/27',
  terms: [
    { name: 'Autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
    { name: 'Spring', startsOn: '2027-01-05', endsOn: '2027-03-26' },
    { name: 'Summer', startsOn: '2027-04-12', endsOn: '2027-08-04' },
  ],
  insetDays: [{ date: '2026-11-30', note: 'Safeguarding training' }],
};

describe('the school calendar and school-day deadlines (issue 5)', () => {
  const dir = tempDir('lantern-calendar-');
  let core: LanternCore;
  let dsl: Session;
  const pupils: Child[] = [];

  const admission = (child: Child) =>
    must<DutyDetail>(
      core.invoke(dsl, 'duties.start', {
        ruleId: 'cme-admission',
        childId: child.id,
        concernId: null,
        at: '2026-11-25T10:00',
        note: '',
      }),
    );
  const get = (dutyId: string) => must<DutyDetail>(core.invoke(dsl, 'duties.get', { dutyId }));

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now));
    for (const name of ['Ada', 'Bo', 'Cy']) {
      pupils.push(
        await must<Child>(
          core.invoke(dsl, 'children.add', sampleChild({ legalForename: name, upn: '' })),
        ),
      );
    }
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('starts empty, listing the bank holidays of this year and the next two', async () => {
    const info = await must<CalendarInfo>(core.invoke(dsl, 'calendar.get', {}));
    expect(info.years).toEqual([]);
    expect(info.overrides).toEqual([]);
    expect(info.calendar).toEqual({ terms: [], insetDays: [], bankHolidayOverrides: [] });
    expect(info.bankHolidays[0]).toEqual({
      date: '2026-01-01',
      name: 'New Year’s Day',
      override: null,
    });
    expect(info.bankHolidays.at(-1)?.date).toBe('2028-12-26');
    expect(new Set(info.bankHolidays.map((h) => h.date.slice(0, 4)))).toEqual(
      new Set(['2026', '2027', '2028']),
    );
  });

  it('term dates and INSET days change the school-day deadlines of new duties only', async () => {
    const [ada, bo] = pupils as [Child, Child];
    // No term dates: 5 school days are counted as working days (Thu 26 Nov to Wed 2 Dec).
    const before = await admission(ada);
    expect(before.dueAt).toBe('2026-12-02T23:59:00.000Z');
    expect(before.deadline.steps.join(' ')).toContain('term dates are not entered');

    const info = await must<CalendarInfo>(core.invoke(dsl, 'calendar.saveYear', year2026));
    expect(info.years).toEqual([
      {
        academicYear: '2026/27',
        terms: year2026.terms,
        insetDays: year2026.insetDays,
      },
    ]);
    expect(info.calendar.terms.map((t) => t.name)).toEqual(['Autumn', 'Spring', 'Summer']);

    // Mon 30 Nov is an INSET day: the fifth school day is Thu 3 Dec.
    const after = await admission(bo);
    expect(after.dueAt).toBe('2026-12-03T23:59:00.000Z');
    expect(after.deadline.steps).toContain(
      'Mon 30 Nov 2026 is not counted (INSET day: Safeguarding training).',
    );
    expect((await get(before.id)).dueAt).toBe('2026-12-02T23:59:00.000Z');

    // Saving the year again replaces it.
    const replaced = await must<CalendarInfo>(
      core.invoke(dsl, 'calendar.saveYear', { ...year2026, insetDays: [] }),
    );
    expect(replaced.years[0]?.insetDays).toEqual([]);
    await must(core.invoke(dsl, 'calendar.saveYear', year2026));
  });

  it('refuses a year whose terms overlap another year’s, changing nothing', async () => {
    const before = await readStore(dir.path, (db) =>
      JSON.stringify(db.prepare('SELECT * FROM school_terms ORDER BY 1, 2').all()),
    );
    const refused = errorOf(
      await core.invoke(dsl, 'calendar.saveYear', {
        academicYear: '2027/28',
        terms: [{ name: 'Autumn', startsOn: '2027-08-02', endsOn: '2027-12-17' }],
        insetDays: [],
      }),
    );
    expect(refused).toMatchObject({
      code: 'invalid_input',
      fields: { 'terms.0.startsOn': 'Autumn overlaps Summer in 2026/27. Change one of them.' },
    });
    expect(
      await readStore(dir.path, (db) =>
        JSON.stringify(db.prepare('SELECT * FROM school_terms ORDER BY 1, 2').all()),
      ),
    ).toBe(before);
  });

  it('bank-holiday overrides add and remove days, for the list and for new deadlines', async () => {
    const info = await must<CalendarInfo>(
      core.invoke(dsl, 'calendar.saveOverrides', {
        overrides: [
          { kind: 'add', date: '2026-12-01', name: 'Royal wedding' },
          { kind: 'remove', date: '2027-05-03', name: 'Early May bank holiday' },
        ],
      }),
    );
    expect(info.overrides).toHaveLength(2);
    expect(info.bankHolidays).toContainEqual({
      date: '2026-12-01',
      name: 'Royal wedding',
      override: 'add',
    });
    expect(info.bankHolidays.map((h) => h.date)).not.toContain('2027-05-03');
    // INSET Mon 30 Nov, bank holiday Tue 1 Dec: Thu, Fri, Wed, Thu, Fri.
    const cy = pupils[2] as Child;
    expect((await admission(cy)).dueAt).toBe('2026-12-04T23:59:00.000Z');

    const cleared = await must<CalendarInfo>(
      core.invoke(dsl, 'calendar.saveOverrides', { overrides: [] }),
    );
    expect(cleared.overrides).toEqual([]);
    expect(cleared.bankHolidays.map((h) => h.date)).toContain('2027-05-03');
  });
});
