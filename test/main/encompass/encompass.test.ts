import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { MethodInput } from '../../../shared/api';
import type { ChronologyEntry } from '../../../shared/chronology/schema';
import { noChronologyFilter } from '../../../shared/chronology/schema';
import type { Child } from '../../../shared/children/schema';
import type { EncompassNotification, EncompassSummary } from '../../../shared/encompass/schema';
import type { SearchResults } from '../../../shared/search/schema';
import type { User } from '../../../shared/users/schema';
import {
  errorOf,
  must,
  readStore,
  sampleChild,
  signedInAs,
  tempDir,
  unlockedCore,
  writeStore,
} from '../../support/core';

let now = new Date('2026-11-28T08:00:00Z');

function notification(
  children: MethodInput<'encompass.record'>['children'],
  keyAdultId: string,
  overrides: Partial<MethodInput<'encompass.record'>> = {},
): MethodInput<'encompass.record'> {
  return {
    children,
    incidentAt: '2026-11-27T22:15',
    notifiedAt: '2026-11-28T07:30',
    policeForce: 'Metropolitan Police',
    policeReference: 'CAD 4521/27NOV26',
    notifiedBy: 'PC 1234 Jo Smith, MASH, 020 7946 0000',
    summary:
      '  Officers attended after a neighbour heard shouting; the mother had been assaulted.  ',
    keyAdultId,
    keyAdultInformedAt: '2026-11-28T07:35',
    supportPlanned: 'Class teachers to check in at registration; a quiet space offered.',
    ...overrides,
  };
}

