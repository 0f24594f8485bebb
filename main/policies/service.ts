/**
 * The policy register and the filtering and monitoring reviews (issue 7; domain.md §3.6,
 * §3.8). Governors (governance.read) see the register's titles and dates; owners, notes,
 * review history and the filtering reviews' findings are for governance.manage.
 */
import { createHash } from 'node:crypto';

import type { ParsedInput, SavedFile } from '../../shared/api';
import { can } from '../../shared/auth/roles';
import {
  MAX_ATTACHMENT_BYTES,
  sanitiseFileName,
  sniffAttachmentType,
  TOO_LARGE,
} from '../../shared/concerns/attachments';
import { addMonths, formatCalendarDate } from '../../shared/dates/calendar-date';
import { filteringReview, registeredPolicy } from '../../shared/policies/register';
import type {
  FilteringReview,
  PolicyEntry,
  PolicyRegisterView,
  PolicyReview,
} from '../../shared/policies/schema';
import {
  filteringReviewProblems,
  POLICY_DUE_SOON_MONTHS,
  policyReviewProblems,
} from '../../shared/policies/schema';
import { ApiFailure } from '../api-failure';
import type { Handled, HandlerContext } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import type { StoredPolicy } from './repo';

/** Shown when a policy review's evidence is not a PDF. */
export const NOT_A_PDF = 'Attach the evidence as a PDF.';

type PolicyFacts = Pick<
  PolicyEntry,
  'id' | 'title' | 'source' | 'basis' | 'intervalMonths' | 'publicationRequired' | 'builtin'
>;

/** A stored policy with what the register says about it (register policies) or school defaults. */
function facts(stored: StoredPolicy): PolicyFacts {
  const registered = stored.builtin ? registeredPolicy(stored.id) : undefined;
  if (registered)
    return {
      id: stored.id,
      title: registered.title,
      source: registered.source,
      basis: registered.basis,
      intervalMonths: registered.intervalMonths,
      publicationRequired: registered.publicationRequired,
      builtin: true,
    };
  return {
    id: stored.id,
    title: stored.title,
    source: null,
    basis: 'school_practice',
    intervalMonths: stored.intervalMonths,
    publicationRequired: false,
    builtin: false,
  };
}

/**
 * Every policy with its reviews, newest approval first. Without `full` (governors) only titles,
 * dates and publication: no owners, notes, approvers, versions or history.
 */
function entries(ctx: HandlerContext, full: boolean): PolicyEntry[] {
  const reviews = ctx.store.policies.reviews();
  return ctx.store.policies.all().map((stored) => {
    const history = reviews.filter((r) => r.policyId === stored.id);
    const last = history[0] ?? null;
    const nextReview = last?.nextReview ?? null;
    return {
      ...facts(stored),
      ownerName: full ? stored.ownerName : '',
      notes: full ? stored.notes : '',
      lastApprovedOn: last?.approvedOn ?? null,
      lastReview: full ? last : null,
      nextReview,
      overdue: nextReview === null || nextReview < ctx.today,
      publishedUrl: last?.publishedUrl ?? '',
      history: full ? history : [],
    };
  });
}

function withNextReview(r: Omit<FilteringReview, 'nextReview'>): FilteringReview {
  return { ...r, nextReview: addMonths(r.reviewedOn, filteringReview.intervalMonths) };
}

function allFilteringReviews(ctx: HandlerContext): FilteringReview[] {
  return ctx.store.policies.filteringReviews().map(withNextReview);
}

function registerView(ctx: HandlerContext): PolicyRegisterView {
  const full = ctx.session.user !== null && can(ctx.session.user.role, 'governance.manage');
  const latest = allFilteringReviews(ctx)[0] ?? null;
  return {
    today: ctx.today,
    policies: entries(ctx, full),
    filtering: {
      lastReviewedOn: latest?.reviewedOn ?? null,
      nextReview: latest?.nextReview ?? null,
      overdue: latest === null || latest.nextReview < ctx.today,
    },
  };
}

/** For the governors' view and the annual report: how the register stands today. */
export function policyCompliance(ctx: HandlerContext): {
  total: number;
  inDate: number;
  overdue: number;
  lastFilteringReview: string | null;
} {
  const list = entries(ctx, false);
  const overdue = list.filter((p) => p.overdue).length;
  return {
    total: list.length,
    inDate: list.length - overdue,
    overdue,
    lastFilteringReview: ctx.store.policies.filteringReviews()[0]?.reviewedOn ?? null,
  };
}

/**
 * For the DSL's dashboard: policies overdue or due within POLICY_DUE_SOON_MONTHS, most urgent
 * first. `nextReview` is '' for a policy never reviewed (it is overdue).
 */
export function policiesDue(
  ctx: HandlerContext,
): { id: string; title: string; nextReview: string; overdue: boolean }[] {
  const horizon = addMonths(ctx.today, POLICY_DUE_SOON_MONTHS);
  return entries(ctx, false)
    .filter((p) => p.nextReview === null || p.nextReview <= horizon)
    .map((p) => ({ id: p.id, title: p.title, nextReview: p.nextReview ?? '', overdue: p.overdue }))
    .sort((a, b) => a.nextReview.localeCompare(b.nextReview));
}

