import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { ChronologyEntry, ChronologyFilter } from '../../../shared/chronology/schema';
import { noChronologyFilter } from '../../../shared/chronology/schema';
import type { Child } from '../../../shared/children/schema';
import type { Concern } from '../../../shared/concerns/schema';
import type { Designation } from '../../../shared/children/designations';
import type { Result } from '../../../shared/result';
import {
  addTwoChildren,
  fight,
  must,
  signedInAs,
  tempDir,
  unlockedCore,
  writeStore,
} from '../../support/core';

let now = new Date('2026-11-28T10:00:00Z');

function failure(r: Result<unknown>): { code: string; fields: Record<string, string> } {
  if (r.ok) throw new Error('expected an error');
  return { code: r.error.code, fields: r.error.fields ?? {} };
}

describe('the chronology (issue 4, item 4)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let staff: Session;
  let head: Session;
  let victim: Child;
  let perpetrator: Child;
  let concern: Concern;
  let plan: Designation;

  const entriesOf = (childId: string, filter: Partial<ChronologyFilter> = {}) =>
    must<ChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forChild', {
        childId,
        filter: { ...noChronologyFilter, ...filter },
      }),
    );

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now));
    [victim, perpetrator] = await addTwoChildren(core, dsl);
    staff = await signedInAs(core, dsl, 'steacher', 'staff');
    head = await signedInAs(core, dsl, 'headt', 'headteacher');
    plan = await must<Designation>(
      core.invoke(dsl, 'designations.add', {
        childId: victim.id,
        designation: {
          kind: 'cp_plan',
          cpCategory: 'neglect',
          startDate: '2026-03-03',
          endDate: '',
          notes: 'Plan made at the initial conference.',
        },
      }),
    );
    now = new Date('2026-11-28T10:05:00Z');
    concern = await must<Concern>(
      core.invoke(staff, 'concerns.submit', fight(victim.id, perpetrator.id)),
    );
    now = new Date('2026-11-28T15:30:00Z');
    await must(
      core.invoke(staff, 'concerns.addAddendum', {
        concernId: concern.id,
        reason: 'I named the wrong playground.',
        text: 'It was the bottom playground, not the top.',
      }),
    );
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('derives entries from designations, concerns and corrections, oldest first, each linked to its source', async () => {
    const entries = await entriesOf(victim.id);
    expect(entries.map((e) => [e.source, e.occurredAt, e.title])).toEqual([
      ['designation', '2026-03-03', 'Child protection plan (neglect) started'],
      ['concern', '2026-11-27T12:40', 'Concern recorded: victim'],
      ['addendum', '2026-11-28T15:30', 'Correction added to a concern'],
    ]);
    expect(entries[0]).toMatchObject({
      sourceId: plan.id,
      concernId: null,
      categories: ['neglect'],
    });
    expect(entries[1]).toMatchObject({
      sourceId: concern.id,
      concernId: concern.id,
      role: 'victim',
      recordedByName: 'Test steacher',
      detail: 'Saw one pupil punch another twice on the arm during lunch.',
      categories: ['physical', 'peer_physical'],
      significant: false,
      headline: '',
    });
    expect(entries[2]?.detail).toBe(
      'It was the bottom playground, not the top. (Reason: I named the wrong playground.)',
    );
  });

  it('titles each child’s entry for that child’s role in a multi-child incident', async () => {
    const entries = await entriesOf(perpetrator.id);
    expect(entries.map((e) => e.title)).toEqual([
      'Concern recorded: alleged perpetrator',
      'Correction added to a concern',
    ]);
  });

  it('writes an entry when a designation ends, dated the end date', async () => {
    now = new Date('2026-11-28T16:00:00Z');
    await must(core.invoke(dsl, 'designations.end', { id: plan.id, endDate: '2026-11-20' }));
    const entries = await entriesOf(victim.id, { sources: ['designation_end'] });
    expect(entries.map((e) => [e.occurredAt, e.title])).toEqual([
      ['2026-11-20', 'Child protection plan (neglect) ended'],
    ]);
  });

  it('filters by dates, categories and source', async () => {
    expect((await entriesOf(victim.id, { from: '2026-11-01' })).map((e) => e.source)).toEqual([
      'designation_end',
      'concern',
      'addendum',
    ]);
    expect((await entriesOf(victim.id, { to: '2026-11-27' })).map((e) => e.source)).toEqual([
      'designation',
      'designation_end',
      'concern',
    ]);
    expect(
      (await entriesOf(victim.id, { categories: ['peer_physical'] })).map((e) => e.source),
    ).toEqual(['concern']);
    expect(
      (await entriesOf(victim.id, { categories: ['neglect', 'physical'] })).map((e) => e.source),
    ).toEqual(['designation', 'designation_end', 'concern']);
  });

  it('refuses a date range that ends before it starts, naming the field', async () => {
    const r = await core.invoke(dsl, 'chronology.forChild', {
      childId: victim.id,
      filter: { ...noChronologyFilter, from: '2026-11-02', to: '2026-11-01' },
    });
    expect(failure(r)).toEqual({
      code: 'invalid_input',
      fields: { 'filter.to': 'The end date cannot be before the start date.' },
    });
  });

  it('flags a significant event with a headline, which then filters; nothing else changes', async () => {
    const [, entry] = await entriesOf(victim.id);
    if (!entry) throw new Error('no entry');
    const marked = await must<ChronologyEntry>(
      core.invoke(dsl, 'chronology.mark', {
        entryId: entry.id,
        significant: true,
        headline: '  Punched at lunch;   threat   repeated ',
      }),
    );
    expect(marked).toEqual({
      ...entry,
      significant: true,
      headline: 'Punched at lunch; threat repeated',
    });
    expect((await entriesOf(victim.id, { significantOnly: true })).map((e) => e.id)).toEqual([
      entry.id,
    ]);
  });

  it('will not flag an entry as significant without a headline, and changes nothing', async () => {
    const [first] = await entriesOf(victim.id);
    if (!first) throw new Error('no entry');
    const r = await core.invoke(dsl, 'chronology.mark', {
      entryId: first.id,
      significant: true,
      headline: '   ',
    });
    expect(failure(r).fields).toHaveProperty('headline');
    expect((await entriesOf(victim.id))[0]).toEqual(first);
  });

  it('lets the headteacher read the chronology but not mark it; a teacher can do neither', async () => {
    const filter = noChronologyFilter;
    expect(
      await core.invoke(head, 'chronology.forChild', { childId: victim.id, filter }),
    ).toMatchObject({ ok: true });
    const [entry] = await entriesOf(victim.id);
    if (!entry) throw new Error('no entry');
    const mark = { entryId: entry.id, significant: false, headline: '' };
    expect(failure(await core.invoke(head, 'chronology.mark', mark)).code).toBe('forbidden');
    expect(
      failure(await core.invoke(staff, 'chronology.forChild', { childId: victim.id, filter })).code,
    ).toBe('forbidden');
  });

  it('refuses, in the database itself, any change to an entry other than its marks', async () => {
    await writeStore(dir.path, (db) => {
      expect(() => db.prepare("UPDATE chronology_entries SET detail = 'changed'").run()).toThrow(
        /only the significant flag and headline can change/,
      );
      expect(() => db.prepare('DELETE FROM chronology_entries').run()).toThrow(/cannot be deleted/);
    });
  });
});
