/**
 * The annual safeguarding self-assessment (the "s.175/s.157 audit"; domain.md §3.8): a question
 * set (KCSIE by default, or the local authority's own, imported as CSV), and per academic year
 * a RAG rating, comment and evidence links for each question, an action plan and the sign-off
 * by the DSL and the safeguarding governor.
 */
import { z } from 'zod';

import { calendarDate } from '../children/schema';
import { narrative } from '../concerns/schema';
import { academicYearStart } from '../dates/calendar-schema';
import { recordId } from '../record-id';
import { parseCsv } from '../text/csv';

export const RAG_VALUES = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAG_VALUES)[number];
export const RAG_WORDS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export type AuditQuestion = {
  /** Stable within one question set; a year keeps its own copy. */
  id: string;
  section: string;
  text: string;
  evidence: string;
  /** Where the expectation comes from ("KCSIE Part two", or the local authority's name). */
  source: string;
};

export const EVIDENCE_KINDS = ['training', 'policy', 'filtering_review', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_WORDS: Record<EvidenceKind, string> = {
  training: 'Training record',
  policy: 'Policy review',
  filtering_review: 'Filtering and monitoring review',
  other: 'Other evidence',
};

export type EvidenceLink = { kind: EvidenceKind; id: string; label: string };
/** What the other governance records offer as evidence (training, policies, filtering reviews). */
export type EvidenceOption = { kind: Exclude<EvidenceKind, 'other'>; id: string; label: string };

export const MAX_EVIDENCE_LINKS = 20;
export const MAX_COMMENT_CHARS = 4000;
export const MAX_QUESTIONS = 200;
/** A question set CSV: 200 questions of a few hundred characters fit easily. */
export const MAX_QUESTION_CSV_CHARS = 200_000;

export const academicYear = z
  .string()
  .max(7)
  .refine((s) => academicYearStart(s) !== null, 'Enter the academic year, such as 2026/27.');

const questionId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9-]+$/, 'Not a question id.');

export const evidenceLink = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  id: z.string().max(100),
  label: narrative('The evidence', 200, true),
});

export const answerInput = z.strictObject({
  academicYear,
  questionId,
  rag: z.enum(RAG_VALUES, 'Choose Red, Amber or Green.'),
  comment: narrative('The comment', MAX_COMMENT_CHARS, false),
  evidence: z
    .array(evidenceLink)
    .max(MAX_EVIDENCE_LINKS, `Link at most ${MAX_EVIDENCE_LINKS} pieces of evidence.`)
    .refine(
      (list) => new Set(list.map((e) => `${e.kind}:${e.id || e.label}`)).size === list.length,
      'Each piece of evidence can be linked once.',
    ),
});
export type AnswerInput = z.input<typeof answerInput>;

export const addActionInput = z.strictObject({
  academicYear,
  questionId,
  action: narrative('The action', 1000, true),
  owner: narrative('Who will do it', 120, true),
  dueOn: calendarDate('Due date'),
});
export type AuditActionInput = z.input<typeof addActionInput>;

export const completeActionInput = z.strictObject({
  id: recordId,
  doneOn: calendarDate('Date done'),
});

export const importQuestionsInput = z.strictObject({
  csv: z
    .string()
    .max(
      MAX_QUESTION_CSV_CHARS,
      `The file must be ${MAX_QUESTION_CSV_CHARS.toLocaleString('en-GB')} characters or fewer.`,
    ),
  /** Recorded as each question's source, such as the local authority's name. */
  source: narrative('Where the questions come from', 120, true),
});

export const exportInput = z.strictObject({
  academicYear,
  format: z.enum(['pdf', 'docx']),
});

export type AuditAnswer = {
  questionId: string;
  rag: Rag;
  comment: string;
  evidence: EvidenceLink[];
  updatedAt: string;
  updatedByName: string;
};

export type AuditAction = {
  id: string;
  questionId: string;
  action: string;
  owner: string;
  dueOn: string;
  doneOn: string | null;
};

export type AuditSignoff = {
  role: 'dsl' | 'governor';
  name: string;
  signedAt: string;
};

export type AuditYearSummary = {
  academicYear: string;
  startedAt: string;
  questions: number;
  answered: number;
  red: number;
  amber: number;
  green: number;
  signoffs: AuditSignoff[];
};