/** For the annual audit's evidence links: every policy review and filtering review, newest first. */
export function policyEvidenceOptions(
  ctx: HandlerContext,
): { kind: 'policy' | 'filtering_review'; id: string; label: string }[] {
  const titles = new Map(ctx.store.policies.all().map((p) => [p.id, facts(p).title]));
  const reviews = ctx.store.policies.reviews().map((r) => ({
    kind: 'policy' as const,
    id: r.id,
    label: `${titles.get(r.policyId) ?? 'Policy'}: approved ${formatCalendarDate(r.approvedOn)}${r.versionLabel === '' ? '' : ` (version ${r.versionLabel})`}`,
  }));
  const filtering = ctx.store.policies.filteringReviews().map((r) => ({
    kind: 'filtering_review' as const,
    id: r.id,
    label: `Filtering and monitoring review: ${formatCalendarDate(r.reviewedOn)}`,
  }));
  return [...reviews, ...filtering];
}

export function listPolicies(ctx: HandlerContext): Handled<PolicyRegisterView> {
  const value = registerView(ctx);
  return { value, recordIds: value.policies.map((p) => p.id) };
}

function evidence(
  document: { fileName: string; dataBase64: string } | null,
): { fileName: string; sha256: string; data: Buffer } | null {
  if (document === null) return null;
  const data = Buffer.from(document.dataBase64, 'base64');
  if (data.length > MAX_ATTACHMENT_BYTES)
    throw new ApiFailure('invalid_input', TOO_LARGE, { document: TOO_LARGE });
  if (sniffAttachmentType(data) !== 'application/pdf')
    throw new ApiFailure('invalid_input', NOT_A_PDF, { document: NOT_A_PDF });
  return {
    fileName: sanitiseFileName(document.fileName, 'application/pdf'),
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
  };
}

export function reviewPolicy(
  ctx: HandlerContext,
  input: ParsedInput<'policies.review'>,
): Handled<PolicyRegisterView> {
  const stored = ctx.store.policies.get(input.policyId);
  if (!stored)
    throw new ApiFailure('not_found', 'There is no such policy.', {
      policyId: 'Choose a policy.',
    });
  const policy = facts(stored);
  const fields = policyReviewProblems(input, policy, ctx.today);
  if (Object.keys(fields).length > 0)
    throw new ApiFailure('invalid_input', 'Some details need correcting.', fields);
  const document = evidence(input.document);
  const id = newId(ctx.now);
  ctx.store.policies.addReview({
    id,
    policyId: policy.id,
    approvedOn: input.approvedOn,
    approvedBy: input.approvedBy,
    versionLabel: input.versionLabel,
    nextReview:
      input.nextReview === ''
        ? addMonths(input.approvedOn, policy.intervalMonths)
        : input.nextReview,
    publishedUrl: input.publishedUrl,
    document,
    recordedAt: ctx.now.toISOString(),
    recordedBy: signedInUserId(ctx),
  });
  return { value: registerView(ctx), recordIds: [id, policy.id] };
}

export function addPolicy(
  ctx: HandlerContext,
  input: ParsedInput<'policies.add'>,
): Handled<PolicyRegisterView> {
  // The register's titles live in shared/policies/register.ts, so they are compared here.
  const taken = ctx.store.policies
    .all()
    .some((p) => facts(p).title.toLowerCase() === input.title.toLowerCase());
  if (taken)
    throw new ApiFailure('conflict', 'That policy is already on the register.', {
      title: 'A policy with this title is already on the register.',
    });
  const id = newId(ctx.now);
  ctx.store.policies.add({
    id,
    title: input.title,
    ownerName: input.ownerName,
    notes: input.notes,
    intervalMonths: input.intervalMonths,
    addedAt: ctx.now.toISOString(),
    addedBy: signedInUserId(ctx),
  });
  return { value: registerView(ctx), recordIds: [id] };
}

export function updatePolicy(
  ctx: HandlerContext,
  input: ParsedInput<'policies.update'>,
): Handled<PolicyRegisterView> {
  if (!ctx.store.policies.get(input.policyId))
    throw new ApiFailure('not_found', 'There is no such policy.', {
      policyId: 'Choose a policy.',
    });
  ctx.store.policies.updateDetails(input.policyId, input.ownerName, input.notes);
  return { value: registerView(ctx), recordIds: [input.policyId] };
}

function existingReview(ctx: HandlerContext, id: string): PolicyReview {
  const review = ctx.store.policies.review(id);
  if (!review) throw new ApiFailure('not_found', 'There is no such policy review.');
  return review;
}

/** Saves a copy of a review's evidence where the person chooses. */
export async function policyDocument(
  ctx: HandlerContext,
  input: ParsedInput<'policies.document'>,
): Promise<Handled<SavedFile>> {
  const review = existingReview(ctx, input.reviewId);
  const data = ctx.store.policies.document(review.id);
  if (review.document === null || data === null)
    throw new ApiFailure('not_found', 'This review has no evidence attached.');
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: review.document.fileName,
      title: 'Save a copy of the policy review evidence',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    },
    data,
  );
  return { value: { savedTo }, recordIds: [review.id, review.policyId] };
}

export function listFilteringReviews(ctx: HandlerContext): Handled<FilteringReview[]> {
  const value = allFilteringReviews(ctx);
  return { value, recordIds: value.map((r) => r.id) };
}

export function recordFilteringReview(
  ctx: HandlerContext,
  input: ParsedInput<'policies.recordFilteringReview'>,
): Handled<FilteringReview[]> {
  const fields = filteringReviewProblems(input, ctx.today);
  if (Object.keys(fields).length > 0)
    throw new ApiFailure('invalid_input', 'Some details need correcting.', fields);
  const id = newId(ctx.now);
  ctx.store.policies.addFilteringReview({
    id,
    reviewedOn: input.reviewedOn,
    participants: input.participants,
    systemsChecked: input.systemsChecked,
    findings: input.findings,
    actions: input.actions,
    recordedAt: ctx.now.toISOString(),
    recordedBy: signedInUserId(ctx),
  });
  return { value: allFilteringReviews(ctx), recordIds: [id] };
}
