import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import { NOT_A_BUNDLE, TAMPERED, WRONG_PASSPHRASE } from '../../../main/transfer/bundle';
import type { MethodInput, SavedFile } from '../../../shared/api';
import type { Child } from '../../../shared/children/schema';
import type { ChronologyEntry } from '../../../shared/chronology/schema';
import type { DutySummary } from '../../../shared/duties/schema';
import type {
  ReceiptImported,
  SigningKeyInfo,
  TransferBundle,
  TransferExported,
  TransferImported,
  TransferPreview,
  TransferReceipt,
} from '../../../shared/transfer/format';
import { RECEIPT_FORMAT, signedReceipt } from '../../../shared/transfer/format';
import {
  addTwoChildren,
  blankDraft,
  errorOf,
  fight,
  folderPlatform,
  must,
  readStore,
  sampleChild,
  sampleSchool,
  signedInAs,
  tempDir,
  unlockedCore,
} from '../../support/core';
import { solidPng } from '../../support/png';

const PASSPHRASE = 'kettle orchard lantern blue';
const SCHOOL_A = { ...sampleSchool, name: 'Riverside Primary School', urn: '100001' };
const SCHOOL_B = { ...sampleSchool, name: 'Hillside Academy', urn: '100002', phase: 'secondary' };
const png = solidPng(8, 8, [30, 90, 200]);