export type QuestionSetInfo = {
  /** 'default' = Lantern's KCSIE set; 'imported' = a set imported from CSV. */
  kind: 'default' | 'imported';
  source: string;
  questions: number;
  importedAt: string | null;
};

export type AuditList = {
  currentYear: string;
  years: AuditYearSummary[];
  questionSet: QuestionSetInfo;
};

export type AuditYear = AuditYearSummary & {
  questionSet: AuditQuestion[];
  answers: AuditAnswer[];
  /** The previous academic year's RAG per question of this year, matched by question text. */
  lastYear: { academicYear: string; rag: Record<string, Rag> } | null;
  actions: AuditAction[];
};

export type QuestionImportResult = { questions: number; sections: number };

/** The figures the dashboard and the governors' report show for one year. */
export function ragCounts(answers: readonly { rag: Rag }[]) {
  return {
    answered: answers.length,
    red: answers.filter((a) => a.rag === 'red').length,
    amber: answers.filter((a) => a.rag === 'amber').length,
    green: answers.filter((a) => a.rag === 'green').length,
  };
}

/** The key that matches a question across years and question sets. */
export function questionKey(q: Pick<AuditQuestion, 'section' | 'text'>): string {
  return `${q.section}\u0000${q.text}`.replace(/\s+/g, ' ').trim().toLowerCase();
}

export type QuestionCsvResult =
  | { ok: true; questions: AuditQuestion[] }
  | { ok: false; errors: { line: number; message: string }[] };

const HEADERS = ['section', 'question', 'evidence expected'] as const;
/** Each cell is checked as the same text typed into Lantern would be. */
const CELLS = {
  section: narrative('The section', 120, true),
  question: narrative('The question', 1000, true),
  evidence: narrative('The evidence expected', 1000, false),
};

/**
 * A local authority's question set: a header row "Section, Question, Evidence expected" (any
 * order, any case; other columns ignored), then one question per row. Every problem is
 * reported with its line, and nothing is imported unless every row is good.
 */
export function parseQuestionCsv(csv: string, source: string): QuestionCsvResult {
  const records = parseCsv(csv);
  const errors: { line: number; message: string }[] = [];
  const [header, ...rows] = records;
  if (!header) return { ok: false, errors: [{ line: 1, message: 'The file is empty.' }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const col = HEADERS.map((h) => names.indexOf(h));
  const missing = HEADERS.filter((_, i) => col[i] === -1);
  if (missing.length > 0)
    return {
      ok: false,
      errors: [
        {
          line: header.line,
          message: `The first row must name the columns Section, Question and Evidence expected (missing: ${missing.join(', ')}).`,
        },
      ],
    };
  if (rows.length === 0)
    return { ok: false, errors: [{ line: header.line, message: 'The file has no questions.' }] };
  if (rows.length > MAX_QUESTIONS)
    return {
      ok: false,
      errors: [
        {
          line: header.line,
          message: `A question set can have at most ${MAX_QUESTIONS} questions.`,
        },
      ],
    };
  const seen = new Map<string, number>();
  const questions: AuditQuestion[] = [];
  for (const row of rows) {
    if (row.problem) {
      errors.push({ line: row.line, message: row.problem });
      continue;
    }
    const [section, text, evidence] = col.map((i) => (row.fields[i] ?? '').trim()) as [
      string,
      string,
      string,
    ];
    const problems = (
      [
        [CELLS.section, section],
        [CELLS.question, text],
        [CELLS.evidence, evidence],
      ] as const
    ).flatMap(([schema, cell]) => {
      const checked = schema.safeParse(cell);
      return checked.success ? [] : checked.error.issues.map((i) => i.message);
    });
    const key = questionKey({ section, text });
    const earlier = seen.get(key);
    if (text && earlier !== undefined)
      problems.push(`The same question is already on line ${earlier}.`);
    if (problems.length > 0) {
      errors.push({ line: row.line, message: problems.join(' ') });
      continue;
    }
    seen.set(key, row.line);
    questions.push({
      id: `q${String(questions.length + 1).padStart(3, '0')}`,
      section,
      text,
      evidence,
      source,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, questions };
}
