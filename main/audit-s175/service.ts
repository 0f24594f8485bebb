/**
 * The annual safeguarding audit (s.175/s.157; domain.md §3.8): the DSL (or a deputy or the
 * head) starts a year from the current question set, rates each question Red / Amber / Green
 * with a comment and evidence links, plans actions, and the DSL and the safeguarding governor
 * sign it off once every question is answered. A sign-off freezes the answers; the action plan
 * carries on through the year.
 */
import type { ParsedInput, SavedFile } from '../../shared/api';
import type {
  AuditList,
  AuditQuestion,
  AuditYear,
  AuditYearSummary,
  EvidenceOption,
  QuestionImportResult,
  QuestionSetInfo,
  Rag,
} from '../../shared/audit-s175/schema';
import { parseQuestionCsv, questionKey, ragCounts } from '../../shared/audit-s175/schema';
import { DEFAULT_QUESTION_SOURCE, DEFAULT_QUESTIONS } from '../../shared/audit-s175/questions';
import { formatInstant } from '../../shared/dates/calendar-date';
import { academicYearOf, academicYearStart } from '../../shared/dates/calendar-schema';
import { ApiFailure } from '../api-failure';
import { safeFileName } from '../exports/naming';
import { recordExport } from '../exports/record';
import type { HandlerContext, Handled } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import { policyEvidenceOptions } from '../policies/service';
import { trainingEvidenceOptions } from '../training/service';
import { auditDocument, auditDocx, auditPdf } from './document';
import type { AuditYearRecord } from './repo';

export type AuditStatus = {
  academicYear: string;
  questions: number;
  answered: number;
  red: number;
  amber: number;
  green: number;
  signedByDsl: string | null;
  signedByGovernor: string | null;
};

function summary(ctx: HandlerContext, year: AuditYearRecord): AuditYearSummary {
  const { answered, red, amber, green } = ragCounts(
    ctx.store.safeguardingAudit.answers(year.academicYear),
  );
  return {
    academicYear: year.academicYear,
    startedAt: year.startedAt,
    questions: year.questions.length,
    answered,
    red,
    amber,
    green,
    signoffs: ctx.store.safeguardingAudit.signoffs(year.academicYear),
  };
}

/** The current academic year's audit, or null before it is started (dashboard, governors). */
export function auditStatus(ctx: HandlerContext): AuditStatus | null {
  const year = ctx.store.safeguardingAudit.year(academicYearOf(ctx.today));
  if (!year) return null;
  const s = summary(ctx, year);
  const signedBy = (role: 'dsl' | 'governor') =>
    s.signoffs.find((x) => x.role === role)?.signedAt ?? null;
  return {
    academicYear: s.academicYear,
    questions: s.questions,
    answered: s.answered,
    red: s.red,
    amber: s.amber,
    green: s.green,
    signedByDsl: signedBy('dsl'),
    signedByGovernor: signedBy('governor'),
  };
}

function currentQuestionSet(ctx: HandlerContext): {
  info: QuestionSetInfo;
  questions: readonly AuditQuestion[];
} {
  const imported = ctx.store.safeguardingAudit.currentSet();
  return imported
    ? {
        info: {
          kind: 'imported',
          source: imported.source,
          questions: imported.questions.length,
          importedAt: imported.importedAt,
        },
        questions: imported.questions,
      }
    : {
        info: {
          kind: 'default',
          source: DEFAULT_QUESTION_SOURCE,
          questions: DEFAULT_QUESTIONS.length,
          importedAt: null,
        },
        questions: DEFAULT_QUESTIONS,
      };
}

function existingYear(ctx: HandlerContext, academicYear: string): AuditYearRecord {
  const year = ctx.store.safeguardingAudit.year(academicYear);
  if (!year)
    throw new ApiFailure('not_found', `The ${academicYear} audit has not been started.`, {
      academicYear: `Start the ${academicYear} audit first.`,
    });
  return year;
}

function question(year: AuditYearRecord, questionId: string): AuditQuestion {
  const q = year.questions.find((x) => x.id === questionId);
  if (!q)
    throw new ApiFailure('not_found', `That question is not in the ${year.academicYear} audit.`, {
      questionId: 'Choose a question from this year’s audit.',
    });
  return q;
}

/** Answers freeze once anyone has signed: the signature is for what they read. */
function refuseIfSigned(ctx: HandlerContext, academicYear: string): void {
  const signed = ctx.store.safeguardingAudit.signoffs(academicYear);
  if (signed.length > 0)
    throw new ApiFailure(
      'conflict',
      `The ${academicYear} audit has been signed off, so its answers can no longer change.`,
    );
}

