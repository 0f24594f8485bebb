import type { FilteringReview, PolicyReview } from '../../shared/policies/schema';
import type { Db } from '../db/open';

type PolicyRow = {
  id: string;
  builtin: 0 | 1;
  title: string;
  owner_name: string;
  notes: string;
  interval_months: number;
};

type ReviewRow = {
  id: string;
  policy_id: string;
  approved_on: string;
  approved_by: string;
  version_label: string;
  next_review: string;
  published_url: string;
  document_name: string | null;
  document_size: number | null;
  recorded_at: string;
  recorded_by_name: string | null;
};

type FilteringRow = {
  id: string;
  reviewed_on: string;
  participants: string;
  systems_checked: string;
  findings: string;
  actions: string;
  recorded_at: string;
  recorded_by_name: string | null;
};

/** What the policies table says about one policy (the register adds the rest). */
export type StoredPolicy = {
  id: string;
  builtin: boolean;
  title: string;
  ownerName: string;
  notes: string;
  intervalMonths: number;
};

export type NewPolicy = {
  id: string;
  title: string;
  ownerName: string;
  notes: string;
  intervalMonths: number;
  addedAt: string;
  addedBy: string;
};

export type NewPolicyReview = {
  id: string;
  policyId: string;
  approvedOn: string;
  approvedBy: string;
  versionLabel: string;
  nextReview: string;
  publishedUrl: string;
  document: { fileName: string; sha256: string; data: Buffer } | null;
  recordedAt: string;
  recordedBy: string;
};

export type NewFilteringReview = Omit<
  FilteringReview,
  'nextReview' | 'recordedByName' | 'recordedAt'
> & { recordedAt: string; recordedBy: string };

const REVIEW_COLUMNS = `r.id, r.policy_id, r.approved_on, r.approved_by, r.version_label,
  r.next_review, r.published_url, r.document_name, length(r.document) AS document_size,
  r.recorded_at, u.display_name AS recorded_by_name`;

function review(row: ReviewRow): PolicyReview {
  return {
    id: row.id,
    policyId: row.policy_id,
    approvedOn: row.approved_on,
    approvedBy: row.approved_by,
    versionLabel: row.version_label,
    nextReview: row.next_review,
    publishedUrl: row.published_url,
    document:
      row.document_name === null
        ? null
        : { fileName: row.document_name, size: row.document_size ?? 0 },
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name ?? 'Unknown user',
  };
}

