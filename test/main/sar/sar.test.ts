import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import { destroyChildRecords } from '../../../main/retention/destroy';
import type { MethodInput, SessionStatus } from '../../../shared/api';
import type { ActionOwner, TriageState } from '../../../shared/casework/schema';
import type { Child } from '../../../shared/children/schema';
import type { AttachmentMeta } from '../../../shared/concerns/attachments';
import type { Concern } from '../../../shared/concerns/schema';
import type { DutyDetail } from '../../../shared/duties/schema';
import type { EncompassNotification } from '../../../shared/encompass/schema';
import type { PackExported } from '../../../shared/exports/pack';
import type { SarDetail, SarExported, SarSummary } from '../../../shared/sar/schema';
import {
  addTwoChildren,
  blankDraft,
  errorOf,
  fight,
  folderPlatform,
  must,
  readStore,
  signedInAs,
  tempDir,
  unlockedCore,
  writeStore,
} from '../../support/core';
import { solidPng } from '../../support/png';
import { sampleAdult, samplePackRequest, samplePartner } from '../../support/samples';

/** Text of each page of a PDF file, as poppler reads it. */
function pagesOf(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

const counted = (db: { prepare(sql: string): { get(): unknown } }, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('subject access requests (issue 8, security G5)', () => {
  const dir = tempDir();
  let now = new Date('2026-11-28T10:00:00Z');
  let core: LanternCore;
  let dsl: Session;
  let amara: Child;
  let tomasz: Child;
  let concern: Concern;
  let sar: SarDetail;

  const request = (over: Partial<MethodInput<'sar.create'>> = {}): MethodInput<'sar.create'> => ({
    childId: amara.id,
    receivedAt: '2027-01-31',
    requesterName: 'Grace Okafor',
    relationship: 'parent_carer',
    relationshipDetail: '',
    receivedHow: 'email',
    competenceNote: 'Amara is 10 and asked her mother to make the request for her.',
    identityChecked: false,
    ...over,
  });

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(
      dir.path,
      () => now,
      folderPlatform(join(dir.path, 'saved')),
    ));
    [amara, tomasz] = await addTwoChildren(core, dsl);
    // One of everything the school can hold about Amara.
    await must(core.invoke(dsl, 'family.addAdult', { childId: amara.id, adult: sampleAdult }));
    await must(
      core.invoke(dsl, 'family.addAdult', {
        childId: amara.id,
        adult: samplePartner,
      }),
    );
    await must(
      core.invoke(dsl, 'family.addContact', {
        childId: amara.id,
        contact: {
          role: 'social_worker',
          roleDetail: '',
          name: 'Ann Smith',
          organisation: 'Northshire Children’s Services',
          phone: '01632 960 001',
          email: 'ann.smith@northshire.example',
          startDate: '2026-03-03',
          endDate: '',
          notes: '',
        },
      }),
    );
    await must(
      core.invoke(dsl, 'designations.add', {
        childId: amara.id,
        designation: {
          kind: 'child_in_need',
          cpCategory: '',
          startDate: '2026-09-01',
          endDate: '',
          notes: 'Child in need plan after the summer.',
        },
      }),
    );
    const draft = await must<{ id: string }>(
      core.invoke(dsl, 'concernDrafts.save', { id: null, content: blankDraft(amara.id) }),
    );
    await must<AttachmentMeta>(
      core.invoke(dsl, 'concernDrafts.attach', {
        draftId: draft.id,
        fileName: 'arm photo.png',
        dataBase64: solidPng(40, 30, [200, 40, 40]).toString('base64'),
      }),
    );
    concern = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(amara.id, tomasz.id),
        summary: 'Tomasz Nowak punched Amara twice on the arm during lunch.',
        childWords: 'Tomasz said he would get me. Daniel says I deserve it.',
        opinion: 'Amara seemed frightened of going home.',
        bodyMap: [
          {
            view: 'front',
            x: 0.29,
            y: 0.33,
            region: 'right-upper-arm',
            kind: 'bruise',
            description: 'Bruise, 3cm, yellow-green',
          },
        ],
        draftId: draft.id,
      }),
    );
    await must(
      core.invoke(dsl, 'concerns.addAddendum', {
        concernId: concern.id,
        reason: 'The time was wrong in the first record.',
        text: 'It happened at 12:30, not 12:40.',
      }),
    );
    await must(
      core.invoke(dsl, 'triage.decide', {
        concernId: concern.id,
        kind: 'monitor',
        description: '',
        reviewDate: '2027-01-15',
        rationale: 'Not at threshold; class teacher to watch mood for four weeks.',
      }),
    );
    const owners = await must<ActionOwner[]>(core.invoke(dsl, 'actions.owners', {}));
    const triage = await must<TriageState>(
      core.invoke(dsl, 'actions.add', {
        concernId: concern.id,
        description: 'Phone the mother to arrange a meeting.',
        ownerId: owners[0]?.id ?? '',
        dueDate: '2026-12-10',
      }),
    );
    await must(
      core.invoke(dsl, 'actions.complete', {
        actionId: triage.actions[0]?.id ?? '',
        note: 'Met the mother on Tuesday.',
      }),
    );
    await must(
      core.invoke(dsl, 'triage.close', {
        concernId: concern.id,
        summary: 'Pupil punched another pupil during lunch.',
        followUp: 'Restorative meeting held.',
        outcome: 'No repeat in four weeks.',
      }),
    );
    const family = await must<{ adults: { id: string }[] }>(
      core.invoke(dsl, 'family.forChild', { childId: amara.id }),
    );
    await must<EncompassNotification>(
      core.invoke(dsl, 'encompass.record', {
        children: [{ childId: amara.id, presence: 'witnessed' }],
        incidentAt: '2026-11-27T22:15',
        notifiedAt: '2026-11-28T07:30',
        policeForce: 'Metropolitan Police',
        policeReference: 'CAD 4521/27NOV26',
        notifiedBy: 'PC 1234 Jo Smith',
        summary: 'Police attended after a report of shouting at the refuge on Elm Road.',
        keyAdultId: owners[0]?.id ?? family.adults[0]?.id ?? '',
        keyAdultInformedAt: '2026-11-28T07:35',
        supportPlanned: 'Class teacher to check in at registration.',
      }),
    );
    await must<PackExported>(
      core.invoke(dsl, 'packs.export', {
        ...samplePackRequest,
        childId: amara.id,
        concernIds: [concern.id],
        redact: [],
      }),
    );
    const me = await must<SessionStatus>(core.invoke(dsl, 'session.status', {}));
    await writeStore(dir.path, (db) => {
      const userId = me.user?.id ?? '';
      db.prepare(
        `INSERT INTO transfers_out (id, bundle_id, child_id, to_school, to_urn, sha256, sent_at, sent_by)
         VALUES (?, ?, ?, 'Riverside Academy', '123456', ?, '2026-11-20T10:00:00.000Z', ?)`,
      ).run('01937000-0000-7000-8000-000000000001', 'bundle-out', amara.id, 'a'.repeat(64), userId);
      db.prepare(
        `INSERT INTO transfers_in (id, bundle_id, child_id, from_school, from_urn, from_dsl,
           sender_key, payload, created_child, entries, received_at, received_by)
         VALUES (?, 'bundle-in', ?, 'Hilltop Primary', '654321', 'Pat Lead', ?, '{}', 0, 0,
           '2026-09-01T09:00:00.000Z', ?)`,
      ).run('01937000-0000-7000-8000-000000000002', amara.id, randomBytes(32), userId);
    });
    now = new Date('2027-02-01T10:00:00Z');
  });

  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('refuses bad input with clear messages and stores nothing', async () => {
    const before = await readStore(dir.path, (db) => [
      counted(db, 'sar_requests'),
      counted(db, 'duties'),
    ]);
    const future = errorOf(
      await core.invoke(
        dsl,
        'sar.create',
        request({ receivedAt: '2027-02-05', competenceNote: '' }),
      ),
    );
    expect(future.code).toBe('invalid_input');
    expect(future.fields?.receivedAt).toMatch(/future/i);
    const noNote = errorOf(await core.invoke(dsl, 'sar.create', request({ competenceNote: '' })));
    expect(noNote.fields?.competenceNote).toMatch(/parent or carer is asking/);
    const other = errorOf(await core.invoke(dsl, 'sar.create', request({ relationship: 'other' })));
    expect(other.fields?.relationshipDetail).toBe('Say who the requester is to the child.');
    const nobody = errorOf(
      await core.invoke(
        dsl,
        'sar.create',
        request({ childId: '01937000-0000-7000-8000-00000000dead' }),
      ),
    );
    expect(nobody.fields?.childId).toBe('Choose a child on the register.');
    const after = await readStore(dir.path, (db) => [
      counted(db, 'sar_requests'),
      counted(db, 'duties'),
    ]);
    expect(after).toEqual(before);
  });

  it('starts the sar-response duty: received 31 Jan 2027, due at the end of Mon 1 Mar', async () => {
    sar = await must<SarDetail>(core.invoke(dsl, 'sar.create', request()));
    // One month is 28 Feb 2027, a Sunday: the rule rolls forward to the next working day.
    expect(sar.dueAt).toBe('2027-03-01T23:59:00.000Z');
    expect(sar.status).toBe('open');
    expect(sar.childAge).toBe(10);
    const duty = await must<DutyDetail>(core.invoke(dsl, 'duties.get', { dutyId: sar.dutyId }));
    expect(duty.ruleId).toBe('sar-response');
    expect(duty.childId).toBe(amara.id);
    expect(duty.dueAt).toBe('2027-03-01T23:59:00.000Z');
    expect(duty.triggerNote).toContain('Grace Okafor');
    const list = await must<SarSummary[]>(core.invoke(dsl, 'sar.list', {}));
    expect(list.map((s) => s.id)).toEqual([sar.id]);
    // A second open request about the same child is refused.
    const again = errorOf(await core.invoke(dsl, 'sar.create', request()));
    expect(again.code).toBe('conflict');
  });

  it('gathers 100 % of the child’s records, cross-checked by id', async () => {
    const detail = await must<SarDetail>(core.invoke(dsl, 'sar.get', { sarId: sar.id }));
    const keys = new Set(detail.items.map((i) => i.key));
    const held = await readStore(dir.path, (db) => {
      const ids = (sql: string) =>
        (db.prepare(sql).all(amara.id) as { k: string }[]).map((r) => r.k);
      const ofConcern = (table: string, source: string) =>
        ids(
          `SELECT '${source}:' || t.id AS k FROM ${table} t
           JOIN concern_children c ON c.concern_id = t.concern_id WHERE c.child_id = ?`,
        );
      return [
        ...ids(`SELECT 'child:' || id AS k FROM children WHERE id = ?`),
        ...ids(`SELECT 'concern:' || concern_id AS k FROM concern_children WHERE child_id = ?`),
        ...ofConcern('concern_addenda', 'addendum'),
        ...ofConcern('concern_attachments', 'attachment'),
        ...ofConcern('concern_decisions', 'decision'),
        ...ofConcern('concern_actions', 'action'),
        ...ofConcern('concern_closures', 'closure'),
        ...ids(
          `SELECT DISTINCT 'body_map:' || b.concern_id AS k FROM concern_body_marks b
           JOIN concern_children c ON c.concern_id = b.concern_id WHERE c.child_id = ?`,
        ),
        ...ids(`SELECT 'chronology:' || id AS k FROM chronology_entries WHERE child_id = ?`),
        ...ids(`SELECT 'designation:' || id AS k FROM designations WHERE child_id = ?`),
        ...ids(`SELECT 'family_adult:' || id AS k FROM family_adults WHERE child_id = ?`),
        ...ids(`SELECT 'key_contact:' || id AS k FROM key_contacts WHERE child_id = ?`),
        ...ids(
          `SELECT 'encompass:' || notification_id AS k FROM encompass_children WHERE child_id = ?`,
        ),
        ...ids(`SELECT 'duty:' || id AS k FROM duties WHERE child_id = ?`),
        ...ids(`SELECT 'transfer_out:' || id AS k FROM transfers_out WHERE child_id = ?`),
        ...ids(`SELECT 'transfer_in:' || id AS k FROM transfers_in WHERE child_id = ?`),
        ...ids(`SELECT 'export:' || id AS k FROM exports_log WHERE child_id = ?`),
      ];
    });
    // Every kind of record is there at least once, so the check covers each source.
    const sources = new Set(held.map((k) => k.slice(0, k.indexOf(':'))));
    expect([...sources].sort()).toEqual(
      [
        'action',
        'addendum',
        'attachment',
        'body_map',
        'child',
        'chronology',
        'closure',
        'concern',
        'decision',
        'designation',
        'duty',
        'encompass',
        'export',
        'family_adult',
        'key_contact',
        'transfer_in',
        'transfer_out',
      ].sort(),
    );
    expect(held.filter((k) => !keys.has(k))).toEqual([]);
    expect(keys.size).toBe(new Set(held).size);
    // Tomasz's records are not Amara's: nothing of his own file is listed.
    expect(detail.items.some((i) => i.id === tomasz.id)).toBe(false);
  });

  it('flags third parties for redaction: the other child and the family adults named', async () => {
    const detail = await must<SarDetail>(core.invoke(dsl, 'sar.get', { sarId: sar.id }));
    const item = detail.items.find((i) => i.key === `concern:${concern.id}`);
    const named = new Set(item?.suggestions.map((s) => s.partyId));
    expect(named.has(`child:${tomasz.id}`)).toBe(true);
    const daniel = item?.suggestions.find((s) => s.name === 'Daniel Reeve');
    expect(daniel?.decision).toBeNull();
    // The social worker is a professional, not a third party to redact.
    expect(detail.items.flatMap((i) => i.suggestions).some((s) => s.name === 'Ann Smith')).toBe(
      false,
    );
    expect(detail.pending).toBeGreaterThan(2);
  });

  it('stops the clock, restarts it and moves the due date by the days it stood still', async () => {
    now = new Date('2027-02-03T09:00:00Z');
    const paused = await must<SarDetail>(
      core.invoke(dsl, 'sar.pause', {
        sarId: sar.id,
        reason: 'Waiting for the mother’s proof of identity.',
      }),
    );
    expect(paused.status).toBe('paused');
    const twice = errorOf(
      await core.invoke(dsl, 'sar.pause', { sarId: sar.id, reason: 'Waiting again for ID.' }),
    );
    expect(twice.code).toBe('conflict');
    now = new Date('2027-02-10T09:00:00Z');
    const resumed = await must<SarDetail>(
      core.invoke(dsl, 'sar.resume', { sarId: sar.id, identityChecked: true, note: '' }),
    );
    expect(resumed.status).toBe('open');
    expect(resumed.pauses).toEqual([
      expect.objectContaining({
        pausedAt: '2027-02-03T09:00:00.000Z',
        resumedAt: '2027-02-10T09:00:00.000Z',
        days: 7,
      }),
    ]);
    expect(resumed.identityChecked).toBe(true);
    // 1 Mar statutory date = 28 Feb + 7 days = Sun 7 Mar, rolled forward to Mon 8 Mar.
    expect(resumed.dueAt).toBe('2027-03-08T23:59:00.000Z');
    expect(resumed.deadline.steps.join(' ')).toContain('7 days added for the stopped clock');
    const duty = await must<DutyDetail>(core.invoke(dsl, 'duties.get', { dutyId: sar.dutyId }));
    expect(duty.dueAt).toBe('2027-03-08T23:59:00.000Z');
  });

  it('extends through the duty: three months from receipt, plus the stopped days', async () => {
    const extended = await must<SarDetail>(
      core.invoke(dsl, 'sar.extend', {
        sarId: sar.id,
        reason: 'The file covers several years and many third parties.',
      }),
    );
    expect(extended.status).toBe('extended');
    // 30 Apr 2027 (three months on, April has no 31st) + 7 days = Fri 7 May 2027, in BST.
    expect(extended.dueAt).toBe('2027-05-07T22:59:00.000Z');
    const duty = await must<DutyDetail>(core.invoke(dsl, 'duties.get', { dutyId: sar.dutyId }));
    expect(duty.events.some((e) => e.kind === 'extended')).toBe(true);
    expect(duty.dueAt).toBe('2027-05-07T22:59:00.000Z');
  });

  it('refuses to export while suggestions wait for a decision, and logs nothing', async () => {
    const refused = errorOf(
      await core.invoke(dsl, 'sar.export', { sarId: sar.id, method: 'secure_email', notes: '' }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/Decide on the \d+ suggested redactions first/);
    const logged = await readStore(dir.path, (db) => counted(db, 'sar_completions'));
    expect(logged).toBe(0);
  });

  it('records redactions with reasons, refuses a span that is not in the item', async () => {
    const detail = await must<SarDetail>(core.invoke(dsl, 'sar.get', { sarId: sar.id }));
    const notThere = errorOf(
      await core.invoke(dsl, 'sar.redact', {
        action: 'add',
        sarId: sar.id,
        itemKey: `concern:${concern.id}`,
        partyId: null,
        span: 'words nobody wrote',
        decision: 'redact',
        reason: 'other',
        note: 'Testing a span that is absent.',
      }),
    );
    expect(notThere.fields?.span).toMatch(/do not appear in this item as whole words/);
    // Part of a word would not be withheld by the export, so it is refused too.
    const partWord = errorOf(
      await core.invoke(dsl, 'sar.redact', {
        action: 'add',
        sarId: sar.id,
        itemKey: `concern:${concern.id}`,
        partyId: null,
        span: 'rightened',
        decision: 'redact',
        reason: 'serious_harm',
        note: 'Testing part of a word.',
      }),
    );
    expect(partWord.fields?.span).toMatch(/as whole words/);
    for (const item of detail.items)
      for (const s of item.suggestions)
        await must(
          core.invoke(dsl, 'sar.redact', {
            action: 'add',
            sarId: sar.id,
            itemKey: item.key,
            partyId: s.partyId,
            span: '',
            decision: s.name === 'Grace Okafor' ? 'disclose' : 'redact',
            reason: 'third_party',
            note:
              s.name === 'Grace Okafor'
                ? 'The requester’s own information: disclose.'
                : 'Not the requester’s information; no consent to share.',
          }),
        );
    const encompass = detail.items.find((i) => i.source === 'encompass');
    const whole = await must<SarDetail>(
      core.invoke(dsl, 'sar.redact', {
        action: 'add',
        sarId: sar.id,
        itemKey: encompass?.key ?? '',
        partyId: null,
        span: '',
        decision: 'redact',
        reason: 'serious_harm',
        note: 'Disclosing the refuge would put the mother and child at risk.',
      }),
    );
    const span = await must<SarDetail>(
      core.invoke(dsl, 'sar.redact', {
        action: 'add',
        sarId: sar.id,
        itemKey: `concern:${concern.id}`,
        partyId: null,
        span: 'frightened of going home',
        decision: 'redact',
        reason: 'crime_taxation',
        note: 'Part of an open police investigation.',
      }),
    );
    const mistaken = span.items
      .find((i) => i.key === `concern:${concern.id}`)
      ?.redactions.find((r) => r.reason === 'crime_taxation');
    // Removing one is recorded too; then it is made again.
    await must(
      core.invoke(dsl, 'sar.redact', {
        action: 'remove',
        sarId: sar.id,
        redactionId: mistaken?.id ?? '',
        note: 'Wrong reason chosen; redone below.',
      }),
    );
    await must(
      core.invoke(dsl, 'sar.redact', {
        action: 'add',
        sarId: sar.id,
        itemKey: `concern:${concern.id}`,
        partyId: null,
        span: 'frightened of going home',
        decision: 'redact',
        reason: 'serious_harm',
        note: 'Would put the child at risk of serious harm at home.',
      }),
    );
    const final = await must<SarDetail>(
      core.invoke(dsl, 'sar.exemption', {
        sarId: sar.id,
        exemption: 'serious_harm',
        applies: true,
        reason: 'The child is in a refuge; the serious harm test is met.',
      }),
    );
    expect(whole.items.find((i) => i.source === 'encompass')?.redactions).toHaveLength(1);
    expect(final.pending).toBe(0);
    expect(final.exemptions).toEqual([
      expect.objectContaining({ exemption: 'serious_harm', applies: true }),
    ]);
    const rows = await readStore(dir.path, (db) => [
      counted(db, 'sar_redaction_removals'),
      counted(db, 'sar_redactions'),
    ]);
    expect(rows[0]).toBe(1);
  });

  it('exports the redacted response, logs it and discharges the duty', async () => {
    now = new Date('2027-02-15T11:00:00Z');
    const exported = await must<SarExported>(
      core.invoke(dsl, 'sar.export', { sarId: sar.id, method: 'secure_email', notes: '' }),
    );
    expect(exported.savedTo).not.toBeNull();
    const file = exported.savedTo ?? '';
    const pages = pagesOf(file);
    expect(pages.length).toBe(exported.pages);
    const all = pages.join('\n');
    for (const page of pages)
      expect(page.match(/OFFICIAL-SENSITIVE/g)?.length).toBeGreaterThanOrEqual(2);
    // Third parties, the withheld span and the withheld item are gone; the child's record stays.
    for (const gone of ['Daniel', 'Reeve', 'Tomasz', 'Nowak', 'frightened', 'refuge', 'Elm Road'])
      expect(all).not.toContain(gone);
    expect(all).toContain('Amara');
    expect(all).toContain('punched Amara twice on the arm');
    expect(all).toContain('[Redacted: third party]');
    expect(all).toContain('[Redacted: serious harm]');
    expect(all).toContain('Response to your subject access request');
    expect(all).toContain('Grace Okafor');
    expect(all).toMatch(/Annex: information withheld/);
    expect(all).toMatch(/Redacted: third party\s+\d+/);
    // The span, the Encompass notification and its chronology entry, withheld with it.
    expect(all).toMatch(/Redacted: serious harm\s+3/);
    expect(all).toContain('Exemptions applied: third party; serious harm.');
    // The photograph attached to the concern is reproduced (a copy of the data, not a mention).
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    expect(images.trim().split('\n').slice(2)).toHaveLength(1);

    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    const detail = await must<SarDetail>(core.invoke(dsl, 'sar.get', { sarId: sar.id }));
    expect(detail.status).toBe('completed');
    expect(detail.completion?.sha256).toBe(sha);
    const logged = await readStore(dir.path, (db) =>
      db
        .prepare(
          `SELECT kind, recipient, sha256, redacted FROM exports_log WHERE kind = 'subject_access'`,
        )
        .all(),
    );
    expect(logged).toEqual([
      { kind: 'subject_access', recipient: 'Grace Okafor', sha256: sha, redacted: 1 },
    ]);
    const duty = await must<DutyDetail>(core.invoke(dsl, 'duties.get', { dutyId: sar.dutyId }));
    expect(duty.status).toBe('discharged');
    const done = duty.events.find((e) => e.kind === 'discharged');
    expect(done?.recipient).toBe('Grace Okafor');
    expect(done?.text).toContain(sha);
    // Answered: nothing more changes.
    const late = errorOf(
      await core.invoke(dsl, 'sar.pause', { sarId: sar.id, reason: 'Waiting for something.' }),
    );
    expect(late.code).toBe('conflict');
    // The audit has one row per call, naming the request.
    const audited = await readStore(dir.path, (db) =>
      db
        .prepare(`SELECT outcome, record_ids AS ids FROM audit_log WHERE method = 'sar.export'`)
        .all(),
    );
    expect(audited).toHaveLength(2);
    expect(JSON.stringify(audited.at(-1))).toContain(sar.id);
  });

  it('withdraws a request: the duty no longer applies; the tables refuse changes', async () => {
    const other = await must<SarDetail>(
      core.invoke(dsl, 'sar.create', {
        ...request({ receivedAt: '2027-02-14', identityChecked: true }),
        childId: tomasz.id,
        requesterName: 'Piotr Nowak',
      }),
    );
    const gone = await must<SarDetail>(
      core.invoke(dsl, 'sar.withdraw', {
        sarId: other.id,
        reason: 'The father withdrew the request by email.',
      }),
    );
    expect(gone.status).toBe('withdrawn');
    expect(gone.dueAt).toBeNull();
    const duty = await must<DutyDetail>(core.invoke(dsl, 'duties.get', { dutyId: other.dutyId }));
    expect(duty.status).toBe('not_applicable');
    await expect(
      writeStore(dir.path, (db) => db.prepare('DELETE FROM sar_redactions').run()),
    ).rejects.toThrow(/cannot be deleted/);
    await expect(
      writeStore(dir.path, (db) =>
        db.prepare(`UPDATE sar_requests SET requester_name = 'X'`).run(),
      ),
    ).rejects.toThrow(/cannot be changed/);
  });

  it('goes with the child’s file when the file is destroyed (retention, 0020)', async () => {
    const before = await readStore(dir.path, (db) =>
      db.prepare('SELECT count(*) FROM sar_redactions').pluck().get(),
    );
    expect(before).toBeGreaterThan(0);
    const left = await writeStore(dir.path, (db) => {
      db.pragma('foreign_keys = ON');
      db.transaction(() => destroyChildRecords(db, amara.id))();
      return {
        requests: db.prepare('SELECT child_id FROM sar_requests').pluck().all(),
        redactions: db.prepare('SELECT count(*) FROM sar_redactions').pluck().get(),
        completions: db.prepare('SELECT count(*) FROM sar_completions').pluck().get(),
        problems: db.pragma('foreign_key_check'),
      };
    });
    expect(left).toEqual({ requests: [tomasz.id], redactions: 0, completions: 0, problems: [] });
  });

  it('is for the DSL and deputies only', async () => {
    const head = await signedInAs(core, dsl, 'head', 'headteacher');
    expect(errorOf(await core.invoke(head, 'sar.list', {})).code).toBe('forbidden');
    const deputy = await signedInAs(core, dsl, 'deputy', 'deputy_dsl');
    const list = await must<SarSummary[]>(core.invoke(deputy, 'sar.list', {}));
    expect(list.map((s) => s.childName)).toEqual(['Tomasz Nowak']);
  });
});
