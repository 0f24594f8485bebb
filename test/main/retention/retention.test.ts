import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import { readKeyring, unwrapDataKey } from '../../../main/vault/keyring';
import { storePaths } from '../../../main/vault/vault';
import type { MethodInput } from '../../../shared/api';
import type { AuditVerification } from '../../../shared/audit/schema';
import type { Child } from '../../../shared/children/schema';
import type { Concern, ConcernSummary } from '../../../shared/concerns/schema';
import type { Dashboard } from '../../../shared/dashboard/schema';
import type { EncompassNotification } from '../../../shared/encompass/schema';
import type { SearchResults } from '../../../shared/search/schema';
import type {
  ChildHolds,
  DestructionRecord,
  RetentionQueue,
} from '../../../shared/retention/schema';
import {
  errorOf,
  fight,
  must,
  readStore,
  sampleChild,
  signedInAs,
  tempDir,
  TEST_DSL,
  TEST_PASSPHRASE,
  unlockedCore,
  writeStore,
} from '../../support/core';

const SURNAME = 'Quillfeather';
const UPN = 'B801200005001';
const PHRASE = 'marmalade zebrafinch lighthouse';
const ADULT = 'Philippa Quillfeather';

let now = new Date('2020-03-02T10:00:00Z');
const clock = () => now;
const dir = tempDir('lantern-retention-');
const copies = tempDir('lantern-retention-copies-');
let core: LanternCore;
let dsl: Session;
let deputy: Session;
let leaver: Child;
let other: Child;
let young: Child;
let onlyConcern: Concern;
let sharedConcern: Concern;

async function open(): Promise<void> {
  ({ core, session: dsl } = await unlockedCore(dir.path, clock));
}

/** Row counts of every table (the FTS index's shadow tables included). */
async function tableCounts(): Promise<Record<string, number>> {
  return readStore(dir.path, (db) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
    );
  });
}

/**
 * The database file as plaintext: closes the core, copies the file (and its WAL if there is
 * one), opens the copy with the data key, and rekeys it to no key in rollback-journal mode.
 */
async function plaintextCopy(name: string): Promise<Buffer> {
  core.close();
  const paths = storePaths(dir.path);
  const target = join(copies.path, name);
  mkdirSync(target);
  const file = join(target, 'lantern.db');
  copyFileSync(paths.database, file);
  if (existsSync(`${paths.database}-wal`)) copyFileSync(`${paths.database}-wal`, `${file}-wal`);
  const slot = readKeyring(paths.keyring).slots.find((s) => s.username === TEST_DSL.username);
  if (!slot) throw new Error('no keyring slot');
  const key = await unwrapDataKey(slot, TEST_PASSPHRASE);
  const db = new Database(file);
  try {
    db.key(key);
    db.pragma('journal_mode = DELETE');
    db.rekey(Buffer.alloc(0));
  } finally {
    key.fill(0);
    db.close();
  }
  await open();
  return readFileSync(file);
}

function contains(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'utf8'));
}

