import type { z } from 'zod';

import type { MethodName, MethodOutput, ParsedInput } from '../shared/api';
import { isMethodName, methods } from '../shared/api';
import { can } from '../shared/auth/roles';
import { londonDate } from '../shared/dates/calendar-date';
import type { ApiError, Result } from '../shared/result';
import { ApiFailure, storageFailure } from './api-failure';
import type { AuditOutcome } from './audit/log';
import { childViewers, exportAuditCsv, listAudit, verifyAudit } from './audit/service';
import {
  acknowledgeAlert,
  changePassphrase,
  confirmRecoveryKey,
  listAlerts,
  recover,
  rotateKey,
  saveRecoverySheet,
  sessionStatus,
  setupCreate,
  signIn,
} from './auth/service';
import { applyImport, listImportMappings, previewImport } from './children/import';
import {
  createSar,
  decideExemption,
  exportSar,
  extendSar,
  getSar,
  listSars,
  pauseSar,
  redactSar,
  resumeSar,
  withdrawSar,
} from './sar/service';
import {
  addDesignation,
  currentDesignations,
  designationsForChild,
  endDesignation,
} from './children/designations';
import {
  addAdult,
  addKeyContact,
  endKeyContact,
  familyForChild,
  linkSibling,
  unlinkSibling,
  updateAdult,
} from './children/family';
import { addChild, getChild, listChildren, updateChild } from './children/service';
import { addAddendum, concernsForChild, getConcern, submitConcern } from './concerns/service';
import { dashboard } from './dashboard/service';
import { governanceStats, saveSuppressionThreshold } from './governance/stats';
import { exportGovernorsReport } from './governance/stats-report';
import { chronologyForChild, chronologyForFamily, markEntry } from './chronology/service';
import {
  actionOwners,
  addAction,
  closeConcern,
  completeAction,
  decide,
  myActions,
  reopenConcern,
  setLevel,
  triageGet,
  triageInbox,
} from './casework/service';
import { listEscalations } from './casework/escalations';
import { getCurated, listCurated, saveCurated } from './chronology/curated';
import { getAttachment, saveAttachment } from './concerns/attachments';
import {
  attachToDraft,
  detachFromDraft,
  discardDraft,
  getDraft,
  listDrafts,
  saveDraft,
} from './concerns/drafts';
import {
  addAuditAction,
  answerAudit,
  auditEvidenceOptions,
  completeAuditAction,
  exportAudit,
  getAudit,
  importAuditQuestions,
  listAudits,
  signOffAudit,
  startAudit,
} from './audit-s175/service';
import {
  chooseBackupFolder,
  getBackupStatus,
  runBackupNow,
  saveBackupSettings,
  verifyLatestBackup,
} from './backup/service';
import { chooseBackupToRestore, restoreAtSetup } from './backup/restore-at-setup';
import { StoreError } from './db/errors';
import { exportPack, packHistory, packOptions, packPreview } from './exports/pack';
import {
  delayDuty,
  dischargeDuty,
  dueDuties,
  dutiesForChild,
  dutiesForConcern,
  dutyNotApplicable,
  dutyReminders,
  dutySettings,
  extendDuty,
  getDuty,
  recordDutyException,
  saveDutySettings,
  startManualDuty,
} from './duties/service';
import { getCalendar, saveBankHolidayOverrides, saveCalendarYear } from './calendar/service';
import {
  addEncompassAddendum,
  encompassForChild,
  getEncompass,
  recordEncompass,
} from './encompass/service';
import type { DemoControl, Handled, HandlerContext, Services, SessionState } from './handler';
import { roleOf } from './handler';
import { exportForm, prepareForm } from './forms/builtin';
import {
  addPolicy,
  listFilteringReviews,
  listPolicies,
  policyDocument,
  recordFilteringReview,
  reviewPolicy,
  updatePolicy,
} from './policies/service';
import {
  deleteTemplate,
  fillTemplateFor,
  getTemplate,
  importTemplate,
  listTemplates,
  previewTemplate,
  saveMapping,
} from './forms/templates';
import { exportSchoolData, verifyData } from './portable/service';
import { getSchool, saveSchool } from './school/service';
import { searchConcerns } from './search/service';
import {
  exportTransfer,
  exportTransferPdf,
  importReceipt,
  importTransfer,
  inspectTransfer,
  saveReceipt,
  signingKeyInfo,
} from './transfer/service';
import {
  addPerson,
  attestKcsie,
  importStaff,
  listTraining,
  recordTraining,
  saveTrainingEvidence,
  setTrainingInterval,
  trainingDue,
  updatePerson,
  withdrawTraining,
} from './training/service';
import { getSettings, saveEscalationRules, saveSettings } from './settings/service';
import { addUser, listUsers, resetPassphrase, setStatus } from './users/service';
import { KeyringError } from './vault/keyring';
import {
  destroyFile,
  destructionRegister,
  holdsForChild,
  liftHold,
  placeHold,
  retentionQueue,
  retentionSettings,
  saveRetentionSettings,
} from './retention/service';