function previousYear(academicYear: string): string {
  const start = academicYearStart(academicYear) ?? 0;
  return `${start - 1}/${String(start % 100).padStart(2, '0')}`;
}

export function listAudits(ctx: HandlerContext): Handled<AuditList> {
  return {
    value: {
      currentYear: academicYearOf(ctx.today),
      years: ctx.store.safeguardingAudit.years().map((y) => summary(ctx, y)),
      questionSet: currentQuestionSet(ctx).info,
    },
  };
}

export function auditYear(ctx: HandlerContext, academicYear: string): AuditYear {
  const year = existingYear(ctx, academicYear);
  const lastYearRecord = ctx.store.safeguardingAudit.year(previousYear(academicYear));
  let lastYear: AuditYear['lastYear'] = null;
  if (lastYearRecord) {
    const byKey = new Map(lastYearRecord.questions.map((q) => [q.id, questionKey(q)]));
    const ragByKey = new Map<string, Rag>();
    for (const a of ctx.store.safeguardingAudit.answers(lastYearRecord.academicYear)) {
      const key = byKey.get(a.questionId);
      if (key !== undefined) ragByKey.set(key, a.rag);
    }
    const rag: Record<string, Rag> = {};
    for (const q of year.questions) {
      const found = ragByKey.get(questionKey(q));
      if (found) rag[q.id] = found;
    }
    lastYear = { academicYear: lastYearRecord.academicYear, rag };
  }
  return {
    ...summary(ctx, year),
    questionSet: year.questions,
    answers: ctx.store.safeguardingAudit.answers(academicYear),
    lastYear,
    actions: ctx.store.safeguardingAudit.actions(academicYear),
  };
}

export function getAudit(
  ctx: HandlerContext,
  input: ParsedInput<'audits.get'>,
): Handled<AuditYear> {
  return { value: auditYear(ctx, input.academicYear) };
}

export function startAudit(
  ctx: HandlerContext,
  input: ParsedInput<'audits.start'>,
): Handled<AuditYear> {
  const current = academicYearOf(ctx.today);
  if (input.academicYear > current)
    throw new ApiFailure('invalid_input', 'That academic year has not begun yet.', {
      academicYear: `Choose ${current} or an earlier year.`,
    });
  if (ctx.store.safeguardingAudit.year(input.academicYear))
    throw new ApiFailure('conflict', `The ${input.academicYear} audit has already been started.`, {
      academicYear: `The ${input.academicYear} audit has already been started.`,
    });
  ctx.store.safeguardingAudit.startYear({
    academicYear: input.academicYear,
    questions: [...currentQuestionSet(ctx).questions],
    startedAt: ctx.now.toISOString(),
    startedBy: signedInUserId(ctx),
  });
  return { value: auditYear(ctx, input.academicYear) };
}

export function importAuditQuestions(
  ctx: HandlerContext,
  input: ParsedInput<'audits.importQuestions'>,
): Handled<QuestionImportResult> {
  const parsed = parseQuestionCsv(input.csv, input.source);
  if (!parsed.ok) {
    const fields = Object.fromEntries(
      parsed.errors.map((e) => [`csv.line${e.line}`, `Line ${e.line}: ${e.message}`]),
    );
    throw new ApiFailure(
      'invalid_input',
      `The question set was not imported: ${parsed.errors.length === 1 ? '1 line needs' : `${parsed.errors.length} lines need`} correcting.`,
      fields,
    );
  }
  const id = newId(ctx.now);
  ctx.store.safeguardingAudit.importSet({
    id,
    source: input.source,
    questions: parsed.questions,
    importedAt: ctx.now.toISOString(),
    importedBy: signedInUserId(ctx),
  });
  return {
    value: {
      questions: parsed.questions.length,
      sections: new Set(parsed.questions.map((q) => q.section)).size,
    },
    recordIds: [id],
  };
}

export function answerAudit(
  ctx: HandlerContext,
  input: ParsedInput<'audits.answer'>,
): Handled<AuditYear> {
  const year = existingYear(ctx, input.academicYear);
  question(year, input.questionId);
  refuseIfSigned(ctx, year.academicYear);
  const id = newId(ctx.now);
  ctx.store.safeguardingAudit.addAnswer({
    id,
    academicYear: year.academicYear,
    questionId: input.questionId,
    rag: input.rag,
    comment: input.comment,
    evidence: input.evidence,
    updatedAt: ctx.now.toISOString(),
    updatedBy: signedInUserId(ctx),
  });
  return { value: auditYear(ctx, year.academicYear), recordIds: [id] };
}