beforeAll(async () => {
  await open();
  deputy = await signedInAs(core, dsl, 'ddeputy', 'deputy_dsl');
  leaver = await must<Child>(
    core.invoke(
      dsl,
      'children.add',
      sampleChild({
        legalForename: 'Jordan',
        legalSurname: SURNAME,
        dateOfBirth: '2000-05-10',
        upn: UPN,
        yearGroup: '13',
        admissionDate: '2011-09-05',
        leavingDate: '2018-07-20',
      }),
    ),
  );
  other = await must<Child>(
    core.invoke(
      dsl,
      'children.add',
      sampleChild({
        legalForename: 'Tomasz',
        legalSurname: 'Nowak',
        upn: '',
        dateOfBirth: '2012-01-09',
      }),
    ),
  );
  young = await must<Child>(
    core.invoke(
      dsl,
      'children.add',
      sampleChild({
        legalForename: 'Ella',
        legalSurname: 'Young',
        upn: '',
        dateOfBirth: '2001-06-01',
      }),
    ),
  );
  const concern: MethodInput<'concerns.submit'> = {
    ...fight(leaver.id, other.id),
    children: [{ childId: leaver.id, role: 'subject' }],
    occurredAt: '2020-03-01T09:10',
    summary: `Disclosed at registration: ${PHRASE}.`,
    categories: ['neglect'],
  };
  onlyConcern = await must<Concern>(core.invoke(dsl, 'concerns.submit', concern));
  sharedConcern = await must<Concern>(
    core.invoke(dsl, 'concerns.submit', {
      ...fight(leaver.id, other.id),
      occurredAt: '2020-03-01T12:40',
    }),
  );
  await must(
    core.invoke(dsl, 'concerns.addAddendum', {
      concernId: onlyConcern.id,
      reason: 'Words added after speaking again.',
      text: `Repeated the words ${PHRASE} on Monday.`,
    }),
  );
  await must(
    core.invoke(dsl, 'triage.setLevel', {
      concernId: onlyConcern.id,
      level: 3,
      rationale: 'Repeated neglect indicators over the term: a referral is needed now.',
    }),
  );
  await must(
    core.invoke(dsl, 'designations.add', {
      childId: leaver.id,
      designation: {
        kind: 'child_in_need',
        cpCategory: '',
        startDate: '2019-03-03',
        endDate: '',
        notes: 'Child in need plan.',
      },
    }),
  );
  await must(
    core.invoke(dsl, 'family.addAdult', {
      childId: leaver.id,
      adult: {
        name: ADULT,
        relationship: 'mother',
        relationshipDetail: '',
        parentalResponsibility: 'yes',
        livesWithChild: 'yes',
        phone: '07700 900 982',
        email: 'p.quillfeather@example.com',
        address: '12 Mill Lane',
        contactRestrictions: '',
        notes: '',
        priority: 1,
      },
    }),
  );
  const me = await must<{ user: { id: string } }>(core.invoke(dsl, 'session.status', {}));
  await must<EncompassNotification>(
    core.invoke(dsl, 'encompass.record', {
      children: [{ childId: leaver.id, presence: 'witnessed' }],
      incidentAt: '2020-02-27T22:15',
      notifiedAt: '2020-02-28T07:30',
      policeForce: 'Metropolitan Police',
      policeReference: 'CAD 4521/27FEB20',
      notifiedBy: 'PC 1234 Jo Smith',
      summary: `Police attended after shouting; ${PHRASE} overheard.`,
      keyAdultId: me.user.id,
      keyAdultInformedAt: '2020-02-28T07:35',
      supportPlanned: 'Check in at registration.',
    }),
  );
  now = new Date('2026-11-28T10:00:00Z');
  // A subject access request from the child's mother (with its duty), and a referral pack sent.
  await must(
    core.invoke(dsl, 'sar.create', {
      childId: leaver.id,
      receivedAt: '2026-11-20',
      requesterName: ADULT,
      relationship: 'parent_carer',
      relationshipDetail: '',
      receivedHow: 'email',
      competenceNote: 'Made on behalf of her adult son with his written consent.',
      identityChecked: true,
    }),
  );
  await writeStore(dir.path, (db) =>
    db
      .prepare(
        `INSERT INTO exports_log (id, child_id, kind, form, format, recipient, reference,
          concern_ids, redacted, sha256, bytes, exported_at, exported_by)
         VALUES ('e1', ?, 'referral_pack', '', 'pdf', 'Children’s social care', 'REF-1', '[]', 0,
           ?, 10, '2020-03-03T10:00:00.000Z', (SELECT id FROM users WHERE username = 'dlead'))`,
      )
      .run(leaver.id, 'a'.repeat(64)),
  );
});

afterAll(() => {
  core.close();
  dir.remove();
  copies.remove();
});