describe('Operation Encompass notifications (issue 4)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let deputy: Session;
  let staff: Session;
  let head: Session;
  let amara: Child;
  let kofi: Child;
  let dslId: string;
  let recorded: EncompassNotification;

  const counts = () =>
    readStore(dir.path, (db) =>
      ['encompass_notifications', 'encompass_children', 'encompass_addenda', 'chronology_entries']
        .map((t) => db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number })
        .map((r) => r.n),
    );

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now));
    amara = await must<Child>(core.invoke(dsl, 'children.add', sampleChild()));
    kofi = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Kofi', dateOfBirth: '2019-06-02', upn: '', yearGroup: '2' }),
      ),
    );
    deputy = await signedInAs(core, dsl, 'deputy', 'deputy_dsl');
    staff = await signedInAs(core, dsl, 'steacher', 'staff');
    head = await signedInAs(core, dsl, 'headt', 'headteacher');
    const users = await must<User[]>(core.invoke(dsl, 'users.list', {}));
    dslId = users.find((u) => u.role === 'dsl')!.id;
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('records one notification for two siblings, with an entry on each child’s chronology', async () => {
    recorded = await must<EncompassNotification>(
      core.invoke(
        deputy,
        'encompass.record',
        notification(
          [
            { childId: amara.id, presence: 'witnessed' },
            { childId: kofi.id, presence: 'not_present' },
          ],
          dslId,
        ),
      ),
    );
    expect(recorded).toMatchObject({
      incidentAt: '2026-11-27T22:15',
      notifiedAt: '2026-11-28T07:30',
      policeForce: 'Metropolitan Police',
      policeReference: 'CAD 4521/27NOV26',
      summary: 'Officers attended after a neighbour heard shouting; the mother had been assaulted.',
      keyAdultId: dslId,
      keyAdultName: 'Dana Lead',
      recordedByName: 'Test deputy',
      recordedAt: now.toISOString(),
      addenda: [],
    });
    expect(recorded.children.map((c) => [c.name, c.presence])).toEqual([
      ['Amara Okafor', 'witnessed'],
      ['Kofi Okafor', 'not_present'],
    ]);
    for (const child of [amara, kofi]) {
      const entries = await must<ChronologyEntry[]>(
        core.invoke(dsl, 'chronology.forChild', { childId: child.id, filter: noChronologyFilter }),
      );
      // The notification, and the duty it starts (issue 5): support before the next school day.
      expect(entries.map((e) => e.source)).toEqual(['encompass', 'duty']);
      expect(entries[1]?.title).toBe(
        'Statutory duty: Consider support after an Operation Encompass notification',
      );
      expect(entries[0]).toMatchObject({
        source: 'encompass',
        sourceId: recorded.id,
        concernId: null,
        occurredAt: '2026-11-27T22:15',
        title: 'Operation Encompass notification (Metropolitan Police ref CAD 4521/27NOV26)',
        detail:
          'Officers attended after a neighbour heard shouting; the mother had been assaulted.',
        categories: ['domestic_abuse'],
        recordedByName: 'Test deputy',
      });
    }
  });

  it('lists it on each child’s file with that child’s presence, and opens it', async () => {
    const forKofi = await must<EncompassSummary[]>(
      core.invoke(dsl, 'encompass.forChild', { childId: kofi.id }),
    );
    expect(forKofi).toEqual([
      {
        id: recorded.id,
        incidentAt: '2026-11-27T22:15',
        notifiedAt: '2026-11-28T07:30',
        policeForce: 'Metropolitan Police',
        policeReference: 'CAD 4521/27NOV26',
        presence: 'not_present',
        addenda: 0,
      },
    ]);
    const opened = await must<EncompassNotification>(
      core.invoke(dsl, 'encompass.get', { id: recorded.id }),
    );
    expect(opened).toEqual(recorded);
  });

  it('finds the notification by its text for casework roles only', async () => {
    const found = await must<SearchResults>(
      core.invoke(dsl, 'search.concerns', { query: 'neighbour shouting', limit: 10, offset: 0 }),
    );
    expect(found.items.map((h) => [h.kind, h.sourceId])).toEqual([['encompass', recorded.id]]);
    expect(found.items[0]?.children.map((c) => c.id).sort()).toEqual([amara.id, kofi.id].sort());
    const byRef = await must<SearchResults>(
      core.invoke(dsl, 'search.concerns', { query: '4521', limit: 10, offset: 0 }),
    );
    expect(byRef.items).toHaveLength(1);
    const asHead = await must<SearchResults>(
      core.invoke(head, 'search.concerns', { query: 'neighbour shouting', limit: 10, offset: 0 }),
    );
    expect(asHead.items).toEqual([]);
  });

  it('adds a correction with its reason, beneath it and on both chronologies', async () => {
    now = new Date('2026-11-28T09:10:00Z');
    const corrected = await must<EncompassNotification>(
      core.invoke(dsl, 'encompass.addAddendum', {
        notificationId: recorded.id,
        reason: 'The police rang back with the right time.',
        text: 'The incident was at 21:15, not 22:15.',
      }),
    );
    expect(corrected.incidentAt).toBe('2026-11-27T22:15');
    expect(corrected.addenda).toEqual([
      {
        id: expect.any(String) as string,
        addedByName: 'Dana Lead',
        addedAt: now.toISOString(),
        reason: 'The police rang back with the right time.',
        text: 'The incident was at 21:15, not 22:15.',
      },
    ]);
    const entries = await must<ChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forChild', { childId: kofi.id, filter: noChronologyFilter }),
    );
    expect(entries.map((e) => [e.source, e.occurredAt, e.title])).toEqual([
      [
        'encompass',
        '2026-11-27T22:15',
        'Operation Encompass notification (Metropolitan Police ref CAD 4521/27NOV26)',
      ],
      [
        'duty',
        '2026-11-28T07:30',
        'Statutory duty: Consider support after an Operation Encompass notification',
      ],
      ['addendum', '2026-11-28T09:10', 'Correction added to an Operation Encompass notification'],
    ]);
    const found = await must<SearchResults>(
      core.invoke(dsl, 'search.concerns', { query: 'rang back', limit: 10, offset: 0 }),
    );
    expect(found.items.map((h) => [h.kind, h.sourceId])).toEqual([['encompass', recorded.id]]);
  });

  it('refuses to change or delete a notification, even through raw SQL', async () => {
    const attempts = await writeStore(dir.path, (db) =>
      [
        `UPDATE encompass_notifications SET summary = 'rewritten' WHERE id = '${recorded.id}'`,
        `DELETE FROM encompass_notifications WHERE id = '${recorded.id}'`,
        `UPDATE encompass_children SET presence = 'not_known' WHERE notification_id = '${recorded.id}'`,
        `DELETE FROM encompass_children WHERE notification_id = '${recorded.id}'`,
        `UPDATE encompass_addenda SET text = 'changed' WHERE notification_id = '${recorded.id}'`,
        `DELETE FROM encompass_addenda WHERE notification_id = '${recorded.id}'`,
      ].map((sql) => {
        try {
          db.prepare(sql).run();
          return 'changed';
        } catch (err) {
          return (err as Error).message;
        }
      }),
    );
    for (const message of attempts) expect(message).toMatch(/cannot be (changed|deleted)/);
  });

  it('is casework: staff and the headteacher may not record or read one', async () => {
    const input = notification([{ childId: amara.id, presence: 'present' }], dslId);
    const before = await counts();
    expect(errorOf(await core.invoke(staff, 'encompass.record', input)).code).toBe('forbidden');
    expect(errorOf(await core.invoke(head, 'encompass.record', input)).code).toBe('forbidden');
    expect(errorOf(await core.invoke(staff, 'encompass.get', { id: recorded.id })).code).toBe(
      'forbidden',
    );
    expect(errorOf(await core.invoke(head, 'encompass.forChild', { childId: amara.id })).code).toBe(
      'forbidden',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with a message per field, and changes nothing', async () => {
    const before = await counts();
    const noChildren = errorOf(
      await core.invoke(dsl, 'encompass.record', { ...notification([], dslId), policeForce: ' ' }),
    );
    expect(noChildren.code).toBe('invalid_input');
    expect(noChildren.fields).toMatchObject({
      children: 'Add at least one child.',
      policeForce: 'Enter the police force.',
    });
    const twice = errorOf(
      await core.invoke(
        dsl,
        'encompass.record',
        notification(
          [
            { childId: amara.id, presence: 'present' },
            { childId: amara.id, presence: 'present' },
          ],
          dslId,
        ),
      ),
    );
    expect(twice.fields?.children).toBe('Each child can be added only once.');
    const order = errorOf(
      await core.invoke(
        dsl,
        'encompass.record',
        notification([{ childId: amara.id, presence: 'present' }], dslId, {
          notifiedAt: '2026-11-27T21:00',
          keyAdultInformedAt: '2026-11-28T11:00',
        }),
      ),
    );
    expect(order.fields).toEqual({
      notifiedAt: 'The notification cannot be before the incident.',
      keyAdultInformedAt: 'The time cannot be in the future.',
    });
    const noTime = errorOf(
      await core.invoke(
        dsl,
        'encompass.record',
        notification([{ childId: amara.id, presence: 'present' }], '', {
          notifiedAt: '2026-11-28',
        }),
      ),
    );
    expect(noTime.fields).toMatchObject({
      notifiedAt:
        'Enter the date and time the police notified the school, such as 28 Nov 2026 at 07:45.',
      keyAdultId: 'Choose the key adult who was told.',
    });
    const unknown = errorOf(
      await core.invoke(
        dsl,
        'encompass.record',
        notification([{ childId: recorded.id, presence: 'present' }], amara.id),
      ),
    );
    expect(unknown.code).toBe('not_found');
    expect(unknown.fields).toEqual({
      'children.0.childId': 'That child is not on the register.',
      keyAdultId: 'Choose someone with an active account who works with children.',
    });
    const shortReason = errorOf(
      await core.invoke(dsl, 'encompass.addAddendum', {
        notificationId: recorded.id,
        reason: 'Typo',
        text: 'Spelling.',
      }),
    );
    expect(shortReason.fields?.reason).toBe(
      'Give the reason for the correction in at least 10 characters.',
    );
    expect(await counts()).toEqual(before);
  });
});
