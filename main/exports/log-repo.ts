import type { Db } from '../db/open';

export type ExportKind =
  | 'referral_pack'
  | 'form'
  | 'la_form'
  | 'transfer_bundle'
  | 'transfer_pdf'
  | 'receipt'
  | 'subject_access';

export type ExportRecord = {
  id: string;
  childId: string | null;
  kind: ExportKind;
  /** A built-in form id or a form_templates id; '' for the rest. */
  form: string;
  format: 'pdf' | 'docx' | 'bundle' | 'json';
  recipient: string;
  reference: string;
  concernIds: string[];
  redacted: boolean;
  sha256: string;
  bytes: number;
  exportedAt: string;
  exportedBy: string;
};

type Row = Omit<ExportRecord, 'concernIds' | 'redacted'> & {
  concernIds: string;
  redacted: number;
  exportedByName: string;
};

/** The record of what left Lantern: append-only (triggers refuse changes), never content. */
export function exportsLogRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO exports_log (id, child_id, kind, form, format, recipient, reference, concern_ids,
      redacted, sha256, bytes, exported_at, exported_by)
    VALUES (:id, :childId, :kind, :form, :format, :recipient, :reference, :concernIds,
      :redacted, :sha256, :bytes, :exportedAt, :exportedBy)
  `);
  const forChild = db.prepare<[string], Row>(`
    SELECT e.id, e.child_id AS childId, e.kind, e.form, e.format, e.recipient, e.reference,
      e.concern_ids AS concernIds, e.redacted, e.sha256, e.bytes, e.exported_at AS exportedAt,
      e.exported_by AS exportedBy, u.display_name AS exportedByName
    FROM exports_log e JOIN users u ON u.id = e.exported_by
    WHERE e.child_id = ? ORDER BY e.exported_at DESC, e.id DESC
  `);
  return {
    add(record: ExportRecord): void {
      insert.run({
        ...record,
        concernIds: JSON.stringify(record.concernIds),
        redacted: record.redacted ? 1 : 0,
      });
    },
    /** Newest first, with who exported each. */
    forChild(childId: string): (ExportRecord & { exportedByName: string })[] {
      return forChild.all(childId).map((r) => ({
        ...r,
        concernIds: JSON.parse(r.concernIds) as string[],
        redacted: r.redacted === 1,
      }));
    },
  };
}
