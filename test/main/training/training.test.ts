import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { HandlerContext } from '../../../main/handler';
import { storeFor } from '../../../main/store';
import {
  kcsieStanding,
  trainingCompliance,
  trainingEvidenceOptions,
} from '../../../main/training/service';
import type { MethodInput, MethodName } from '../../../shared/api';
import type { TrainingKind } from '../../../shared/governance/training';
import type {
  StaffImportResult,
  TrainingDue,
  TrainingIntervalView,
  TrainingPerson,
  TrainingRegister,
} from '../../../shared/training/schema';
import {
  errorOf,
  folderPlatform,
  must,
  readStore,
  signedInAs,
  tempDir,
  unlockedCore,
  writeStore,
} from '../../support/core';
import { validInputs } from '../../support/samples';

const now = new Date('2026-11-28T10:00:00Z');

function person(overrides: Partial<MethodInput<'training.addPerson'>> = {}) {
  return {
    name: 'Dana Lead',
    jobTitle: 'Designated safeguarding lead',
    groups: ['all_staff', 'dsl_team'],
    startDate: '2019-09-01',
    leavingDate: '',
    userId: null,
    ...overrides,
  } satisfies MethodInput<'training.addPerson'>;
}

function completion(
  personId: string,
  kind: TrainingKind,
  completedOn: string,
  evidence: MethodInput<'training.record'>['evidence'] = null,
): MethodInput<'training.record'> {
  return { personId, kind, completedOn, provider: 'Westshire SCP', notes: '', evidence };
}

const statusOf = (p: TrainingPerson, kind: TrainingKind) =>
  p.standings.find((s) => s.kind === kind);