describe('retention review queue', () => {
  it('lists a leaver whose review date (DOB + 25 years) has passed, and one falling due soon', async () => {
    const queue = await must<RetentionQueue>(
      core.invoke(deputy, 'retention.queue', { withinMonths: 6 }),
    );
    expect(queue.items.map((i) => [i.displayName, i.reviewFrom, i.due])).toEqual([
      [`Jordan ${SURNAME}`, '2025-05-10', true],
      ['Ella Young', '2026-06-01', true],
    ]);
    expect(queue.items[0]?.leavingDate).toBe('2018-07-20');
    expect(queue.items[0]?.hold).toBeNull();
    const none = await must<RetentionQueue>(
      core.invoke(dsl, 'retention.queue', { withinMonths: 0 }),
    );
    expect(none.items).toHaveLength(2);
  });

  it('moves the review date when the DSL changes the period, and keeps the earlier version', async () => {
    await must(
      core.invoke(dsl, 'retention.saveSettings', { cp_file: 26, allegation_about_adult: 10 }),
    );
    const queue = await must<RetentionQueue>(
      core.invoke(dsl, 'retention.queue', { withinMonths: 0 }),
    );
    expect(queue.items.map((i) => i.reviewFrom)).toEqual(['2026-05-10']);
    const settings = await must<{ current: { version: number }; history: unknown[] }>(
      core.invoke(dsl, 'retention.settings', {}),
    );
    expect(settings.current.version).toBe(1);
    await must(
      core.invoke(dsl, 'retention.saveSettings', { cp_file: 25, allegation_about_adult: 10 }),
    );
    const again = await must<{ current: { version: number }; history: unknown[] }>(
      core.invoke(dsl, 'retention.settings', {}),
    );
    expect(again.history).toHaveLength(2);
  });

  it('puts the files due on the DSL’s dashboard', async () => {
    const dashboard = await must<Dashboard>(core.invoke(dsl, 'dashboard.get', {}));
    expect(dashboard.recordsDue.map((r) => [r.displayName, r.legalHold])).toEqual([
      [`Jordan ${SURNAME}`, false],
      ['Ella Young', false],
    ]);
  });
});

