import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { MethodInput } from '../../../shared/api';
import type { ChronologyEntry } from '../../../shared/chronology/schema';
import { noChronologyFilter } from '../../../shared/chronology/schema';
import type { Child } from '../../../shared/children/schema';
import type { Concern, ConcernFlags } from '../../../shared/concerns/schema';
import type {
  DueView,
  DutyDetail,
  DutyReminders,
  DutySummary,
} from '../../../shared/duties/schema';
import type { DutySettings, DutySettingsVersion } from '../../../shared/duties/settings';
import { defaultDutySettings } from '../../../shared/duties/settings';
import type { User } from '../../../shared/users/schema';
import {
  errorOf,
  must,
  readStore,
  sampleChild,
  signedInAs,
  tempDir,
  unlockedCore,
} from '../../support/core';

// Wednesday 25 November 2026, 10:00 in London (GMT).
let now = new Date('2026-11-25T10:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};

const DUTY_TABLES = ['duties', 'duty_events', 'chronology_entries', 'audit_log'];
const noFlags: ConcernFlags = {
  possibleChildSexOffence: false,
  fgmKnownCase: false,
  allegationAboutAdult: false,
};
const allChecks = {
  consensual: true,
  noSignificantDifference: true,
  noCoercionOrHarm: true,
  noPositionOfTrust: true,
};

function concernAbout(
  children: { childId: string; role: 'subject' | 'victim' | 'alleged_perpetrator' }[],
  flags: Partial<ConcernFlags>,
  occurredAt = '2026-11-25T09:30',
): MethodInput<'concerns.submit'> {
  return {
    children,
    occurredAt,
    occurredAtApprox: false,
    location: 'Library',
    categories: [],
    summary: 'A pupil disclosed something that must be reported.',
    childWords: '',
    opinion: '',
    actionsTaken: '',
    peopleTold: '',
    dslToldInPerson: true,
    flags: { ...noFlags, ...flags },
  };
}

describe('statutory duties (issue 5, main process)', () => {
  const dir = tempDir('lantern-duties-');
  let core: LanternCore;
  let dsl: Session;
  let teacher: Session;
  let other: Session;
  let teacherId: string;
  let amara: Child;
  let tomasz: Child;
  let ava: Child;
  let ben: Child;
  let cara: Child;
  let dan: Child;
  let fgmConcern: Concern;
  let fgm: DutySummary;
  let peerConcern: Concern;

  const forConcern = (concernId: string, session = dsl) =>
    must<DutySummary[]>(core.invoke(session, 'duties.forConcern', { concernId }));
  const get = (dutyId: string, session = dsl) =>
    must<DutyDetail>(core.invoke(session, 'duties.get', { dutyId }));
  const due = (session: Session, scope: 'mine' | 'school') =>
    must<DueView>(core.invoke(session, 'duties.due', { scope }));
  const ids = (list: DutySummary[]) => list.map((d) => d.id);
  const snapshot = () =>
    readStore(dir.path, (db) =>
      JSON.stringify(DUTY_TABLES.map((t) => db.prepare(`SELECT * FROM ${t}`).all())),
    );
  const auditRows = () =>
    readStore(dir.path, (db) => db.prepare('SELECT count(*) FROM audit_log').pluck().get());
  const submit = (...args: Parameters<typeof concernAbout>) =>
    must<Concern>(core.invoke(teacher, 'concerns.submit', concernAbout(...args)));
  const child = (input: Parameters<typeof sampleChild>[0]) =>
    must<Child>(core.invoke(dsl, 'children.add', sampleChild({ upn: '', ...input })));
  const saveSettings = (settings: Partial<DutySettings>) =>
    must<DutySettingsVersion>(
      core.invoke(dsl, 'duties.saveSettings', { ...defaultDutySettings, ...settings }),
    );
  const byRule = (list: DutySummary[], ruleId: string, childId?: string) => {
    const found = list.find((d) => d.ruleId === ruleId && (!childId || d.childId === childId));
    if (!found) throw new Error(`no ${ruleId} duty`);
    return found;
  };

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now));
    teacher = await signedInAs(core, dsl, 'steacher', 'staff');
    other = await signedInAs(core, dsl, 'sother', 'staff');
    const users = await must<User[]>(core.invoke(dsl, 'users.list', {}));
    teacherId = users.find((u) => u.username === 'steacher')?.id ?? '';
    amara = await must<Child>(core.invoke(dsl, 'children.add', sampleChild()));
    tomasz = await child({ legalForename: 'Tomasz', legalSurname: 'Nowak', gender: 'male' });
    ava = await child({ legalForename: 'Ava', legalSurname: 'Smith', dateOfBirth: '2014-06-01' });
    ben = await child({ legalForename: 'Ben', legalSurname: 'Jones', dateOfBirth: '2012-05-01' });
    cara = await child({ legalForename: 'Cara', legalSurname: 'Hill', dateOfBirth: '2011-03-01' });
    dan = await child({ legalForename: 'Dan', legalSurname: 'Ward', dateOfBirth: '2012-02-02' });
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('a known case of FGM starts a personal duty for the teacher who recorded it, with the deadline and target', async () => {
    fgmConcern = await submit(
      [
        { childId: amara.id, role: 'subject' },
        { childId: tomasz.id, role: 'victim' },
      ],
      { fgmKnownCase: true },
    );
    const list = await forConcern(fgmConcern.id);
    // Tomasz is a boy: the FGM duty and the referral that goes with it are for Amara only.
    expect(list.map((d) => [d.ruleId, d.childId]).sort()).toEqual(
      [
        ['csc-referral', amara.id],
        ['fgm-notification', amara.id],
      ].sort(),
    );
    fgm = byRule(list, 'fgm-notification');
    expect(fgm).toMatchObject({
      owner: 'person',
      ownerUserId: teacherId,
      ownerName: 'Test steacher (personal duty)',
      triggerAt: '2026-11-25T09:30:00.000Z',
      // One month, at the same time of day; the target is the close of the next working day.
      dueAt: '2026-12-25T09:30:00.000Z',
      targetAt: '2026-11-26T23:59:00.000Z',
      dueBy: '2026-11-26T23:59:00.000Z',
      status: 'open',
      childName: 'Amara Okafor',
    });
    expect(byRule(list, 'csc-referral')).toMatchObject({
      owner: 'dsl',
      ownerUserId: null,
      dueAt: '2026-11-25T09:30:00.000Z',
    });
  });

  it('the teacher sees their own duty, and only theirs; another member of staff is refused', async () => {
    const mine = await due(teacher, 'mine');
    expect(ids(mine.thisWeek)).toEqual([fgm.id]);
    expect([...mine.overdue, ...mine.today, ...mine.later, ...mine.noDeadline]).toEqual([]);
    const detail = await get(fgm.id, teacher);
    expect(detail).toMatchObject({
      title: 'Report the known case of FGM to the police',
      childName: 'Amara Okafor',
      canDischarge: true,
      canManage: false,
      exceptions: ['already_notified'],
      settingsVersion: 0,
    });
    expect(detail.events.map((e) => e.kind)).toEqual(['created']);
    expect(ids(await forConcern(fgmConcern.id, teacher))).toEqual([fgm.id]);

    expect(errorOf(await core.invoke(other, 'duties.get', { dutyId: fgm.id }))).toMatchObject({
      code: 'forbidden',
      message: 'You can open only the statutory duties you owe.',
    });
    expect(await due(other, 'mine')).toEqual({
      overdue: [],
      today: [],
      thisWeek: [],
      later: [],
      noDeadline: [],
      recentlyClosed: [],
    });
    expect(errorOf(await core.invoke(other, 'duties.due', { scope: 'school' })).code).toBe(
      'forbidden',
    );
    expect(await must<DutyReminders>(core.invoke(teacher, 'duties.reminders', {}))).toEqual({
      overdue: 0,
      dueToday: 0,
      mineOpen: 1,
    });
  });

  it('discharging needs the police reference; then it closes and leaves the DSL’s overdue list', async () => {
    at('2026-11-27T10:00:00Z');
    const school = await due(dsl, 'school');
    expect(ids(school.overdue)).toContain(fgm.id);
    const discharge = {
      dutyId: fgm.id,
      at: '2026-11-27T09:50',
      recipient: 'Devon and Cornwall Police',
      method: 'phone' as const,
      reference: '',
      actedBy: null,
      notes: '',
    };
    const before = await snapshot();
    const refused = errorOf(await core.invoke(teacher, 'duties.discharge', discharge));
    expect(refused).toMatchObject({
      code: 'invalid_input',
      fields: { reference: 'Enter the police reference number.' },
    });
    expect(errorOf(await core.invoke(other, 'duties.discharge', discharge)).code).toBe('forbidden');
    expect(
      errorOf(
        await core.invoke(teacher, 'duties.discharge', {
          ...discharge,
          reference: 'DCP-2611-0042',
          at: '2026-11-27T10:05',
        }),
      ).fields,
    ).toEqual({ at: 'The time cannot be in the future.' });
    // Refused calls change nothing but the audit log (one denied or failed row each).
    const after = JSON.parse(await snapshot()) as unknown[][];
    const was = JSON.parse(before) as unknown[][];
    expect(after.slice(0, 3)).toEqual(was.slice(0, 3));
    expect((after[3]?.length ?? 0) - (was[3]?.length ?? 0)).toBe(3);

    const audited = await auditRows();
    const done = await must<DutyDetail>(
      core.invoke(teacher, 'duties.discharge', { ...discharge, reference: 'DCP-2611-0042' }),
    );
    expect(await auditRows()).toBe(Number(audited) + 1);
    expect(done).toMatchObject({ status: 'discharged', closedAt: now.toISOString() });
    expect(done.events.at(-1)).toMatchObject({
      kind: 'discharged',
      at: '2026-11-27T09:50',
      method: 'phone',
      reference: 'DCP-2611-0042',
      actedByName: 'Test steacher',
      recordedByName: 'Test steacher',
    });
    const later = await due(dsl, 'school');
    expect(ids(later.overdue)).not.toContain(fgm.id);
    expect(ids(later.recentlyClosed)).toContain(fgm.id);
    expect(
      errorOf(await core.invoke(teacher, 'duties.discharge', { ...discharge, reference: 'x' }))
        .code,
    ).toBe('conflict');
  });

  it('a referral made by telephone starts the written confirmation and the follow-up', async () => {
    const referral = byRule(await forConcern(fgmConcern.id), 'csc-referral');
    await must(
      core.invoke(dsl, 'duties.discharge', {
        dutyId: referral.id,
        at: '2026-11-27T09:55',
        recipient: 'Devon MASH',
        method: 'phone',
        reference: 'MASH-77',
        actedBy: null,
        notes: 'Spoke to the duty social worker.',
      }),
    );
    const list = await forConcern(fgmConcern.id);
    expect(byRule(list, 'csc-written-confirmation')).toMatchObject({
      childId: amara.id,
      triggerAt: '2026-11-27T09:55:00.000Z',
      dueAt: '2026-11-28T09:55:00.000Z',
    });
    expect(byRule(list, 'csc-follow-up')).toMatchObject({
      // One working day after Friday: Monday, by the end of the day.
      dueAt: '2026-11-30T23:59:00.000Z',
    });
  });

  it('writes every step of a child’s duty to their chronology, source "duty"', async () => {
    const entries = await must<ChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forChild', { childId: amara.id, filter: noChronologyFilter }),
    );
    const duty = entries.filter((e) => e.source === 'duty');
    expect(duty.map((e) => e.title).sort()).toEqual(
      [
        'Statutory duty: Refer to children’s social care',
        'Statutory duty: Report the known case of FGM to the police',
        'Statutory duty done: Report the known case of FGM to the police',
        'Statutory duty done: Refer to children’s social care',
        'Statutory duty: Confirm the telephone referral in writing',
        'Statutory duty: Follow up if the local authority has not responded',
      ].sort(),
    );
    const created = duty.find(
      (e) => e.title === 'Statutory duty: Report the known case of FGM to the police',
    );
    expect(created).toMatchObject({ concernId: fgmConcern.id, occurredAt: '2026-11-25T09:30' });
    expect(created?.detail).toContain('Due by 25 Dec 2026, 09:30; target 26 Nov 2026, 23:59.');
    expect(created?.detail).toContain('Owed by: Test steacher (personal duty).');
    const events = (await get(fgm.id)).events.map((e) => e.id);
    expect(
      duty
        .filter((e) => e.title.includes('FGM'))
        .map((e) => e.sourceId)
        .sort(),
    ).toEqual([...events].sort());
  });

  it('the mandatory reporting duty waits for its commencement date', async () => {
    const before = await submit([{ childId: ben.id, role: 'victim' }], {
      possibleChildSexOffence: true,
    });
    expect((await forConcern(before.id)).map((d) => d.ruleId)).toEqual(['csc-referral']);

    const v1 = await saveSettings({ csaCommencement: '2026-09-01' });
    expect(v1).toMatchObject({ version: 1, savedByName: 'Dana Lead' });
    peerConcern = await submit(
      [
        { childId: ava.id, role: 'victim' },
        { childId: ben.id, role: 'alleged_perpetrator' },
      ],
      { possibleChildSexOffence: true },
    );
    const list = await forConcern(peerConcern.id);
    expect(list.map((d) => d.ruleId).sort()).toEqual(['csa-report', 'csc-referral']);
    expect(byRule(list, 'csa-report')).toMatchObject({
      owner: 'person',
      ownerUserId: teacherId,
      childId: ava.id,
      dueAt: null,
      // The 24-hour target of the settings.
      targetAt: '2026-11-26T09:30:00.000Z',
    });
  });

  it('FGM as a category (suspected or at risk) starts the referral, not the teacher’s s.5B duty', async () => {
    const suspected = await must<Concern>(
      core.invoke(teacher, 'concerns.submit', {
        ...concernAbout([{ childId: amara.id, role: 'subject' }], {}),
        categories: ['physical', 'fgm'],
      }),
    );
    const list = await forConcern(suspected.id);
    expect(list.map((d) => [d.ruleId, d.childId])).toEqual([['csc-referral', amara.id]]);
    expect((await get(list[0]!.id)).triggerNote).toContain(
      'category “Female genital mutilation (FGM)”',
    );
  });

  it('the mandatory reporting duty is for children: not for a victim of 18', async () => {
    const adult = await child({
      legalForename: 'Eve',
      legalSurname: 'Grant',
      dateOfBirth: '2008-01-10',
    });
    const concern = await submit([{ childId: adult.id, role: 'victim' }], {
      possibleChildSexOffence: true,
    });
    // Eve was 18 on 25 Nov 2026: neither the child sex offence duty nor the referral applies.
    expect(await forConcern(concern.id)).toEqual([]);
  });

  it('refuses the peer exception when a child was under 13, changing nothing', async () => {
    const report = byRule(await forConcern(peerConcern.id), 'csa-report');
    const before = await snapshot();
    const refused = errorOf(
      await core.invoke(teacher, 'duties.recordException', {
        dutyId: report.id,
        exception: 'peer_consensual_13plus',
        reason: 'Both say it was consensual and they are in a relationship.',
        checks: allChecks,
      }),
    );
    const message =
      'The peer exception can never apply when a child is under 13: Ava Smith was 12 on 25 Nov 2026.';
    expect(refused).toMatchObject({ code: 'invalid_input', fields: { exception: message } });
    const after = JSON.parse(await snapshot()) as unknown[][];
    expect(after.slice(0, 3)).toEqual((JSON.parse(before) as unknown[][]).slice(0, 3));
    expect((await get(report.id)).status).toBe('open');
  });

  it('allows the peer exception for 14- and 15-year-olds only with all four checks', async () => {
    const concern = await submit(
      [
        { childId: cara.id, role: 'subject' },
        { childId: dan.id, role: 'alleged_perpetrator' },
      ],
      { possibleChildSexOffence: true },
    );
    const report = byRule(await forConcern(concern.id), 'csa-report');
    const input = {
      dutyId: report.id,
      exception: 'peer_consensual_13plus' as const,
      reason: 'Both 14 and 15, in a relationship, no coercion: discussed with the DSL.',
      checks: { ...allChecks, noPositionOfTrust: false },
    };
    expect(errorOf(await core.invoke(teacher, 'duties.recordException', input)).fields).toEqual({
      'checks.noPositionOfTrust':
        'Confirm that neither child holds a position of trust over the other; otherwise the exception does not apply.',
    });
    expect(
      errorOf(
        await core.invoke(teacher, 'duties.recordException', {
          ...input,
          exception: 'already_notified',
        }),
      ).fields,
    ).toEqual({ exception: 'That exception does not apply to this duty.' });
    const done = await must<DutyDetail>(
      core.invoke(teacher, 'duties.recordException', { ...input, checks: allChecks }),
    );
    expect(done.status).toBe('exception');
    expect(done.events.at(-1)).toMatchObject({
      kind: 'exception',
      exception: 'peer_consensual_13plus',
    });
  });

  it('a delay for the child’s safety runs to 7 days at most', async () => {
    const report = byRule(await forConcern(peerConcern.id), 'csa-report');
    const detail = await get(report.id, teacher);
    expect(detail.latestDelay).toBe('2026-12-02T09:30:00.000Z');
    const tooLong = errorOf(
      await core.invoke(teacher, 'duties.delay', {
        dutyId: report.id,
        until: '2026-12-02T09:31',
        reason: 'The police asked us to wait until the suspect is interviewed.',
      }),
    );
    expect(tooLong.fields).toEqual({
      until: 'The Act allows a delay of at most 7 days: until 2 Dec 2026, 09:30 at the latest.',
    });
    const delayed = await must<DutyDetail>(
      core.invoke(teacher, 'duties.delay', {
        dutyId: report.id,
        until: '2026-12-02T09:30',
        reason: 'The police asked us to wait until the suspect is interviewed.',
      }),
    );
    expect(delayed).toMatchObject({ targetAt: '2026-12-02T09:30:00.000Z', status: 'open' });
    expect(delayed.events.at(-1)?.kind).toBe('delayed');
    const fgmDuty = errorOf(
      await core.invoke(teacher, 'duties.delay', {
        dutyId: fgm.id,
        until: '2026-11-28T10:00',
        reason: 'This duty cannot be delayed at all.',
      }),
    );
    expect(fgmDuty.code).toBe('conflict');
  });

  it('a change of settings never moves an existing deadline; a new duty uses the new version', async () => {
    const first = byRule(await forConcern(fgmConcern.id), 'csc-written-confirmation');
    const v2 = await saveSettings({ csaCommencement: '2026-09-01', writtenConfirmation: '48h' });
    expect(v2.version).toBe(2);
    const settings = await must<{ current: DutySettingsVersion; history: DutySettingsVersion[] }>(
      core.invoke(dsl, 'duties.settings', {}),
    );
    expect(settings.current.settings.writtenConfirmation).toBe('48h');
    expect(settings.history.map((v) => v.version)).toEqual([2, 1]);
    expect(await get(first.id)).toMatchObject({
      dueAt: '2026-11-28T09:55:00.000Z',
      settingsVersion: 0,
    });

    const referral = byRule(await forConcern(peerConcern.id), 'csc-referral');
    await must(
      core.invoke(dsl, 'duties.discharge', {
        dutyId: referral.id,
        at: '2026-11-27T09:58',
        recipient: 'Devon MASH',
        method: 'phone',
        reference: '',
        actedBy: null,
        notes: '',
      }),
    );
    const second = byRule(await forConcern(peerConcern.id), 'csc-written-confirmation');
    expect(await get(second.id)).toMatchObject({
      dueAt: '2026-11-29T09:58:00.000Z',
      settingsVersion: 2,
    });
  });

  it('a leaving date starts the file transfer only for a child who appears in concerns', async () => {
    const update = (c: Child) =>
      must<Child>(
        core.invoke(dsl, 'children.update', {
          id: c.id,
          child: {
            legalForename: c.legalForename,
            legalSurname: c.legalSurname,
            preferredForename: c.preferredForename,
            preferredSurname: c.preferredSurname,
            dateOfBirth: c.dateOfBirth,
            upn: c.upn,
            yearGroup: c.yearGroup,
            gender: c.gender,
            admissionDate: c.admissionDate,
            leavingDate: '2026-12-18',
          },
        }),
      );
    const quiet = await child({ legalForename: 'Quinn', legalSurname: 'Lee' });
    await update(quiet);
    expect(
      await must<DutySummary[]>(core.invoke(dsl, 'duties.forChild', { childId: quiet.id })),
    ).toEqual([]);
    await update(amara);
    const transfer = byRule(
      await must<DutySummary[]>(core.invoke(dsl, 'duties.forChild', { childId: amara.id })),
      'cp-transfer',
    );
    expect(transfer).toMatchObject({
      concernId: null,
      triggerAt: '2026-12-18T00:00:00.000Z',
      // No term dates entered: 5 school days counted as working days after Fri 18 Dec,
      // skipping Christmas Day and the Boxing Day substitute (Mon 28 Dec).
      dueAt: '2026-12-29T23:59:00.000Z',
    });
  });

  it('starts duties by hand only for rules that start that way, and extends a SAR once', async () => {
    expect(
      errorOf(
        await core.invoke(dsl, 'duties.start', {
          ruleId: 'fgm-notification',
          childId: amara.id,
          concernId: null,
          at: '2026-11-27T09:00',
          note: '',
        }),
      ).fields,
    ).toEqual({ ruleId: 'That duty starts by itself; it cannot be started by hand.' });
    expect(
      errorOf(
        await core.invoke(dsl, 'duties.start', {
          ruleId: 'sar-response',
          childId: amara.id,
          concernId: peerConcern.id,
          at: '2026-11-28T09:00',
          note: '',
        }),
      ).fields,
    ).toEqual({
      at: 'The date cannot be in the future.',
      concernId: 'Choose a concern about this child.',
    });
    const sar = await must<DutyDetail>(
      core.invoke(dsl, 'duties.start', {
        ruleId: 'sar-response',
        childId: amara.id,
        concernId: null,
        at: '2026-11-27T09:00',
        note: 'Request from the father by email.',
      }),
    );
    // One month: 27 Dec is a Sunday after Christmas, so the next working day, Tue 29 Dec.
    expect(sar).toMatchObject({ dueAt: '2026-12-29T23:59:00.000Z', canExtend: true });
    const extended = await must<DutyDetail>(
      core.invoke(dsl, 'duties.extend', { dutyId: sar.id, reason: 'Five years of records.' }),
    );
    // Three months: Sat 27 Feb 2027 rolls to Mon 1 Mar.
    expect(extended).toMatchObject({ dueAt: '2027-03-01T23:59:00.000Z', canExtend: false });
    expect(extended.deadline.steps.at(-1)).toContain('Five years of records.');
    expect(
      errorOf(await core.invoke(dsl, 'duties.extend', { dutyId: sar.id, reason: 'Once more.....' }))
        .code,
    ).toBe('conflict');
    const na = await must<DutyDetail>(
      core.invoke(dsl, 'duties.notApplicable', {
        dutyId: sar.id,
        reason: 'The father withdrew the request in writing.',
      }),
    );
    expect(na.status).toBe('not_applicable');
  });
});
