import type {
  AuditAction,
  AuditAnswer,
  AuditQuestion,
  AuditSignoff,
  EvidenceLink,
  Rag,
} from '../../shared/audit-s175/schema';
import type { Db } from '../db/open';

type YearRow = { academic_year: string; questions: string; started_at: string };
type AnswerRow = {
  question_id: string;
  rag: Rag;
  comment: string;
  evidence: string;
  updated_at: string;
  updated_by_name: string | null;
};
type ActionRow = {
  id: string;
  question_id: string;
  action: string;
  owner: string;
  due_on: string;
  done_on: string | null;
};
type SignoffRow = { role: 'dsl' | 'governor'; name: string; signed_at: string };

export type AuditYearRecord = {
  academicYear: string;
  questions: AuditQuestion[];
  startedAt: string;
};
export type ImportedQuestionSet = {
  source: string;
  questions: AuditQuestion[];
  importedAt: string;
};

function yearRecord(row: YearRow): AuditYearRecord {
  return {
    academicYear: row.academic_year,
    questions: JSON.parse(row.questions) as AuditQuestion[],
    startedAt: row.started_at,
  };
}

export function auditRepo(db: Db) {
  const insertSet = db.prepare(`
    INSERT INTO audit_question_sets (id, source, questions, imported_at, imported_by)
    VALUES (:id, :source, :questions, :importedAt, :importedBy)
  `);
  const latestSet = db.prepare<[], { source: string; questions: string; imported_at: string }>(`
    SELECT source, questions, imported_at FROM audit_question_sets ORDER BY imported_at DESC, id DESC
    LIMIT 1
  `);
  const insertYear = db.prepare(`
    INSERT INTO audit_years (academic_year, questions, started_at, started_by)
    VALUES (:academicYear, :questions, :startedAt, :startedBy)
  `);
  const yearOf = db.prepare<[string], YearRow>(
    'SELECT academic_year, questions, started_at FROM audit_years WHERE academic_year = ?',
  );
  const allYears = db.prepare<[], YearRow>(
    'SELECT academic_year, questions, started_at FROM audit_years ORDER BY academic_year DESC',
  );
  const insertAnswer = db.prepare(`
    INSERT INTO audit_answers (id, academic_year, question_id, rag, comment, evidence, updated_at,
      updated_by)
    VALUES (:id, :academicYear, :questionId, :rag, :comment, :evidence, :updatedAt, :updatedBy)
  `);
  // The latest row per question wins: insertion order (rowid), since ids made within one
  // millisecond do not sort by time.
  const latestAnswers = db.prepare<[string], AnswerRow>(`
    SELECT a.question_id, a.rag, a.comment, a.evidence, a.updated_at,
      u.display_name AS updated_by_name
    FROM audit_answers a LEFT JOIN users u ON u.id = a.updated_by
    WHERE a.academic_year = ? AND a.rowid = (
      SELECT max(b.rowid) FROM audit_answers b
      WHERE b.academic_year = a.academic_year AND b.question_id = a.question_id)
    ORDER BY a.question_id
  `);
  const answerHistory = db.prepare<[string, string], AnswerRow>(`
    SELECT a.question_id, a.rag, a.comment, a.evidence, a.updated_at,
      u.display_name AS updated_by_name
    FROM audit_answers a LEFT JOIN users u ON u.id = a.updated_by
    WHERE a.academic_year = ? AND a.question_id = ? ORDER BY a.rowid
  `);
  const insertAction = db.prepare(`
    INSERT INTO audit_actions (id, academic_year, question_id, action, owner, due_on, added_at,
      added_by)
    VALUES (:id, :academicYear, :questionId, :action, :owner, :dueOn, :addedAt, :addedBy)
  `);
  const actionsOf = db.prepare<[string], ActionRow>(`
    SELECT id, question_id, action, owner, due_on, done_on FROM audit_actions
    WHERE academic_year = ? ORDER BY due_on, rowid
  `);
  const actionById = db.prepare<[string], ActionRow & { academic_year: string }>(`
    SELECT id, academic_year, question_id, action, owner, due_on, done_on FROM audit_actions
    WHERE id = ?
  `);
  const completeAction = db.prepare(
    'UPDATE audit_actions SET done_on = :doneOn, done_by = :doneBy WHERE id = :id AND done_on IS NULL',
  );
  const insertSignoff = db.prepare(`
    INSERT INTO audit_signoffs (id, academic_year, role, name, signed_at, user_id)
    VALUES (:id, :academicYear, :role, :name, :signedAt, :userId)
  `);
  const signoffsOf = db.prepare<[string], SignoffRow>(`
    SELECT role, name, signed_at FROM audit_signoffs WHERE academic_year = ?
    ORDER BY role = 'governor', signed_at
  `);

  function answer(row: AnswerRow): AuditAnswer {
    return {
      questionId: row.question_id,
      rag: row.rag,
      comment: row.comment,
      evidence: JSON.parse(row.evidence) as EvidenceLink[],
      updatedAt: row.updated_at,
      updatedByName: row.updated_by_name ?? 'Unknown',
    };
  }

  return {
    importSet(set: ImportedQuestionSet & { id: string; importedBy: string }): void {
      insertSet.run({
        id: set.id,
        source: set.source,
        questions: JSON.stringify(set.questions),
        importedAt: set.importedAt,
        importedBy: set.importedBy,
      });
    },
    /** The question set imported last, or null while Lantern's default set is in use. */
    currentSet(): ImportedQuestionSet | null {
      const row = latestSet.get();
      return row
        ? {
            source: row.source,
            questions: JSON.parse(row.questions) as AuditQuestion[],
            importedAt: row.imported_at,
          }
        : null;
    },
    startYear(y: AuditYearRecord & { startedBy: string }): void {
      insertYear.run({
        academicYear: y.academicYear,
        questions: JSON.stringify(y.questions),
        startedAt: y.startedAt,
        startedBy: y.startedBy,
      });
    },
    year(academicYear: string): AuditYearRecord | null {
      const row = yearOf.get(academicYear);
      return row ? yearRecord(row) : null;
    },
    years(): AuditYearRecord[] {
      return allYears.all().map(yearRecord);
    },
    addAnswer(a: {
      id: string;
      academicYear: string;
      questionId: string;
      rag: Rag;
      comment: string;
      evidence: EvidenceLink[];
      updatedAt: string;
      updatedBy: string;
    }): void {
      insertAnswer.run({ ...a, evidence: JSON.stringify(a.evidence) });
    },
    answers(academicYear: string): AuditAnswer[] {
      return latestAnswers.all(academicYear).map(answer);
    },
    history(academicYear: string, questionId: string): AuditAnswer[] {
      return answerHistory.all(academicYear, questionId).map(answer);
    },
    addAction(a: {
      id: string;
      academicYear: string;
      questionId: string;
      action: string;
      owner: string;
      dueOn: string;
      addedAt: string;
      addedBy: string;
    }): void {
      insertAction.run(a);
    },
    actions(academicYear: string): AuditAction[] {
      return actionsOf.all(academicYear).map((r) => ({
        id: r.id,
        questionId: r.question_id,
        action: r.action,
        owner: r.owner,
        dueOn: r.due_on,
        doneOn: r.done_on,
      }));
    },
    action(id: string): (AuditAction & { academicYear: string }) | null {
      const r = actionById.get(id);
      return r
        ? {
            id: r.id,
            academicYear: r.academic_year,
            questionId: r.question_id,
            action: r.action,
            owner: r.owner,
            dueOn: r.due_on,
            doneOn: r.done_on,
          }
        : null;
    },
    completeAction(id: string, doneOn: string, doneBy: string): boolean {
      return completeAction.run({ id, doneOn, doneBy }).changes === 1;
    },
    signOff(s: {
      id: string;
      academicYear: string;
      role: 'dsl' | 'governor';
      name: string;
      signedAt: string;
      userId: string;
    }): void {
      insertSignoff.run(s);
    },
    signoffs(academicYear: string): AuditSignoff[] {
      return signoffsOf
        .all(academicYear)
        .map((r) => ({ role: r.role, name: r.name, signedAt: r.signed_at }));
    },
  };
}