export function addAuditAction(
  ctx: HandlerContext,
  input: ParsedInput<'audits.addAction'>,
): Handled<AuditYear> {
  const year = existingYear(ctx, input.academicYear);
  question(year, input.questionId);
  const id = newId(ctx.now);
  ctx.store.safeguardingAudit.addAction({
    id,
    academicYear: year.academicYear,
    questionId: input.questionId,
    action: input.action,
    owner: input.owner,
    dueOn: input.dueOn,
    addedAt: ctx.now.toISOString(),
    addedBy: signedInUserId(ctx),
  });
  return { value: auditYear(ctx, year.academicYear), recordIds: [id] };
}

export function completeAuditAction(
  ctx: HandlerContext,
  input: ParsedInput<'audits.completeAction'>,
): Handled<AuditYear> {
  const action = ctx.store.safeguardingAudit.action(input.id);
  if (!action) throw new ApiFailure('not_found', 'There is no such action.');
  if (action.doneOn !== null)
    throw new ApiFailure('conflict', 'That action has already been marked done.');
  if (input.doneOn > ctx.today)
    throw new ApiFailure('invalid_input', 'The date done cannot be in the future.', {
      doneOn: 'The date done cannot be in the future.',
    });
  ctx.store.safeguardingAudit.completeAction(input.id, input.doneOn, signedInUserId(ctx));
  return { value: auditYear(ctx, action.academicYear), recordIds: [input.id] };
}

export function signOffAudit(
  ctx: HandlerContext,
  input: ParsedInput<'audits.signOff'>,
): Handled<AuditYear> {
  const user = ctx.session.user;
  if (!user) throw new ApiFailure('unauthenticated', 'Lantern is locked. Sign in to continue.');
  const role = user.role === 'dsl' ? 'dsl' : user.role === 'governor' ? 'governor' : null;
  if (role === null)
    throw new ApiFailure('forbidden', 'Only the DSL and the safeguarding governor sign the audit.');
  const year = existingYear(ctx, input.academicYear);
  const answered = ctx.store.safeguardingAudit.answers(year.academicYear).length;
  const unanswered = year.questions.length - answered;
  if (unanswered > 0)
    throw new ApiFailure(
      'invalid_input',
      `The audit cannot be signed off while ${unanswered === 1 ? '1 question is' : `${unanswered} questions are`} unanswered.`,
    );
  if (ctx.store.safeguardingAudit.signoffs(year.academicYear).some((s) => s.role === role))
    throw new ApiFailure(
      'conflict',
      `The ${year.academicYear} audit has already been signed by the ${role === 'dsl' ? 'DSL' : 'safeguarding governor'}.`,
    );
  const id = newId(ctx.now);
  ctx.store.safeguardingAudit.signOff({
    id,
    academicYear: year.academicYear,
    role,
    name: user.displayName,
    signedAt: ctx.now.toISOString(),
    userId: user.id,
  });
  return { value: auditYear(ctx, year.academicYear), recordIds: [id] };
}

/** What the training records and the policy register offer as evidence links. */
export function auditEvidenceOptions(ctx: HandlerContext): Handled<EvidenceOption[]> {
  const value = [...trainingEvidenceOptions(ctx), ...policyEvidenceOptions(ctx)];
  return { value, recordIds: value.map((o) => o.id) };
}

export async function exportAudit(
  ctx: HandlerContext,
  input: ParsedInput<'audits.export'>,
): Promise<Handled<SavedFile>> {
  const year = auditYear(ctx, input.academicYear);
  const user = ctx.session.user;
  const doc = auditDocument(
    year,
    ctx.store.school.get()?.name ?? '',
    user?.displayName ?? '',
    formatInstant(ctx.now.toISOString()),
  );
  const pdf = input.format === 'pdf';
  const data = pdf ? await auditPdf(doc) : await auditDocx(doc);
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: safeFileName(
        `Safeguarding audit ${year.academicYear.replace('/', '-')} ${ctx.today}.${input.format}`,
      ),
      title: 'Save the safeguarding audit',
      filters: [
        pdf
          ? { name: 'PDF', extensions: ['pdf'] }
          : { name: 'Word document', extensions: ['docx'] },
      ],
    },
    data,
  );
  if (savedTo === null) return { value: { savedTo } };
  const logId = ctx.commit([], () =>
    recordExport(
      ctx,
      {
        childId: null,
        kind: 'form',
        form: 's175-audit',
        format: input.format,
        recipient: 'Governing body',
        reference: year.academicYear,
        concernIds: [],
        redacted: false,
        title: `Safeguarding audit ${year.academicYear} exported`,
        detail: `The ${year.academicYear} safeguarding audit (${pdf ? 'PDF' : 'Word'}).`,
      },
      data,
    ),
  );
  return { value: { savedTo }, recordIds: [logId] };
}