/**
 * Payloads above this are refused before parsing (security F1), unless the method's contract
 * sets its own `maxPayloadChars` (an import carries a whole MIS export).
 */
export const MAX_PAYLOAD_CHARS = 256 * 1024;

type TxRun<M extends MethodName> = (
  ctx: HandlerContext,
  input: ParsedInput<M>,
) => Handled<MethodOutput<M>>;
type AsyncRun<M extends MethodName> = (
  ctx: HandlerContext,
  input: ParsedInput<M>,
) => Handled<MethodOutput<M>> | Promise<Handled<MethodOutput<M>>>;

/** Method syntax on purpose: the router calls whichever entry it looked up with that method's input. */
type Entry =
  | { kind: 'tx'; run(ctx: HandlerContext, input: unknown): Handled<unknown> }
  | {
      kind: 'async';
      run(ctx: HandlerContext, input: unknown): Handled<unknown> | Promise<Handled<unknown>>;
    };

/**
 * How each method runs. `tx`: a synchronous handler run inside one transaction with its audit
 * row. `async`: a handler that awaits (key derivation, PDFs, dialogs) and commits its own
 * writes through ctx.commit. The mapped type makes a missing method a compile error.
 */
type Registry = {
  [M in MethodName]: { kind: 'tx'; run: TxRun<M> } | { kind: 'async'; run: AsyncRun<M> };
};

function demoControl(ctx: HandlerContext): DemoControl {
  if (!ctx.demo) throw new ApiFailure('not_found', 'Demo data is not available here.');
  return ctx.demo;
}

const tx = <M extends MethodName>(run: TxRun<M>) => ({ kind: 'tx' as const, run });
const async = <M extends MethodName>(run: AsyncRun<M>) => ({ kind: 'async' as const, run });

