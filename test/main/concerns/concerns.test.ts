import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { Child } from '../../../shared/children/schema';
import type { Concern, ConcernSummary } from '../../../shared/concerns/schema';
import type { Result } from '../../../shared/result';
import {
  must,
  readStore,
  sampleChild,
  tempDir,
  unlockedCore,
  writeStore,
  signedInAs,
  fight,
} from '../../support/core';

const NOW = new Date('2026-11-28T10:00:00Z');

function code(r: Result<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}

describe('recording concerns (issue 4, item 2)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let staff: Session;
  let otherStaff: Session;
  let victim: Child;
  let perpetrator: Child;
  let concern: Concern;

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => NOW));
    victim = await must<Child>(core.invoke(dsl, 'children.add', sampleChild()));
    perpetrator = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Tomasz', legalSurname: 'Nowak', upn: '' }),
      ),
    );
    staff = await signedInAs(core, dsl, 'steacher', 'staff');
    otherStaff = await signedInAs(core, dsl, 'oteacher', 'staff');
    concern = await must<Concern>(
      core.invoke(staff, 'concerns.submit', fight(victim.id, perpetrator.id)),
    );
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('stores what the teacher submitted, trimmed, with a UTC instant for the London time', () => {
    expect(concern).toMatchObject({
      status: 'submitted',
      recordedByName: 'Test steacher',
      recordedAt: NOW.toISOString(),
      occurredAt: '2026-11-27T12:40',
      occurredAtUtc: '2026-11-27T12:40:00.000Z',
      occurredAtApprox: true,
      summary: 'Saw one pupil punch another twice on the arm during lunch.',
      childWords: 'He said he would get me after school.',
      opinion: 'This may be part of a pattern.',
      dslToldInPerson: true,
      categories: ['physical', 'peer_physical'],
      addenda: [],
    });
    expect(concern.children.map((c) => [c.childId, c.role]).sort()).toEqual(
      [
        [victim.id, 'victim'],
        [perpetrator.id, 'alleged_perpetrator'],
      ].sort(),
    );
  });

  it('converts a summer time to UTC and keeps a date without a time as given', async () => {
    const summer = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(victim.id, perpetrator.id),
        occurredAt: '2026-07-01T09:15',
      }),
    );
    expect(summer.occurredAtUtc).toBe('2026-07-01T08:15:00.000Z');
    const dateOnly = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(victim.id, perpetrator.id),
        occurredAt: '2026-06-01',
      }),
    );
    expect(dateOnly.occurredAtUtc).toBeNull();
  });

  it('lists each child’s concerns with that child’s own role, newest first', async () => {
    const forVictim = await must<ConcernSummary[]>(
      core.invoke(dsl, 'concerns.forChild', { childId: victim.id }),
    );
    const forPerpetrator = await must<ConcernSummary[]>(
      core.invoke(dsl, 'concerns.forChild', { childId: perpetrator.id }),
    );
    expect(forVictim.map((c) => c.occurredAt)).toEqual([
      '2026-11-27T12:40',
      '2026-07-01T09:15',
      '2026-06-01',
    ]);
    expect(new Set(forVictim.map((c) => c.role))).toEqual(new Set(['victim']));
    expect(new Set(forPerpetrator.map((c) => c.role))).toEqual(new Set(['alleged_perpetrator']));
    // The list names no other child.
    expect(JSON.stringify(forVictim)).not.toContain('Nowak');
  });

  it('lets staff read back only the concerns they recorded', async () => {
    expect(code(await core.invoke(staff, 'concerns.get', { id: concern.id }))).toBe('ok');
    expect(code(await core.invoke(otherStaff, 'concerns.get', { id: concern.id }))).toBe(
      'forbidden',
    );
    const own = await must<ConcernSummary[]>(
      core.invoke(staff, 'concerns.forChild', { childId: victim.id }),
    );
    expect(own.map((c) => c.id)).toEqual([concern.id]);
    const none = await must<ConcernSummary[]>(
      core.invoke(otherStaff, 'concerns.forChild', { childId: victim.id }),
    );
    expect(none).toEqual([]);
    expect(
      code(
        await core.invoke(otherStaff, 'concerns.addAddendum', {
          concernId: concern.id,
          reason: 'I was there too and saw it.',
          text: 'Something else.',
        }),
      ),
    ).toBe('forbidden');
  });

  it('refuses a governor', async () => {
    const governor = await signedInAs(core, dsl, 'ggov', 'governor');
    for (const [method, input] of [
      ['concerns.get', { id: concern.id }],
      ['concerns.forChild', { childId: victim.id }],
      ['concerns.submit', fight(victim.id, perpetrator.id)],
    ] as const) {
      const r = await core.invoke(governor, method, input);
      expect(code(r), method).toBe('forbidden');
      expect(JSON.stringify(r)).not.toContain('Okafor');
    }
  });

  it('refuses a future date or time, an unknown category and the same child twice', async () => {
    const base = fight(victim.id, perpetrator.id);
    const tomorrow = await core.invoke(staff, 'concerns.submit', {
      ...base,
      occurredAt: '2026-11-29',
    });
    expect(tomorrow.ok ? null : tomorrow.error.fields).toEqual({
      occurredAt: 'The date cannot be in the future.',
    });
    const laterToday = await core.invoke(staff, 'concerns.submit', {
      ...base,
      occurredAt: '2026-11-28T10:30',
    });
    expect(laterToday.ok ? null : laterToday.error.fields).toEqual({
      occurredAt: 'The time cannot be in the future.',
    });
    const unknown = await core.invoke(staff, 'concerns.submit', {
      ...base,
      categories: ['physical', 'made_up'],
    });
    expect(unknown.ok ? null : unknown.error.fields).toEqual({
      'categories.1': 'Not a known category.',
    });
    const twice = await core.invoke(staff, 'concerns.submit', {
      ...base,
      children: [
        { childId: victim.id, role: 'victim' },
        { childId: victim.id, role: 'witness' },
      ],
    });
    expect(twice.ok ? null : twice.error.fields).toEqual({
      children: 'Each child can be added only once.',
    });
    const noChild = await core.invoke(staff, 'concerns.submit', { ...base, children: [] });
    expect(code(noChild)).toBe('invalid_input');
    const notOnRegister = await core.invoke(staff, 'concerns.submit', {
      ...base,
      children: [{ childId: '01900000-0000-7000-8000-00000000abcd', role: 'subject' }],
    });
    expect(code(notOnRegister)).toBe('not_found');
  });

  it('adds a correction as an addendum with its reason, leaving the record unchanged', async () => {
    const updated = await must<Concern>(
      core.invoke(dsl, 'concerns.addAddendum', {
        concernId: concern.id,
        reason: 'The teacher gave the wrong playground.',
        text: 'It was the bottom playground.',
      }),
    );
    expect(updated.location).toBe('Top playground');
    expect(updated.addenda).toMatchObject([
      {
        addedByName: 'Dana Lead',
        reason: 'The teacher gave the wrong playground.',
        text: 'It was the bottom playground.',
      },
    ]);
    const short = await core.invoke(dsl, 'concerns.addAddendum', {
      concernId: concern.id,
      reason: 'Typo',
      text: 'x',
    });
    expect(short.ok ? null : short.error.fields).toEqual({
      reason: 'Give the reason for the correction in at least 10 characters.',
    });
  });

  it('audits every read with the concern and the children in it', async () => {
    await must(core.invoke(dsl, 'concerns.get', { id: concern.id }));
    const rows = await readStore(dir.path, (db) =>
      db
        .prepare(
          `SELECT method, record_ids, outcome FROM audit_log WHERE method LIKE 'concerns.%'
           ORDER BY seq`,
        )
        .all(),
    );
    const gets = (rows as { method: string; record_ids: string; outcome: string }[]).filter(
      (r) => r.method === 'concerns.get' && r.outcome === 'ok',
    );
    expect(JSON.parse(gets.at(-1)!.record_ids)).toEqual(
      expect.arrayContaining([concern.id, victim.id, perpetrator.id]),
    );
    const submit = (rows as { method: string; record_ids: string }[])[0]!;
    expect(submit.method).toBe('concerns.submit');
    expect(JSON.parse(submit.record_ids)).toEqual(
      expect.arrayContaining([concern.id, victim.id, perpetrator.id]),
    );
    const listed = (rows as { method: string; record_ids: string }[]).find(
      (r) => r.method === 'concerns.forChild',
    )!;
    expect(JSON.parse(listed.record_ids)).toContain(concern.id);
  });

  it('refuses to change or delete a submitted concern, even through raw SQL', async () => {
    const attempts = await writeStore(dir.path, (db) => {
      const tries = [
        `UPDATE concerns SET summary = 'rewritten' WHERE id = '${concern.id}'`,
        `DELETE FROM concerns WHERE id = '${concern.id}'`,
        `UPDATE concern_children SET role = 'witness' WHERE concern_id = '${concern.id}'`,
        `DELETE FROM concern_categories WHERE concern_id = '${concern.id}'`,
        `UPDATE concern_flags SET fgm_known_case = 1 WHERE concern_id = '${concern.id}'`,
        `UPDATE concern_addenda SET text = 'changed' WHERE concern_id = '${concern.id}'`,
      ];
      return tries.map((sql) => {
        try {
          db.prepare(sql).run();
          return 'changed';
        } catch (err) {
          return (err as Error).message;
        }
      });
    });
    for (const message of attempts) expect(message).toMatch(/cannot be (changed|deleted)/);
    const again = await must<Concern>(core.invoke(dsl, 'concerns.get', { id: concern.id }));
    expect(again.summary).toBe(concern.summary);
  });
});
