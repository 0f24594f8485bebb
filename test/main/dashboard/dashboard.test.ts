import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { ActionOwner, TriageState } from '../../../shared/casework/schema';
import type { Child } from '../../../shared/children/schema';
import type { Concern } from '../../../shared/concerns/schema';
import type { Dashboard } from '../../../shared/dashboard/schema';
import {
  addTwoChildren,
  errorOf,
  fight,
  must,
  signedInAs,
  tempDir,
  unlockedCore,
} from '../../support/core';

let now = new Date('2026-11-02T09:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};

const RATIONALE = 'Seen by the DSL; parents spoken to and the child is safe at home tonight.';

describe('the DSL’s dashboard (issue 4, item 6)', () => {
  const dir = tempDir('lantern-dashboard-');
  let core: LanternCore;
  let dsl: Session;
  let deputy: Session;
  let teacher: Session;
  let amara: Child;
  let tomasz: Child;
  let monitored: Concern;
  let untriaged: Concern;
  let deputyId: string;

  const dashboard = () => must<Dashboard>(core.invoke(dsl, 'dashboard.get', {}));
  const neglect = (childId: string, occurredAt: string) =>
    must<Concern>(
      core.invoke(teacher, 'concerns.submit', {
        ...fight(childId, childId),
        children: [{ childId, role: 'subject' }],
        occurredAt,
        categories: ['neglect'],
        summary: 'Came to school hungry again and in the same clothes as all week.',
      }),
    );

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now));
    [amara, tomasz] = await addTwoChildren(core, dsl);
    deputy = await signedInAs(core, dsl, 'ddeputy', 'deputy_dsl');
    teacher = await signedInAs(core, dsl, 'steacher', 'staff');
    const owners = await must<ActionOwner[]>(core.invoke(dsl, 'actions.owners', {}));
    deputyId = owners.find((o) => o.role === 'deputy_dsl')?.id ?? '';

    // 2 Nov: a fight, triaged at once: monitor, reviewed on 10 Nov; an action due 5 Nov.
    monitored = await must<Concern>(
      core.invoke(teacher, 'concerns.submit', {
        ...fight(amara.id, tomasz.id),
        occurredAt: '2026-11-02T08:40',
      }),
    );
    await must<TriageState>(
      core.invoke(dsl, 'triage.decide', {
        concernId: monitored.id,
        kind: 'monitor',
        description: '',
        reviewDate: '2026-11-10',
        rationale: RATIONALE,
      }),
    );
    await must<TriageState>(
      core.invoke(dsl, 'actions.add', {
        concernId: monitored.id,
        description: 'Speak to both sets of parents',
        ownerId: deputyId,
        dueDate: '2026-11-05',
      }),
    );
    await must<TriageState>(
      core.invoke(dsl, 'actions.add', {
        concernId: monitored.id,
        description: 'Check in with Amara at lunch',
        ownerId: deputyId,
        dueDate: '2026-11-12',
      }),
    );
    // Three neglect concerns about Tomasz within 90 days, none triaged yet.
    at('2026-11-02T10:00:00Z');
    await neglect(tomasz.id, '2026-10-01');
    at('2026-11-02T10:01:00Z');
    await neglect(tomasz.id, '2026-10-20');
    at('2026-11-02T10:02:00Z');
    untriaged = await neglect(tomasz.id, '2026-11-02T08:30');
    // Now it is 7 Nov: the first action is overdue; the review and the second action are due soon.
    at('2026-11-07T09:00:00Z');
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('counts the concerns awaiting triage and names the oldest first', async () => {
    const d = await dashboard();
    expect(d.today).toBe('2026-11-07');
    expect(d.awaitingTriage.count).toBe(3);
    expect(d.awaitingTriage.oldest.map((i) => i.children.map((c) => c.name))).toEqual([
      ['Tomasz Nowak'],
      ['Tomasz Nowak'],
      ['Tomasz Nowak'],
    ]);
    expect(d.awaitingTriage.oldest.map((i) => i.concernId)).not.toContain(monitored.id);
    expect(d.awaitingTriage.oldest.at(-1)?.concernId).toBe(untriaged.id);
  });

  it('splits open actions into overdue and due within 7 days, naming owner and children', async () => {
    const d = await dashboard();
    expect(d.overdueActions.map((a) => [a.description, a.dueDate, a.ownerName])).toEqual([
      ['Speak to both sets of parents', '2026-11-05', 'Test ddeputy'],
    ]);
    expect(d.overdueActions[0]?.children.sort()).toEqual(['Amara Okafor', 'Tomasz Nowak']);
    expect(d.actionsDueSoon.map((a) => a.dueDate)).toEqual(['2026-11-12']);
  });

  it('lists a monitoring review once its date is within 7 days, and drops it after a new decision', async () => {
    expect((await dashboard()).reviewsDue.map((r) => [r.concernId, r.reviewDate])).toEqual([
      [monitored.id, '2026-11-10'],
    ]);
    await must<TriageState>(
      core.invoke(deputy, 'triage.decide', {
        concernId: monitored.id,
        kind: 'early_help',
        description: '',
        reviewDate: '',
        rationale: 'Monitoring showed the family needs support: early help assessment agreed.',
      }),
    );
    expect((await dashboard()).reviewsDue).toEqual([]);
  });

  it('prompts about a child whose recent concerns meet an escalation rule', async () => {
    const d = await dashboard();
    expect(d.escalations.map((e) => [e.child.name, e.rule, e.concernIds.length])).toEqual([
      ['Tomasz Nowak', '3 neglect concerns in 90 days', 3],
    ]);
  });

  it('drops a completed action', async () => {
    const overdue = (await dashboard()).overdueActions[0];
    if (!overdue) throw new Error('no overdue action');
    await must(
      core.invoke(deputy, 'actions.complete', {
        actionId: overdue.id,
        note: 'Both families seen on 6 Nov.',
      }),
    );
    expect((await dashboard()).overdueActions).toEqual([]);
  });

  it('is for the safeguarding team only', async () => {
    expect(errorOf(await core.invoke(teacher, 'dashboard.get', {})).code).toBe('forbidden');
    expect((await core.invoke(deputy, 'dashboard.get', {})).ok).toBe(true);
  });
});
