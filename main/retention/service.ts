import type { ParsedInput } from '../../shared/api';
import type { Child } from '../../shared/children/schema';
import { displayName } from '../../shared/children/schema';
import {
  addMonths,
  formatCalendarDate,
  formatInstant,
  londonDate,
} from '../../shared/dates/calendar-date';
import { fileReviewDate, retentionRules } from '../../shared/retention/rules';
import type {
  ChildHolds,
  DestructionRecord,
  RetentionQueue,
  RetentionQueueItem,
  RetentionSettingsVersion,
} from '../../shared/retention/schema';
import { ApiFailure } from '../api-failure';
import { registeredChild } from '../children/service';
import type { Handled, HandlerContext } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import type { Store } from '../store';
import { destroyChildRecords } from './destroy';

/** Every child whose review date is on or before `horizon`, soonest first. */
function queueItems(store: Store, today: string, horizon: string): RetentionQueueItem[] {
  const { settings } = store.retention.currentSettings();
  const allegations = store.retention.allegationDates();
  const holds = store.retention.currentHolds();
  const transfers = store.retention.transfersOut();
  const items: RetentionQueueItem[] = [];
  for (const child of store.retention.candidates()) {
    const review = fileReviewDate(
      { dateOfBirth: child.dateOfBirth, allegationDates: allegations.get(child.id) ?? [] },
      settings,
    );
    if (review.reviewFrom > horizon) continue;
    items.push({
      childId: child.id,
      displayName: displayName(child),
      dateOfBirth: child.dateOfBirth,
      leavingDate: child.leavingDate,
      reviewFrom: review.reviewFrom,
      recordType: review.recordType,
      due: review.reviewFrom <= today,
      hold: holds.get(child.id) ?? null,
      transferredTo: transfers.get(child.id) ?? [],
    });
  }
  return items.sort((a, b) => a.reviewFrom.localeCompare(b.reviewFrom));
}

export function retentionQueue(
  ctx: HandlerContext,
  input: ParsedInput<'retention.queue'>,
): Handled<RetentionQueue> {
  const items = queueItems(ctx.store, ctx.today, addMonths(ctx.today, input.withinMonths));
  return {
    value: { today: ctx.today, withinMonths: input.withinMonths, items },
    recordIds: items.map((i) => i.childId),
  };
}

/** For the DSL's dashboard: the files whose review date has come. */
export function retentionDue(
  ctx: HandlerContext,
): { childId: string; displayName: string; reviewFrom: string; legalHold: boolean }[] {
  return queueItems(ctx.store, ctx.today, ctx.today).map((i) => ({
    childId: i.childId,
    displayName: i.displayName,
    reviewFrom: i.reviewFrom,
    legalHold: i.hold !== null,
  }));
}

export function holdsForChild(
  ctx: HandlerContext,
  input: ParsedInput<'retention.holds'>,
): Handled<ChildHolds> {
  registeredChild(ctx, input.childId);
  return {
    value: { childId: input.childId, holds: ctx.store.retention.holdsOf(input.childId) },
    recordIds: [input.childId],
  };
}

export function placeHold(
  ctx: HandlerContext,
  input: ParsedInput<'retention.placeHold'>,
): Handled<ChildHolds> {
  registeredChild(ctx, input.childId);
  const current = ctx.store.retention.currentHolds().get(input.childId);
  if (current)
    throw new ApiFailure(
      'conflict',
      `This file is already under a legal hold placed on ${formatInstant(current.placedAt)}.`,
    );
  const id = newId(ctx.now);
  ctx.store.retention.placeHold({
    id,
    childId: input.childId,
    reason: input.reason,
    placedBy: signedInUserId(ctx),
    placedAt: ctx.now.toISOString(),
  });
  return {
    value: { childId: input.childId, holds: ctx.store.retention.holdsOf(input.childId) },
    recordIds: [input.childId, id],
  };
}

export function liftHold(
  ctx: HandlerContext,
  input: ParsedInput<'retention.liftHold'>,
): Handled<ChildHolds> {
  const hold = ctx.store.retention.hold(input.holdId);
  if (!hold) throw new ApiFailure('not_found', 'That legal hold does not exist.');
  const lifted = ctx.store.retention.liftHold({
    id: hold.id,
    reason: input.reason,
    liftedBy: signedInUserId(ctx),
    liftedAt: ctx.now.toISOString(),
  });
  if (!lifted)
    throw new ApiFailure(
      'conflict',
      `This hold was already lifted on ${formatInstant(hold.liftedAt)}.`,
    );
  return {
    value: { childId: hold.childId, holds: ctx.store.retention.holdsOf(hold.childId) },
    recordIds: [hold.childId, hold.id],
  };
}

