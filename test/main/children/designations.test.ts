import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { MethodInput } from '../../../shared/api';
import type { Designation, DesignationBadge } from '../../../shared/children/designations';
import type { Child } from '../../../shared/children/schema';
import type { Result } from '../../../shared/result';
import {
  must,
  readStore,
  sampleChild,
  tempDir,
  unlockedCore,
  writeStore,
  signedInAs,
} from '../../support/core';

const NOW = new Date('2026-11-28T10:00:00Z');

function designation(
  over: Partial<MethodInput<'designations.add'>['designation']> = {},
): MethodInput<'designations.add'>['designation'] {
  return {
    kind: 'cp_plan',
    cpCategory: 'neglect',
    startDate: '2026-03-03',
    endDate: '',
    notes: '  Plan made at the initial conference.  ',
    ...over,
  };
}

function failure(r: Result<unknown>): { code: string; fields: Record<string, string> } {
  if (r.ok) throw new Error('expected an error');
  return { code: r.error.code, fields: r.error.fields ?? {} };
}

describe('designations on a child’s file (issue 4, item 1)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let child: Child;
  let other: Child;
  let plan: Designation;

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => NOW));
    child = await must<Child>(core.invoke(dsl, 'children.add', sampleChild()));
    other = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Tomasz', legalSurname: 'Nowak', upn: '' }),
      ),
    );
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('adds a current designation with who recorded it', async () => {
    plan = await must<Designation>(
      core.invoke(dsl, 'designations.add', { childId: child.id, designation: designation() }),
    );
    expect(plan).toMatchObject({
      childId: child.id,
      kind: 'cp_plan',
      cpCategory: 'neglect',
      startDate: '2026-03-03',
      endDate: '',
      notes: 'Plan made at the initial conference.',
      recordedByName: 'Dana Lead',
      recordedAt: NOW.toISOString(),
      endedAt: null,
    });
  });

  it('lists current designations first, then past ones, newest start first', async () => {
    const add = (over: Partial<MethodInput<'designations.add'>['designation']>) =>
      must<Designation>(
        core.invoke(dsl, 'designations.add', {
          childId: child.id,
          designation: designation({ cpCategory: '', notes: '', ...over }),
        }),
      );
    const cin = await add({
      kind: 'child_in_need',
      startDate: '2025-09-01',
      endDate: '2026-03-03',
    });
    const eal = await add({ kind: 'eal', startDate: '2024-09-04' });
    const pp = await add({ kind: 'pupil_premium', startDate: '2026-09-01' });
    const help = await add({ kind: 'early_help', startDate: '2024-01-10', endDate: '2025-06-30' });
    const list = await must<Designation[]>(
      core.invoke(dsl, 'designations.forChild', { childId: child.id }),
    );
    expect(list.map((d) => d.id)).toEqual([pp.id, plan.id, eal.id, cin.id, help.id]);
    expect(list.find((d) => d.id === cin.id)?.endedByName).toBe('Dana Lead');
    const none = await must<Designation[]>(
      core.invoke(dsl, 'designations.forChild', { childId: other.id }),
    );
    expect(none).toEqual([]);
  });

  it('refuses a second current designation of the same kind, and an overlapping past one', async () => {
    const again = await core.invoke(dsl, 'designations.add', {
      childId: child.id,
      designation: designation({ cpCategory: 'emotional', startDate: '2026-10-01' }),
    });
    expect(failure(again)).toEqual({
      code: 'conflict',
      fields: {
        'designation.kind':
          'This child already has a current child protection plan, since 3 Mar 2026. End it before adding another.',
      },
    });
    const overlapping = await core.invoke(dsl, 'designations.add', {
      childId: child.id,
      designation: designation({
        kind: 'child_in_need',
        cpCategory: '',
        startDate: '2026-01-01',
        endDate: '2026-02-01',
      }),
    });
    expect(failure(overlapping).fields).toEqual({
      'designation.startDate':
        'This overlaps the child’s child in need from 1 Sep 2025 to 3 Mar 2026. Check the dates.',
    });
    // The same kind for another child is fine.
    await must(
      core.invoke(dsl, 'designations.add', { childId: other.id, designation: designation() }),
    );
  });

  it('requires the category for a child protection plan, and only for one', async () => {
    const missing = await core.invoke(dsl, 'designations.add', {
      childId: other.id,
      designation: designation({ cpCategory: '' }),
    });
    expect(failure(missing)).toEqual({
      code: 'invalid_input',
      fields: { 'designation.cpCategory': 'Choose the category of the child protection plan.' },
    });
    const extra = await core.invoke(dsl, 'designations.add', {
      childId: other.id,
      designation: designation({ kind: 'young_carer', cpCategory: 'physical' }),
    });
    expect(failure(extra).fields).toEqual({
      'designation.cpCategory': 'Only a child protection plan has a category.',
    });
  });

  it('refuses a future start, an end before the start and notes over 2,000 characters', async () => {
    const future = await core.invoke(dsl, 'designations.add', {
      childId: other.id,
      designation: designation({ kind: 'ehcp', cpCategory: '', startDate: '2026-11-29' }),
    });
    expect(failure(future)).toEqual({
      code: 'invalid_input',
      fields: { 'designation.startDate': 'Start date cannot be in the future.' },
    });
    const backwards = await core.invoke(dsl, 'designations.add', {
      childId: other.id,
      designation: designation({
        kind: 'ehcp',
        cpCategory: '',
        startDate: '2026-05-01',
        endDate: '2026-04-30',
      }),
    });
    expect(failure(backwards).fields).toEqual({
      'designation.endDate': 'End date cannot be before the start date.',
    });
    const long = await core.invoke(dsl, 'designations.add', {
      childId: other.id,
      designation: designation({ kind: 'ehcp', cpCategory: '', notes: 'x'.repeat(2001) }),
    });
    expect(failure(long).fields).toEqual({
      'designation.notes': 'Notes must be 2,000 characters or fewer.',
    });
    const nobody = await core.invoke(dsl, 'designations.add', {
      childId: '01900000-0000-7000-8000-000000000000',
      designation: designation(),
    });
    expect(failure(nobody).code).toBe('not_found');
  });

  it('ends a current designation once, not before its start nor in the future', async () => {
    const before = await core.invoke(dsl, 'designations.end', {
      id: plan.id,
      endDate: '2026-03-02',
    });
    expect(failure(before).fields).toEqual({
      endDate: 'End date cannot be before the start date (3 Mar 2026).',
    });
    const future = await core.invoke(dsl, 'designations.end', {
      id: plan.id,
      endDate: '2026-12-01',
    });
    expect(failure(future).fields).toEqual({ endDate: 'End date cannot be in the future.' });
    const impossible = await core.invoke(dsl, 'designations.end', {
      id: plan.id,
      endDate: '2026-02-31',
    });
    expect(failure(impossible).fields).toEqual({
      endDate: 'End date must be a real date (day, month and year).',
    });
    const ended = await must<Designation>(
      core.invoke(dsl, 'designations.end', { id: plan.id, endDate: '2026-11-20' }),
    );
    expect(ended).toMatchObject({
      endDate: '2026-11-20',
      endedByName: 'Dana Lead',
      endedAt: NOW.toISOString(),
    });
    const twice = await core.invoke(dsl, 'designations.end', {
      id: plan.id,
      endDate: '2026-11-27',
    });
    expect(failure(twice).code).toBe('conflict');
    // Correcting is end + add: a new plan may start on the day the last one ended.
    await must(
      core.invoke(dsl, 'designations.add', {
        childId: child.id,
        designation: designation({ cpCategory: 'emotional', startDate: '2026-11-20' }),
      }),
    );
  });

  it('gives the register the current designations of the children asked about', async () => {
    const badges = await must<Record<string, DesignationBadge[]>>(
      core.invoke(dsl, 'designations.current', { childIds: [child.id, other.id] }),
    );
    const strip = (list: DesignationBadge[] | undefined) =>
      (list ?? []).map(({ kind, cpCategory }) => ({ kind, cpCategory }));
    expect(strip(badges[child.id])).toEqual([
      { kind: 'cp_plan', cpCategory: 'emotional' },
      { kind: 'pupil_premium', cpCategory: '' },
      { kind: 'eal', cpCategory: '' },
    ]);
    expect(strip(badges[other.id])).toEqual([{ kind: 'cp_plan', cpCategory: 'neglect' }]);
    expect(badges[child.id]?.map((b) => b.id)).not.toContain(plan.id);
  });

  it('refuses staff and governors', async () => {
    const staff = await signedInAs(core, dsl, 'steacher', 'staff');
    const governor = await signedInAs(core, dsl, 'ggov', 'governor');
    for (const session of [staff, governor]) {
      for (const r of [
        await core.invoke(session, 'designations.forChild', { childId: child.id }),
        await core.invoke(session, 'designations.current', { childIds: [child.id] }),
        await core.invoke(session, 'designations.add', {
          childId: child.id,
          designation: designation({ kind: 'eal', cpCategory: '' }),
        }),
        await core.invoke(session, 'designations.end', { id: plan.id, endDate: '2026-11-27' }),
      ])
        expect(failure(r).code).toBe('forbidden');
    }
  });

  it('audits each call with the child and the designation', async () => {
    const rows = (await readStore(dir.path, (db) =>
      db
        .prepare(
          `SELECT method, record_ids FROM audit_log
           WHERE method LIKE 'designations.%' AND outcome = 'ok' ORDER BY seq`,
        )
        .all(),
    )) as { method: string; record_ids: string }[];
    const ids = (method: string) =>
      rows.filter((r) => r.method === method).map((r) => JSON.parse(r.record_ids) as string[]);
    expect(ids('designations.add')[0]).toEqual([child.id, plan.id]);
    expect(ids('designations.end')[0]).toEqual([child.id, plan.id]);
    expect(ids('designations.forChild')[0]).toEqual(expect.arrayContaining([child.id, plan.id]));
    const current = ids('designations.current')[0] ?? [];
    expect(current).toEqual(expect.arrayContaining([child.id, other.id]));
    expect(current).toHaveLength(6);
  });

  it('keeps designations as history, even against raw SQL', async () => {
    const attempts = await writeStore(dir.path, (db) =>
      [
        `DELETE FROM designations WHERE id = '${plan.id}'`,
        `UPDATE designations SET end_date = '2026-11-21' WHERE id = '${plan.id}'`,
        `UPDATE designations SET kind = 'eal' WHERE child_id = '${other.id}'`,
      ].map((sql) => {
        try {
          db.exec(sql);
          return 'allowed';
        } catch {
          return 'refused';
        }
      }),
    );
    expect(attempts).toEqual(['refused', 'refused', 'refused']);
  });
});
