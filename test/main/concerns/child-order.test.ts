import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { ActionOwner, InboxItem } from '../../../shared/casework/schema';
import type { Child } from '../../../shared/children/schema';
import type { Concern } from '../../../shared/concerns/schema';
import type { Dashboard } from '../../../shared/dashboard/schema';
import type { SearchHit } from '../../../shared/search/schema';
import { fight, must, sampleChild, tempDir, unlockedCore } from '../../support/core';

const NOW = new Date('2026-11-28T10:00:00Z');

/** Surnames in reverse alphabetical order of the children's parts, so a name order shows. */
const cast = [
  { forename: 'Brian', surname: 'Adams', role: 'witness' },
  { forename: 'Mia', surname: 'Mills', role: 'alleged_perpetrator' },
  { forename: 'Zed', surname: 'Young', role: 'subject' },
  { forename: 'Alice', surname: 'Adams', role: 'witness' },
  { forename: 'Wendy', surname: 'Walker', role: 'victim' },
] as const;

/** By part (subject, victim, alleged perpetrator, witness), then by surname and forename. */
const inRoleOrder = [
  ['Zed Young', 'subject'],
  ['Wendy Walker', 'victim'],
  ['Mia Mills', 'alleged_perpetrator'],
  ['Alice Adams', 'witness'],
  ['Brian Adams', 'witness'],
];

describe('the children of a concern are listed by their part in it, then by name', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let concern: Concern;

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => NOW));
    const children: { childId: string; role: (typeof cast)[number]['role'] }[] = [];
    for (const person of cast) {
      const child = await must<Child>(
        core.invoke(
          dsl,
          'children.add',
          sampleChild({ legalForename: person.forename, legalSurname: person.surname, upn: '' }),
        ),
      );
      children.push({ childId: child.id, role: person.role });
    }
    const [first, second] = children;
    concern = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(first?.childId ?? '', second?.childId ?? ''),
        children,
      }),
    );
    const owners = await must<ActionOwner[]>(core.invoke(dsl, 'actions.owners', {}));
    await must(
      core.invoke(dsl, 'actions.add', {
        concernId: concern.id,
        description: 'Speak to every child involved.',
        ownerId: owners[0]?.id ?? '',
        dueDate: '2026-11-30',
      }),
    );
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('in the concern itself', () => {
    expect(concern.children.map((c) => [c.name, c.role])).toEqual(inRoleOrder);
  });

  it('in the triage inbox', async () => {
    const inbox = await must<InboxItem[]>(core.invoke(dsl, 'triage.inbox', {}));
    const item = inbox.find((i) => i.concernId === concern.id);
    expect(item?.children.map((c) => [c.name, c.role])).toEqual(inRoleOrder);
  });

  it('on the dashboard', async () => {
    const dashboard = await must<Dashboard>(core.invoke(dsl, 'dashboard.get', {}));
    const names = inRoleOrder.map(([name]) => name);
    expect(dashboard.awaitingTriage.oldest[0]?.children.map((c) => c.name)).toEqual(names);
    expect(dashboard.actionsDueSoon.map((a) => a.children)).toEqual([names]);
  });

  it('in search results', async () => {
    const found = await must<{ items: SearchHit[] }>(
      core.invoke(dsl, 'search.concerns', { query: 'punch', limit: 20, offset: 0 }),
    );
    expect(found.items.length).toBeGreaterThan(0);
    for (const hit of found.items) {
      expect(hit.children.map((c) => c.name)).toEqual(inRoleOrder.map(([name]) => name));
    }
  });
});
