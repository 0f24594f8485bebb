import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import { familiesRepo } from '../../../main/children/family-repo';
import type { MethodInput } from '../../../shared/api';
import type { ChildFamily, FamilyAdult, KeyContact } from '../../../shared/children/family';
import type { Child } from '../../../shared/children/schema';
import type { Result } from '../../../shared/result';
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
import { sampleAdult, validInputs } from '../../support/samples';

const NOW = new Date('2026-11-28T10:00:00Z');

function failure(r: Result<unknown>): { code: string; fields: Record<string, string> } {
  const error = errorOf(r);
  return { code: error.code, fields: error.fields ?? {} };
}

const socialWorker = validInputs['family.addContact'].contact;

describe('families, adults and key contacts on a child’s file (issue 4, part 1)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let amara: Child;
  let kofi: Child;
  let ada: Child;
  let tomasz: Child;

  const add = (over: Parameters<typeof sampleChild>[0]) =>
    must<Child>(core.invoke(dsl, 'children.add', sampleChild({ upn: '', ...over })));
  const familyOf = (childId: string) =>
    must<ChildFamily>(core.invoke(dsl, 'family.forChild', { childId }));
  const tables = () =>
    readStore(dir.path, (db) =>
      ['families', 'family_children', 'family_adults', 'key_contacts'].map((t) =>
        db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all(),
      ),
    );

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => NOW));
    amara = await must<Child>(core.invoke(dsl, 'children.add', sampleChild()));
    kofi = await add({ legalForename: 'Kofi', dateOfBirth: '2018-06-01' });
    ada = await add({ legalForename: 'Ada', dateOfBirth: '2013-01-20' });
    tomasz = await add({ legalForename: 'Tomasz', legalSurname: 'Nowak' });
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('starts with no family, adults or contacts', async () => {
    expect(await familyOf(amara.id)).toEqual({ families: [], adults: [], contacts: [] });
  });

  it('links two children as siblings, seen from both files', async () => {
    const seen = await must<ChildFamily>(
      core.invoke(dsl, 'family.link', {
        childId: amara.id,
        siblingId: kofi.id,
        familyId: '',
        label: ' Mother’s  household ',
      }),
    );
    expect(seen.families).toHaveLength(1);
    expect(seen.families[0]).toMatchObject({
      label: 'Mother’s household',
      siblings: [{ id: kofi.id, legalForename: 'Kofi' }],
    });
    const fromKofi = await familyOf(kofi.id);
    expect(fromKofi.families.map((f) => f.siblings.map((s) => s.id))).toEqual([[amara.id]]);

    // Ada joins the same family from Kofi's file: everyone sees everyone, oldest first.
    const familyId = seen.families[0]!.id;
    await must(
      core.invoke(dsl, 'family.link', { childId: kofi.id, siblingId: ada.id, familyId, label: '' }),
    );
    const again = await familyOf(amara.id);
    expect(again.families[0]?.siblings.map((s) => s.legalForename)).toEqual(['Ada', 'Kofi']);
    // What the family chronology reads: the repository's siblingsOf.
    const siblings = await readStore(dir.path, (db) => {
      const repo = familiesRepo(db);
      return [repo.siblingsOf(ada.id), repo.siblingsOf(tomasz.id)];
    });
    expect(siblings).toEqual([[amara.id, kofi.id].sort(), []]);
  });

  it('lets a child be in a second family (a father’s household)', async () => {
    await must(
      core.invoke(dsl, 'family.link', {
        childId: amara.id,
        siblingId: tomasz.id,
        familyId: '',
        label: 'Father’s household',
      }),
    );
    const seen = await familyOf(amara.id);
    expect(seen.families.map((f) => [f.label, f.siblings.map((s) => s.legalForename)])).toEqual([
      ['Mother’s household', ['Ada', 'Kofi']],
      ['Father’s household', ['Tomasz']],
    ]);
    // Tomasz is Amara's half-brother, not Kofi's.
    expect((await familyOf(kofi.id)).families).toHaveLength(1);
  });

  it('refuses links that make no sense and changes nothing', async () => {
    const before = await tables();
    const mothers = (await familyOf(amara.id)).families[0]!.id;
    const self = await core.invoke(dsl, 'family.link', {
      childId: amara.id,
      siblingId: amara.id,
      familyId: '',
      label: '',
    });
    expect(failure(self)).toEqual({
      code: 'invalid_input',
      fields: { siblingId: 'Choose another child: a child cannot be their own sibling.' },
    });
    const twice = await core.invoke(dsl, 'family.link', {
      childId: kofi.id,
      siblingId: amara.id,
      familyId: '',
      label: '',
    });
    expect(failure(twice)).toEqual({
      code: 'conflict',
      fields: { siblingId: 'Amara Okafor is already linked to Kofi Okafor as family.' },
    });
    const inThere = await core.invoke(dsl, 'family.link', {
      childId: amara.id,
      siblingId: kofi.id,
      familyId: mothers,
      label: '',
    });
    expect(failure(inThere).fields).toEqual({
      siblingId: 'Kofi Okafor is already in that family.',
    });
    const notTheirs = await core.invoke(dsl, 'family.link', {
      childId: tomasz.id,
      siblingId: ada.id,
      familyId: mothers,
      label: '',
    });
    expect(failure(notTheirs)).toEqual({
      code: 'not_found',
      fields: { familyId: 'Choose one of Tomasz Nowak’s families.' },
    });
    const unknown = await core.invoke(dsl, 'family.link', {
      childId: amara.id,
      siblingId: '01900000-0000-7000-8000-000000000009',
      familyId: '',
      label: '',
    });
    expect(failure(unknown).code).toBe('not_found');
    expect(await tables()).toEqual(before);
  });

  it('unlinks a child; a family left with no child goes', async () => {
    const fathers = (await familyOf(amara.id)).families[1]!.id;
    const left = await must<{ childIds: string[] }>(
      core.invoke(dsl, 'family.unlink', { familyId: fathers, childId: tomasz.id }),
    );
    expect(left.childIds).toEqual([amara.id]);
    expect((await familyOf(tomasz.id)).families).toEqual([]);
    await must(core.invoke(dsl, 'family.unlink', { familyId: fathers, childId: amara.id }));
    const rows = await readStore(dir.path, (db) =>
      db.prepare('SELECT id FROM families WHERE id = ?').all(fathers),
    );
    expect(rows).toEqual([]);
    const gone = await core.invoke(dsl, 'family.unlink', { familyId: fathers, childId: amara.id });
    expect(failure(gone).code).toBe('not_found');
  });

  it('adds adults in contact order, with parental responsibility and restrictions', async () => {
    const father = await must<FamilyAdult>(
      core.invoke(dsl, 'family.addAdult', {
        childId: amara.id,
        adult: {
          ...sampleAdult,
          name: 'Samuel Okafor',
          relationship: 'father',
          parentalResponsibility: 'yes',
          livesWithChild: 'no',
          contactRestrictions: 'No contact – court order (non-molestation), 4 Jun 2026.',
          priority: 2,
        },
      }),
    );
    const mother = await must<FamilyAdult>(
      core.invoke(dsl, 'family.addAdult', { childId: amara.id, adult: sampleAdult }),
    );
    expect(mother).toMatchObject({
      childId: amara.id,
      name: 'Grace Okafor',
      parentalResponsibility: 'yes',
      livesWithChild: 'yes',
      recordedByName: 'Dana Lead',
      recordedAt: NOW.toISOString(),
    });
    const seen = await familyOf(amara.id);
    expect(seen.adults.map((a) => a.id)).toEqual([mother.id, father.id]);
    expect(seen.adults[1]?.contactRestrictions).toContain('court order');
    const stored = await readStore(dir.path, (db) =>
      db
        .prepare('SELECT lives_with_child, parental_responsibility FROM family_adults WHERE id = ?')
        .get(father.id),
    );
    expect(stored).toEqual({ lives_with_child: 'no', parental_responsibility: 'yes' });
    // Adults are per child: Kofi's file has none yet.
    expect((await familyOf(kofi.id)).adults).toEqual([]);
  });

  it('corrects an adult’s details; bad input is refused and changes nothing', async () => {
    const [mother] = (await familyOf(amara.id)).adults;
    const updated = await must<FamilyAdult>(
      core.invoke(dsl, 'family.updateAdult', {
        id: mother!.id,
        adult: {
          ...sampleAdult,
          phone: '01632 960 123',
          parentalResponsibility: 'unknown',
          livesWithChild: 'unknown',
        },
      }),
    );
    expect(updated).toMatchObject({
      phone: '01632 960 123',
      parentalResponsibility: 'unknown',
      livesWithChild: 'unknown',
    });
    const before = await tables();
    const bad = await core.invoke(dsl, 'family.updateAdult', {
      id: mother!.id,
      adult: { ...sampleAdult, email: 'grace at example', name: '' },
    });
    expect(failure(bad)).toEqual({
      code: 'invalid_input',
      fields: {
        'adult.name': 'Enter the name.',
        'adult.email': 'Enter an email address in the correct format, like name@example.com.',
      },
    });
    const missing = await core.invoke(dsl, 'family.updateAdult', {
      id: '01900000-0000-7000-8000-000000000009',
      adult: sampleAdult,
    });
    expect(failure(missing).code).toBe('not_found');
    expect(await tables()).toEqual(before);
  });

  it('adds key contacts and ends one, keeping it as history', async () => {
    const sw = await must<KeyContact>(
      core.invoke(dsl, 'family.addContact', { childId: amara.id, contact: socialWorker }),
    );
    const vsh = await must<KeyContact>(
      core.invoke(dsl, 'family.addContact', {
        childId: amara.id,
        contact: {
          ...socialWorker,
          role: 'virtual_school_head',
          name: 'Priya Shah',
          startDate: '2026-09-01',
        },
      }),
    );
    expect((await familyOf(amara.id)).contacts.map((c) => c.id)).toEqual([vsh.id, sw.id]);
    const ended = await must<KeyContact>(
      core.invoke(dsl, 'family.endContact', { id: sw.id, endDate: '2026-11-20' }),
    );
    expect(ended).toMatchObject({ endDate: '2026-11-20', endedByName: 'Dana Lead' });
    const seen = await familyOf(amara.id);
    expect(seen.contacts.map((c) => [c.name, c.endDate])).toEqual([
      ['Priya Shah', ''],
      ['Ann Smith', '2026-11-20'],
    ]);
    const again = await core.invoke(dsl, 'family.endContact', { id: sw.id, endDate: '2026-11-21' });
    expect(failure(again).code).toBe('conflict');
  });

  it('refuses future and inverted dates for key contacts and changes nothing', async () => {
    const before = await tables();
    const future = await core.invoke(dsl, 'family.addContact', {
      childId: amara.id,
      contact: { ...socialWorker, startDate: '2026-12-01' },
    });
    expect(failure(future)).toEqual({
      code: 'invalid_input',
      fields: { 'contact.startDate': 'Start date cannot be in the future.' },
    });
    const vsh = (await familyOf(amara.id)).contacts[0]!;
    const early = await core.invoke(dsl, 'family.endContact', {
      id: vsh.id,
      endDate: '2026-08-31',
    });
    expect(failure(early).fields).toEqual({
      endDate: 'End date cannot be before the start date (1 Sep 2026).',
    });
    const ahead = await core.invoke(dsl, 'family.endContact', {
      id: vsh.id,
      endDate: '2026-11-29',
    });
    expect(failure(ahead).fields).toEqual({ endDate: 'End date cannot be in the future.' });
    expect(await tables()).toEqual(before);
  });

  it('never deletes a key contact or an adult, even behind Lantern’s back', async () => {
    await expect(
      writeStore(dir.path, (db) => db.prepare('DELETE FROM key_contacts').run()),
    ).rejects.toThrow(/history and cannot be deleted/);
    await expect(
      writeStore(dir.path, (db) => db.prepare('DELETE FROM family_adults').run()),
    ).rejects.toThrow(/not deleted/);
    await expect(
      writeStore(dir.path, (db) =>
        db
          .prepare("UPDATE key_contacts SET name = 'Someone else' WHERE end_date IS NOT NULL")
          .run(),
      ),
    ).rejects.toThrow(/only a current key contact can be ended/);
  });

  it('audits every write with the records it touched', async () => {
    const rows = await readStore(dir.path, (db) =>
      db
        .prepare(
          "SELECT method, outcome FROM audit_log WHERE method LIKE 'family.%' AND outcome = 'ok'",
        )
        .all(),
    );
    const methods = new Set((rows as { method: string }[]).map((r) => r.method));
    expect([...methods].sort()).toEqual([
      'family.addAdult',
      'family.addContact',
      'family.endContact',
      'family.forChild',
      'family.link',
      'family.unlink',
      'family.updateAdult',
    ]);
  });

  it('lets the headteacher read but not change; staff see nothing', async () => {
    const head = await signedInAs(core, dsl, 'hteach', 'headteacher');
    const read = await must<ChildFamily>(
      core.invoke(head, 'family.forChild', { childId: amara.id }),
    );
    expect(read.adults).toHaveLength(2);
    const headAdd = await core.invoke(head, 'family.addAdult', {
      childId: amara.id,
      adult: sampleAdult,
    });
    expect(failure(headAdd).code).toBe('forbidden');
    const staff = await signedInAs(core, dsl, 'steach', 'staff');
    const before = await tables();
    const calls: [keyof typeof validInputs, MethodInput<'family.link'> | object][] = [
      ['family.forChild', { childId: amara.id }],
      ['family.link', { childId: amara.id, siblingId: tomasz.id, familyId: '', label: '' }],
      ['family.addAdult', { childId: amara.id, adult: sampleAdult }],
      ['family.addContact', { childId: amara.id, contact: socialWorker }],
    ];
    for (const [method, input] of calls)
      expect(failure(await core.invoke(staff, method, input)).code, method).toBe('forbidden');
    expect(await tables()).toEqual(before);
  });
});
