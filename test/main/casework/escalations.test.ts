import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { MethodInput } from '../../../shared/api';
import type { EscalationItem } from '../../../shared/casework/escalation';
import { defaultEscalationRules } from '../../../shared/casework/escalation';
import type { Child } from '../../../shared/children/schema';
import type { Concern } from '../../../shared/concerns/schema';
import type { Settings } from '../../../shared/settings/schema';
import {
  addTwoChildren,
  errorOf,
  fight,
  must,
  readStore,
  sampleChild,
  signedInAs,
  tempDir,
  unlockedCore,
} from '../../support/core';

const now = new Date('2026-11-28T10:00:00Z');

function concernAbout(
  childId: string,
  occurredAt: string,
  categories: string[],
): MethodInput<'concerns.submit'> {
  return {
    children: [{ childId, role: 'subject' }],
    occurredAt,
    occurredAtApprox: false,
    location: '',
    categories,
    summary: 'Came to school hungry again, in the same clothes as yesterday.',
    childWords: '',
    opinion: '',
    actionsTaken: '',
    peopleTold: '',
    dslToldInPerson: false,
    flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
  };
}

describe('the escalation pattern prompt in the store (casework.escalations)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let deputy: Session;
  let staff: Session;
  let itAdmin: Session;
  let amara: Child;
  let tomasz: Child;

  const escalationsAs = (session: Session) =>
    must<EscalationItem[]>(core.invoke(session, 'casework.escalations', {}));

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now));
    [amara, tomasz] = await addTwoChildren(core, dsl);
    deputy = await signedInAs(core, dsl, 'deputy', 'deputy_dsl');
    staff = await signedInAs(core, dsl, 'steacher', 'staff');
    itAdmin = await signedInAs(core, dsl, 'itadmin', 'it_admin');
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('starts from the documented defaults', async () => {
    const settings = await must<Settings>(core.invoke(dsl, 'settings.get', {}));
    expect(settings.escalationRules).toEqual(defaultEscalationRules);
  });

  it('names the child after the third neglect concern in 90 days, not before', async () => {
    // 91 days ago is outside the window; the tag 'absence' counts as neglect.
    await must(
      core.invoke(staff, 'concerns.submit', concernAbout(amara.id, '2026-08-29', ['neglect'])),
    );
    await must(
      core.invoke(
        staff,
        'concerns.submit',
        concernAbout(amara.id, '2026-08-30T08:50', ['neglect']),
      ),
    );
    // As a witness and alleged perpetrator in a fight: does not count for either child.
    await must(core.invoke(staff, 'concerns.submit', fight(tomasz.id, amara.id)));
    const second = await must<Concern>(
      core.invoke(staff, 'concerns.submit', concernAbout(amara.id, '2026-10-02', ['absence'])),
    );
    expect(await escalationsAs(deputy)).toEqual([]);
    const third = await must<Concern>(
      core.invoke(staff, 'concerns.submit', concernAbout(amara.id, '2026-11-27', ['homelessness'])),
    );
    const found = await escalationsAs(deputy);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      child: { id: amara.id, name: 'Amara Okafor' },
      rule: '3 neglect concerns in 90 days',
      dates: ['2026-08-30T08:50', '2026-10-02', '2026-11-27'],
      latest: '2026-11-27',
    });
    expect(found[0]?.concernIds.slice(1)).toEqual([second.id, third.id]);
  });

  it('follows the rules the DSL saves, and audits the change', async () => {
    const saved = await must<Settings>(
      core.invoke(dsl, 'settings.saveEscalationRules', {
        rules: [
          { categories: ['physical'], count: 2, windowDays: 7, enabled: true },
          { ...defaultEscalationRules[0]!, enabled: false },
        ],
      }),
    );
    expect(saved.escalationRules).toHaveLength(2);
    expect(saved.autoLockMinutes).toBe(5);
    expect(await escalationsAs(dsl)).toEqual([]);
    await must(core.invoke(staff, 'concerns.submit', fight(tomasz.id, amara.id)));
    const found = await escalationsAs(dsl);
    expect(found.map((f) => [f.child.name, f.rule])).toEqual([
      ['Tomasz Nowak', '2 physical abuse concerns in 7 days'],
    ]);
    const audited = await readStore(dir.path, (db) =>
      db
        .prepare("SELECT outcome FROM audit_log WHERE method = 'settings.saveEscalationRules'")
        .all(),
    );
    expect(audited).toEqual([{ outcome: 'ok' }]);
  });

  it('lists no one when every rule is off, and leaves out pupils who have left', async () => {
    await must(
      core.invoke(dsl, 'children.update', {
        id: tomasz.id,
        child: sampleChild({
          legalForename: 'Tomasz',
          legalSurname: 'Nowak',
          upn: '',
          leavingDate: '2026-11-27',
        }),
      }),
    );
    expect(await escalationsAs(dsl)).toEqual([]);
    const rule = defaultEscalationRules[0]!;
    await must(core.invoke(dsl, 'settings.saveEscalationRules', { rules: [rule] }));
    expect((await escalationsAs(dsl)).map((f) => f.child.id)).toEqual([amara.id]);
    await must(
      core.invoke(dsl, 'settings.saveEscalationRules', { rules: [{ ...rule, enabled: false }] }),
    );
    expect(await escalationsAs(dsl)).toEqual([]);
  });

  it('refuses bad rules with a message, and only the DSL or IT may change them', async () => {
    const before = await must<Settings>(core.invoke(dsl, 'settings.get', {}));
    const bad = errorOf(
      await core.invoke(dsl, 'settings.saveEscalationRules', {
        rules: [{ categories: ['neglect'], count: 1, windowDays: 400, enabled: true }],
      }),
    );
    expect(bad.code).toBe('invalid_input');
    expect(bad.fields).toEqual({
      'rules.0.count': 'A rule needs at least 2 concerns.',
      'rules.0.windowDays': 'The period can be at most 366 days.',
    });
    expect(
      errorOf(await core.invoke(deputy, 'settings.saveEscalationRules', { rules: [] })).code,
    ).toBe('forbidden');
    expect(errorOf(await core.invoke(staff, 'casework.escalations', {})).code).toBe('forbidden');
    expect(errorOf(await core.invoke(itAdmin, 'casework.escalations', {})).code).toBe('forbidden');
    expect(await must<Settings>(core.invoke(dsl, 'settings.get', {}))).toEqual(before);
  });
});