describe('legal hold', () => {
  it('blocks destruction with a clear message, and changes nothing', async () => {
    now = new Date('2026-03-03T10:00:00Z');
    const held = await must<ChildHolds>(
      core.invoke(deputy, 'retention.placeHold', {
        childId: leaver.id,
        reason: 'Civil claim: solicitor’s letter received.',
      }),
    );
    now = new Date('2026-11-28T10:00:00Z');
    expect(held.holds).toHaveLength(1);
    const again = errorOf(
      await core.invoke(dsl, 'retention.placeHold', {
        childId: leaver.id,
        reason: 'A second hold on the same file.',
      }),
    );
    expect(again.message).toMatch(/already under a legal hold/);

    const before = await tableCounts();
    const refused = errorOf(
      await core.invoke(dsl, 'retention.destroy', {
        childId: leaver.id,
        confirmation: `Jordan ${SURNAME}`,
        reason: 'Retention period ended; reviewed by the DSL.',
      }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(
      /^This file is under a legal hold placed on 3 Mar 2026 by .*; lift the hold before destroying it\.$/,
    );
    const after = await tableCounts();
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
    expect({ ...after, audit_log: 0, audit_records: 0 }).toEqual({
      ...before,
      audit_log: 0,
      audit_records: 0,
    });
    const queue = await must<RetentionQueue>(
      core.invoke(dsl, 'retention.queue', { withinMonths: 0 }),
    );
    expect(queue.items[0]?.hold?.reason).toBe('Civil claim: solicitor’s letter received.');
  });

  it('is lifted once with a reason and stays on record', async () => {
    const holds = await must<ChildHolds>(
      core.invoke(dsl, 'retention.holds', { childId: leaver.id }),
    );
    const hold = holds.holds[0];
    if (!hold) throw new Error('no hold');
    const lifted = await must<ChildHolds>(
      core.invoke(deputy, 'retention.liftHold', {
        holdId: hold.id,
        reason: 'Claim withdrawn by the claimant’s solicitor.',
      }),
    );
    expect(lifted.holds[0]?.liftedByName).toBe('Test ddeputy');
    const twice = errorOf(
      await core.invoke(dsl, 'retention.liftHold', {
        holdId: hold.id,
        reason: 'Trying to lift it again.',
      }),
    );
    expect(twice.message).toMatch(/already lifted/);
    await expect(
      writeStore(dir.path, (db) => db.prepare('DELETE FROM legal_holds').run()),
    ).rejects.toThrow(/legal_holds: a legal hold is history/);
  });
});

describe('destruction', () => {
  it('is refused before the review date', async () => {
    const young2 = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({
          legalForename: 'Kit',
          legalSurname: 'Early',
          upn: '',
          dateOfBirth: '2015-01-01',
        }),
      ),
    );
    const refused = errorOf(
      await core.invoke(dsl, 'retention.destroy', {
        childId: young2.id,
        confirmation: 'Kit Early',
        reason: 'Trying to destroy a file early.',
      }),
    );
    expect(refused.message).toBe(
      'This file is not due for review until 1 Jan 2040 (child protection file: 25 years); it cannot be destroyed before then.',
    );
  });

  it('is the DSL’s alone, needs the legal name typed and a reason that does not name the child', async () => {
    expect(
      errorOf(
        await core.invoke(deputy, 'retention.destroy', {
          childId: leaver.id,
          confirmation: `Jordan ${SURNAME}`,
          reason: 'Retention period ended; reviewed.',
        }),
      ).code,
    ).toBe('forbidden');
    const wrong = errorOf(
      await core.invoke(dsl, 'retention.destroy', {
        childId: leaver.id,
        confirmation: 'Jordan',
        reason: 'Retention period ended; reviewed.',
      }),
    );
    expect(wrong.fields?.confirmation).toBe(
      `Type the child’s legal name, Jordan ${SURNAME}, to confirm.`,
    );
    const named = errorOf(
      await core.invoke(dsl, 'retention.destroy', {
        childId: leaver.id,
        confirmation: `jordan  ${SURNAME.toLowerCase()}`,
        reason: `Retention ended for ${SURNAME}'s file.`,
      }),
    );
    expect(named.fields?.reason).toMatch(/without naming the child/);
  });

  it('leaves no trace of the child in the database file, keeps the shared concern and the register', async () => {
    const control = await plaintextCopy('control');
    // The test can fail: before destruction the plaintext file holds every canary.
    for (const canary of [SURNAME, UPN, PHRASE, 'zebrafinch', ADULT])
      expect(contains(control, canary)).toBe(true);

    const record = await must<DestructionRecord>(
      core.invoke(dsl, 'retention.destroy', {
        childId: leaver.id,
        confirmation: `  jordan ${SURNAME}`,
        reason: 'Retention period ended; file reviewed and no longer needed.',
      }),
    );
    expect(record.childId).toBe(leaver.id);
    expect(record.reviewDate).toBe('2025-05-10');
    expect(record.sharedConcernsKept).toBe(1);
    expect(record.deleted).toMatchObject({
      children: 1,
      concerns: 1,
      concern_children: 2,
      concern_addenda: 1,
      concern_levels: 1,
      designations: 1,
      family_adults: 1,
      encompass_notifications: 1,
      legal_holds: 1,
      exports_log: 1,
      sar_requests: 1,
    });
    expect(record.deleted.duties).toBeGreaterThanOrEqual(1);
    expect(record.deleted.chronology_entries).toBeGreaterThanOrEqual(4);
    // The WAL was checkpointed and truncated after the vacuum: no page of it survives.
    expect(statSync(`${storePaths(dir.path).database}-wal`).size).toBe(0);

    const after = await plaintextCopy('after');
    for (const canary of [SURNAME, UPN, PHRASE, 'zebrafinch', ADULT])
      expect(contains(after, canary)).toBe(false);

    // The shared concern stays for the other child, without the destroyed child's link.
    const kept = await must<ConcernSummary[]>(
      core.invoke(dsl, 'concerns.forChild', { childId: other.id }),
    );
    expect(kept.map((c) => c.id)).toEqual([sharedConcern.id]);
    const shared = await must<Concern>(core.invoke(dsl, 'concerns.get', { id: sharedConcern.id }));
    expect(shared.children.map((c) => c.childId)).toEqual([other.id]);
    expect(errorOf(await core.invoke(dsl, 'children.get', { id: leaver.id })).code).toBe(
      'not_found',
    );
    const search = await must<SearchResults>(
      core.invoke(dsl, 'search.concerns', { query: 'zebrafinch', limit: 20, offset: 0 }),
    );
    expect(search.items).toEqual([]);

    const register = await must<DestructionRecord[]>(core.invoke(dsl, 'retention.register', {}));
    expect(register).toHaveLength(1);
    const json = JSON.stringify(register);
    for (const canary of [SURNAME, 'Jordan', UPN, '2000-05-10']) expect(json).not.toContain(canary);

    const verified = await must<AuditVerification>(core.invoke(dsl, 'audit.verify', {}));
    expect(verified.ok).toBe(true);

    // Everything else is still append-only once the destruction is over.
    const state = await readStore(dir.path, (db) => ({
      marker: db.prepare('SELECT count(*) FROM destruction_in_progress').pluck().get(),
      young: db.prepare('SELECT count(*) FROM children WHERE id = ?').pluck().get(young.id),
    }));
    expect(state).toEqual({ marker: 0, young: 1 });
    await expect(
      writeStore(dir.path, (db) => db.prepare('DELETE FROM concerns').run()),
    ).rejects.toThrow(/a submitted concern cannot be deleted/);
    await expect(
      writeStore(dir.path, (db) => db.prepare('DELETE FROM destruction_records').run()),
    ).rejects.toThrow(/the register cannot be deleted/);
  });
});

