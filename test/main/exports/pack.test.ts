import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { MethodInput } from '../../../shared/api';
import type { ActionOwner } from '../../../shared/casework/schema';
import type { ChronologyEntry } from '../../../shared/chronology/schema';
import type { CuratedChronology } from '../../../shared/chronology/curated';
import type { Child } from '../../../shared/children/schema';
import type { AttachmentMeta } from '../../../shared/concerns/attachments';
import type { Concern } from '../../../shared/concerns/schema';
import type { DutySummary } from '../../../shared/duties/schema';
import type {
  PackExported,
  PackHistoryItem,
  PackOptions,
  PackPreview,
} from '../../../shared/exports/pack';
import { plainText, REDACTED_TEXT } from '../../../shared/exports/pack';
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
} from '../../support/core';
import { solidPng } from '../../support/png';
import { sampleAdult, samplePartner } from '../../support/samples';

const NOW = new Date('2026-11-28T10:00:00Z');

/** Text of each page of a PDF file, as poppler reads it. */
function pagesOf(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

async function attachedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2])
    doc.addPage([595, 842]).drawText(`Police letter page ${n}`, { x: 72, y: 700, font, size: 14 });
  return Buffer.from(await doc.save());
}

describe('referral pack (issue 6, item 1)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let amara: Child;
  let tomasz: Child;
  let first: Concern;
  let second: Concern;
  let options: PackOptions;
  let request: MethodInput<'packs.export'>;

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(
      dir.path,
      () => NOW,
      folderPlatform(join(dir.path, 'saved')),
    ));
    [amara, tomasz] = await addTwoChildren(core, dsl);
    // Grace shares the child's surname: "Okafor" alone must stay, "Grace" must go.
    await must(core.invoke(dsl, 'family.addAdult', { childId: amara.id, adult: sampleAdult }));
    await must(
      core.invoke(dsl, 'family.addAdult', {
        childId: amara.id,
        adult: samplePartner,
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
      core.invoke(dsl, 'concernDrafts.save', {
        id: null,
        content: blankDraft(amara.id),
      }),
    );
    for (const [fileName, bytes] of [
      ['arm photo Tomasz.png', solidPng(40, 30, [200, 40, 40])],
      ['police letter.pdf', await attachedPdf()],
    ] as const)
      await must<AttachmentMeta>(
        core.invoke(dsl, 'concernDrafts.attach', {
          draftId: draft.id,
          fileName,
          dataBase64: bytes.toString('base64'),
        }),
      );
    first = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(amara.id, tomasz.id),
        summary: 'Tomasz Nowak punched Amara twice on the arm during lunch.',
        childWords: 'Tomasz said he would get me. Daniel says I deserve it.',
        opinion: 'TOMASZ may be copying what happens at home.',
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
    second = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(amara.id, tomasz.id),
        children: [{ childId: amara.id, role: 'subject' }],
        occurredAt: '2026-11-28T08:40',
        occurredAtApprox: false,
        categories: ['domestic_abuse'],
        summary:
          'Amara Okafor said Grace and daniel reeve were shouting at night; call 07700 900 123.',
        childWords: 'Mum (Grace) cried. I stayed at 4 Quay Street.',
        opinion: '',
      }),
    );
    await must(
      core.invoke(dsl, 'triage.setLevel', {
        concernId: second.id,
        level: 3,
        rationale: 'Domestic abuse disclosed by the child; threshold for a referral is met.',
      }),
    );
    await must(
      core.invoke(dsl, 'triage.decide', {
        concernId: second.id,
        kind: 'referral_csc',
        description: '',
        reviewDate: '',
        rationale: 'Referral to MASH today: Grace is not able to keep Amara safe from Daniel.',
      }),
    );
    const [referral] = await must<DutySummary[]>(
      core.invoke(dsl, 'duties.forChild', { childId: amara.id }),
    );
    await must(
      core.invoke(dsl, 'duties.discharge', {
        dutyId: referral?.id ?? '',
        at: '2026-11-28T09:50',
        recipient: 'Westshire MASH',
        method: 'phone',
        reference: 'MASH-CALL-77',
        actedBy: null,
        notes: '',
      }),
    );
    const owners = await must<ActionOwner[]>(core.invoke(dsl, 'actions.owners', {}));
    await must(
      core.invoke(dsl, 'actions.add', {
        concernId: second.id,
        description: 'Send the referral pack to Westshire MASH.',
        ownerId: owners[0]?.id ?? '',
        dueDate: '2026-11-30',
      }),
    );
    const chronology = await must<ChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forChild', {
        childId: amara.id,
        filter: { from: '', to: '', categories: [], sources: [], significantOnly: false },
      }),
    );
    const disclosure = chronology.find((e) => e.concernId === second.id && e.source === 'concern');
    await must(
      core.invoke(dsl, 'chronology.mark', {
        entryId: disclosure?.id ?? '',
        significant: true,
        headline: 'Disclosure of domestic abuse at home',
      }),
    );
    options = await must<PackOptions>(core.invoke(dsl, 'packs.options', { childId: amara.id }));
    request = {
      childId: amara.id,
      recipient: 'Westshire MASH',
      reference: 'MASH-2026-0412',
      concernIds: [first.id, second.id],
      chronology: 'all',
      sections: {
        family: true,
        designations: true,
        actions: true,
        duties: true,
        bodyMaps: true,
        attachmentIndex: true,
      },
      attachmentIds: options.attachments.map((a) => a.id),
      redactThirdParties: true,
      redact: options.thirdParties.map((t) => t.id),
    };
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('offers the concerns newest first, the attachments and the third parties', () => {
    expect(options.concerns.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(options.attachments.map((a) => a.fileName).sort()).toEqual([
      'arm photo Tomasz.png',
      'police letter.pdf',
    ]);
    expect(options.thirdParties.map((t) => [t.name, t.description])).toEqual([
      ['Grace Okafor', 'Mother'],
      ['Daniel Reeve', 'Parent’s partner'],
      ['Tomasz Nowak', 'Alleged perpetrator (concern of 27 Nov 2026)'],
    ]);
  });

  it('previews the pack with every third party redacted, whatever the case or form of the name', async () => {
    const preview = await must<PackPreview>(core.invoke(dsl, 'packs.preview', request));
    const text = JSON.stringify(preview);
    for (const name of ['Grace', 'Daniel', 'daniel', 'Reeve', 'Tomasz', 'TOMASZ', 'Nowak'])
      expect(text).not.toContain(name);
    for (const detail of ['07700 900 123', 'dan.reeve@example.com', '4 Quay Street', 'RV3 9ZZ'])
      expect(text).not.toContain(detail);
    expect(text).toContain('Amara Okafor');
    const words = preview.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === 'paragraph' && b.label === 'The child’s own words');
    expect(words?.kind === 'paragraph' && words.text).toEqual([
      { text: REDACTED_TEXT, redacted: true },
      { text: ' said he would get me. ', redacted: false },
      { text: REDACTED_TEXT, redacted: true },
      { text: ' says I deserve it.', redacted: false },
    ]);
    expect(preview.redactions).toBeGreaterThan(10);
    expect(preview.pageEstimate).toBeGreaterThanOrEqual(3);
    expect(preview.sections.map((s) => s.heading)).toEqual([
      'The child',
      'Family and professionals',
      'Designations',
      'The concerns',
      'Chronology (all entries)',
      'Actions and decisions',
      'Statutory duties',
      'Index of attachments',
      'Attachments',
    ]);
  });

  it('exports a PDF marked on every page, numbered, with the reference, and nothing redacted left in it', async () => {
    const out = await must<PackExported>(core.invoke(dsl, 'packs.export', request));
    expect(out.savedTo).toMatch(/Okafor-Amara-referral-pack-2026-11-28\.pdf$/);
    const bytes = readFileSync(out.savedTo ?? '');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(out.pages);
    const pages = pagesOf(out.savedTo ?? '');
    expect(pages).toHaveLength(out.pages);
    pages.forEach((page, i) => {
      const lines = page.split('\n').filter((l) => l.trim() !== '');
      expect(lines[0]?.trim()).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-1)?.trim()).toBe('OFFICIAL-SENSITIVE');
      expect(page).toContain(`Page ${i + 1} of ${out.pages}`);
      expect(page).toContain('MASH-2026-0412');
    });
    const all = pages.join('\n');
    for (const expected of [
      'Westshire MASH',
      '28 Nov 2026',
      'Riverside Primary School',
      'Dana Lead, Designated safeguarding lead',
      'Amara Okafor',
      'Child in need',
      'punched Amara twice on the arm',
      'Opinion of the person recording',
      'Referral to children’s social care',
      'Send the referral pack to Westshire MASH.',
      'Disclosure of domestic abuse at home',
      'Body map: front view',
      'Bruise, 3cm, yellow-green',
      'police letter.pdf',
      'Police letter page 2',
      REDACTED_TEXT,
    ])
      expect(all).toContain(expected);
    expect(all).toMatch(/Referral to children.s social care/);
    for (const name of [
      'Grace',
      'Daniel',
      'daniel',
      'Reeve',
      'Tomasz',
      'TOMASZ',
      'Nowak',
      '07700 900 123',
      'Quay',
    ])
      expect(all).not.toContain(name);
    // The duty the referral decision started, with its status and the evidence that closed it.
    const duty = all
      .split('\n')
      .find((l) => l.trimStart().startsWith('Refer to children’s social care'));
    expect(duty).toMatch(/28 Nov 2026, 10:00 +Done +28 Nov 2026, 09:50; Westshire MASH;$/);
    expect(all).toContain('Telephone; ref. MASH-CALL-77');
    expect(all).toMatch(/Confirm the telephone referral in writing +29 Nov 2026, 09:50 +Open/);
  });

  it('records what was sent, to whom, on the exports log and the chronology', async () => {
    const history = await must<PackHistoryItem[]>(
      core.invoke(dsl, 'packs.history', { childId: amara.id }),
    );
    expect(history[0]).toMatchObject({
      kind: 'referral_pack',
      recipient: 'Westshire MASH',
      reference: 'MASH-2026-0412',
      concernCount: 2,
      redacted: true,
      exportedByName: 'Dana Lead',
    });
    const rows = await readStore(dir.path, (db) =>
      db
        .prepare("SELECT concern_ids AS c, redacted FROM exports_log WHERE kind = 'referral_pack'")
        .all(),
    );
    expect(rows).toEqual([{ c: JSON.stringify([first.id, second.id]), redacted: 1 }]);
    const chronology = await must<ChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forChild', {
        childId: amara.id,
        filter: { from: '', to: '', categories: [], sources: ['export'], significantOnly: false },
      }),
    );
    expect(chronology.map((e) => e.title)).toEqual(['Referral pack sent to Westshire MASH']);
  });

  it('keeps the names when the DSL chooses not to redact', async () => {
    const out = await must<PackExported>(
      core.invoke(dsl, 'packs.export', {
        ...request,
        reference: 'MASH-2026-0413',
        attachmentIds: [],
        redactThirdParties: false,
      }),
    );
    const all = pagesOf(out.savedTo ?? '').join('\n');
    for (const name of ['Grace Okafor', 'Daniel Reeve', 'Tomasz Nowak', '07700 900 123'])
      expect(all).toContain(name);
    expect(all).not.toContain(REDACTED_TEXT);
    expect(all).not.toContain('Police letter page');
  });

  it('redacts only the chosen people, in a curated chronology’s analysis too', async () => {
    const all = await must<ChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forChild', {
        childId: amara.id,
        filter: { from: '', to: '', categories: [], sources: ['concern'], significantOnly: false },
      }),
    );
    const curated = await must<CuratedChronology>(
      core.invoke(dsl, 'chronology.curated.save', {
        id: '',
        childId: amara.id,
        title: 'Chronology for MASH',
        purpose: 'Referral',
        entries: all.map((e) => ({ entryId: e.id, analysis: 'Daniel again; Grace present.' })),
      }),
    );
    const preview = await must<PackPreview>(
      core.invoke(dsl, 'packs.preview', {
        ...request,
        chronology: curated.id,
        redact: options.thirdParties.filter((t) => t.name === 'Daniel Reeve').map((t) => t.id),
      }),
    );
    const section = preview.sections.find((s) => s.heading === 'Chronology: Chronology for MASH');
    const table = section?.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.columns).toEqual([
      'Date',
      'Event',
      'Source',
      'Analysis',
    ]);
    expect(table?.kind === 'table' && table.rows.map((r) => plainText(r[3] ?? []))).toEqual(
      all.map(() => `${REDACTED_TEXT} again; Grace present.`),
    );
  });

  it('refuses choices that are not this child’s, and refuses staff', async () => {
    const other = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(tomasz.id, amara.id),
        children: [{ childId: tomasz.id, role: 'subject' }],
      }),
    );
    expect(
      errorOf(await core.invoke(dsl, 'packs.preview', { ...request, concernIds: [other.id] }))
        .fields,
    ).toEqual({ concernIds: 'Choose only concerns about this child.' });
    expect(
      errorOf(await core.invoke(dsl, 'packs.preview', { ...request, redact: ['adult:nobody'] }))
        .fields,
    ).toEqual({ redact: 'Choose only people listed as third parties for this child.' });
    expect(
      errorOf(await core.invoke(dsl, 'packs.preview', { ...request, concernIds: [] })).fields,
    ).toEqual({ concernIds: 'Choose at least one concern to include.' });
    expect(
      errorOf(await core.invoke(dsl, 'packs.preview', { ...request, chronology: other.id })).fields,
    ).toEqual({ chronology: 'Choose a curated chronology of this child.' });
    const staff = await signedInAs(core, dsl, 'steacher', 'staff');
    for (const method of ['packs.preview', 'packs.export'] as const)
      expect(errorOf(await core.invoke(staff, method, request)).code).toBe('forbidden');
    const logged = await readStore(dir.path, (db) =>
      db.prepare('SELECT count(*) AS n FROM exports_log').get(),
    );
    expect(logged).toEqual({ n: 2 });
  });
});
