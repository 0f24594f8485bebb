import type { Db } from '../db/open';

type DraftRow = { id: string; author_id: string; saved_at: string; content: string };
type SummaryRow = DraftRow & { attachments: number };

/** A draft as stored: its content is the JSON of shared/concerns/drafts.ts' draftContent. */
export type StoredDraft = { id: string; authorId: string; savedAt: string; content: string };

function toDraft(row: DraftRow): StoredDraft {
  return { id: row.id, authorId: row.author_id, savedAt: row.saved_at, content: row.content };
}

/** Concerns being written. Only the service decides who may touch one (its author). */
export function draftsRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO concern_drafts (id, author_id, created_at, saved_at, content)
    VALUES (:id, :authorId, :savedAt, :savedAt, :content)
  `);
  const update = db.prepare(
    'UPDATE concern_drafts SET saved_at = :savedAt, content = :content WHERE id = :id',
  );
  const byId = db.prepare<[string], DraftRow>('SELECT * FROM concern_drafts WHERE id = ?');
  const byAuthor = db.prepare<[string], SummaryRow>(`
    SELECT d.*, (SELECT count(*) FROM concern_attachments a WHERE a.draft_id = d.id) AS attachments
    FROM concern_drafts d WHERE d.author_id = ? ORDER BY d.saved_at DESC, d.id DESC
  `);
  const remove = db.prepare('DELETE FROM concern_drafts WHERE id = ?');

  return {
    insert(draft: { id: string; authorId: string; savedAt: string; content: string }): void {
      insert.run(draft);
    },
    update(draft: { id: string; savedAt: string; content: string }): void {
      update.run(draft);
    },
    get(id: string): StoredDraft | null {
      const row = byId.get(id);
      return row ? toDraft(row) : null;
    },
    byAuthor(authorId: string): (StoredDraft & { attachments: number })[] {
      return byAuthor.all(authorId).map((r) => ({ ...toDraft(r), attachments: r.attachments }));
    },
    /** Removes the draft and, with it, any attachment still on it. */
    remove(id: string): void {
      remove.run(id);
    },
  };
}
export type DraftsRepo = ReturnType<typeof draftsRepo>;
