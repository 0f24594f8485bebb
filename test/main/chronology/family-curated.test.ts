import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { CuratedChronology, CuratedSummary } from '../../../shared/chronology/curated';
import type { ChronologyEntry, FamilyChronologyEntry } from '../../../shared/chronology/schema';
import { noChronologyFilter } from '../../../shared/chronology/schema';
import type { Child } from '../../../shared/children/schema';
import type { MethodInput } from '../../../shared/api';
import {
  errorOf,
  fight,
  must,
  readStore,
  sampleChild,
  signedInAs,
  tempDir,
  unlockedCore,
} from '../../support/core';

let now = new Date('2026-11-28T10:00:00Z');

describe('family and curated chronologies (issue 4, item 4)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let staff: Session;
  let head: Session;
  let amira: Child;
  let brother: Child;
  let stranger: Child;

  const filter = noChronologyFilter;
  const entriesOf = (childId: string) =>
    must<ChronologyEntry[]>(core.invoke(dsl, 'chronology.forChild', { childId, filter }));
  const save = (input: Partial<MethodInput<'chronology.curated.save'>>) =>
    core.invoke(dsl, 'chronology.curated.save', {
      id: '',
      childId: amira.id,
      title: 'Chronology for the ICPC',
      purpose: 'Initial child protection conference 3 Dec 2026',
      entries: [],
      ...input,
    });

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now));
    amira = await must<Child>(core.invoke(dsl, 'children.add', sampleChild()));
    brother = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Yusuf', upn: '', dateOfBirth: '2017-02-01' }),
      ),
    );
    stranger = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Tomasz', legalSurname: 'Nowak', upn: '' }),
      ),
    );
    await must(
      core.invoke(dsl, 'family.link', {
        childId: amira.id,
        siblingId: brother.id,
        familyId: '',
        label: 'Mother’s household',
      }),
    );
    staff = await signedInAs(core, dsl, 'steacher', 'staff');
    head = await signedInAs(core, dsl, 'headt', 'headteacher');
    await must(
      core.invoke(dsl, 'designations.add', {
        childId: brother.id,
        designation: {
          kind: 'child_in_need',
          cpCategory: '',
          startDate: '2026-09-10',
          endDate: '',
          notes: 'Child in need plan after the assessment.',
        },
      }),
    );
    now = new Date('2026-11-28T10:05:00Z');
    await must(core.invoke(staff, 'concerns.submit', fight(amira.id, stranger.id)));
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('merges the child’s and siblings’ entries in date order, naming each child; a stranger’s stay out', async () => {
    const family = await must<FamilyChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forFamily', { childId: amira.id, filter }),
    );
    expect(family.map((e) => [e.childName, e.title, e.approx])).toEqual([
      ['Yusuf Okafor', 'Child in need started', false],
      ['Amara Okafor', 'Concern recorded: victim', true],
    ]);
    const fromBrother = await must<FamilyChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forFamily', { childId: brother.id, filter }),
    );
    expect(fromBrother.map((e) => e.id)).toEqual(family.map((e) => e.id));
    const alone = await must<FamilyChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forFamily', { childId: stranger.id, filter }),
    );
    expect(alone.map((e) => e.childName)).toEqual(['Tomasz Nowak']);
  });

  it('applies the filter to the family view as well', async () => {
    const family = await must<FamilyChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forFamily', {
        childId: amira.id,
        filter: { ...filter, sources: ['designation'] },
      }),
    );
    expect(family.map((e) => e.childId)).toEqual([brother.id]);
  });

  it('saves a curated version from the child’s and a sibling’s entries, in the chosen order, with analysis', async () => {
    const [concern] = await entriesOf(amira.id);
    const [plan] = await entriesOf(brother.id);
    if (!concern || !plan) throw new Error('entries missing');
    now = new Date('2026-11-28T11:00:00Z');
    const saved = await must<CuratedChronology>(
      save({
        title: '  Chronology   for the ICPC ',
        entries: [
          { entryId: plan.id, analysis: 'Sibling already on a plan: family under strain.' },
          { entryId: concern.id, analysis: '  Third physical incident this term. ' },
        ],
      }),
    );
    expect(saved).toMatchObject({
      childId: amira.id,
      title: 'Chronology for the ICPC',
      purpose: 'Initial child protection conference 3 Dec 2026',
      createdByName: 'Dana Lead',
      createdAt: '2026-11-28T11:00:00.000Z',
      updatedAt: '2026-11-28T11:00:00.000Z',
    });
    expect(saved.entries.map((e) => [e.entry.id, e.entry.childName, e.analysis])).toEqual([
      [plan.id, 'Yusuf Okafor', 'Sibling already on a plan: family under strain.'],
      [concern.id, 'Amara Okafor', 'Third physical incident this term.'],
    ]);
    expect(await must(core.invoke(dsl, 'chronology.curated.get', { id: saved.id }))).toEqual(saved);

    now = new Date('2026-11-28T12:00:00Z');
    const updated = await must<CuratedChronology>(
      save({ id: saved.id, entries: [{ entryId: concern.id, analysis: 'Only this one.' }] }),
    );
    expect(updated.entries.map((e) => e.analysis)).toEqual(['Only this one.']);
    expect(updated.createdAt).toBe('2026-11-28T11:00:00.000Z');
    expect(updated.updatedAt).toBe('2026-11-28T12:00:00.000Z');
    const list = await must<CuratedSummary[]>(
      core.invoke(dsl, 'chronology.curated.list', { childId: amira.id }),
    );
    expect(list.map((c) => [c.id, c.entryCount])).toEqual([[saved.id, 1]]);
    expect(
      await must(core.invoke(dsl, 'chronology.curated.list', { childId: brother.id })),
    ).toEqual([]);

    const audited = await readStore(dir.path, (db) =>
      db
        .prepare("SELECT record_ids FROM audit_log WHERE method = 'chronology.curated.save'")
        .pluck()
        .all(),
    );
    expect(audited).toEqual([
      JSON.stringify([amira.id, saved.id]),
      JSON.stringify([amira.id, saved.id]),
    ]);
  });

  it('refuses an entry from another child’s chronology, naming it, and saves nothing', async () => {
    const [own] = await entriesOf(amira.id);
    const [foreign] = await entriesOf(stranger.id);
    if (!own || !foreign) throw new Error('entries missing');
    const before = await must<CuratedSummary[]>(
      core.invoke(dsl, 'chronology.curated.list', { childId: amira.id }),
    );
    const error = errorOf(
      await save({
        entries: [
          { entryId: own.id, analysis: '' },
          { entryId: foreign.id, analysis: '' },
        ],
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({
      'entries.1.entryId': 'This entry is not on the chronology of this child or their siblings.',
    });
    expect(await must(core.invoke(dsl, 'chronology.curated.list', { childId: amira.id }))).toEqual(
      before,
    );
  });

  it('refuses a curated version with no title or no entries, and one moved to another child', async () => {
    const [own] = await entriesOf(amira.id);
    if (!own) throw new Error('entries missing');
    const blank = errorOf(await save({ title: '   ', entries: [] }));
    expect(blank.fields).toEqual({
      title: 'Give the curated version a title, such as “Chronology for ICPC”.',
      entries: 'Tick at least one entry to include.',
    });
    const [existing] = await must<CuratedSummary[]>(
      core.invoke(dsl, 'chronology.curated.list', { childId: amira.id }),
    );
    if (!existing) throw new Error('no curated version');
    const moved = errorOf(
      await save({
        id: existing.id,
        childId: stranger.id,
        entries: [{ entryId: (await entriesOf(stranger.id))[0]?.id ?? '', analysis: '' }],
      }),
    );
    expect(moved.code).toBe('conflict');
  });

  it('lets the headteacher read a family chronology but not curate; a teacher can do neither', async () => {
    expect(
      await core.invoke(head, 'chronology.forFamily', { childId: amira.id, filter }),
    ).toMatchObject({ ok: true });
    expect(
      errorOf(await core.invoke(head, 'chronology.curated.list', { childId: amira.id })).code,
    ).toBe('forbidden');
    expect(
      errorOf(await core.invoke(staff, 'chronology.forFamily', { childId: amira.id, filter })).code,
    ).toBe('forbidden');
    expect(
      errorOf(
        await core.invoke(staff, 'chronology.curated.save', {
          id: '',
          childId: amira.id,
          title: 'Mine',
          purpose: '',
          entries: [{ entryId: amira.id, analysis: '' }],
        }),
      ).code,
    ).toBe('forbidden');
  });
});
