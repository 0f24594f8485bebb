import type { AttachmentMeta, AttachmentType } from '../../shared/concerns/attachments';
import type { Db } from '../db/open';

type MetaRow = {
  id: string;
  file_name: string;
  media_type: AttachmentType;
  size: number;
  sha256: string;
  added_at: string;
};

type FullRow = MetaRow & {
  draft_id: string | null;
  concern_id: string | null;
  added_by: string;
  data: Buffer;
};

export const ATTACHMENT_META_COLUMNS = 'id, file_name, media_type, size, sha256, added_at';

export function attachmentMeta(row: MetaRow): AttachmentMeta {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    addedAt: row.added_at,
  };
}

export type NewAttachment = {
  id: string;
  draftId: string;
  addedBy: string;
  addedAt: string;
  fileName: string;
  mediaType: AttachmentType;
  sha256: string;
  data: Buffer;
};

/** An attachment with its bytes, and whether it still belongs to a draft or to a concern. */
export type StoredAttachment = {
  meta: AttachmentMeta;
  draftId: string | null;
  concernId: string | null;
  data: Buffer;
};

/**
 * Attachments: added to a draft, moved to its concern on submit (the schema then refuses any
 * change), read back with their bytes. The bytes live in the encrypted database.
 */
export function attachmentsRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO concern_attachments (id, draft_id, concern_id, added_by, added_at, file_name,
      media_type, size, sha256, data)
    VALUES (:id, :draftId, NULL, :addedBy, :addedAt, :fileName, :mediaType, :size, :sha256, :data)
  `);
  const byId = db.prepare<[string], FullRow>('SELECT * FROM concern_attachments WHERE id = ?');
  const forDraft = db.prepare<[string], MetaRow>(
    `SELECT ${ATTACHMENT_META_COLUMNS} FROM concern_attachments WHERE draft_id = ? ORDER BY rowid`,
  );
  const countForDraft = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM concern_attachments WHERE draft_id = ?',
  );
  const removeFromDraft = db.prepare(
    'DELETE FROM concern_attachments WHERE id = ? AND draft_id = ?',
  );
  const moveToConcern = db.prepare(
    'UPDATE concern_attachments SET concern_id = ?, draft_id = NULL WHERE draft_id = ?',
  );

  return {
    addToDraft(attachment: NewAttachment): void {
      insert.run({ ...attachment, size: attachment.data.length });
    },
    get(id: string): StoredAttachment | null {
      const row = byId.get(id);
      if (!row) return null;
      return {
        meta: attachmentMeta(row),
        draftId: row.draft_id,
        concernId: row.concern_id,
        data: row.data,
      };
    },
    forDraft(draftId: string): AttachmentMeta[] {
      return forDraft.all(draftId).map(attachmentMeta);
    },
    countForDraft(draftId: string): number {
      return countForDraft.get(draftId)?.n ?? 0;
    },
    /** False when the draft has no such attachment. */
    removeFromDraft(id: string, draftId: string): boolean {
      return removeFromDraft.run(id, draftId).changes === 1;
    },
    /** On submit: the draft's attachments become the concern's, for good. */
    moveToConcern(draftId: string, concernId: string): void {
      moveToConcern.run(concernId, draftId);
    },
  };
}
export type AttachmentsRepo = ReturnType<typeof attachmentsRepo>;