const registry: Registry = {
  'session.status': async((ctx) => ({ value: sessionStatus(ctx) })),
  'setup.create': async(setupCreate),
  'setup.saveRecoverySheet': async(saveRecoverySheet),
  'setup.chooseBackup': async(chooseBackupToRestore),
  'setup.restore': async(restoreAtSetup),
  'setup.confirmRecoveryKey': async(confirmRecoveryKey),
  'auth.signIn': async(signIn),
  'auth.recover': async(recover),
  'auth.changePassphrase': async(changePassphrase),
  'auth.lock': async((ctx) => ({ value: sessionStatus(ctx) })),
  'demo.explore': async(async (ctx, input) => ({
    value: await demoControl(ctx).explore(ctx.session, input.fresh),
  })),
  'demo.leave': async((ctx) => ({ value: demoControl(ctx).leave(ctx.session) })),
  'school.get': tx(getSchool),
  'school.save': tx(saveSchool),
  'children.list': tx(listChildren),
  'children.get': tx(getChild),
  'children.add': tx(addChild),
  'children.update': tx(updateChild),
  'children.importMappings': tx(listImportMappings),
  'children.importPreview': tx(previewImport),
  'children.importApply': tx(applyImport),
  'children.viewers': tx(childViewers),
  'concerns.submit': tx(submitConcern),
  'concerns.get': tx(getConcern),
  'concerns.forChild': tx(concernsForChild),
  'concerns.addAddendum': tx(addAddendum),
  'concerns.attachment': tx(getAttachment),
  'concerns.saveAttachment': async(saveAttachment),
  'concernDrafts.save': tx(saveDraft),
  'concernDrafts.list': tx(listDrafts),
  'concernDrafts.get': tx(getDraft),
  'concernDrafts.discard': tx(discardDraft),
  'concernDrafts.attach': tx(attachToDraft),
  'concernDrafts.detach': tx(detachFromDraft),
  'search.concerns': tx(searchConcerns),
  'designations.forChild': tx(designationsForChild),
  'designations.current': tx(currentDesignations),
  'designations.add': tx(addDesignation),
  'designations.end': tx(endDesignation),
  'family.forChild': tx(familyForChild),
  'family.link': tx(linkSibling),
  'family.unlink': tx(unlinkSibling),
  'family.addAdult': tx(addAdult),
  'family.updateAdult': tx(updateAdult),
  'family.addContact': tx(addKeyContact),
  'family.endContact': tx(endKeyContact),
  'dashboard.get': tx(dashboard),
  'chronology.forChild': tx(chronologyForChild),
  'chronology.mark': tx(markEntry),
  'triage.inbox': tx(triageInbox),
  'triage.get': tx(triageGet),
  'triage.setLevel': tx(setLevel),
  'triage.decide': tx(decide),
  'triage.close': tx(closeConcern),
  'triage.reopen': tx(reopenConcern),
  'actions.owners': tx(actionOwners),
  'actions.add': tx(addAction),
  'actions.complete': tx(completeAction),
  'actions.mine': tx(myActions),
  'chronology.forFamily': tx(chronologyForFamily),
  'chronology.curated.list': tx(listCurated),
  'chronology.curated.get': tx(getCurated),
  'chronology.curated.save': tx(saveCurated),
  'encompass.record': tx(recordEncompass),
  'encompass.forChild': tx(encompassForChild),
  'encompass.get': tx(getEncompass),
  'encompass.addAddendum': tx(addEncompassAddendum),
  'casework.escalations': tx(listEscalations),
  'duties.due': tx(dueDuties),
  'duties.reminders': tx(dutyReminders),
  'duties.get': tx(getDuty),
  'duties.forChild': tx(dutiesForChild),
  'duties.forConcern': tx(dutiesForConcern),
  'duties.discharge': tx(dischargeDuty),
  'duties.notApplicable': tx(dutyNotApplicable),
  'duties.recordException': tx(recordDutyException),
  'duties.delay': tx(delayDuty),
  'duties.extend': tx(extendDuty),
  'duties.start': tx(startManualDuty),
  'duties.settings': tx(dutySettings),
  'duties.saveSettings': tx(saveDutySettings),
  'calendar.get': tx(getCalendar),
  'calendar.saveYear': tx(saveCalendarYear),
  'calendar.saveOverrides': tx(saveBankHolidayOverrides),
  'users.list': tx(listUsers),
  'users.add': async(addUser),
  'users.setStatus': async(setStatus),
  'users.resetPassphrase': async(resetPassphrase),
  'settings.get': tx(getSettings),
  'settings.save': tx(saveSettings),
  'settings.saveEscalationRules': tx(saveEscalationRules),
  'transfer.signingKey': tx(signingKeyInfo),
  'transfer.export': async(exportTransfer),
  'transfer.exportPdf': async(exportTransferPdf),
  'transfer.inspect': async(inspectTransfer),
  'transfer.import': async(importTransfer),
  'transfer.receipt': async(saveReceipt),
  'transfer.importReceipt': tx(importReceipt),
  'audit.list': tx(listAudit),
  'audit.exportCsv': async(exportAuditCsv),
  'audit.verify': tx(verifyAudit),
  'security.rotateKey': async(rotateKey),
  'alerts.list': tx(listAlerts),
  'alerts.acknowledge': tx(acknowledgeAlert),
  'packs.options': tx(packOptions),
  'packs.preview': tx(packPreview),
  'packs.export': async(exportPack),
  'packs.history': tx(packHistory),
  'forms.prepare': tx(prepareForm),
  'forms.export': async(exportForm),
  'templates.import': async(importTemplate),
  'templates.list': tx(listTemplates),
  'templates.get': tx(getTemplate),
  'templates.saveMapping': tx(saveMapping),
  'templates.delete': tx(deleteTemplate),
  'templates.preview': tx(previewTemplate),
  'templates.fill': async(fillTemplateFor),
  'policies.list': tx(listPolicies),
  'policies.review': tx(reviewPolicy),
  'policies.add': tx(addPolicy),
  'policies.update': tx(updatePolicy),
  'policies.document': async(policyDocument),
  'policies.filteringReviews': tx(listFilteringReviews),
  'policies.recordFilteringReview': tx(recordFilteringReview),
  'training.people': tx(listTraining),
  'training.addPerson': tx(addPerson),
  'training.updatePerson': tx(updatePerson),
  'training.record': tx(recordTraining),
  'training.withdraw': tx(withdrawTraining),
  'training.attest': tx(attestKcsie),
  'training.importStaff': tx(importStaff),
  'training.setInterval': tx(setTrainingInterval),
  'training.evidence': async(saveTrainingEvidence),
  'training.due': tx(trainingDue),
  'governance.stats': tx(governanceStats),
  'governance.report': async(exportGovernorsReport),
  'governance.saveThreshold': tx(saveSuppressionThreshold),
  'audits.list': tx(listAudits),
  'audits.get': tx(getAudit),
  'audits.start': tx(startAudit),
  'audits.importQuestions': tx(importAuditQuestions),
  'audits.answer': tx(answerAudit),
  'audits.addAction': tx(addAuditAction),
  'audits.completeAction': tx(completeAuditAction),
  'audits.evidenceOptions': tx(auditEvidenceOptions),
  'audits.signOff': tx(signOffAudit),
  'audits.export': async(exportAudit),
  'backup.status': tx(getBackupStatus),
  'backup.chooseFolder': async(chooseBackupFolder),
  'backup.saveSettings': tx(saveBackupSettings),
  // Async: a backup writes files outside any transaction and commits its log row after.
  'backup.run': async(runBackupNow),
  'backup.verify': async(verifyLatestBackup),
  'retention.queue': tx(retentionQueue),
  'retention.holds': tx(holdsForChild),
  'retention.placeHold': tx(placeHold),
  'retention.liftHold': tx(liftHold),
  'retention.settings': tx(retentionSettings),
  'retention.saveSettings': tx(saveRetentionSettings),
  'retention.register': tx(destructionRegister),
  'retention.destroy': async(destroyFile),
  'sar.list': tx(listSars),
  'sar.create': tx(createSar),
  'sar.get': tx(getSar),
  'sar.redact': tx(redactSar),
  'sar.exemption': tx(decideExemption),
  'sar.pause': tx(pauseSar),
  'sar.resume': tx(resumeSar),
  'sar.extend': tx(extendSar),
  'sar.export': async(exportSar),
  'sar.withdraw': tx(withdrawSar),
  'data.exportSchool': async(exportSchoolData),
  'data.verify': tx(verifyData),
};

