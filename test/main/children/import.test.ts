import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type {
  ImportMapping,
  ImportPreview,
  ImportResult,
  SavedImportMapping,
} from '../../../shared/children/import';
import { blankMapping, MAX_IMPORT_CSV_CHARS } from '../../../shared/children/import';
import type { ChildFamily, FamilyAdult } from '../../../shared/children/family';
import type { Child, ChildSummary } from '../../../shared/children/schema';
import { upnCheckLetter } from '../../../shared/children/upn';
import { errorOf, readStore, sampleChild, tempDir, unlockedCore, value } from '../../support/core';
import { misFixture } from '../../support/mis';
import { sampleAdult } from '../../support/samples';

type ChildRow = {
  upn: string;
  updated_at: string;
  leaving_date: string | null;
  year_group: string;
};

/** Every table an import may write, row by row, in a stable order. */
const SNAPSHOT = {
  children: 'SELECT * FROM children ORDER BY id',
  families: 'SELECT * FROM families ORDER BY id',
  family_children: 'SELECT * FROM family_children ORDER BY family_id, child_id',
  family_adults: 'SELECT * FROM family_adults ORDER BY id',
  import_mappings: 'SELECT * FROM import_mappings ORDER BY name',
};

describe('importing the register from a MIS export, through the router and a real store', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: LanternCore;
  let session: Session;
  // 28 Nov 2026, 10:00 in London; a later call can move the clock on.
  let now = new Date('2026-11-28T10:00:00Z');
  const clock = () => now;

  beforeEach(async () => {
    now = new Date('2026-11-28T10:00:00Z');
    dir = tempDir();
    ({ core, session } = await unlockedCore(dir.path, clock));
  });
  afterEach(() => {
    core.close();
    dir.remove();
  });

  const call = (method: string, input: unknown) => core.invoke(session, method, input);
  const preview = async (csv: string, mapping: ImportMapping | null = null) =>
    value<ImportPreview>(await call('children.importPreview', { csv, mapping }));
  const apply = (csv: string, mapping: ImportMapping | null = null, saveMappingAs = '') =>
    call('children.importApply', { csv, mapping, saveMappingAs });
  const children = () =>
    readStore(
      dir.path,
      (db) =>
        db
          .prepare('SELECT upn, updated_at, leaving_date, year_group FROM children ORDER BY upn')
          .all() as ChildRow[],
    );
  const lastAudit = () =>
    readStore(dir.path, (db) =>
      db
        .prepare(
          'SELECT method, outcome, error_code, record_ids FROM audit_log ORDER BY seq DESC LIMIT 1',
        )
        .get(),
    );
  const list = async (includeLeavers: boolean) =>
    value<{ items: ChildSummary[]; total: number }>(
      await call('children.list', { query: '', includeLeavers, limit: 50, offset: 0 }),
    );
  const snapshot = () =>
    readStore(dir.path, (db) =>
      Object.fromEntries(
        Object.entries(SNAPSHOT).map(([table, sql]) => [table, db.prepare(sql).all()]),
      ),
    );
  const childByUpn = async (upn: string) => {
    const list = value<{ items: ChildSummary[] }>(
      await call('children.list', { query: upn, includeLeavers: true, limit: 5, offset: 0 }),
    );
    const found = list.items.find((c) => c.upn === upn);
    if (!found) throw new Error(`${upn} is not on the register`);
    return found;
  };
  const familyOf = async (upn: string) =>
    value<ChildFamily>(await call('family.forChild', { childId: (await childByUpn(upn)).id }));
  const siblingNames = (family: ChildFamily) =>
    family.families.map((f) => f.siblings.map((s) => s.legalForename));

  it('previews the SIMS export against the register without changing it', async () => {
    const amara = value<Child>(await call('children.add', sampleChild({ yearGroup: '4' })));
    const before = await children();
    const p = await preview(misFixture('sims.csv'));
    expect(p.headers).toEqual([
      'UPN',
      'Legal Surname',
      'Legal Forename',
      'Preferred Surname',
      'Preferred Forename',
      'DOB',
      'Gender',
      'Year',
      'Admission Date',
      'Leaving Date',
    ]);
    expect(p.detectedPreset).toMatchObject({ kind: 'preset', id: 'sims' });
    expect(p.counts).toEqual({ new: 3, update: 1, unchanged: 0, leaver: 1, error: 0 });
    expect(p.totalRows).toBe(5);
    expect(p.rows[0]).toEqual({
      line: 2,
      upn: 'B801200005001',
      name: 'Amara Okafor',
      outcome: 'update',
      leavingDate: '',
      changes: [
        { field: 'preferredForename', before: '', after: 'Ami' },
        { field: 'preferredSurname', before: '', after: 'Okafor' },
        { field: 'yearGroup', before: '4', after: '5' },
      ],
      problems: [],
      family: [],
      warnings: [],
    });
    expect(await children()).toEqual(before);
    // The preview showed Amara's stored details, so the audit row names her.
    expect(await lastAudit()).toEqual({
      method: 'children.importPreview',
      outcome: 'ok',
      error_code: null,
      record_ids: JSON.stringify([amara.id]),
    });
  });

  it('imports, then re-importing the same file changes nothing', async () => {
    value(await call('children.add', sampleChild({ yearGroup: '4' })));
    const result = value<ImportResult>(await apply(misFixture('sims.csv')));
    expect(result).toEqual({
      added: 3,
      updated: 1,
      unchanged: 0,
      leavers: 1,
      adultsAdded: 0,
      adultsUpdated: 0,
      siblingsLinked: 0,
    });
    const first = await children();
    expect(first.map((c) => [c.upn, c.year_group, c.leaving_date])).toEqual([
      ['A878200016001', '4', null],
      ['B801200005001', '5', null],
      ['D878200016003', '6', '2026-07-17'],
      ['P878200016002', '5', null],
      ['Z87820001601A', 'R', null],
    ]);
    const imported = await lastAudit();
    expect(imported).toMatchObject({ method: 'children.importApply', outcome: 'ok' });
    expect(JSON.parse((imported as { record_ids: string }).record_ids)).toHaveLength(5);

    now = new Date('2026-11-28T11:00:00Z');
    const p = await preview(misFixture('sims.csv'));
    expect(p.counts).toEqual({ new: 0, update: 0, unchanged: 5, leaver: 0, error: 0 });
    const again = value<ImportResult>(await apply(misFixture('sims.csv')));
    expect(again).toEqual({
      added: 0,
      updated: 0,
      unchanged: 5,
      leavers: 0,
      adultsAdded: 0,
      adultsUpdated: 0,
      siblingsLinked: 0,
    });
    expect(await children()).toEqual(first);
    expect(await lastAudit()).toEqual({
      method: 'children.importApply',
      outcome: 'ok',
      error_code: null,
      record_ids: '[]',
    });
  });

  it('detects updates field by field and writes only the pupils that changed', async () => {
    value(await apply(misFixture('sims.csv')));
    const before = await children();
    now = new Date('2026-11-29T09:00:00Z');
    const changed = misFixture('sims.csv')
      .replace('Nowak,Zofia,,,30/11/2020,F,Reception', 'Nowak,Zofia,,Zosia,30/11/2020,F,Year 1')
      .replace('4/7/2017,Female', '5/7/2017,Female');
    const p = await preview(changed);
    expect(p.counts).toMatchObject({ update: 2, unchanged: 3 });
    expect(p.rows.filter((r) => r.outcome === 'update').map((r) => [r.upn, r.changes])).toEqual([
      ['A878200016001', [{ field: 'dateOfBirth', before: '2017-07-04', after: '2017-07-05' }]],
      [
        'Z87820001601A',
        [
          { field: 'preferredForename', before: '', after: 'Zosia' },
          { field: 'yearGroup', before: 'R', after: '1' },
        ],
      ],
    ]);
    expect(value<ImportResult>(await apply(changed))).toEqual({
      added: 0,
      updated: 2,
      unchanged: 3,
      leavers: 0,
      adultsAdded: 0,
      adultsUpdated: 0,
      siblingsLinked: 0,
    });
    const after = await children();
    const stamp = (rows: ChildRow[]) => Object.fromEntries(rows.map((r) => [r.upn, r.updated_at]));
    expect(stamp(after)).toEqual({
      ...stamp(before),
      A878200016001: '2026-11-29T09:00:00.000Z',
      Z87820001601A: '2026-11-29T09:00:00.000Z',
    });
  });

  it('marks leavers and never deletes them; pupils missing from a file are left alone', async () => {
    value(await apply(misFixture('sims.csv')));
    // Amara leaves at the end of the summer term; the next export lists only her.
    const leaving = [
      'UPN,Legal Surname,Legal Forename,DOB,Year,Leaving Date',
      'B801200005001,Okafor,Amara,14/03/2016,Year 5,20/07/2026',
    ].join('\r\n');
    const p = await preview(leaving);
    expect(p.rows[0]).toMatchObject({
      outcome: 'leaver',
      changes: [{ field: 'leavingDate', before: '', after: '2026-07-20' }],
    });
    expect(value<ImportResult>(await apply(leaving))).toEqual({
      added: 0,
      updated: 0,
      unchanged: 0,
      leavers: 1,
      adultsAdded: 0,
      adultsUpdated: 0,
      siblingsLinked: 0,
    });
    expect(await children()).toHaveLength(5);
    const onRoll = await list(false);
    expect(onRoll.items.map((c) => c.upn).sort()).toEqual([
      'A878200016001',
      'P878200016002',
      'Z87820001601A',
    ]);
    const everyone = await list(true);
    expect(everyone.total).toBe(5);
    const amara = everyone.items.find((c) => c.upn === 'B801200005001');
    expect(amara?.leavingDate).toBe('2026-07-20');
    expect(value<Child>(await call('children.get', { id: amara?.id })).leavingDate).toBe(
      '2026-07-20',
    );
    // Names the file left out kept what they had (preferred names, gender, admission date).
    expect(value<Child>(await call('children.get', { id: amara?.id }))).toMatchObject({
      preferredForename: 'Ami',
      gender: 'female',
      admissionDate: '2020-09-02',
    });
  });

  it('keeps a pupil with a leaving date still ahead on roll until then', async () => {
    value(await call('children.add', sampleChild({ leavingDate: '2026-12-18' })));
    expect((await list(false)).items[0]?.leavingDate).toBe('2026-12-18');
    value(await call('children.add', sampleChild({ upn: '', leavingDate: '2026-11-27' })));
    expect((await list(false)).total).toBe(1);
    expect((await list(true)).total).toBe(2);
  });

  it('refuses the whole file when any row has problems, naming the lines (all or nothing)', async () => {
    value(await call('children.add', sampleChild()));
    const before = await children();
    const p = await preview(misFixture('bromcom.csv'));
    expect(p.counts).toEqual({ new: 3, update: 0, unchanged: 0, leaver: 1, error: 1 });
    expect(p.rows[0]).toMatchObject({ line: 4, outcome: 'error' });
    const refused = errorOf(await apply(misFixture('bromcom.csv')));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toBe(
      'Nothing was imported: 1 row needs correcting (line 4). Correct them in your MIS, export the file again and import that.',
    );
    expect(await children()).toEqual(before);
    expect(await lastAudit()).toEqual({
      method: 'children.importApply',
      outcome: 'failed',
      error_code: 'invalid_input',
      record_ids: '[]',
    });
    const arbor = errorOf(await apply(misFixture('arbor.csv')));
    expect(arbor.message).toMatch(/\(line 5\)/);
    expect(await children()).toEqual(before);
  });

  it('saves a column mapping with an import and recognises the next file by it', async () => {
    const csv = [
      'Pupil ref,Given,Family,Born,Class year,Sex',
      'B801200005001,Amara,Okafor,14/03/2016,Y5,F',
    ].join('\n');
    const unknown = await preview(csv);
    expect(unknown.detectedPreset).toBeNull();
    expect(unknown.mappingProblems).toMatchObject({ upn: expect.stringMatching(/UPN/) });
    expect(unknown.rows).toEqual([]);
    expect(errorOf(await apply(csv)).message).toMatch(/^Nothing was imported\. Choose the column/);

    const mapping: ImportMapping = {
      ...blankMapping,
      upn: 'Pupil ref',
      legalForename: 'Given',
      legalSurname: 'Family',
      dateOfBirth: 'Born',
      yearGroup: 'Class year',
      gender: 'Sex',
    };
    const bad = errorOf(await apply(csv, mapping, 'x'.repeat(61)));
    expect(bad.fields?.saveMappingAs).toMatch(/60 characters/);
    expect(value<ImportResult>(await apply(csv, mapping, '  Our   census report '))).toMatchObject({
      added: 1,
    });
    const saved = value<SavedImportMapping[]>(await call('children.importMappings', {}));
    expect(saved).toEqual([
      { name: 'Our census report', mapping, updatedAt: '2026-11-28T10:00:00.000Z' },
    ]);

    // Next term's file: same columns (one in a different case), one more pupil.
    const next = [
      'PUPIL REF,Given,Family,Born,Class year,Sex,Tutor',
      'B801200005001,Amara,Okafor,14/03/2016,Y6,F,MR',
      `${upnCheckLetter('878200016008')}878200016008,Ruby,Taylor,03/04/2016,Y6,F,MR`,
    ].join('\n');
    const recognised = await preview(next);
    expect(recognised.detectedPreset).toEqual({ kind: 'saved', name: 'Our census report' });
    expect(recognised.mapping.upn).toBe('PUPIL REF');
    expect(recognised.counts).toMatchObject({ new: 1, update: 1 });
    now = new Date('2026-11-30T10:00:00Z');
    expect(value<ImportResult>(await apply(next, null, 'Our census report'))).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
      leavers: 0,
      adultsAdded: 0,
      adultsUpdated: 0,
      siblingsLinked: 0,
    });
    // Saving the same mapping again under its name changes nothing.
    const resaved = value<SavedImportMapping[]>(await call('children.importMappings', {}));
    expect(resaved[0]?.updatedAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('accepts an export well over the usual payload limit, and refuses one over 5 million characters', async () => {
    const header = 'UPN,Legal Surname,Legal Forename,DOB,Year';
    const rows = Array.from({ length: 6_000 }, (_, i) => {
      const body = `8782000${String(20_000 + i).slice(-5)}`;
      return `${upnCheckLetter(body)}${body},"Surname-${i}, with a comma",Forename,14/03/2016,Year 5`;
    });
    const csv = [header, ...rows].join('\r\n');
    expect(csv.length).toBeGreaterThan(256 * 1024);
    const p = await preview(csv);
    expect(p.counts.new).toBe(6_000);
    expect(p.rows).toHaveLength(2_000);
    const started = performance.now();
    expect(value<ImportResult>(await apply(csv))).toMatchObject({ added: 6_000 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await list(false)).total).toBe(6_000);

    const huge = errorOf(
      await call('children.importPreview', {
        csv: 'x'.repeat(MAX_IMPORT_CSV_CHARS + 1),
        mapping: null,
      }),
    );
    expect(huge.code).toBe('invalid_input');
    expect(huge.fields?.csv).toMatch(/too large/);
    // An import's own limit still holds before parsing: JSON writes each control character
    // as six, so two million of them make a payload of twelve million characters.
    const escaped = errorOf(
      await call('children.importPreview', { csv: '\u0001'.repeat(2_000_000), mapping: null }),
    );
    expect(escaped.message).toBe('That request is too large.');
    // Other methods keep the 256 KiB limit.
    const big = errorOf(
      await call('children.add', { ...sampleChild(), legalSurname: 'x'.repeat(300_000) }),
    );
    expect(big.message).toBe('That request is too large.');
  });

  it('keeps names and content out of the audit log', async () => {
    value(await apply(misFixture('sims.csv'), null, 'SIMS'));
    const dump = await readStore(dir.path, (db) =>
      JSON.stringify(db.prepare('SELECT * FROM audit_log').all()),
    );
    for (const secret of ['Okafor', 'Siobhán', 'Nowak', '2016-03-14', 'B801200005001', 'SIMS']) {
      expect(dump).not.toContain(secret);
    }
  });

  it('adds each pupil’s adults with parental responsibility and contact details, and links siblings', async () => {
    const result = value<ImportResult>(await apply(misFixture('sims-contacts.csv')));
    expect(result).toEqual({
      added: 6,
      updated: 0,
      unchanged: 0,
      leavers: 1,
      adultsAdded: 11,
      adultsUpdated: 0,
      siblingsLinked: 4,
    });
    const audit = (await lastAudit()) as { record_ids: string };
    // 7 pupils, 11 adults and 2 families.
    expect(JSON.parse(audit.record_ids)).toHaveLength(20);

    const amara = await familyOf('B801200005001');
    expect(
      amara.adults.map((a) => [
        a.name,
        a.relationship,
        a.parentalResponsibility,
        a.phone,
        a.email,
        a.address,
        a.priority,
        a.livesWithChild,
        a.recordedByName,
      ]),
    ).toEqual([
      [
        'Grace Okafor',
        'mother',
        'yes',
        '07700 900123',
        'grace.okafor@example.org',
        '12 Elm Road, Leeds, LS6 2AB',
        1,
        'unknown',
        'Dana Lead',
      ],
      ['Daniel Okafor', 'father', 'yes', '07700 900456', '', '', 2, 'unknown', 'Dana Lead'],
    ]);
    expect(siblingNames(amara)).toEqual([['Chidi']]);
    expect(siblingNames(await familyOf('N878200016011'))).toEqual([['Zofia']]);
    expect(siblingNames(await familyOf('A878200016001'))).toEqual([]);

    // A contact without parental responsibility, and relationships Lantern has no word for.
    const siobhan = await familyOf('A878200016001');
    expect(siobhan.adults[1]).toMatchObject({
      name: 'Sean Walsh',
      relationship: 'step_parent',
      parentalResponsibility: 'no',
    });
    const owen = await familyOf('D878200016003');
    expect(owen.adults).toMatchObject([
      { name: 'Tracy Hughes', relationship: 'other', relationshipDetail: 'Carer' },
    ]);

    const stored = await snapshot();
    expect(stored.families).toHaveLength(2);
    expect(stored.family_adults).toHaveLength(11);
    // The export never says who the child lives with, so no imported adult claims an answer.
    expect(
      new Set(
        (stored.family_adults as { lives_with_child: string }[]).map((a) => a.lives_with_child),
      ),
    ).toEqual(new Set(['unknown']));
  });

  it('never overwrites whether the child lives with an adult once a person has recorded it', async () => {
    value<ImportResult>(await apply(misFixture('sims-contacts.csv')));
    const daniel = (await familyOf('B801200005001')).adults.find((a) => a.name === 'Daniel Okafor');
    if (!daniel) throw new Error('Daniel Okafor was not imported');
    // A person who knows the family answers the question the export left open.
    value<FamilyAdult>(
      await call('family.updateAdult', {
        id: daniel.id,
        adult: {
          name: daniel.name,
          relationship: daniel.relationship,
          relationshipDetail: daniel.relationshipDetail,
          parentalResponsibility: daniel.parentalResponsibility,
          livesWithChild: 'no',
          phone: daniel.phone,
          email: daniel.email,
          address: daniel.address,
          contactRestrictions: daniel.contactRestrictions,
          notes: daniel.notes,
          priority: daniel.priority,
        },
      }),
    );
    const recorded = await snapshot();

    now = new Date('2026-11-29T09:00:00Z');
    expect(value<ImportResult>(await apply(misFixture('sims-contacts.csv')))).toMatchObject({
      unchanged: 7,
      adultsAdded: 0,
      adultsUpdated: 0,
    });
    expect(await snapshot()).toEqual(recorded);

    // A changed phone number updates Daniel on both children's files and leaves the answer be.
    const changed = misFixture('sims-contacts.csv').replaceAll('07700 900456', '07700 900457');
    expect(value<ImportResult>(await apply(changed))).toMatchObject({ adultsUpdated: 2 });
    const livesWith = async (upn: string) =>
      (await familyOf(upn)).adults
        .filter((a) => a.name === 'Daniel Okafor')
        .map((a) => [a.phone, a.livesWithChild]);
    expect(await livesWith('B801200005001')).toEqual([['07700 900457', 'no']]);
    expect(await livesWith('Z878200016010')).toEqual([['07700 900457', 'unknown']]);
  });

  it('importing the same file again changes no row of any table', async () => {
    value<ImportResult>(await apply(misFixture('sims-contacts.csv'), null, 'SIMS with contacts'));
    const first = await snapshot();
    now = new Date('2026-11-28T11:00:00Z');
    const p = await preview(misFixture('sims-contacts.csv'));
    expect(p.counts).toMatchObject({ unchanged: 7, new: 0, update: 0 });
    expect(p.rows.flatMap((r) => r.family).filter((f) => !f.startsWith('Siblings'))).toEqual([]);
    expect(
      value<ImportResult>(await apply(misFixture('sims-contacts.csv'), null, 'SIMS with contacts')),
    ).toEqual({
      added: 0,
      updated: 0,
      unchanged: 7,
      leavers: 0,
      adultsAdded: 0,
      adultsUpdated: 0,
      siblingsLinked: 0,
    });
    expect(await snapshot()).toEqual(first);
    expect(await lastAudit()).toEqual({
      method: 'children.importApply',
      outcome: 'ok',
      error_code: null,
      record_ids: '[]',
    });
  });

  it('updates a changed phone number on the adult it belongs to, and nothing else', async () => {
    value<ImportResult>(await apply(misFixture('sims-contacts.csv')));
    const before = await snapshot();
    now = new Date('2026-11-29T09:00:00Z');
    const changed = misFixture('sims-contacts.csv').replaceAll('07700 900123', '07700 900999');
    const p = await preview(changed);
    const amaraRow = p.rows.find((r) => r.upn === 'B801200005001');
    expect(amaraRow?.outcome).toBe('unchanged');
    expect(amaraRow?.family).toContain('Update Grace Okafor (Mother): phone');
    expect(value<ImportResult>(await apply(changed))).toMatchObject({
      unchanged: 7,
      adultsUpdated: 2,
      adultsAdded: 0,
    });

    const after = await snapshot();
    const graces = (after.family_adults as { name: string; phone: string; updated_at: string }[])
      .filter((a) => a.name === 'Grace Okafor')
      .map((a) => [a.phone, a.updated_at]);
    expect(graces).toEqual([
      ['07700 900999', '2026-11-29T09:00:00.000Z'],
      ['07700 900999', '2026-11-29T09:00:00.000Z'],
    ]);
    // Every other row as it was; the siblings are still tied by Grace's email.
    const others = (s: typeof after) =>
      (s.family_adults as { name: string }[]).filter((a) => a.name !== 'Grace Okafor');
    expect(others(after)).toEqual(others(before));
    for (const table of ['children', 'families', 'family_children'] as const)
      expect(after[table]).toEqual(before[table]);
  });

  it('reports an invalid email in the preview and still imports the pupil and the rest of the contact', async () => {
    const p = await preview(misFixture('sims-contacts.csv'));
    const zofia = p.rows.find((r) => r.upn === 'Z87820001601A');
    expect(zofia).toMatchObject({ outcome: 'new', problems: [] });
    expect(zofia?.warnings.map((w) => w.message)).toEqual([
      'Contact 1 Email “kasia.nowak@example”: Not an email address, so it was not imported.',
    ]);
    value<ImportResult>(await apply(misFixture('sims-contacts.csv')));
    const family = await familyOf('Z87820001601A');
    expect(family.adults).toMatchObject([
      { name: 'Kasia Nowak', phone: '07700 900654', email: '', parentalResponsibility: 'yes' },
    ]);
  });

  it('reuses the family a pupil is already in, and never removes adults missing from the file', async () => {
    // Amara was on the register, in a family with a sister who has since left the school's MIS.
    const amara = value<Child>(await call('children.add', sampleChild()));
    const ada = value<Child>(
      await call(
        'children.add',
        sampleChild({ upn: '', legalForename: 'Ada', dateOfBirth: '2012-05-01' }),
      ),
    );
    value(
      await call('family.link', { childId: amara.id, siblingId: ada.id, familyId: '', label: '' }),
    );
    const neighbour = value<FamilyAdult>(
      await call('family.addAdult', {
        childId: amara.id,
        adult: {
          ...sampleAdult,
          name: 'Pat Jones',
          relationship: 'other',
          relationshipDetail: 'Neighbour',
          livesWithChild: 'no',
          priority: 3,
        },
      }),
    );
    // Grace was recorded by hand, with a different phone and more detail than the MIS has.
    const grace = value<FamilyAdult>(
      await call('family.addAdult', {
        childId: amara.id,
        adult: { ...sampleAdult, name: 'grace okafor', notes: 'Prefers texts.' },
      }),
    );

    const p = await preview(misFixture('sims-contacts.csv'));
    expect(p.rows.find((r) => r.upn === amara.upn)?.family).toEqual([
      'Update grace okafor (Mother): phone, email, address',
      'Add Daniel Okafor (Father, has parental responsibility)',
      'Kept on the file (not in this export): Pat Jones, Other (Neighbour)',
      'Siblings in this file: Chidi Okafor (line 3)',
    ]);
    const result = value<ImportResult>(await apply(misFixture('sims-contacts.csv')));
    expect(result).toMatchObject({ added: 5, updated: 1, adultsAdded: 10, adultsUpdated: 1 });
    const family = await familyOf('B801200005001');
    expect(siblingNames(family)).toEqual([['Ada', 'Chidi']]);
    expect(
      family.adults.map((a) => [
        a.id === grace.id,
        a.name,
        a.phone,
        a.email,
        a.notes,
        a.livesWithChild,
      ]),
    ).toEqual([
      [true, 'grace okafor', '07700 900123', 'grace.okafor@example.org', 'Prefers texts.', 'yes'],
      [false, 'Daniel Okafor', '07700 900456', '', '', 'unknown'],
      [false, 'Pat Jones', sampleAdult.phone, sampleAdult.email, '', 'no'],
    ]);
    expect(family.adults.find((a) => a.id === neighbour.id)).toBeDefined();
    expect((await snapshot()).families).toHaveLength(2);
  });

  it('puts pupils with the same household id in one family (Arbor)', async () => {
    const result = value<ImportResult>(await apply(misFixture('arbor-contacts.csv')));
    expect(result).toMatchObject({ added: 5, adultsAdded: 10, siblingsLinked: 3 });
    expect(siblingNames(await familyOf('C878200016012'))).toEqual([['Noah', 'Lily']]);
    expect(siblingNames(await familyOf('V878200016015'))).toEqual([]);
    const priya = await familyOf('J878200016016');
    expect(
      priya.adults.map((a) => [a.name, a.relationship, a.parentalResponsibility, a.phone]),
    ).toEqual([
      ['Neha Sharma', 'mother', 'yes', '07700 900555'],
      ['Raj Sharma', 'father', 'no', ''],
    ]);
    const first = await snapshot();
    now = new Date('2026-11-28T12:00:00Z');
    expect(value<ImportResult>(await apply(misFixture('arbor-contacts.csv')))).toMatchObject({
      unchanged: 5,
      adultsAdded: 0,
      adultsUpdated: 0,
      siblingsLinked: 0,
    });
    expect(await snapshot()).toEqual(first);
  });
});
