import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type {
  ActionOwner,
  InboxItem,
  MyAction,
  TriageState,
} from '../../../shared/casework/schema';
import type { ChronologyEntry } from '../../../shared/chronology/schema';
import { noChronologyFilter } from '../../../shared/chronology/schema';
import type { Child } from '../../../shared/children/schema';
import type { Concern } from '../../../shared/concerns/schema';
import type { SearchResults } from '../../../shared/search/schema';
import type { User } from '../../../shared/users/schema';
import {
  addTwoChildren,
  errorOf,
  fight,
  must,
  readStore,
  signedInAs,
  tempDir,
  unlockedCore,
  writeStore,
} from '../../support/core';

let now = new Date('2026-11-28T09:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};

const CASEWORK_TABLES = [
  'concern_levels',
  'concern_decisions',
  'concern_actions',
  'concern_closures',
  'concern_reopenings',
  'chronology_entries',
  'search_index',
];

describe('triage and case work (issue 4, part 3)', () => {
  const dir = tempDir('lantern-triage-');
  let core: LanternCore;
  let dsl: Session;
  let deputy: Session;
  let teacher: Session;
  let victim: Child;
  let perpetrator: Child;
  let fightConcern: Concern;
  let laterConcern: Concern;
  let dslConcern: Concern;
  let deputyId: string;
  let teacherId: string;

  const state = (concernId: string) =>
    must<TriageState>(core.invoke(dsl, 'triage.get', { concernId }));
  const inbox = () => must<InboxItem[]>(core.invoke(dsl, 'triage.inbox', {}));
  const entries = (childId: string) =>
    must<ChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forChild', { childId, filter: noChronologyFilter }),
    );
  const snapshot = () =>
    readStore(dir.path, (db) =>
      JSON.stringify(CASEWORK_TABLES.map((t) => db.prepare(`SELECT * FROM ${t}`).all())),
    );

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now));
    [victim, perpetrator] = await addTwoChildren(core, dsl);
    deputy = await signedInAs(core, dsl, 'ddeputy', 'deputy_dsl');
    teacher = await signedInAs(core, dsl, 'steacher', 'staff');
    await signedInAs(core, dsl, 'ggovernor', 'governor');
    const users = await must<User[]>(core.invoke(dsl, 'users.list', {}));
    deputyId = users.find((u) => u.username === 'ddeputy')?.id ?? '';
    teacherId = users.find((u) => u.username === 'steacher')?.id ?? '';
    at('2026-11-28T09:10:00Z');
    fightConcern = await must<Concern>(
      core.invoke(teacher, 'concerns.submit', fight(victim.id, perpetrator.id)),
    );
    at('2026-11-28T09:20:00Z');
    laterConcern = await must<Concern>(
      core.invoke(teacher, 'concerns.submit', {
        ...fight(victim.id, perpetrator.id),
        children: [{ childId: victim.id, role: 'subject' }],
        summary: 'Came in hungry again and asked for food.',
        categories: ['neglect'],
        flags: { possibleChildSexOffence: false, fgmKnownCase: true, allegationAboutAdult: false },
      }),
    );
    at('2026-11-28T09:30:00Z');
    dslConcern = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(victim.id, perpetrator.id),
        children: [{ childId: perpetrator.id, role: 'subject' }],
        summary: 'Mother disclosed domestic abuse at home.',
      }),
    );
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('lists concerns awaiting triage oldest first, with children, roles, flags and recorder', async () => {
    const items = await inbox();
    expect(items.map((i) => [i.concernId, i.status])).toEqual([
      [fightConcern.id, 'new'],
      [laterConcern.id, 'new'],
      [dslConcern.id, 'new'],
    ]);
    expect(items[1]).toMatchObject({
      recordedByName: 'Test steacher',
      categories: ['neglect'],
      flags: { fgmKnownCase: true, possibleChildSexOffence: false, allegationAboutAdult: false },
      children: [{ childId: victim.id, name: 'Amara Okafor', role: 'subject' }],
      level: null,
      openActions: 0,
    });
    expect(await state(fightConcern.id)).toEqual({
      concernId: fightConcern.id,
      status: 'new',
      level: null,
      levels: [],
      decisions: [],
      actions: [],
      closures: [],
    });
  });

  it('keeps every change of level with its rationale and writes a chronology entry per child', async () => {
    at('2026-11-28T10:00:00Z');
    await must(
      core.invoke(dsl, 'triage.setLevel', {
        concernId: fightConcern.id,
        level: 2,
        rationale: 'First incident; parents engaged and support offered through early help.',
      }),
    );
    at('2026-11-28T11:15:00Z');
    const after = await must<TriageState>(
      core.invoke(deputy, 'triage.setLevel', {
        concernId: fightConcern.id,
        level: 3,
        rationale: 'Threats repeated at home time; needs a child in need assessment.',
      }),
    );
    expect(after.status).toBe('open');
    expect(after.level).toBe(3);
    expect(after.levels.map((l) => [l.previous, l.level, l.setByName])).toEqual([
      [null, 2, 'Dana Lead'],
      [2, 3, 'Test ddeputy'],
    ]);
    for (const child of [victim, perpetrator]) {
      const levels = (await entries(child.id)).filter((e) => e.source === 'level');
      expect(levels.map((e) => [e.occurredAt, e.title, e.concernId])).toEqual([
        ['2026-11-28T10:00', 'Level set at 2 Early help', fightConcern.id],
        ['2026-11-28T11:15', 'Level raised from 2 Early help to 3 Child in need', fightConcern.id],
      ]);
      expect(levels[1]?.detail).toBe(
        'Threats repeated at home time; needs a child in need assessment.',
      );
    }
    // Triaged concerns follow those still awaiting triage.
    expect((await inbox()).map((i) => [i.concernId, i.status, i.level])).toEqual([
      [laterConcern.id, 'new', null],
      [dslConcern.id, 'new', null],
      [fightConcern.id, 'open', 3],
    ]);
  });

  it('refuses the same level again, or a rationale too short, and changes nothing', async () => {
    const before = await snapshot();
    const same = errorOf(
      await core.invoke(dsl, 'triage.setLevel', {
        concernId: fightConcern.id,
        level: 3,
        rationale: 'Still a child in need after the meeting today.',
      }),
    );
    expect(same.fields).toEqual({ level: 'The level is already 3 Child in need.' });
    const short = errorOf(
      await core.invoke(dsl, 'triage.setLevel', {
        concernId: fightConcern.id,
        level: 4,
        rationale: 'Worse.',
      }),
    );
    expect(short.fields?.rationale).toMatch(/at least 20 characters/);
    expect(await snapshot()).toBe(before);
  });

  it('needs a review date after today to monitor, and records the decision on each child', async () => {
    at('2026-11-28T12:00:00Z');
    const decision = {
      concernId: fightConcern.id,
      kind: 'monitor' as const,
      description: '',
      rationale: 'Below threshold for a referral; watch lunchtimes and attendance closely.',
    };
    const before = await snapshot();
    for (const [reviewDate, message] of [
      ['', 'Enter the date monitoring will be reviewed.'],
      ['2026-11-27', 'The review date must be after today.'],
      ['2026-11-28', 'The review date must be after today.'],
    ] as const) {
      const e = errorOf(await core.invoke(dsl, 'triage.decide', { ...decision, reviewDate }));
      expect(e.fields).toEqual({ reviewDate: message });
    }
    const other = errorOf(
      await core.invoke(dsl, 'triage.decide', { ...decision, kind: 'other', reviewDate: '' }),
    );
    expect(other.fields).toEqual({ description: 'Say what was decided.' });
    expect(await snapshot()).toBe(before);

    const after = await must<TriageState>(
      core.invoke(dsl, 'triage.decide', { ...decision, reviewDate: '2027-01-15' }),
    );
    expect(after.decisions).toMatchObject([
      { kind: 'monitor', reviewDate: '2027-01-15', decidedByName: 'Dana Lead' },
    ]);
    for (const child of [victim, perpetrator]) {
      const decided = (await entries(child.id)).filter((e) => e.source === 'decision');
      expect(decided.map((e) => [e.occurredAt, e.title, e.concernId])).toEqual([
        ['2026-11-28T12:00', 'Decision: monitor, review 15 Jan 2027', fightConcern.id],
      ]);
    }
  });

  it('lists as owners only active accounts that work with children', async () => {
    const owners = await must<ActionOwner[]>(core.invoke(deputy, 'actions.owners', {}));
    expect(owners.map((o) => o.displayName).sort()).toEqual([
      'Dana Lead',
      'Test ddeputy',
      'Test steacher',
    ]);
  });

  it('adds an action for a deputy, dated when it was set on each child’s chronology', async () => {
    const action = {
      concernId: fightConcern.id,
      description: 'Meet both sets of parents',
      ownerId: deputyId,
      dueDate: '2026-12-04',
    };
    const before = await snapshot();
    const past = errorOf(
      await core.invoke(dsl, 'actions.add', { ...action, dueDate: '2026-11-27' }),
    );
    expect(past.fields).toEqual({ dueDate: 'The due date cannot be in the past.' });
    const governor = (await must<User[]>(core.invoke(dsl, 'users.list', {}))).find(
      (u) => u.username === 'ggovernor',
    );
    const notOwner = errorOf(
      await core.invoke(dsl, 'actions.add', { ...action, ownerId: governor?.id ?? '' }),
    );
    expect(notOwner.fields).toHaveProperty('ownerId');
    expect(await snapshot()).toBe(before);

    const after = await must<TriageState>(core.invoke(dsl, 'actions.add', action));
    expect(after.actions).toMatchObject([
      {
        description: 'Meet both sets of parents',
        ownerName: 'Test ddeputy',
        dueDate: '2026-12-04',
        completedAt: null,
      },
    ]);
    for (const child of [victim, perpetrator]) {
      const set = (await entries(child.id)).filter((e) => e.source === 'action');
      expect(set.map((e) => [e.occurredAt, e.title, e.detail, e.concernId])).toEqual([
        [
          '2026-11-28T12:00',
          'Action set for Test ddeputy, due 4 Dec 2026',
          'Meet both sets of parents',
          fightConcern.id,
        ],
      ]);
    }
  });

  it('will not close while an action is open, and says which', async () => {
    const before = await snapshot();
    const e = errorOf(
      await core.invoke(dsl, 'triage.close', {
        concernId: fightConcern.id,
        summary: 'Fight at lunch between two pupils.',
        followUp: 'Parents met, restorative meeting held.',
        outcome: 'No repeat in four weeks.',
      }),
    );
    expect(e.fields).toEqual({
      actions: 'Complete the open action first: “Meet both sets of parents”.',
    });
    expect(await snapshot()).toBe(before);
  });

  it('will not close without a summary, follow-up, decision and outcome, listing each', async () => {
    const before = await snapshot();
    const e = errorOf(
      await core.invoke(dsl, 'triage.close', {
        concernId: laterConcern.id,
        summary: ' ',
        followUp: '',
        outcome: '',
      }),
    );
    expect(e.message).toBe('This concern cannot be closed yet.');
    expect(Object.keys(e.fields ?? {}).sort()).toEqual([
      'decisions',
      'followUp',
      'outcome',
      'summary',
    ]);
    expect(await snapshot()).toBe(before);
  });

  it('completes an action once, with a chronology entry at the moment it was done', async () => {
    const action = (await state(fightConcern.id)).actions[0];
    if (!action) throw new Error('no action');
    at('2026-12-02T15:45:00Z');
    const after = await must<TriageState>(
      core.invoke(deputy, 'actions.complete', {
        actionId: action.id,
        note: 'Met both families; agreed a lunchtime plan.',
      }),
    );
    expect(after.actions[0]).toMatchObject({
      completedByName: 'Test ddeputy',
      completionNote: 'Met both families; agreed a lunchtime plan.',
    });
    const again = errorOf(
      await core.invoke(dsl, 'actions.complete', { actionId: action.id, note: 'Again.' }),
    );
    expect(again.code).toBe('conflict');
    for (const child of [victim, perpetrator]) {
      const done = (await entries(child.id)).filter((e) => e.source === 'action_done');
      expect(done.map((e) => [e.occurredAt, e.title, e.concernId])).toEqual([
        ['2026-12-02T15:45', 'Action completed: Meet both sets of parents', fightConcern.id],
      ]);
    }
  });

  it('closes with all four and no open actions, then reopens with a reason, keeping both', async () => {
    at('2026-12-03T09:00:00Z');
    const closed = await must<TriageState>(
      core.invoke(dsl, 'triage.close', {
        concernId: fightConcern.id,
        summary: 'Fight at lunch between two pupils.',
        followUp: 'Parents met, restorative meeting held.',
        outcome: 'No repeat in four weeks.',
      }),
    );
    expect(closed.status).toBe('closed');
    expect((await inbox()).map((i) => i.concernId)).not.toContain(fightConcern.id);
    for (const child of [victim, perpetrator]) {
      const closure = (await entries(child.id)).filter((e) => e.source === 'closure');
      expect(closure.map((e) => [e.occurredAt, e.title, e.concernId])).toEqual([
        ['2026-12-03T09:00', 'Concern closed', fightConcern.id],
      ]);
    }
    const whileClosed = errorOf(
      await core.invoke(dsl, 'triage.setLevel', {
        concernId: fightConcern.id,
        level: 1,
        rationale: 'Nothing further needed now that it is resolved.',
      }),
    );
    expect(whileClosed.code).toBe('conflict');

    at('2026-12-10T08:30:00Z');
    const reopened = await must<TriageState>(
      core.invoke(deputy, 'triage.reopen', {
        concernId: fightConcern.id,
        reason: 'The threats have started again.',
      }),
    );
    expect(reopened.status).toBe('open');
    expect(reopened.closures).toMatchObject([
      {
        outcome: 'No repeat in four weeks.',
        reopening: { reason: 'The threats have started again.', byName: 'Test ddeputy' },
      },
    ]);
    expect(reopened.levels).toHaveLength(2);
    const titles = (await entries(victim.id))
      .filter((e) => e.source === 'closure')
      .map((e) => e.title);
    expect(titles).toEqual(['Concern closed', 'Concern reopened']);
    const notClosed = errorOf(
      await core.invoke(dsl, 'triage.reopen', {
        concernId: fightConcern.id,
        reason: 'Reopening it once more.',
      }),
    );
    expect(notClosed.code).toBe('conflict');
  });

  it('refuses triage to a teacher', async () => {
    for (const [method, input] of [
      ['triage.inbox', {}],
      ['triage.get', { concernId: laterConcern.id }],
      [
        'triage.setLevel',
        {
          concernId: laterConcern.id,
          level: 1,
          rationale: 'Universal support is enough for this.',
        },
      ],
      ['actions.owners', {}],
    ] as const) {
      expect(errorOf(await core.invoke(teacher, method, input)).code).toBe('forbidden');
    }
  });

  it('shows a teacher their own actions, naming another’s concern only by its date', async () => {
    at('2026-12-10T09:00:00Z');
    await must(
      core.invoke(dsl, 'actions.add', {
        concernId: dslConcern.id,
        description: 'Check in with the pupil each morning',
        ownerId: teacherId,
        dueDate: '2026-12-11',
      }),
    );
    await must(
      core.invoke(dsl, 'actions.add', {
        concernId: laterConcern.id,
        description: 'Make sure breakfast club has a place',
        ownerId: teacherId,
        dueDate: '2026-12-12',
      }),
    );
    const mine = await must<MyAction[]>(core.invoke(teacher, 'actions.mine', {}));
    expect(mine).toEqual([
      {
        id: expect.any(String) as string,
        description: 'Check in with the pupil each morning',
        dueDate: '2026-12-11',
        concernOccurredAt: dslConcern.occurredAt,
        concernId: null,
        children: [],
      },
      {
        id: expect.any(String) as string,
        description: 'Make sure breakfast club has a place',
        dueDate: '2026-12-12',
        concernOccurredAt: laterConcern.occurredAt,
        concernId: laterConcern.id,
        children: ['Amara Okafor'],
      },
    ]);
    expect(JSON.stringify(mine)).not.toContain('domestic abuse');
    expect(await must<MyAction[]>(core.invoke(deputy, 'actions.mine', {}))).toEqual([]);

    // The owner completes their own action and learns nothing more; another's is refused.
    const [first] = mine;
    if (!first) throw new Error('no action');
    expect(
      await must(
        core.invoke(teacher, 'actions.complete', { actionId: first.id, note: 'Done daily.' }),
      ),
    ).toBeNull();
    const deputyAction = await must<TriageState>(
      core.invoke(dsl, 'actions.add', {
        concernId: dslConcern.id,
        description: 'Speak to the pupil’s mother',
        ownerId: deputyId,
        dueDate: '2026-12-11',
      }),
    );
    const other = deputyAction.actions.find((a) => a.ownerId === deputyId);
    const refused = errorOf(
      await core.invoke(teacher, 'actions.complete', { actionId: other?.id ?? '', note: 'Done.' }),
    );
    expect(refused.code).toBe('forbidden');
  });

  it('finds decision rationales and action notes in search, for casework managers only', async () => {
    const kinds = async (session: Session, query: string) =>
      (
        await must<SearchResults>(
          core.invoke(session, 'search.concerns', { query, limit: 20, offset: 0 }),
        )
      ).items.map((h) => h.kind);
    expect(await kinds(dsl, 'lunchtimes')).toEqual(['decision']);
    expect(await kinds(dsl, 'lunchtime plan')).toEqual(['action_done']);
    expect(await kinds(dsl, 'both sets of parents')).toEqual(['action']);
    expect(await kinds(teacher, 'lunchtime plan')).toEqual([]);
  });

  it('audits every triage write, and the database refuses to rewrite history', async () => {
    const methods = await readStore(dir.path, (db) =>
      db
        .prepare(
          "SELECT DISTINCT method FROM audit_log WHERE outcome = 'ok' AND (method LIKE 'triage.%' OR method LIKE 'actions.%') ORDER BY method",
        )
        .pluck()
        .all(),
    );
    expect(methods).toEqual([
      'actions.add',
      'actions.complete',
      'actions.mine',
      'actions.owners',
      'triage.close',
      'triage.decide',
      'triage.get',
      'triage.inbox',
      'triage.reopen',
      'triage.setLevel',
    ]);
    // The inbox names the children, so its audit row records them as read.
    const rows = await readStore(
      dir.path,
      (db) =>
        db
          .prepare(
            "SELECT method, record_ids AS ids FROM audit_log WHERE method = 'triage.inbox' AND outcome = 'ok' ORDER BY seq",
          )
          .all() as { method: string; ids: string }[],
    );
    const inboxIds = JSON.parse(rows.find((r) => r.method === 'triage.inbox')?.ids ?? '[]');
    expect(inboxIds).toEqual(expect.arrayContaining([fightConcern.id, victim.id, perpetrator.id]));
    await writeStore(dir.path, (db) => {
      expect(() => db.prepare('UPDATE concern_levels SET level = 4').run()).toThrow(/history/);
      expect(() => db.prepare('DELETE FROM concern_decisions').run()).toThrow(/history/);
      expect(() =>
        db.prepare("UPDATE concern_actions SET completion_note = 'rewritten'").run(),
      ).toThrow(/completed, once/);
      expect(() => db.prepare('DELETE FROM concern_closures').run()).toThrow(/history/);
    });
  });
});