/** What a session that must change its passphrase may still do. */
const WHILE_PASSPHRASE_MUST_CHANGE = new Set<MethodName>([
  'session.status',
  'auth.changePassphrase',
  'auth.lock',
]);

function zodFields(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  let rootMessage: string | null = null;
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (path === '') rootMessage ??= issue.message;
    else fields[path] ??= issue.message;
  }
  return { message: rootMessage ?? 'Some details need correcting.', fields };
}

function payloadTooLarge(input: unknown, limit: number): boolean {
  try {
    // JSON.stringify answers undefined for undefined and functions, despite its type.
    const json = JSON.stringify(input) as string | undefined;
    return (json?.length ?? 0) > limit;
  } catch {
    return true;
  }
}

const GENERIC_FAILURE =
  'Something went wrong and nothing was saved. Try again; if it keeps happening, tell your IT administrator.';
const LOCKED = 'Lantern is locked. Sign in to continue.';

/**
 * One call: known method → authorised (deny by default) → input parsed with the method's
 * strict schema → handler → exactly one audit row whenever the store is open.
 */
export function createRouter(services: Services) {
  const { vault, clock, logger } = services;

  function audit(
    session: SessionState,
    method: string,
    outcome: AuditOutcome,
    recordIds: readonly string[],
    errorCode: string | null,
  ): void {
    const store = vault.store();
    if (!store) return;
    store.audit({
      at: clock().toISOString(),
      sessionId: session.id,
      actorId: session.user?.id ?? null,
      role: roleOf(session),
      method: method.slice(0, 100),
      recordIds,
      outcome,
      errorCode,
    });
  }

  function fail(
    session: SessionState,
    method: string,
    outcome: AuditOutcome,
    error: ApiError,
  ): Result<never> {
    try {
      audit(session, method, outcome, [], error.code);
    } catch (err) {
      logger.error('audit write failed', { method: method.slice(0, 100), error: String(err) });
    }
    return { ok: false, error };
  }

  async function invoke(
    session: SessionState,
    method: unknown,
    input: unknown,
  ): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      const name = typeof method === 'string' ? method : typeof method;
      return fail(session, `unknown:${name}`, 'invalid', {
        code: 'unknown_method',
        message: `Lantern has no operation called “${name.slice(0, 60)}”.`,
      });
    }
    const def = methods[method];
    const role = roleOf(session);
    if (def.access !== 'public') {
      if (role === null || !vault.isOpen())
        return fail(session, method, 'denied', { code: 'unauthenticated', message: LOCKED });
      if (!can(role, def.access))
        return fail(session, method, 'denied', {
          code: 'forbidden',
          message: 'Your role does not allow this.',
        });
      if (session.mustChangePassphrase && !WHILE_PASSPHRASE_MUST_CHANGE.has(method)) {
        return fail(session, method, 'denied', {
          code: 'forbidden',
          message: 'Choose a new passphrase before doing anything else.',
        });
      }
    }
    if (payloadTooLarge(input, def.maxPayloadChars ?? MAX_PAYLOAD_CHARS))
      return fail(session, method, 'invalid', {
        code: 'invalid_input',
        message: 'That request is too large.',
      });
    const parsed = def.input.safeParse(input);
    if (!parsed.success)
      return fail(session, method, 'invalid', {
        code: 'invalid_input',
        ...zodFields(parsed.error),
      });

    const now = clock();
    let audited = false;
    const ctx: HandlerContext = {
      ...services,
      session,
      now,
      today: londonDate(now),
      get store() {
        const store = vault.store();
        if (!store) throw new ApiFailure('unauthenticated', LOCKED);
        return store;
      },
      commit(recordIds, write) {
        const store = this.store;
        const result = store.db
          .transaction(() => {
            const out = write();
            audit(session, method, 'ok', recordIds, null);
            return out;
          })
          .immediate();
        audited = true;
        return result;
      },
      markAudited() {
        audited = true;
      },
    };

    try {
      const entry = registry[method] as Entry;
      let handled: Handled<unknown>;
      if (entry.kind === 'tx') {
        const run = ctx.store.db.transaction(() => {
          const out = entry.run(ctx, parsed.data);
          audit(session, method, 'ok', out.recordIds ?? [], null);
          return out;
        });
        handled = def.writes ? run.immediate() : run.deferred();
        audited = true;
      } else {
        handled = await entry.run(ctx, parsed.data);
      }
      if (!audited) audit(session, method, 'ok', handled.recordIds ?? [], null);
      if (method === 'auth.lock') {
        session.user = null;
        session.mustChangePassphrase = false;
        session.pendingRecoveryKey = null;
        services.closeStoreIfUnused();
        return { ok: true, value: sessionStatus(ctx) };
      }
      try {
        vault.maybeCheckpoint();
      } catch (err) {
        // The write has committed; the checkpoint is tried again after the next call.
        logger.error('audit checkpoint not saved', { method, error: String(err) });
      }
      return { ok: true, value: handled.value };
    } catch (err) {
      if (err instanceof ApiFailure) {
        return fail(session, method, 'failed', {
          code: err.code,
          message: err.message,
          ...(err.fields ? { fields: err.fields } : {}),
        });
      }
      if (err instanceof StoreError || err instanceof KeyringError) {
        logger.error('store error', { method, error: err.message });
        return fail(session, method, 'failed', { code: 'store_error', message: err.message });
      }
      const storage = storageFailure(err);
      if (storage) {
        logger.error('storage failure', { method, error: String(err) });
        return fail(session, method, 'failed', { code: storage.code, message: storage.message });
      }
      logger.error('unexpected failure', {
        method,
        error: err instanceof Error ? `${err.name}: ${err.message}` : 'non-error thrown',
      });
      return fail(session, method, 'failed', { code: 'internal', message: GENERIC_FAILURE });
    }
  }

  return { invoke };
}