export function retentionSettings(
  ctx: HandlerContext,
): Handled<{ current: RetentionSettingsVersion; history: RetentionSettingsVersion[] }> {
  return {
    value: {
      current: ctx.store.retention.currentSettings(),
      history: ctx.store.retention.settingsHistory(),
    },
  };
}

export function saveRetentionSettings(
  ctx: HandlerContext,
  input: ParsedInput<'retention.saveSettings'>,
): Handled<RetentionSettingsVersion> {
  ctx.store.retention.saveSettings(input, ctx.now.toISOString(), signedInUserId(ctx));
  return { value: ctx.store.retention.currentSettings() };
}

export function destructionRegister(ctx: HandlerContext): Handled<DestructionRecord[]> {
  const records = ctx.store.retention.register();
  return { value: records, recordIds: records.map((r) => r.id) };
}

const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/** The reason goes into the register, which names no child: refuse one that names this child. */
function namesChild(reason: string, child: Child): boolean {
  const text = fold(reason);
  const words = [
    child.legalForename,
    child.legalSurname,
    child.preferredForename,
    child.preferredSurname,
    child.upn,
  ].filter((w) => w.trim().length >= 2);
  return words.some((w) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escape(fold(w))}($|[^\\p{L}\\p{N}])`, 'u').test(text),
  );
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Destroys a child's file (DSL only). Refused under a legal hold, before the review date, without
 * the child's legal name typed to confirm, or with a reason that names the child. The deletes,
 * the destruction record and the audit row commit together; then the WAL is checkpointed and the
 * database vacuumed, so no page of the file (or of the WAL) still holds what was deleted.
 */
export function destroyFile(
  ctx: HandlerContext,
  input: ParsedInput<'retention.destroy'>,
): Handled<DestructionRecord> {
  const store = ctx.store;
  const child = registeredChild(ctx, input.childId);
  const hold = store.retention.currentHolds().get(child.id);
  if (hold)
    throw new ApiFailure(
      'conflict',
      `This file is under a legal hold placed on ${formatCalendarDate(londonDate(new Date(hold.placedAt)))} by ${hold.placedByName} (“${hold.reason}”); lift the hold before destroying it.`,
    );
  const { settings } = store.retention.currentSettings();
  const review = fileReviewDate(
    {
      dateOfBirth: child.dateOfBirth,
      allegationDates: store.retention.allegationDates().get(child.id) ?? [],
    },
    settings,
  );
  if (review.reviewFrom > ctx.today)
    throw new ApiFailure(
      'conflict',
      `This file is not due for review until ${formatCalendarDate(review.reviewFrom)} (${retentionRules[review.recordType].label.toLowerCase()}: ${settings[review.recordType]} years); it cannot be destroyed before then.`,
    );
  const legalName = `${child.legalForename} ${child.legalSurname}`;
  if (fold(input.confirmation) !== fold(legalName))
    throw new ApiFailure('invalid_input', 'The name typed does not match the child’s legal name.', {
      confirmation: `Type the child’s legal name, ${legalName}, to confirm.`,
    });
  if (namesChild(input.reason, child))
    throw new ApiFailure('invalid_input', 'The reason names the child.', {
      reason:
        'The destruction register keeps no name or UPN: give the reason without naming the child.',
    });

  const id = newId(ctx.now);
  ctx.commit([child.id, id], () => {
    const { deleted, sharedConcernsKept } = destroyChildRecords(store.db, child.id);
    store.retention.recordDestruction({
      id,
      childId: child.id,
      recordType: review.recordType,
      reviewDate: review.reviewFrom,
      deleted,
      sharedConcernsKept,
      reason: input.reason,
      authorisedBy: signedInUserId(ctx),
      destroyedAt: ctx.now.toISOString(),
    });
  });
  // Outside any transaction: move every committed page into the database file, rebuild the file
  // without its free pages (secure_delete has zeroed them already), and empty the WAL again.
  // The destruction has committed either way: a failed vacuum is logged, not reported as a
  // failed destruction (secure_delete has already overwritten the deleted rows' bytes).
  try {
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.exec('VACUUM');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    ctx.logger.error('vacuum after a destruction failed', {
      error: err instanceof Error ? err.message : String(err),
    });
  }
  const record = store.retention.register().find((r) => r.id === id);
  if (!record) throw new Error('The destruction record was not written.');
  return { value: record, recordIds: [child.id, id] };
}