describe('other rules', () => {
  it('notes a file transferred to another school in the queue', async () => {
    await writeStore(dir.path, (db) =>
      db
        .prepare(
          `INSERT INTO transfers_out (id, bundle_id, child_id, to_school, to_urn, sha256, sent_at,
            sent_by) VALUES ('t1', 'b1', ?, 'Hillside Academy', '654321', ?,
            '2019-09-05T09:00:00.000Z', (SELECT id FROM users WHERE username = 'dlead'))`,
        )
        .run(young.id, 'b'.repeat(64)),
    );
    const queue = await must<RetentionQueue>(
      core.invoke(dsl, 'retention.queue', { withinMonths: 0 }),
    );
    expect(queue.items.map((i) => [i.displayName, i.transferredTo])).toEqual([
      [
        'Ella Young',
        [{ school: 'Hillside Academy', urn: '654321', sentAt: '2019-09-05T09:00:00.000Z' }],
      ],
    ]);
  });

  it('keeps a file with an allegation about an adult for 10 years from the allegation', async () => {
    const child = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({
          legalForename: 'Sam',
          legalSurname: 'Adult',
          upn: '',
          dateOfBirth: '2001-01-01',
        }),
      ),
    );
    await must(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(child.id, other.id),
        children: [{ childId: child.id, role: 'subject' }],
        occurredAt: '2026-11-01T10:00',
        flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: true },
      }),
    );
    const queue = await must<RetentionQueue>(
      core.invoke(dsl, 'retention.queue', { withinMonths: 120 }),
    );
    const item = queue.items.find((i) => i.childId === child.id);
    expect([item?.reviewFrom, item?.recordType, item?.due]).toEqual([
      '2036-11-01',
      'allegation_about_adult',
      false,
    ]);
    const refused = errorOf(
      await core.invoke(dsl, 'retention.destroy', {
        childId: child.id,
        confirmation: 'Sam Adult',
        reason: 'Trying to destroy an allegation file early.',
      }),
    );
    expect(refused.message).toBe(
      'This file is not due for review until 1 Nov 2036 (concern recording an allegation about an adult: 10 years); it cannot be destroyed before then.',
    );
  });
});
