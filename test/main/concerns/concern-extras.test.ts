import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import { storePaths } from '../../../main/vault/vault';
import type { MethodInput, SavedFile } from '../../../shared/api';
import type { Child } from '../../../shared/children/schema';
import type { AttachmentContent, AttachmentMeta } from '../../../shared/concerns/attachments';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  TOO_LARGE,
  TOO_MANY,
  WRONG_TYPE,
} from '../../../shared/concerns/attachments';
import type { DraftContent, DraftSummary, SavedDraft } from '../../../shared/concerns/drafts';
import type { Concern } from '../../../shared/concerns/schema';
import {
  addTwoChildren,
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

const NOW = new Date('2026-11-28T10:00:00Z');

/** A PDF whose text is a marker to look for in the raw database file. */
const CANARY = 'LANTERN-ATTACHMENT-CANARY-7f3e9a';
const pdf = Buffer.from(`%PDF-1.4\n% ${CANARY}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
const png = solidPng(16, 16, [200, 40, 40]);

function blankDraft(childId: string): DraftContent {
  return {
    children: [{ childId, role: 'subject' }],
    date: '2026-11-27',
    time: '',
    approx: false,
    location: '',
    categories: [],
    summary: 'Started writing this',
    childWords: '',
    opinion: '',
    actionsTaken: '',
    peopleTold: '',
    dslToldInPerson: false,
    flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
    bodyMap: [],
  };
}

const bruise = {
  view: 'front',
  x: 0.29,
  y: 0.33,
  region: 'right-upper-arm',
  kind: 'bruise',
  description: '  Bruise, 3cm, yellow-green  ',
} as const;

describe('body map, attachments and drafts of a concern (issue 4, item 2)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let staff: Session;
  let otherStaff: Session;
  let amara: Child;
  let tomasz: Child;

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(
      dir.path,
      () => NOW,
      folderPlatform(join(dir.path, 'saved')),
    ));
    [amara, tomasz] = await addTwoChildren(core, dsl);
    staff = await signedInAs(core, dsl, 'steacher', 'staff');
    otherStaff = await signedInAs(core, dsl, 'oteacher', 'staff');
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  async function newDraft(session: Session): Promise<string> {
    const saved = await must<{ id: string }>(
      core.invoke(session, 'concernDrafts.save', { id: null, content: blankDraft(amara.id) }),
    );
    return saved.id;
  }

  function attach(session: Session, draftId: string, bytes: Buffer, fileName = 'arm.png') {
    return core.invoke(session, 'concernDrafts.attach', {
      draftId,
      fileName,
      dataBase64: bytes.toString('base64'),
    });
  }

  function attachmentRows(): Promise<number> {
    return readStore(
      dir.path,
      (db) =>
        (db.prepare('SELECT count(*) AS n FROM concern_attachments').get() as { n: number }).n,
    );
  }

  it('stores body map marks with the concern, trimmed, in order', async () => {
    const input: MethodInput<'concerns.submit'> = {
      ...fight(amara.id, tomasz.id),
      bodyMap: [
        bruise,
        {
          view: 'back',
          x: 0.5,
          y: 0.42,
          region: 'lower-back',
          kind: 'mark',
          description: 'Red mark',
        },
      ],
    };
    const concern = await must<Concern>(core.invoke(staff, 'concerns.submit', input));
    expect(concern.bodyMap).toEqual([
      { ...bruise, description: 'Bruise, 3cm, yellow-green' },
      {
        view: 'back',
        x: 0.5,
        y: 0.42,
        region: 'lower-back',
        kind: 'mark',
        description: 'Red mark',
      },
    ]);
    expect(concern.attachments).toEqual([]);
    const read = await must<Concern>(core.invoke(dsl, 'concerns.get', { id: concern.id }));
    expect(read.bodyMap).toEqual(concern.bodyMap);
  });

  it('refuses a mark on a region the view does not have, and stores nothing', async () => {
    const before = await readStore(dir.path, (db) =>
      db.prepare('SELECT count(*) AS n FROM concerns').get(),
    );
    const result = await core.invoke(staff, 'concerns.submit', {
      ...fight(amara.id, tomasz.id),
      bodyMap: [{ ...bruise, view: 'back', region: 'face' }],
    });
    expect(errorOf(result)).toMatchObject({
      code: 'invalid_input',
      fields: { 'bodyMap.0.region': 'Choose where on the body.' },
    });
    const after = await readStore(dir.path, (db) =>
      db.prepare('SELECT count(*) AS n FROM concerns').get(),
    );
    expect(after).toEqual(before);
  });

  it('keeps a draft for its author alone: not another teacher, not even the DSL', async () => {
    const id = await newDraft(staff);
    const mine = await must<SavedDraft>(core.invoke(staff, 'concernDrafts.get', { id }));
    expect(mine).toMatchObject({
      id,
      savedAt: NOW.toISOString(),
      content: blankDraft(amara.id),
      children: [{ childId: amara.id, name: 'Amara Okafor', role: 'subject' }],
      attachments: [],
    });
    const listed = await must<DraftSummary[]>(core.invoke(staff, 'concernDrafts.list', {}));
    expect(listed.map((d) => d.id)).toContain(id);

    for (const other of [otherStaff, dsl]) {
      expect(errorOf(await core.invoke(other, 'concernDrafts.get', { id })).code).toBe('not_found');
      expect(
        errorOf(
          await core.invoke(other, 'concernDrafts.save', { id, content: blankDraft(tomasz.id) }),
        ).code,
      ).toBe('not_found');
      expect(errorOf(await core.invoke(other, 'concernDrafts.discard', { id })).code).toBe(
        'not_found',
      );
      expect(errorOf(await attach(other, id, png)).code).toBe('not_found');
      const theirs = await must<DraftSummary[]>(core.invoke(other, 'concernDrafts.list', {}));
      expect(theirs.map((d) => d.id)).not.toContain(id);
    }
    const still = await must<SavedDraft>(core.invoke(staff, 'concernDrafts.get', { id }));
    expect(still.content).toEqual(blankDraft(amara.id));

    await must(core.invoke(staff, 'concernDrafts.discard', { id }));
    expect(errorOf(await core.invoke(staff, 'concernDrafts.get', { id })).code).toBe('not_found');
  });

  it('round-trips an attachment’s bytes, with its type from the bytes and its SHA-256', async () => {
    const draftId = await newDraft(staff);
    const meta = await must<AttachmentMeta>(attach(staff, draftId, png, '../../Photos/arm<1>.exe'));
    expect(meta).toMatchObject({
      fileName: 'arm1.png',
      mediaType: 'image/png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
      addedAt: NOW.toISOString(),
    });
    const back = await must<AttachmentContent>(
      core.invoke(staff, 'concerns.attachment', { id: meta.id }),
    );
    expect(Buffer.from(back.dataBase64, 'base64').equals(png)).toBe(true);
    // The draft's attachment is as private as the draft.
    expect(errorOf(await core.invoke(dsl, 'concerns.attachment', { id: meta.id })).code).toBe(
      'not_found',
    );
    const detached = await must<AttachmentMeta[]>(
      core.invoke(staff, 'concernDrafts.detach', { draftId, attachmentId: meta.id }),
    );
    expect(detached).toEqual([]);
    await must(core.invoke(staff, 'concernDrafts.discard', { id: draftId }));
  });

  it('refuses a file over the size limit with a clear message, storing nothing', async () => {
    const draftId = await newDraft(staff);
    const before = await attachmentRows();
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 4, 0);
    png.copy(big);
    // One byte over is caught once decoded; more than that by the schema, before decoding.
    for (const over of [1, 4]) {
      const error = errorOf(
        await attach(staff, draftId, big.subarray(0, MAX_ATTACHMENT_BYTES + over)),
      );
      expect(error.code).toBe('invalid_input');
      expect(Object.values(error.fields ?? {})).toEqual([TOO_LARGE]);
    }
    expect(TOO_LARGE).toBe('Each file must be 10 MB or smaller.');
    expect(await attachmentRows()).toBe(before);
    // Exactly at the limit is fine.
    const limit = big.subarray(0, MAX_ATTACHMENT_BYTES);
    const meta = await must<AttachmentMeta>(attach(staff, draftId, limit));
    expect(meta.size).toBe(MAX_ATTACHMENT_BYTES);
    await must(core.invoke(staff, 'concernDrafts.discard', { id: draftId }));
    expect(await attachmentRows()).toBe(before);
  });

  it('refuses a file that is not PNG, JPEG or PDF by its bytes, whatever its name', async () => {
    const draftId = await newDraft(staff);
    const before = await attachmentRows();
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const script = Buffer.from('<script>alert(1)</script>');
    for (const bytes of [gif, script]) {
      const error = errorOf(await attach(staff, draftId, bytes, 'photo.png'));
      expect(error).toMatchObject({ code: 'invalid_input', fields: { file: WRONG_TYPE } });
    }
    expect(errorOf(await attach(staff, draftId, Buffer.alloc(0))).fields).toEqual({
      file: 'The file is empty. Choose another.',
    });
    expect(await attachmentRows()).toBe(before);
    await must(core.invoke(staff, 'concernDrafts.discard', { id: draftId }));
  });

  it('allows at most five attachments on one concern', async () => {
    const draftId = await newDraft(staff);
    for (let i = 0; i < MAX_ATTACHMENTS; i++) await must(attach(staff, draftId, png));
    expect(errorOf(await attach(staff, draftId, png)).fields).toEqual({ file: TOO_MANY });
    const draft = await must<SavedDraft>(core.invoke(staff, 'concernDrafts.get', { id: draftId }));
    expect(draft.attachments).toHaveLength(MAX_ATTACHMENTS);
    await must(core.invoke(staff, 'concernDrafts.discard', { id: draftId }));
  });

  describe('submitting from a draft', () => {
    let concern: Concern;
    let draftId: string;

    beforeAll(async () => {
      draftId = await newDraft(staff);
      await must(attach(staff, draftId, png, 'arm.png'));
      await must(attach(staff, draftId, pdf, 'Note from home.pdf'));
      concern = await must<Concern>(
        core.invoke(staff, 'concerns.submit', { ...fight(amara.id, tomasz.id), draftId }),
      );
    });

    it('deletes the draft and moves its attachments to the concern', async () => {
      expect(concern.attachments.map((a) => [a.fileName, a.mediaType])).toEqual([
        ['arm.png', 'image/png'],
        ['Note from home.pdf', 'application/pdf'],
      ]);
      expect(errorOf(await core.invoke(staff, 'concernDrafts.get', { id: draftId })).code).toBe(
        'not_found',
      );
      const drafts = await readStore(dir.path, (db) =>
        db.prepare('SELECT count(*) AS n FROM concern_drafts WHERE id = ?').get(draftId),
      );
      expect(drafts).toEqual({ n: 0 });
    });

    it('lets the DSL and the recorder read the bytes, and no other teacher', async () => {
      const [image, document] = concern.attachments as [AttachmentMeta, AttachmentMeta];
      for (const reader of [dsl, staff]) {
        const read = await must<AttachmentContent>(
          core.invoke(reader, 'concerns.attachment', { id: document.id }),
        );
        expect(Buffer.from(read.dataBase64, 'base64').equals(pdf)).toBe(true);
      }
      expect(
        errorOf(await core.invoke(otherStaff, 'concerns.attachment', { id: image.id })).code,
      ).toBe('forbidden');
      expect(
        errorOf(await core.invoke(otherStaff, 'concerns.saveAttachment', { id: image.id })).code,
      ).toBe('forbidden');
    });

    it('saves a copy where the person chooses', async () => {
      const document = concern.attachments[1] as AttachmentMeta;
      const saved = await must<SavedFile>(
        core.invoke(dsl, 'concerns.saveAttachment', { id: document.id }),
      );
      expect(saved.savedTo).toBe(join(dir.path, 'saved', 'exports', 'Note from home.pdf'));
      expect(readFileSync(saved.savedTo ?? '').equals(pdf)).toBe(true);
    });

    it('refuses submitting from someone else’s draft, storing nothing', async () => {
      const theirs = await newDraft(otherStaff);
      const before = await readStore(dir.path, (db) =>
        db.prepare('SELECT count(*) AS n FROM concerns').get(),
      );
      const result = await core.invoke(staff, 'concerns.submit', {
        ...fight(amara.id, tomasz.id),
        draftId: theirs,
      });
      expect(errorOf(result).code).toBe('not_found');
      expect(
        await readStore(dir.path, (db) => db.prepare('SELECT count(*) AS n FROM concerns').get()),
      ).toEqual(before);
      await must(core.invoke(otherStaff, 'concernDrafts.get', { id: theirs }));
    });

    it('keeps the bytes encrypted: the marker is in no file of the data directory', () => {
      core.close();
      const marker = Buffer.from(CANARY);
      const files = readdirSync(dir.path, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => join(f.parentPath, f.name))
        .filter((f) => !f.includes(join('saved', 'exports')));
      expect(files).toContain(storePaths(dir.path).database);
      for (const file of files) expect(readFileSync(file).includes(marker)).toBe(false);
    });

    it('refuses any change to a submitted concern’s marks or attachments, behind Lantern’s back', async () => {
      const attempts = await writeStore(dir.path, (db) => {
        const tries = [
          `UPDATE concern_body_marks SET description = 'x'`,
          `DELETE FROM concern_body_marks`,
          `UPDATE concern_attachments SET file_name = 'x.png' WHERE concern_id = '${concern.id}'`,
          `UPDATE concern_attachments SET data = zeroblob(size) WHERE concern_id = '${concern.id}'`,
          `DELETE FROM concern_attachments WHERE concern_id = '${concern.id}'`,
        ];
        return tries.map((sql) => {
          try {
            const changes = db.prepare(sql).run().changes;
            return changes === 0 ? 'no rows' : 'changed';
          } catch (err) {
            return (err as Error).message;
          }
        });
      });
      for (const message of attempts) expect(message).toMatch(/cannot be (changed|deleted)/);
    });
  });
});