describe('training records (issue 7)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let staff: Session;
  let governor: Session;
  let head: Session;
  let dana: TrainingPerson;
  let gita: TrainingPerson;

  const count = (table: string) =>
    readStore(
      dir.path,
      (db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    );

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now, folderPlatform(dir.path)));
    staff = await signedInAs(core, dsl, 'steacher', 'staff');
    governor = await signedInAs(core, dsl, 'gov', 'governor');
    head = await signedInAs(core, dsl, 'headt', 'headteacher');
    dana = await must<TrainingPerson>(core.invoke(dsl, 'training.addPerson', person()));
    gita = await must<TrainingPerson>(
      core.invoke(
        head,
        'training.addPerson',
        person({ name: 'Gita Shah', jobTitle: 'Chair of governors', groups: ['governors'] }),
      ),
    );
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('lists each person with a standing for each requirement of their groups only', () => {
    expect(dana.standings.map((s) => s.kind)).toEqual([
      'induction',
      'annual_update',
      'kcsie_part_one',
      'dsl_formal',
      'dsl_refresh',
      'prevent',
    ]);
    expect(dana.standings.every((s) => s.status === 'missing')).toBe(true);
    expect(gita.standings.map((s) => s.kind)).toEqual(['governor']);
  });

  it('computes formal DSL training 25 months ago as overdue and an update 11 months ago as due soon', async () => {
    await must(
      core.invoke(dsl, 'training.record', completion(dana.id, 'dsl_formal', '2024-10-28')),
    );
    dana = await must<TrainingPerson>(
      core.invoke(dsl, 'training.record', completion(dana.id, 'annual_update', '2025-12-28')),
    );
    expect(statusOf(dana, 'dsl_formal')).toMatchObject({
      status: 'overdue',
      lastCompleted: '2024-10-28',
      nextDue: '2026-10-28',
    });
    expect(statusOf(dana, 'annual_update')).toMatchObject({
      status: 'due_soon',
      nextDue: '2026-12-28',
    });
    dana = await must<TrainingPerson>(
      core.invoke(dsl, 'training.record', completion(dana.id, 'induction', '2019-09-02')),
    );
    // Induction is once: done in 2019, still in date, never due again.
    expect(statusOf(dana, 'induction')).toMatchObject({ status: 'in_date', nextDue: null });
  });

  it('refuses a completion in the future, and KCSIE reading as a dated record', async () => {
    const future = errorOf(
      await core.invoke(dsl, 'training.record', completion(dana.id, 'prevent', '2026-11-29')),
    );
    expect(future.fields).toEqual({ completedOn: 'The date completed cannot be in the future.' });
    const kcsie = errorOf(
      await core.invoke(
        dsl,
        'training.record',
        completion(dana.id, 'kcsie_part_one', '2026-09-02'),
      ),
    );
    expect(kcsie.fields?.kind).toMatch(/attestation/);
  });

  it('decides KCSIE Part one by the edition in force, not by a date', async () => {
    let d = await must<TrainingPerson>(
      core.invoke(dsl, 'training.attest', {
        personId: dana.id,
        edition: 'KCSIE 2025',
        attestedOn: '2026-07-15',
      }),
    );
    // Read four months ago, but KCSIE 2026 came into force on 1 Sep 2026.
    expect(statusOf(d, 'kcsie_part_one')).toMatchObject({
      status: 'overdue',
      lastCompleted: '2026-07-15',
      nextDue: '2026-09-01',
    });
    d = await must<TrainingPerson>(
      core.invoke(dsl, 'training.attest', {
        personId: dana.id,
        edition: 'KCSIE 2026',
        attestedOn: '2026-09-03',
      }),
    );
    expect(statusOf(d, 'kcsie_part_one')).toMatchObject({
      status: 'in_date',
      nextDue: '2027-09-01',
    });
    expect(d.attestations.map((a) => a.edition)).toEqual(['KCSIE 2026', 'KCSIE 2025']);
    const again = errorOf(
      await core.invoke(dsl, 'training.attest', {
        personId: dana.id,
        edition: 'KCSIE 2026',
        attestedOn: '2026-09-04',
      }),
    );
    expect(again.fields?.edition).toMatch(/already recorded/);
    const tooNew = errorOf(
      await core.invoke(dsl, 'training.attest', {
        personId: dana.id,
        edition: 'KCSIE 2029',
        attestedOn: '2026-09-04',
      }),
    );
    expect(tooNew.fields?.edition).toBe('Choose KCSIE 2027 or an earlier edition.');
    expect(await count('kcsie_attestations')).toBe(2);
  });

  it('makes KCSIE due soon in the 30 days before the next edition comes into force', () => {
    const read2026 = [{ edition: 'KCSIE 2026', attestedOn: '2026-09-03' }];
    expect(kcsieStanding(read2026, '2027-08-02').status).toBe('due_soon');
    expect(kcsieStanding(read2026, '2027-08-01').status).toBe('in_date');
    expect(kcsieStanding(read2026, '2027-09-01')).toEqual({
      status: 'overdue',
      lastCompleted: '2026-09-03',
      nextDue: '2027-09-01',
    });
    // Reading the next edition before it is in force counts for the year it is in force.
    expect(
      kcsieStanding(
        [...read2026, { edition: 'KCSIE 2027', attestedOn: '2027-08-20' }],
        '2027-09-01',
      ),
    ).toMatchObject({ status: 'in_date', nextDue: '2028-09-01' });
    expect(kcsieStanding([], '2027-09-01').status).toBe('missing');
  });

  it('keeps evidence typed by its first bytes and refuses a text file renamed .pdf', async () => {
    const text = Buffer.from('These are my notes, not a certificate.').toString('base64');
    const refused = errorOf(
      await core.invoke(
        dsl,
        'training.record',
        completion(dana.id, 'prevent', '2026-03-10', {
          fileName: 'certificate.pdf',
          dataBase64: text,
        }),
      ),
    );
    expect(refused.fields).toEqual({ evidence: 'Attach a photo (PNG or JPEG) or a PDF.' });
    expect(await count('training_records')).toBe(3);

    const pdf = Buffer.from('%PDF-1.4\n% a Prevent certificate\n%%EOF\n');
    const d = await must<TrainingPerson>(
      core.invoke(
        dsl,
        'training.record',
        completion(dana.id, 'prevent', '2026-03-10', {
          fileName: 'C:\\Users\\dana\\Prevent certificate.PDF',
          dataBase64: pdf.toString('base64'),
        }),
      ),
    );
    const record = d.records.find((r) => r.kind === 'prevent');
    expect(record?.evidence).toMatchObject({
      fileName: 'Prevent certificate.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
    });
    expect(statusOf(d, 'prevent')).toMatchObject({ status: 'in_date', nextDue: '2028-03-10' });
    const saved = await must<{ savedTo: string }>(
      core.invoke(dsl, 'training.evidence', { recordId: record!.id }),
    );
    expect(readFileSync(saved.savedTo).equals(pdf)).toBe(true);
    const none = d.records.find((r) => r.kind === 'dsl_formal')!;
    expect(errorOf(await core.invoke(dsl, 'training.evidence', { recordId: none.id })).code).toBe(
      'not_found',
    );
  });

  it('withdraws a mistaken record with a reason and keeps it in the history', async () => {
    let d = await must<TrainingPerson>(
      core.invoke(dsl, 'training.record', completion(dana.id, 'dsl_refresh', '2026-10-01')),
    );
    expect(statusOf(d, 'dsl_refresh')?.status).toBe('in_date');
    const record = d.records.find((r) => r.kind === 'dsl_refresh')!;
    d = await must<TrainingPerson>(
      core.invoke(dsl, 'training.withdraw', {
        recordId: record.id,
        reason: 'Entered against the wrong person.',
      }),
    );
    expect(statusOf(d, 'dsl_refresh')?.status).toBe('missing');
    expect(d.records.find((r) => r.id === record.id)?.withdrawal).toMatchObject({
      reason: 'Entered against the wrong person.',
      byName: 'Dana Lead',
    });
    const twice = errorOf(
      await core.invoke(dsl, 'training.withdraw', {
        recordId: record.id,
        reason: 'Entered against the wrong person.',
      }),
    );
    expect(twice.code).toBe('conflict');
    await expect(
      writeStore(dir.path, (db) => db.prepare('DELETE FROM training_records').run()),
    ).rejects.toThrow(/cannot be deleted/);
    await expect(
      writeStore(dir.path, (db) =>
        db.prepare("UPDATE training_records SET completed_on = '2026-11-01'").run(),
      ),
    ).rejects.toThrow(/cannot be changed/);
    expect(await count('training_records')).toBe(5);
  });

  it('previews a staff CSV with problems per line, applies it, and changes nothing the second time', async () => {
    const csv = [
      'Name,Job title,Start date,Groups',
      'Priya Natarajan,Class teacher,01/09/2024,All staff',
      'Tom Reed,Site manager,2023-04-17,All staff; IT users; Recruiters',
      'Ava Brown,Teaching assistant,09/25/2024,All staff',
      ',Cover supervisor,01/09/2024,',
      'Sam Hill,Volunteer,01/09/2025,Dinner ladies',
    ].join('\r\n');
    const preview = await must<StaffImportResult>(
      core.invoke(dsl, 'training.importStaff', { csv, apply: false }),
    );
    expect(preview.counts).toEqual({ new: 2, update: 0, unchanged: 0, error: 3 });
    expect(preview.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
    ]);
    expect(preview.rows[2]?.problems[0]).toMatch(/^Start date: .*US date/);
    expect(preview.rows[3]?.problems).toEqual(['Name: enter the person’s name.']);
    expect(preview.rows[4]?.problems[0]).toMatch(/“Dinner ladies” is not a group/);
    const refused = errorOf(await core.invoke(dsl, 'training.importStaff', { csv, apply: true }));
    expect(refused.message).toMatch(/Nothing was imported/);
    expect(await count('people')).toBe(2);

    const good = csv.split('\r\n').slice(0, 3).join('\r\n');
    const applied = await must<StaffImportResult>(
      core.invoke(dsl, 'training.importStaff', { csv: good, apply: true }),
    );
    expect(applied).toMatchObject({ applied: true, counts: { new: 2, error: 0 } });
    const register = await must<TrainingRegister>(core.invoke(dsl, 'training.people', {}));
    expect(register.people.find((p) => p.name === 'Tom Reed')).toMatchObject({
      startDate: '2023-04-17',
      groups: ['all_staff', 'it_users', 'recruiters'],
      leavingDate: '',
    });
    const snapshot = () =>
      readStore(dir.path, (db) =>
        JSON.stringify(db.prepare('SELECT * FROM people ORDER BY id').all()),
      );
    const before = await snapshot();
    const again = await must<StaffImportResult>(
      core.invoke(dsl, 'training.importStaff', { csv: good, apply: true }),
    );
    expect(again.counts).toEqual({ new: 0, update: 0, unchanged: 2, error: 0 });
    expect(await snapshot()).toBe(before);
    const changed = await must<StaffImportResult>(
      core.invoke(dsl, 'training.importStaff', {
        csv: good.replace('Class teacher', 'Deputy head'),
        apply: false,
      }),
    );
    expect(changed.counts).toMatchObject({ update: 1, unchanged: 1 });
    const updated = await must<StaffImportResult>(
      core.invoke(dsl, 'training.importStaff', {
        csv: good.replace('Class teacher', 'Deputy head'),
        apply: true,
      }),
    );
    expect(updated.counts).toMatchObject({ update: 1, unchanged: 1 });
    const after = await must<TrainingRegister>(core.invoke(dsl, 'training.people', {}));
    expect(after.people.find((p) => p.name === 'Priya Natarajan')?.jobTitle).toBe('Deputy head');
    const noHeader = await must<StaffImportResult>(
      core.invoke(dsl, 'training.importStaff', { csv: 'Priya,Teacher\n', apply: false }),
    );
    expect(noHeader.fileProblems[0]).toMatch(/Name and Start date are missing/);
  });

  it('applies the school’s own interval for an unconfirmed frequency, keeping each setting', async () => {
    let g = await must<TrainingPerson>(
      core.invoke(dsl, 'training.record', completion(gita.id, 'governor', '2024-06-01')),
    );
    expect(statusOf(g, 'governor')).toMatchObject({ status: 'in_date', nextDue: '2027-06-01' });
    const intervals = await must<TrainingIntervalView[]>(
      core.invoke(dsl, 'training.setInterval', { kind: 'governor', months: 24 }),
    );
    expect(intervals.find((i) => i.kind === 'governor')).toMatchObject({
      defaultMonths: 36,
      months: 24,
      setByName: 'Dana Lead',
    });
    const register = await must<TrainingRegister>(core.invoke(dsl, 'training.people', {}));
    g = register.people.find((p) => p.id === gita.id)!;
    expect(statusOf(g, 'governor')).toMatchObject({ status: 'overdue', nextDue: '2026-06-01' });
    const confirmed = errorOf(
      await core.invoke(dsl, 'training.setInterval', { kind: 'dsl_formal', months: 36 }),
    );
    expect(confirmed.code).toBe('invalid_input');
    expect(await count('training_intervals')).toBe(1);
  });

  it('lists who is due and counts compliance per requirement for the governors and the audit', async () => {
    const due = await must<TrainingDue>(core.invoke(head, 'training.due', {}));
    expect(due.items[0]).toMatchObject({ status: 'overdue' });
    expect(due.items.filter((i) => i.personId === dana.id).map((i) => [i.kind, i.status])).toEqual([
      ['dsl_formal', 'overdue'],
      ['dsl_refresh', 'missing'],
      ['annual_update', 'due_soon'],
    ]);
    expect(due.overdue).toBe(due.items.filter((i) => i.status === 'overdue').length);

    const compliance = await readStore(dir.path, (db) => {
      const ctx = { store: storeFor(db), today: '2026-11-28' } as HandlerContext;
      return { rows: trainingCompliance(ctx), evidence: trainingEvidenceOptions(ctx) };
    });
    const row = (kind: TrainingKind) => compliance.rows.find((r) => r.kind === kind);
    // Dana (DSL), Priya and Tom (imported staff): three people in post on the staff requirements.
    expect(row('annual_update')).toEqual({
      kind: 'annual_update',
      title: 'Safeguarding and child protection update',
      people: 3,
      inDate: 0,
      dueSoon: 1,
      overdue: 0,
      missing: 2,
    });
    expect(row('dsl_formal')).toMatchObject({ people: 1, overdue: 1 });
    expect(row('governor')).toMatchObject({ people: 1, overdue: 1 });
    expect(row('cyber')).toMatchObject({ people: 1, missing: 1 });
    expect(row('kcsie_part_one')).toMatchObject({ people: 3, inDate: 1, missing: 2 });
    // Withdrawn records are not evidence.
    expect(compliance.evidence).toHaveLength(5);
    expect(compliance.evidence.every((e) => e.kind === 'training')).toBe(true);
    expect(compliance.evidence.map((e) => e.label)).toContain(
      'Dana Lead: Prevent awareness training, 10 Mar 2026 (evidence attached)',
    );
  });

  it('stops tracking someone once they have left, keeping their records', async () => {
    const left = await must<TrainingPerson>(
      core.invoke(dsl, 'training.updatePerson', {
        ...person(),
        id: dana.id,
        leavingDate: '2026-11-27',
      }),
    );
    expect(left.standings).toEqual([]);
    expect(left.records).toHaveLength(5);
    const bad = errorOf(
      await core.invoke(dsl, 'training.updatePerson', {
        ...person(),
        id: dana.id,
        leavingDate: '2018-01-01',
      }),
    );
    expect(bad.fields?.leavingDate).toMatch(/on or after the start date/);
    const duplicate = errorOf(
      await core.invoke(dsl, 'training.addPerson', person({ name: 'dana lead' })),
    );
    expect(duplicate.fields?.name).toMatch(/already on the register/);
  });

  it('refuses every training method to staff and governors, changing nothing', async () => {
    const before = await count('people');
    const names = Object.keys(validInputs).filter((m) => m.startsWith('training.')) as MethodName[];
    expect(names).toHaveLength(10);
    for (const session of [staff, governor]) {
      for (const method of names) {
        const error = errorOf(await core.invoke(session, method, validInputs[method]));
        expect(error.code, method).toBe('forbidden');
      }
    }
    expect(await count('people')).toBe(before);
  });
});