/** The policy register's rows, their reviews (with evidence) and the filtering reviews. */
export function policiesRepo(db: Db) {
  const all = db.prepare<[], PolicyRow>(
    'SELECT id, builtin, title, owner_name, notes, interval_months FROM policies ORDER BY rowid',
  );
  const byId = db.prepare<[string], PolicyRow>(
    'SELECT id, builtin, title, owner_name, notes, interval_months FROM policies WHERE id = ?',
  );
  const insertPolicy = db.prepare(`
    INSERT INTO policies (id, builtin, title, owner_name, notes, interval_months, added_at,
      added_by)
    VALUES (:id, 0, :title, :ownerName, :notes, :intervalMonths, :addedAt, :addedBy)
  `);
  const updateDetails = db.prepare(
    'UPDATE policies SET owner_name = :ownerName, notes = :notes WHERE id = :id',
  );
  const insertReview = db.prepare(`
    INSERT INTO policy_reviews (id, policy_id, approved_on, approved_by, version_label,
      next_review, published_url, document, document_name, document_sha256, recorded_at,
      recorded_by)
    VALUES (:id, :policyId, :approvedOn, :approvedBy, :versionLabel, :nextReview, :publishedUrl,
      :document, :documentName, :documentSha256, :recordedAt, :recordedBy)
  `);
  // Newest approval first; of two approvals on one day, the later recorded.
  const reviews = db.prepare<[], ReviewRow>(`
    SELECT ${REVIEW_COLUMNS} FROM policy_reviews r LEFT JOIN users u ON u.id = r.recorded_by
    ORDER BY r.approved_on DESC, r.recorded_at DESC, r.id DESC
  `);
  const reviewById = db.prepare<[string], ReviewRow>(`
    SELECT ${REVIEW_COLUMNS} FROM policy_reviews r LEFT JOIN users u ON u.id = r.recorded_by
    WHERE r.id = ?
  `);
  const documentOf = db.prepare<[string], { document: Buffer | null }>(
    'SELECT document FROM policy_reviews WHERE id = ?',
  );
  const insertFiltering = db.prepare(`
    INSERT INTO filtering_reviews (id, reviewed_on, participants, systems_checked, findings,
      actions, recorded_at, recorded_by)
    VALUES (:id, :reviewedOn, :participants, :systemsChecked, :findings, :actions, :recordedAt,
      :recordedBy)
  `);
  const filtering = db.prepare<[], FilteringRow>(`
    SELECT f.id, f.reviewed_on, f.participants, f.systems_checked, f.findings, f.actions,
      f.recorded_at, u.display_name AS recorded_by_name
    FROM filtering_reviews f LEFT JOIN users u ON u.id = f.recorded_by
    ORDER BY f.reviewed_on DESC, f.recorded_at DESC, f.id DESC
  `);

  const policy = (row: PolicyRow): StoredPolicy => ({
    id: row.id,
    builtin: row.builtin === 1,
    title: row.title,
    ownerName: row.owner_name,
    notes: row.notes,
    intervalMonths: row.interval_months,
  });

  return {
    all(): StoredPolicy[] {
      return all.all().map(policy);
    },
    get(id: string): StoredPolicy | null {
      const row = byId.get(id);
      return row ? policy(row) : null;
    },
    add(p: NewPolicy): void {
      insertPolicy.run(p);
    },
    /** The policy's owner and notes: what the school says about it, not its history. */
    updateDetails(id: string, ownerName: string, notes: string): void {
      updateDetails.run({ id, ownerName, notes });
    },
    addReview(r: NewPolicyReview): void {
      insertReview.run({
        id: r.id,
        policyId: r.policyId,
        approvedOn: r.approvedOn,
        approvedBy: r.approvedBy,
        versionLabel: r.versionLabel,
        nextReview: r.nextReview,
        publishedUrl: r.publishedUrl,
        document: r.document?.data ?? null,
        documentName: r.document?.fileName ?? null,
        documentSha256: r.document?.sha256 ?? null,
        recordedAt: r.recordedAt,
        recordedBy: r.recordedBy,
      });
    },
    /** Every review of every policy, newest approval first. */
    reviews(): PolicyReview[] {
      return reviews.all().map(review);
    },
    review(id: string): PolicyReview | null {
      const row = reviewById.get(id);
      return row ? review(row) : null;
    },
    document(reviewId: string): Buffer | null {
      return documentOf.get(reviewId)?.document ?? null;
    },
    addFilteringReview(r: NewFilteringReview): void {
      insertFiltering.run({
        id: r.id,
        reviewedOn: r.reviewedOn,
        participants: JSON.stringify(r.participants),
        systemsChecked: r.systemsChecked,
        findings: r.findings,
        actions: JSON.stringify(r.actions),
        recordedAt: r.recordedAt,
        recordedBy: r.recordedBy,
      });
    },
    /** Newest review first, without the next review date (the service works it out). */
    filteringReviews(): Omit<FilteringReview, 'nextReview'>[] {
      return filtering.all().map((row) => ({
        id: row.id,
        reviewedOn: row.reviewed_on,
        participants: JSON.parse(row.participants) as FilteringReview['participants'],
        systemsChecked: row.systems_checked,
        findings: row.findings,
        actions: JSON.parse(row.actions) as FilteringReview['actions'],
        recordedAt: row.recorded_at,
        recordedByName: row.recorded_by_name ?? 'Unknown user',
      }));
    },
  };
}