/** Row counts of every table but the audit trail (every call, refused or not, is audited). */
function counts(dataDir: string): Promise<Record<string, number>> {
  return readStore(dataDir, (db) => {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'audit_%' AND name NOT LIKE 'search_index_%' ORDER BY name`,
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map((t) => [
        t.name,
        (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n,
      ]),
    );
  });
}

function duty(list: DutySummary[], ruleId: string): DutySummary | undefined {
  return list.find((d) => d.ruleId === ruleId);
}

describe('the child protection file transfer between two schools (issue 6, item 4)', () => {
  const dirA = tempDir('lantern-school-a-');
  const dirB = tempDir('lantern-school-b-');
  let now = new Date('2026-11-28T10:00:00Z');
  let a: LanternCore;
  let b: LanternCore;
  let dslA: Session;
  let dslB: Session;
  let staffA: Session;
  let staffB: Session;
  let amaraA: Child;
  let tomaszA: Child;
  let amaraB: Child;
  let bundleText: string;
  let exported: TransferExported;
  let wrongSchoolText: string;
  let tomaszText: string;

  beforeAll(async () => {
    ({ core: a, session: dslA } = await unlockedCore(
      dirA.path,
      () => now,
      folderPlatform(join(dirA.path, 'saved')),
    ));
    ({ core: b, session: dslB } = await unlockedCore(
      dirB.path,
      () => now,
      folderPlatform(join(dirB.path, 'saved')),
    ));
    await must(a.invoke(dslA, 'school.save', SCHOOL_A));
    await must(b.invoke(dslB, 'school.save', SCHOOL_B));
    staffA = await signedInAs(a, dslA, 'ateacher', 'staff');
    staffB = await signedInAs(b, dslB, 'bteacher', 'staff');

    [amaraA, tomaszA] = await addTwoChildren(a, dslA);
    const draft = await must<{ id: string }>(
      a.invoke(dslA, 'concernDrafts.save', {
        id: null,
        content: blankDraft(amaraA.id),
      }),
    );
    await must(
      a.invoke(dslA, 'concernDrafts.attach', {
        draftId: draft.id,
        fileName: 'arm.png',
        dataBase64: png.toString('base64'),
      }),
    );
    await must(
      a.invoke(dslA, 'concerns.submit', { ...fight(amaraA.id, tomaszA.id), draftId: draft.id }),
    );
    await must(
      a.invoke(dslA, 'designations.add', {
        childId: amaraA.id,
        designation: {
          kind: 'cp_plan',
          cpCategory: 'neglect',
          startDate: '2026-03-03',
          endDate: '',
          notes: 'Plan made at the initial conference.',
        },
      }),
    );
    const leaving = { leavingDate: '2026-11-27' };
    await must(a.invoke(dslA, 'children.update', { id: amaraA.id, child: sampleChild(leaving) }));
    await must(
      a.invoke(dslA, 'children.update', {
        id: tomaszA.id,
        child: sampleChild({ legalForename: 'Tomasz', legalSurname: 'Nowak', upn: '', ...leaving }),
      }),
    );
    amaraB = await must<Child>(
      b.invoke(dslB, 'children.add', sampleChild({ admissionDate: '2026-11-30' })),
    );
  });
  afterAll(() => {
    a.close();
    b.close();
    dirA.remove();
    dirB.remove();
  });

  function exportTo(child: Child, toSchoolName: string, toUrn: string) {
    return must<TransferExported>(
      a.invoke(dslA, 'transfer.export', {
        childId: child.id,
        toSchoolName,
        toUrn,
        passphrase: PASSPHRASE,
      }),
    );
  }

  it('school A exports a leaver’s file, signed and encrypted, and discharges the cp-transfer duty', async () => {
    const before = await must<DutySummary[]>(
      a.invoke(dslA, 'duties.forChild', { childId: amaraA.id }),
    );
    expect(duty(before, 'cp-transfer')?.status).toBe('open');
    expect(await must<SigningKeyInfo>(a.invoke(dslA, 'transfer.signingKey', {}))).toEqual({
      fingerprint: null,
    });

    exported = await exportTo(amaraA, 'Hillside Academy', '100002');
    expect(exported.savedTo).toMatch(/\.lantern-transfer$/);
    bundleText = readFileSync(exported.savedTo ?? '', 'utf8');
    const bundle = JSON.parse(bundleText) as TransferBundle;
    expect(bundle).toMatchObject({
      format: 'lantern-cp-transfer',
      version: 1,
      bundleId: exported.bundleId,
      from: { schoolName: 'Riverside Primary School', urn: '100001', dslName: 'Dana Lead' },
      to: { schoolName: 'Hillside Academy', urn: '100002' },
      kdf: { alg: 'argon2id' },
      cipher: { alg: 'aes-256-gcm' },
    });
    expect(bundle.manifest.files.map((f) => f.name)).toEqual([
      'case-file.json',
      'attachments/1/arm.png',
    ]);
    // Encrypted: neither the child's name nor the concern appears in the file.
    expect(bundleText).not.toContain('Okafor');
    expect(bundleText).not.toContain('punch');

    const key = await must<SigningKeyInfo>(a.invoke(dslA, 'transfer.signingKey', {}));
    expect(key.fingerprint).toBe(exported.fingerprint);
    expect(exported.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);

    const after = await must<DutySummary[]>(
      a.invoke(dslA, 'duties.forChild', { childId: amaraA.id }),
    );
    expect(duty(after, 'cp-transfer')?.status).toBe('discharged');
    expect(duty(after, 'cp-transfer-receipt')?.status).toBe('open');
    const evidence = await readStore(
      dirA.path,
      (db) =>
        db
          .prepare(
            `SELECT e.method, e.recipient, e.reference FROM duty_events e JOIN duties d ON d.id = e.duty_id
             WHERE d.rule_id = 'cp-transfer' AND e.kind = 'discharged'`,
          )
          .all() as { method: string; recipient: string; reference: string }[],
    );
    expect(evidence).toEqual([
      {
        method: 'secure_transfer',
        recipient: 'Hillside Academy (URN 100002)',
        reference: exported.bundleId,
      },
    ]);
    const logged = await readStore(dirA.path, (db) =>
      db
        .prepare("SELECT kind, format, reference FROM exports_log WHERE kind = 'transfer_bundle'")
        .all(),
    );
    expect(logged).toEqual([
      { kind: 'transfer_bundle', format: 'bundle', reference: exported.bundleId },
    ]);

    wrongSchoolText = readFileSync(
      (await exportTo(amaraA, 'Faraway School', '999999')).savedTo ?? '',
      'utf8',
    );
    tomaszText = readFileSync(
      (await exportTo(tomaszA, 'Hillside Academy', '100002')).savedTo ?? '',
      'utf8',
    );
  });

  it('refuses a pupil without a leaving date, a weak passphrase and the school’s own URN', async () => {
    const onRoll = await must<Child>(
      a.invoke(dslA, 'children.add', sampleChild({ legalForename: 'Zed', upn: '' })),
    );
    const fail = errorOf(
      await a.invoke(dslA, 'transfer.export', {
        childId: onRoll.id,
        toSchoolName: 'Hillside Academy',
        toUrn: '100001',
        passphrase: PASSPHRASE,
      }),
    );
    expect(fail.fields?.childId).toMatch(/has no leaving date/);
    expect(fail.fields?.toUrn).toMatch(/this school’s own URN/);
    const weak = errorOf(
      await a.invoke(dslA, 'transfer.export', {
        childId: amaraA.id,
        toSchoolName: 'Hillside Academy',
        toUrn: '100002',
        passphrase: 'short',
      }),
    );
    expect(weak.fields?.passphrase).toMatch(/at least 12 characters/);
  });

  it('makes the printable file with the cover sheet and the receipt slip', async () => {
    const saved = await must<SavedFile>(
      a.invoke(dslA, 'transfer.exportPdf', {
        childId: amaraA.id,
        toSchoolName: 'Hillside Academy',
        toUrn: '100002',
      }),
    );
    const text = execFileSync('pdftotext', ['-layout', saved.savedTo ?? '', '-'], {
      encoding: 'utf8',
    });
    for (const expected of [
      'OFFICIAL-SENSITIVE',
      'Child protection file transfer',
      'Amara Okafor',
      'B801200005001',
      'Riverside Primary School (URN 100001)',
      'Hillside Academy (URN 100002)',
      'Contents',
      'Attachments to concerns',
      'Receipt confirmation slip',
      'Chronology',
      'Concerns',
      'Top playground',
    ])
      expect(text).toContain(expected);
  });

  it('school B inspects the bundle: the child, the counts, the pupil matched by UPN', async () => {
    const preview = await must<TransferPreview>(
      b.invoke(dslB, 'transfer.inspect', { bundle: bundleText, passphrase: PASSPHRASE }),
    );
    expect(preview).toMatchObject({
      bundleId: exported.bundleId,
      from: { schoolName: 'Riverside Primary School', urn: '100001', dslName: 'Dana Lead' },
      senderFingerprint: exported.fingerprint,
      child: { name: 'Amara Okafor', dateOfBirth: '2016-03-14', upn: 'B801200005001' },
      counts: { concerns: 1, designations: 1, attachments: 1 },
      match: { childId: amaraB.id, name: 'Amara Okafor' },
      imported: null,
    });
    expect(preview.counts.entries).toBeGreaterThanOrEqual(3);
  });

  function flipCiphertext(text: string): string {
    const bundle = JSON.parse(text) as TransferBundle;
    const bytes = Buffer.from(bundle.ciphertext, 'base64');
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    return JSON.stringify({ ...bundle, ciphertext: bytes.toString('base64') });
  }

  function changeManifest(text: string): string {
    const bundle = JSON.parse(text) as TransferBundle;
    const [first, ...rest] = bundle.manifest.files;
    if (!first) throw new Error('no files');
    return JSON.stringify({
      ...bundle,
      manifest: { files: [{ ...first, bytes: first.bytes + 1 }, ...rest] },
    });
  }

  it('refuses a wrong passphrase, a changed file, another school’s file and a non-bundle, changing nothing', async () => {
    const before = await counts(dirB.path);
    const cases: [MethodInput<'transfer.import'>, string, string][] = [
      [
        { bundle: bundleText, passphrase: 'not the passphrase at all' },
        WRONG_PASSPHRASE,
        'passphrase',
      ],
      [{ bundle: flipCiphertext(bundleText), passphrase: PASSPHRASE }, TAMPERED, 'bundle'],
      [{ bundle: changeManifest(bundleText), passphrase: PASSPHRASE }, TAMPERED, 'bundle'],
      [
        { bundle: wrongSchoolText, passphrase: PASSPHRASE },
        'This file is for Faraway School (URN 999999), not this school (Hillside Academy, URN 100002). Do not import it: tell the school that sent it.',
        'bundle',
      ],
      [{ bundle: '{"hello": "world"}', passphrase: PASSPHRASE }, NOT_A_BUNDLE, 'bundle'],
      [{ bundle: 'not json', passphrase: PASSPHRASE }, NOT_A_BUNDLE, 'bundle'],
    ].map(([input, message, field]) => [
      {
        ...(input as object),
        decision: { kind: 'match', childId: amaraB.id },
      } as MethodInput<'transfer.import'>,
      message as string,
      field as string,
    ]);
    for (const [input, message, field] of cases) {
      const inspected = errorOf(
        await b.invoke(dslB, 'transfer.inspect', {
          bundle: input.bundle,
          passphrase: input.passphrase,
        }),
      );
      expect(inspected.message).toBe(message);
      expect(inspected.fields?.[field]).toBe(message);
      expect(errorOf(await b.invoke(dslB, 'transfer.import', input)).message).toBe(message);
    }
    expect(await counts(dirB.path)).toEqual(before);
  });

  it('school B imports it into the matched pupil, tagged with school A’s name; twice changes nothing', async () => {
    now = new Date('2026-11-30T09:00:00Z');
    const imported = await must<TransferImported>(
      b.invoke(dslB, 'transfer.import', {
        bundle: bundleText,
        passphrase: PASSPHRASE,
        decision: { kind: 'match', childId: amaraB.id },
      }),
    );
    expect(imported).toMatchObject({
      bundleId: exported.bundleId,
      childId: amaraB.id,
      alreadyImported: false,
    });
    const chronology = await must<ChronologyEntry[]>(
      b.invoke(dslB, 'chronology.forChild', {
        childId: amaraB.id,
        filter: { from: '', to: '', categories: [], sources: [], significantOnly: false },
      }),
    );
    const transferred = chronology.filter((e) => e.source === 'transfer_in');
    expect(transferred).toHaveLength(imported.entries + 1);
    expect(transferred.map((e) => e.title)).toEqual([
      'From Riverside Primary School: Child protection plan (neglect) started',
      'From Riverside Primary School: Statutory duty: Transfer the child protection file',
      'From Riverside Primary School: Concern recorded: victim',
      'Child protection file received from Riverside Primary School',
    ]);
    const kept = await readStore(
      dirB.path,
      (db) =>
        db.prepare('SELECT payload, created_child AS created FROM transfers_in').get() as {
          payload: string;
          created: number;
        },
    );
    expect(kept.created).toBe(0);
    expect(kept.payload).toContain(png.toString('base64'));
    expect(kept.payload).not.toContain(amaraA.id);

    const before = await counts(dirB.path);
    const again = await must<TransferImported>(
      b.invoke(dslB, 'transfer.import', {
        bundle: bundleText,
        passphrase: PASSPHRASE,
        decision: { kind: 'new' },
      }),
    );
    expect(again.alreadyImported).toBe(true);
    expect(again.message).toMatch(/already imported .* Nothing has changed\./);
    expect(await counts(dirB.path)).toEqual(before);
    const preview = await must<TransferPreview>(
      b.invoke(dslB, 'transfer.inspect', { bundle: bundleText, passphrase: PASSPHRASE }),
    );
    expect(preview.imported?.childId).toBe(amaraB.id);
  });

  it('school B can add the pupil when the file is about someone new', async () => {
    const imported = await must<TransferImported>(
      b.invoke(dslB, 'transfer.import', {
        bundle: tomaszText,
        passphrase: PASSPHRASE,
        decision: { kind: 'new' },
      }),
    );
    const child = await must<Child>(b.invoke(dslB, 'children.get', { id: imported.childId }));
    expect(child).toMatchObject({
      legalForename: 'Tomasz',
      legalSurname: 'Nowak',
      admissionDate: '2026-11-30',
      leavingDate: '',
    });
  });

  it('B saves a signed receipt; A records it and the receipt duty is discharged', async () => {
    const saved = await must<SavedFile>(
      b.invoke(dslB, 'transfer.receipt', { bundleId: exported.bundleId }),
    );
    const receipt = readFileSync(saved.savedTo ?? '', 'utf8');
    expect(JSON.parse(receipt)).toMatchObject({
      format: RECEIPT_FORMAT,
      bundleId: exported.bundleId,
      receivedBy: { name: 'Dana Lead', role: 'Designated safeguarding lead' },
      receivingSchool: { schoolName: 'Hillside Academy', urn: '100002' },
    });

    const tampered = receipt.replace('Dana Lead', 'Someone Else');
    const beforeA = await counts(dirA.path);
    expect(
      errorOf(await a.invoke(dslA, 'transfer.importReceipt', { receipt: tampered })).message,
    ).toMatch(/changed since it was made/);
    expect(
      errorOf(await a.invoke(dslA, 'transfer.importReceipt', { receipt: '[]' })).message,
    ).toMatch(/not a Lantern receipt/);
    expect(await counts(dirA.path)).toEqual(beforeA);

    const recorded = await must<ReceiptImported>(
      a.invoke(dslA, 'transfer.importReceipt', { receipt }),
    );
    expect(recorded).toMatchObject({
      bundleId: exported.bundleId,
      childId: amaraA.id,
      receivedBy: 'Dana Lead, Designated safeguarding lead',
      dutyDischarged: true,
    });
    const duties = await must<DutySummary[]>(
      a.invoke(dslA, 'duties.forChild', { childId: amaraA.id }),
    );
    expect(duty(duties, 'cp-transfer')?.status).toBe('discharged');
    expect(duty(duties, 'cp-transfer-receipt')?.status).toBe('discharged');
    const afterA = await counts(dirA.path);
    expect(errorOf(await a.invoke(dslA, 'transfer.importReceipt', { receipt })).code).toBe(
      'conflict',
    );
    expect(await counts(dirA.path)).toEqual(afterA);
  });

  it('refuses a validly signed receipt for a transfer the school never sent', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const unsigned: Omit<TransferReceipt, 'signature'> = {
      format: RECEIPT_FORMAT,
      version: 1,
      bundleId: '01900000-0000-7000-8000-000000000001',
      receivedAt: now.toISOString(),
      receivedBy: { name: 'Pat Other', role: 'DSL' },
      receivingSchool: { schoolName: 'Hillside Academy', urn: '100002' },
      publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString(
        'base64',
      ),
    };
    const receipt = JSON.stringify({
      ...unsigned,
      signature: sign(null, Buffer.from(signedReceipt(unsigned)), privateKey).toString('base64'),
    });
    const before = await counts(dirA.path);
    const fail = errorOf(await a.invoke(dslA, 'transfer.importReceipt', { receipt }));
    expect(fail.message).toMatch(/did not send/);
    expect(await counts(dirA.path)).toEqual(before);
  });

  it('refuses staff at both schools', async () => {
    expect(
      errorOf(
        await a.invoke(staffA, 'transfer.export', {
          childId: amaraA.id,
          toSchoolName: 'Hillside Academy',
          toUrn: '100002',
          passphrase: PASSPHRASE,
        }),
      ).code,
    ).toBe('forbidden');
    expect(
      errorOf(
        await b.invoke(staffB, 'transfer.inspect', { bundle: bundleText, passphrase: PASSPHRASE }),
      ).code,
    ).toBe('forbidden');
    expect(
      errorOf(await b.invoke(staffB, 'transfer.receipt', { bundleId: exported.bundleId })).code,
    ).toBe('forbidden');
  });
});
