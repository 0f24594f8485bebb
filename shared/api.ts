/**
 * The API contract between the renderer and main. Every method names its input schema
 * (strict, bounded), its output type and the permission it needs. main/router.ts enforces it;
 * renderer/api.ts is typed from it. Nothing else crosses the boundary.
 */
import { z } from 'zod';

import type { AuditRow, AuditVerification, ChildViewer } from './audit/schema';
import type { Permission, Role } from './auth/roles';
import type { Child, ChildSummary } from './children/schema';
import type { ImportPreview, ImportResult, SavedImportMapping } from './children/import';
import { importCsv, importMapping, MAX_IMPORT_CSV_CHARS, mappingName } from './children/import';
import type { Designation, DesignationBadge } from './children/designations';
import { designationEndDate, designationInput } from './children/designations';
import type { ChildFamily, FamilyAdult, KeyContact } from './children/family';
import { adultInput, familyLabel, keyContactInput } from './children/family';
import { childInput } from './children/schema';
import type { CuratedChronology, CuratedSummary } from './chronology/curated';
import { curatedSaveInput } from './chronology/curated';
import type { ChronologyEntry, FamilyChronologyEntry } from './chronology/schema';
import { chronologyFilter, markInput } from './chronology/schema';
import type { ActionOwner, InboxItem, MyAction, TriageState } from './casework/schema';
import {
  addActionInput,
  closeInput,
  completeActionInput,
  decideInput,
  reopenInput,
  setLevelInput,
} from './casework/schema';
import type { EscalationItem } from './casework/escalation';
import { escalationRules } from './casework/escalation';
import type { AttachmentContent, AttachmentMeta } from './concerns/attachments';
import { attachmentUpload, MAX_ATTACHMENT_BASE64_CHARS } from './concerns/attachments';
import type { DraftSummary, SavedDraft } from './concerns/drafts';
import { draftSaveInput } from './concerns/drafts';
import type { Concern, ConcernSummary } from './concerns/schema';
import type { Dashboard } from './dashboard/schema';
import { addendumInput, concernInput } from './concerns/schema';
import type { EncompassNotification, EncompassSummary } from './encompass/schema';
import { encompassAddendumInput, encompassInput } from './encompass/schema';
import type { SchoolProfile } from './school/schema';
import { schoolInput } from './school/schema';
import type { SearchResults } from './search/schema';
import type { StoreVerification } from './portable/schema';
import { searchInput } from './search/schema';
import type { Settings } from './settings/schema';
import type {
  ReceiptImported,
  SigningKeyInfo,
  TransferExported,
  TransferImported,
  TransferPreview,
} from './transfer/format';
import {
  MAX_BUNDLE_CHARS,
  MAX_RECEIPT_CHARS,
  receiptImportInput,
  transferExportInput,
  transferImportInput,
  transferInspectInput,
  transferPdfInput,
  transferReceiptInput,
} from './transfer/format';
import type { CalendarInfo } from './dates/calendar-schema';
import { bankHolidayOverridesInput, termYearInput } from './dates/calendar-schema';
import type { DueView, DutyDetail, DutyReminders, DutySummary } from './duties/schema';
import {
  childDutiesInput,
  concernDutiesInput,
  delayInput,
  dischargeInput,
  dueViewInput,
  dutyGetInput,
  exceptionInput,
  extendInput,
  notApplicableInput,
  startInput,
} from './duties/schema';
import type { DutySettingsVersion } from './duties/settings';
import type { SarDetail, SarExported, SarSummary } from './sar/schema';
import {
  sarCreateInput,
  sarExemptionInput,
  sarExportInput,
  sarExtendInput,
  sarIdInput,
  sarPauseInput,
  sarRedactInput,
  sarResumeInput,
  sarWithdrawInput,
} from './sar/schema';
import { dutySettingsInput } from './duties/settings';
import { AUTO_LOCK_MINUTES } from './settings/schema';
import type { User } from './users/schema';
import {
  displayNameField,
  newPassphraseField,
  passphraseField,
  roleField,
  usernameField,
  userStatuses,
} from './users/schema';
import type { PreparedForm } from './forms/builtin';
import {
  builtinFormExportInput,
  builtinFormId,
  MAX_FORM_EXPORT_PAYLOAD_CHARS,
} from './forms/builtin';
import type { PackExported, PackHistoryItem, PackOptions, PackPreview } from './exports/pack';
import { packRequest } from './exports/pack';
import type { TemplateDetail, TemplatePreview, TemplateSummary } from './forms/templates';
import {
  MAX_TEMPLATE_BASE64_CHARS,
  templateFillInput,
  templateImportInput,
  templatePreviewInput,
  templateSaveMappingInput,
} from './forms/templates';
import type { FilteringReview, PolicyRegisterView } from './policies/schema';
import {
  filteringReviewInput,
  policyAddInput,
  policyReviewInput,
  policyUpdateInput,
} from './policies/schema';
import type { GovernanceStats } from './governance/stats';
import { governanceStatsInput, suppressionThresholdInput } from './governance/stats';
import type {
  StaffImportResult,
  TrainingDue,
  TrainingIntervalView,
  TrainingPerson,
  TrainingRegister,
} from './training/schema';
import {
  kcsieAttestInput,
  MAX_STAFF_CSV_CHARS,
  personInput,
  personUpdateInput,
  staffImportInput,
  trainingIntervalInput,
  trainingRecordInput,
  trainingWithdrawInput,
} from './training/schema';
import type {
  AuditList,
  AuditYear,
  EvidenceOption,
  QuestionImportResult,
} from './audit-s175/schema';
import {
  academicYear as auditAcademicYear,
  addActionInput as auditAddActionInput,
  answerInput as auditAnswerInput,
  completeActionInput as auditCompleteActionInput,
  exportInput as auditExportInput,
  importQuestionsInput as auditImportQuestionsInput,
  MAX_QUESTION_CSV_CHARS,
} from './audit-s175/schema';
import type { BackupRun, BackupStatus } from './backup/schema';
import { backupRunInput, backupSettingsInput, backupVerifyInput } from './backup/schema';
import type {
  ChildHolds,
  DestructionRecord,
  RetentionQueue,
  RetentionSettingsVersion,
} from './retention/schema';
import { destroyInput, liftHoldInput, placeHoldInput, queueInput } from './retention/schema';
import { retentionSettingsInput } from './retention/rules';
import { recordId as id } from './record-id';

/** `public` methods run before sign-in (unlock, status); everything else needs a permission. */
export type Access = Permission | 'public';

type MethodDef<S extends z.ZodType, O> = {
  input: S;
  access: Access;
  /** True when the method changes stored data (it then runs in a write transaction). */
  writes: boolean;
  summary: string;
  /**
   * Refuse a payload longer than this (as JSON) before parsing it; main/router.ts applies its
   * own default of 256 KiB to methods without one (security F1).
   */
  maxPayloadChars?: number;
  /** Phantom: carries the output type, never a value. */
  output?: O;
};

function method<O>() {
  return <S extends z.ZodType>(def: Omit<MethodDef<S, O>, 'output'>): MethodDef<S, O> => def;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date (YYYY-MM-DD).');
const page = { limit: z.int().min(1).max(500), offset: z.int().min(0).max(10_000_000) };
const none = z.strictObject({});

/**
 * An import carries a whole MIS export. JSON may escape each quote and line break in it, so
 * the payload may be up to twice the CSV's length, plus the rest of the input.
 */
const IMPORT_PAYLOAD_CHARS = 2 * MAX_IMPORT_CSV_CHARS + 64 * 1024;

export type SessionUser = Pick<User, 'id' | 'username' | 'displayName' | 'role'>;

export type SessionStatus = {
  /** The school's encrypted store exists in the data directory. */
  storeExists: boolean;
  unlocked: boolean;
  role: Role | null;
  user: SessionUser | null;
  /** Signed in with a one-time or recovered passphrase: only a passphrase change is allowed. */
  mustChangePassphrase: boolean;
  /** The school profile has been saved. */
  schoolConfigured: boolean;
  /** Set-up issued a recovery key that has not yet been confirmed as written down. */
  recoveryKeyPending: boolean;
  /** Lock after this many minutes without keyboard or pointer activity. */
  autoLockMinutes: number;
  /**
   * Set when the open data directory is the demonstration school (synthetic, marked DEMO on every
   * screen): its accounts, which all share the one published passphrase.
   */
  demo: DemoInfo | null;
};

/** A backup folder chosen at first run, before it is opened with a secret. */
export type BackupToRestore = { folder: string; createdAt: string; schemaVersion: number };

export type DemoInfo = {
  passphrase: string;
  accounts: { username: string; displayName: string; role: Role }[];
};

export type ChildList = { items: ChildSummary[]; total: number };
export type IssuedPassphrase = { user: User; oneTimePassphrase: string };
/** After a key rotation: the new recovery key, and a one-time passphrase for everyone else. */
export type KeyRotation = { recoveryKey: string; issued: IssuedPassphrase[] };
export type SecurityAlert = {
  id: string;
  kind: 'recovery_key_used';
  at: string;
  userId: string;
  displayName: string;
};
/** Where an exported file went; null when the person cancelled the save dialog. */
export type SavedFile = { savedTo: string | null };

const auditFilter = z.strictObject({
  userId: z.union([z.literal(''), id]),
  childId: z.union([z.literal(''), id]),
  method: z.string().max(100),
  from: z.union([z.literal(''), isoDate]),
  to: z.union([z.literal(''), isoDate]),
  ...page,
});
export type AuditFilter = z.input<typeof auditFilter>;

export const methods = {
  'session.status': method<SessionStatus>()({
    input: none,
    access: 'public',
    writes: false,
    summary: 'Whether the store exists and who is signed in',
  }),
  'setup.create': method<{ status: SessionStatus; recoveryKey: string }>()({
    input: z.strictObject({
      school: schoolInput,
      dsl: z.strictObject({
        displayName: displayNameField,
        username: usernameField,
        passphrase: newPassphraseField,
        confirmation: passphraseField,
      }),
    }),
    access: 'public',
    writes: true,
    summary: 'First run: create the encrypted store, the school and the first DSL',
  }),
  'setup.chooseBackup': method<BackupToRestore | null>()({
    input: none,
    access: 'public',
    writes: false,
    summary:
      'First run after a lost computer: choose a backup folder to restore (null when cancelled)',
  }),
  'setup.restore': method<SessionStatus>()({
    input: z.strictObject({
      folder: z.string().min(1, 'Choose the backup folder first.').max(4096),
      secret: z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('passphrase'),
          username: usernameField,
          passphrase: passphraseField.min(1, 'Enter your passphrase.'),
        }),
        z.strictObject({
          kind: z.literal('recovery'),
          recoveryKey: z.string().min(1, 'Enter the recovery key.').max(100),
        }),
      ]),
    }),
    access: 'public',
    writes: true,
    summary:
      'First run: restore the school’s store from a verified backup into this (empty) data directory',
  }),
  'setup.saveRecoverySheet': method<SavedFile>()({
    input: none,
    access: 'security.manage',
    writes: false,
    summary: 'Save the printable recovery sheet (only until the key is confirmed)',
  }),
  'setup.confirmRecoveryKey': method<SessionStatus>()({
    input: z.strictObject({ lastGroup: z.string().max(20) }),
    access: 'security.manage',
    writes: false,
    summary: 'Confirm the recovery key was written down; Lantern then forgets it',
  }),
  'auth.signIn': method<SessionStatus>()({
    input: z.strictObject({
      username: z.string().max(64),
      passphrase: passphraseField.min(1, 'Enter your passphrase.'),
    }),
    access: 'public',
    writes: false,
    summary: 'Sign in with username and passphrase',
  }),
  'auth.recover': method<SessionStatus>()({
    input: z.strictObject({
      recoveryKey: z.string().max(100),
      username: z.string().max(64),
      passphrase: newPassphraseField,
      confirmation: passphraseField,
    }),
    access: 'public',
    writes: true,
    summary: 'Use the recovery key to set a new passphrase for an account',
  }),
  'auth.changePassphrase': method<SessionStatus>()({
    input: z.strictObject({
      current: passphraseField.min(1, 'Enter your current passphrase.'),
      passphrase: newPassphraseField,
      confirmation: passphraseField,
    }),
    access: 'account.self',
    writes: true,
    summary: 'Change one’s own passphrase',
  }),
  'auth.lock': method<SessionStatus>()({
    input: none,
    access: 'account.self',
    writes: false,
    summary: 'Lock Lantern (sign out of this window)',
  }),
  'demo.explore': method<SessionStatus>()({
    input: z.strictObject({ fresh: z.boolean() }),
    access: 'public',
    writes: true,
    summary:
      'Open the demonstration school (a separate synthetic school marked DEMO), building it first if needed',
  }),
  'demo.leave': method<SessionStatus>()({
    input: none,
    access: 'public',
    writes: false,
    summary: 'Leave the demonstration school and return to the school’s own store',
  }),
  'school.get': method<SchoolProfile | null>()({
    input: none,
    access: 'school.read',
    writes: false,
    summary: 'The school profile',
  }),
  'school.save': method<SchoolProfile>()({
    input: schoolInput,
    access: 'school.write',
    writes: true,
    summary: 'Update the school profile',
  }),
  'children.list': method<ChildList>()({
    input: z.strictObject({
      query: z.string().max(100, 'Search text must be 100 characters or fewer.'),
      /** Pupils whose leaving date has passed are left out unless asked for. */
      includeLeavers: z.boolean(),
      ...page,
    }),
    access: 'children.search',
    writes: false,
    summary: 'Find children by name or UPN',
  }),
  'children.get': method<Child>()({
    input: z.strictObject({ id }),
    access: 'children.read',
    writes: false,
    summary: 'One child’s register details',
  }),
  'children.add': method<Child>()({
    input: childInput,
    access: 'children.write',
    writes: true,
    summary: 'Add a child to the register',
  }),
  'children.update': method<Child>()({
    input: z.strictObject({ id, child: childInput }),
    access: 'children.write',
    writes: true,
    summary: 'Correct a child’s register details',
  }),
  'children.importMappings': method<SavedImportMapping[]>()({
    input: none,
    access: 'children.write',
    writes: false,
    summary: 'Column mappings saved from earlier MIS imports',
  }),
  'children.importPreview': method<ImportPreview>()({
    input: z.strictObject({ csv: importCsv, mapping: importMapping.nullable() }),
    access: 'children.write',
    writes: false,
    summary: 'What importing a MIS export would do to the register, row by row',
    maxPayloadChars: IMPORT_PAYLOAD_CHARS,
  }),
  'children.importApply': method<ImportResult>()({
    input: z.strictObject({
      csv: importCsv,
      mapping: importMapping.nullable(),
      saveMappingAs: mappingName,
    }),
    access: 'children.write',
    writes: true,
    summary: 'Import a MIS export into the register: every row, or none',
    maxPayloadChars: IMPORT_PAYLOAD_CHARS,
  }),
  'children.viewers': method<ChildViewer[]>()({
    input: z.strictObject({ id }),
    access: 'audit.read',
    writes: false,
    summary: 'Who has viewed this child’s file',
  }),
  'concerns.submit': method<Concern>()({
    input: concernInput,
    access: 'concerns.create',
    writes: true,
    summary: 'Record a concern about one or more children (immutable once submitted)',
  }),
  'concerns.get': method<Concern>()({
    input: z.strictObject({ id }),
    access: 'concerns.read.own',
    writes: false,
    summary: 'One concern with its addenda (only one’s own without concerns.read)',
  }),
  'concerns.forChild': method<ConcernSummary[]>()({
    input: z.strictObject({ childId: id }),
    access: 'concerns.read.own',
    writes: false,
    summary: 'A child’s concerns, newest first, each with that child’s role',
  }),
  'concerns.addAddendum': method<Concern>()({
    input: addendumInput,
    access: 'concerns.read.own',
    writes: true,
    summary: 'Add a correction, with its reason, to a submitted concern',
  }),
  'concerns.attachment': method<AttachmentContent>()({
    input: z.strictObject({ id }),
    access: 'concerns.read.own',
    writes: false,
    summary: 'One attachment’s bytes (a concern one may read, or one’s own draft)',
  }),
  'concerns.saveAttachment': method<SavedFile>()({
    input: z.strictObject({ id }),
    access: 'concerns.read.own',
    writes: false,
    summary: 'Save a copy of an attachment where the person chooses',
  }),
  'concernDrafts.save': method<{ id: string; savedAt: string }>()({
    input: draftSaveInput,
    access: 'concerns.create',
    writes: true,
    summary: 'Save the concern one is writing as a draft (only its author can read it)',
  }),
  'concernDrafts.list': method<DraftSummary[]>()({
    input: none,
    access: 'concerns.create',
    writes: false,
    summary: 'One’s own drafts of concerns, newest first',
  }),
  'concernDrafts.get': method<SavedDraft>()({
    input: z.strictObject({ id }),
    access: 'concerns.create',
    writes: false,
    summary: 'One of one’s own drafts, with its attachments listed',
  }),
  'concernDrafts.discard': method<null>()({
    input: z.strictObject({ id }),
    access: 'concerns.create',
    writes: true,
    summary: 'Discard one of one’s own drafts and its attachments',
  }),
  'concernDrafts.attach': method<AttachmentMeta>()({
    input: z.strictObject({ draftId: id, ...attachmentUpload }),
    access: 'concerns.create',
    writes: true,
    summary: 'Attach a photo (PNG, JPEG) or PDF to one’s own draft',
    // A whole file, base64 encoded; a larger one is refused by the schema with its own message.
    maxPayloadChars: MAX_ATTACHMENT_BASE64_CHARS + 64 * 1024,
  }),
  'concernDrafts.detach': method<AttachmentMeta[]>()({
    input: z.strictObject({ draftId: id, attachmentId: id }),
    access: 'concerns.create',
    writes: true,
    summary: 'Remove a file from one’s own draft',
  }),
  'search.concerns': method<SearchResults>()({
    input: searchInput,
    access: 'concerns.read.own',
    writes: false,
    summary:
      'Search the text of concerns, corrections and casework notes (only one’s own concerns without concerns.read)',
  }),
  'designations.forChild': method<Designation[]>()({
    input: z.strictObject({ childId: id }),
    access: 'children.read',
    writes: false,
    summary: 'A child’s designations: current first, then past, newest start first',
  }),
  'designations.current': method<Record<string, DesignationBadge[]>>()({
    input: z.strictObject({ childIds: z.array(id).max(500) }),
    access: 'children.read',
    writes: false,
    summary: 'The current designations of the children listed, by child (register badges)',
  }),
  'designations.add': method<Designation>()({
    input: z.strictObject({ childId: id, designation: designationInput }),
    access: 'children.write',
    writes: true,
    summary: 'Add a dated designation (CP plan, CIN, looked after…) to a child’s file',
  }),
  'designations.end': method<Designation>()({
    input: z.strictObject({ id, endDate: designationEndDate }),
    access: 'children.write',
    writes: true,
    summary: 'End a current designation on the given date (designations are never deleted)',
  }),
  'family.forChild': method<ChildFamily>()({
    input: z.strictObject({ childId: id }),
    access: 'children.read',
    writes: false,
    summary: 'A child’s families (with their siblings), the adults in their life and key contacts',
  }),
  'family.link': method<ChildFamily>()({
    input: z
      .strictObject({
        childId: id,
        siblingId: id,
        /** '' starts a new family holding both children; otherwise one of the child's families. */
        familyId: z.union([z.literal(''), id]),
        /** A name for a new family; '' for an existing one. */
        label: familyLabel,
      })
      .superRefine((l, ctx) => {
        if (l.childId === l.siblingId)
          ctx.addIssue({
            code: 'custom',
            path: ['siblingId'],
            message: 'Choose another child: a child cannot be their own sibling.',
          });
        if (l.familyId !== '' && l.label !== '')
          ctx.addIssue({
            code: 'custom',
            path: ['label'],
            message: 'Only a new family is given a name.',
          });
      }),
    access: 'children.write',
    writes: true,
    summary: 'Link another child on the register as a sibling: a new family or an existing one',
  }),
  'family.unlink': method<{ familyId: string; childIds: string[] }>()({
    input: z.strictObject({ familyId: id, childId: id }),
    access: 'children.write',
    writes: true,
    summary: 'Take a child out of a family (a family left with no child is removed)',
  }),
  'family.addAdult': method<FamilyAdult>()({
    input: z.strictObject({ childId: id, adult: adultInput }),
    access: 'children.write',
    writes: true,
    summary: 'Add a parent, carer or relative to a child’s file',
  }),
  'family.updateAdult': method<FamilyAdult>()({
    input: z.strictObject({ id, adult: adultInput }),
    access: 'children.write',
    writes: true,
    summary: 'Correct an adult’s details on a child’s file',
  }),
  'family.addContact': method<KeyContact>()({
    input: z.strictObject({ childId: id, contact: keyContactInput }),
    access: 'children.write',
    writes: true,
    summary: 'Add a key contact (social worker, virtual school head…) to a child’s file',
  }),
  'family.endContact': method<KeyContact>()({
    input: z.strictObject({ id, endDate: designationEndDate }),
    access: 'children.write',
    writes: true,
    summary: 'End a key contact on the given date (key contacts are never deleted)',
  }),
  'dashboard.get': method<Dashboard>()({
    input: none,
    access: 'casework.manage',
    writes: false,
    summary: 'The DSL’s dashboard: awaiting triage, actions and reviews due, escalating patterns',
  }),
  'chronology.forChild': method<ChronologyEntry[]>()({
    input: z.strictObject({ childId: id, filter: chronologyFilter }),
    access: 'chronology.read',
    writes: false,
    summary:
      'A child’s chronology, oldest first, filtered by dates, categories, source or significance',
  }),
  'chronology.mark': method<ChronologyEntry>()({
    input: markInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Flag a chronology entry as significant (or not) and set its headline',
  }),
  'triage.inbox': method<InboxItem[]>()({
    input: none,
    access: 'casework.manage',
    writes: false,
    summary: 'Concerns awaiting triage, oldest first, then the other open concerns',
  }),
  'triage.get': method<TriageState>()({
    input: z.strictObject({ concernId: id }),
    access: 'casework.manage',
    writes: false,
    summary: 'A concern’s level and its history, decisions, actions and closures',
  }),
  'triage.setLevel': method<TriageState>()({
    input: setLevelInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Set or change a concern’s level of need, with the rationale',
  }),
  'triage.decide': method<TriageState>()({
    input: decideInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Record a decision on a concern, with the rationale (monitoring needs a review date)',
  }),
  'triage.close': method<TriageState>()({
    input: closeInput,
    access: 'casework.manage',
    writes: true,
    summary:
      'Close a concern: summary, follow-up, outcome, at least one decision and no open actions',
  }),
  'triage.reopen': method<TriageState>()({
    input: reopenInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Reopen a closed concern, with the reason (the closure stays in the history)',
  }),
  'actions.owners': method<ActionOwner[]>()({
    input: none,
    access: 'casework.manage',
    writes: false,
    summary: 'The people an action can be given to: active accounts that work with children',
  }),
  'actions.add': method<TriageState>()({
    input: addActionInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Give someone an action on a concern, with a due date',
  }),
  'actions.complete': method<TriageState | null>()({
    input: completeActionInput,
    access: 'concerns.create',
    writes: true,
    summary:
      'Complete an action with a note of what was done (one’s own, or any with casework.manage)',
  }),
  'actions.mine': method<MyAction[]>()({
    input: none,
    access: 'concerns.create',
    writes: false,
    summary:
      'One’s own open actions, soonest due first (the concern named only by its date unless one may read it)',
  }),
  'chronology.forFamily': method<FamilyChronologyEntry[]>()({
    input: z.strictObject({ childId: id, filter: chronologyFilter }),
    access: 'chronology.read',
    writes: false,
    summary:
      'A child’s chronology merged with their siblings’, each entry naming its child, filtered',
  }),
  'chronology.curated.list': method<CuratedSummary[]>()({
    input: z.strictObject({ childId: id }),
    access: 'casework.manage',
    writes: false,
    summary: 'The curated chronologies made for a child, most recently changed first',
  }),
  'chronology.curated.get': method<CuratedChronology>()({
    input: z.strictObject({ id }),
    access: 'casework.manage',
    writes: false,
    summary: 'One curated chronology: its entries in order, each with its analysis',
  }),
  'chronology.curated.save': method<CuratedChronology>()({
    input: curatedSaveInput,
    access: 'casework.manage',
    writes: true,
    summary:
      'Create or replace a curated chronology (title, purpose, chosen entries with analysis)',
  }),
  'encompass.record': method<EncompassNotification>()({
    input: encompassInput,
    access: 'casework.manage',
    writes: true,
    summary:
      'Record an Operation Encompass notification from the police about one or more children (immutable)',
  }),
  'encompass.forChild': method<EncompassSummary[]>()({
    input: z.strictObject({ childId: id }),
    access: 'casework.manage',
    writes: false,
    summary: 'A child’s Operation Encompass notifications, newest incident first',
  }),
  'encompass.get': method<EncompassNotification>()({
    input: z.strictObject({ id }),
    access: 'casework.manage',
    writes: false,
    summary: 'One Operation Encompass notification with its corrections',
  }),
  'encompass.addAddendum': method<EncompassNotification>()({
    input: encompassAddendumInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Add a correction, with its reason, to an Operation Encompass notification',
  }),
  'casework.escalations': method<EscalationItem[]>()({
    input: none,
    access: 'casework.manage',
    writes: false,
    summary:
      'Children whose recent concerns meet one of the school’s escalation rules, latest first',
  }),
  'duties.due': method<DueView>()({
    input: dueViewInput,
    access: 'duties.own',
    writes: false,
    summary:
      'Statutory duties overdue, due today, this week and later: the whole school’s (duties.read) or one’s own',
  }),
  'duties.reminders': method<DutyReminders>()({
    input: none,
    access: 'duties.own',
    writes: false,
    summary: 'Counts of overdue and due duties for reminders, without any child’s name',
  }),
  'duties.get': method<DutyDetail>()({
    input: dutyGetInput,
    access: 'duties.own',
    writes: false,
    summary: 'A statutory duty with why it applies, its source and edition, and its history',
  }),
  'duties.forChild': method<DutySummary[]>()({
    input: childDutiesInput,
    access: 'duties.read',
    writes: false,
    summary: 'Every statutory duty on a child’s file',
  }),
  'duties.forConcern': method<DutySummary[]>()({
    input: concernDutiesInput,
    access: 'duties.own',
    writes: false,
    summary: 'The statutory duties a concern started (one’s own only, without duties.read)',
  }),
  'duties.discharge': method<DutyDetail>()({
    input: dischargeInput,
    access: 'duties.own',
    writes: true,
    summary: 'Record the evidence that a duty was done: when, to whom, how and the reference',
  }),
  'duties.notApplicable': method<DutyDetail>()({
    input: notApplicableInput,
    access: 'duties.manage',
    writes: true,
    summary: 'Mark a duty not applicable, with the reason',
  }),
  'duties.recordException': method<DutyDetail>()({
    input: exceptionInput,
    access: 'duties.own',
    writes: true,
    summary: 'Record that an exception in the law applies, with the reason and the checks made',
  }),
  'duties.delay': method<DutyDetail>()({
    input: delayInput,
    access: 'duties.own',
    writes: true,
    summary: 'Record a delay to a mandatory report for the child’s safety (up to the legal limit)',
  }),
  'duties.extend': method<DutyDetail>()({
    input: extendInput,
    access: 'duties.manage',
    writes: true,
    summary: 'Extend a subject access request by two months for a complex request',
  }),
  'duties.start': method<DutyDetail>()({
    input: startInput,
    access: 'duties.manage',
    writes: true,
    summary:
      'Start a duty from an event recorded by hand (a strategy discussion, a SAR, a data breach…)',
  }),
  'duties.settings': method<{ current: DutySettingsVersion; history: DutySettingsVersion[] }>()({
    input: none,
    access: 'duties.read',
    writes: false,
    summary: 'The local duty settings in force and every earlier version',
  }),
  'duties.saveSettings': method<DutySettingsVersion>()({
    input: dutySettingsInput,
    access: 'duties.manage',
    writes: true,
    summary: 'Save a new version of the local duty settings (existing deadlines do not move)',
  }),
  'calendar.get': method<CalendarInfo>()({
    input: none,
    access: 'duties.read',
    writes: false,
    summary: 'The school’s term dates, INSET days and bank holidays',
  }),
  'calendar.saveYear': method<CalendarInfo>()({
    input: termYearInput,
    access: 'duties.manage',
    writes: true,
    summary: 'Replace one academic year’s term dates and INSET days',
  }),
  'calendar.saveOverrides': method<CalendarInfo>()({
    input: bankHolidayOverridesInput,
    access: 'duties.manage',
    writes: true,
    summary: 'Replace the school’s bank-holiday overrides',
  }),
  'users.list': method<User[]>()({
    input: none,
    access: 'users.manage',
    writes: false,
    summary: 'Everyone with an account',
  }),
  'users.add': method<IssuedPassphrase>()({
    input: z.strictObject({
      displayName: displayNameField,
      username: usernameField,
      role: roleField,
    }),
    access: 'users.manage',
    writes: true,
    summary: 'Add a user with a one-time passphrase',
  }),
  'users.setStatus': method<User>()({
    input: z.strictObject({ id, status: z.enum(userStatuses) }),
    access: 'users.manage',
    writes: true,
    summary: 'Disable or re-enable a user',
  }),
  'users.resetPassphrase': method<IssuedPassphrase>()({
    input: z.strictObject({ id }),
    access: 'users.manage',
    writes: true,
    summary: 'Issue a one-time passphrase to a user',
  }),
  'settings.get': method<Settings>()({
    input: none,
    access: 'settings.read',
    writes: false,
    summary: 'School-wide settings',
  }),
  'settings.save': method<Settings>()({
    input: z.strictObject({
      autoLockMinutes: z
        .int('Enter a whole number of minutes.')
        .min(AUTO_LOCK_MINUTES.min, `Auto-lock must be at least ${AUTO_LOCK_MINUTES.min} minute.`)
        .max(AUTO_LOCK_MINUTES.max, `Auto-lock can be at most ${AUTO_LOCK_MINUTES.max} minutes.`),
    }),
    access: 'settings.write',
    writes: true,
    summary: 'Change school-wide settings',
  }),
  'settings.saveEscalationRules': method<Settings>()({
    input: z.strictObject({ rules: escalationRules }),
    access: 'settings.write',
    writes: true,
    summary: 'Replace the escalation pattern prompt’s rules (local practice, in priority order)',
  }),
  'transfer.signingKey': method<SigningKeyInfo>()({
    input: none,
    access: 'casework.manage',
    writes: false,
    summary: 'The fingerprint of the school’s key that signs child protection file transfers',
  }),
  'transfer.export': method<TransferExported>()({
    input: transferExportInput,
    access: 'casework.manage',
    writes: true,
    summary:
      'Save a leaver’s child protection file as an encrypted, signed transfer for the new school',
  }),
  'transfer.exportPdf': method<SavedFile>()({
    input: transferPdfInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Save a leaver’s child protection file as a printable PDF with a receipt slip',
  }),
  'transfer.inspect': method<TransferPreview>()({
    input: transferInspectInput,
    access: 'casework.manage',
    writes: false,
    summary: 'Check and preview a child protection file transferred from another school',
    maxPayloadChars: MAX_BUNDLE_CHARS + 64 * 1024,
  }),
  'transfer.import': method<TransferImported>()({
    input: transferImportInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Import a child protection file transferred from another school',
    maxPayloadChars: MAX_BUNDLE_CHARS + 64 * 1024,
  }),
  'transfer.receipt': method<SavedFile>()({
    input: transferReceiptInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Save a signed receipt for a child protection file received',
  }),
  'transfer.importReceipt': method<ReceiptImported>()({
    input: receiptImportInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Record the receiving school’s receipt for a child protection file sent',
    maxPayloadChars: MAX_RECEIPT_CHARS + 4 * 1024,
  }),
  'audit.list': method<{ items: AuditRow[]; total: number }>()({
    input: auditFilter,
    access: 'audit.read',
    writes: false,
    summary: 'Search the audit log',
  }),
  'audit.exportCsv': method<SavedFile>()({
    input: auditFilter,
    access: 'audit.read',
    writes: false,
    summary: 'Export the filtered audit log as CSV',
  }),
  'audit.verify': method<AuditVerification>()({
    input: none,
    access: 'audit.read',
    writes: false,
    summary: 'Check the audit log’s hash chain',
  }),
  'security.rotateKey': method<KeyRotation>()({
    input: z.strictObject({ passphrase: passphraseField.min(1, 'Enter your passphrase.') }),
    access: 'security.manage',
    writes: true,
    summary: 'Replace the database encryption key and the recovery key',
  }),
  'alerts.list': method<SecurityAlert[]>()({
    input: none,
    access: 'security.manage',
    writes: false,
    summary: 'Unacknowledged security alerts',
  }),
  'packs.options': method<PackOptions>()({
    input: z.strictObject({ childId: id }),
    access: 'casework.manage',
    writes: false,
    summary:
      'What a referral pack for a child can hold: concerns, chronologies, attachments, third parties',
  }),
  'packs.preview': method<PackPreview>()({
    input: packRequest,
    access: 'casework.manage',
    writes: false,
    summary: 'Preview a referral pack exactly as it will be exported, redactions included',
  }),
  'packs.export': method<PackExported>()({
    input: packRequest,
    access: 'casework.manage',
    writes: true,
    summary: 'Export a referral pack as PDF and record who sent it to whom',
  }),
  'packs.history': method<PackHistoryItem[]>()({
    input: z.strictObject({ childId: id }),
    access: 'casework.manage',
    writes: false,
    summary: 'The packs and forms sent about a child, newest first',
  }),
  'alerts.acknowledge': method<SecurityAlert[]>()({
    input: z.strictObject({ id }),
    access: 'security.manage',
    writes: true,
    summary: 'Acknowledge a security alert',
  }),
  'forms.prepare': method<PreparedForm>()({
    input: z.strictObject({ formId: builtinFormId, childId: id, concernId: id.nullable() }),
    access: 'casework.manage',
    writes: false,
    summary: 'A built-in form filled from the child’s file, with its empty mandatory fields',
  }),
  'forms.export': method<SavedFile>()({
    input: builtinFormExportInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Export a built-in form as PDF or Word once every mandatory field is filled',
    maxPayloadChars: MAX_FORM_EXPORT_PAYLOAD_CHARS,
  }),
  'templates.import': method<TemplateDetail>()({
    input: templateImportInput,
    access: 'casework.manage',
    writes: true,
    summary:
      'Import the local authority’s own form (fillable PDF or Word with placeholders): its fields and suggested mapping',
    // A whole file, base64 encoded; a larger one is refused by the schema with its own message.
    maxPayloadChars: MAX_TEMPLATE_BASE64_CHARS + 64 * 1024,
  }),
  'templates.list': method<TemplateSummary[]>()({
    input: none,
    access: 'casework.manage',
    writes: false,
    summary: 'The local authority forms imported, by name',
  }),
  'templates.get': method<TemplateDetail>()({
    input: z.strictObject({ id }),
    access: 'casework.manage',
    writes: false,
    summary: 'One local authority form: its fields, suggestions and mapping',
  }),
  'templates.saveMapping': method<TemplateDetail>()({
    input: templateSaveMappingInput,
    access: 'casework.manage',
    writes: true,
    summary: 'Save which Lantern data (or fixed text) fills each field of a local authority form',
    maxPayloadChars: 1024 * 1024,
  }),
  'templates.delete': method<null>()({
    input: z.strictObject({ id }),
    access: 'casework.manage',
    writes: true,
    summary: 'Delete a local authority form and its mapping (forms already sent stay logged)',
  }),
  'templates.preview': method<TemplatePreview>()({
    input: templatePreviewInput,
    access: 'casework.manage',
    writes: false,
    summary: 'What each field of a local authority form would hold for a child, empty ones flagged',
  }),
  'templates.fill': method<SavedFile>()({
    input: templateFillInput,
    access: 'casework.manage',
    writes: true,
    summary:
      'Fill a local authority form for a child (a PDF flattened), save it and log the export',
  }),
  'training.people': method<TrainingRegister>()({
    input: none,
    access: 'governance.manage',
    writes: false,
    summary:
      'The training register: each person tracked with their standing against each requirement that applies, their records and KCSIE attestations, and the intervals',
  }),
  'training.addPerson': method<TrainingPerson>()({
    input: personInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Add a member of staff, volunteer or governor whose training is tracked',
  }),
  'training.updatePerson': method<TrainingPerson>()({
    input: personUpdateInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Change a tracked person’s details, groups or leaving date',
  }),
  'training.record': method<TrainingPerson>()({
    input: trainingRecordInput,
    access: 'governance.manage',
    writes: true,
    summary:
      'Record a completed training, with an optional evidence file (immutable; withdraw to correct)',
    maxPayloadChars: MAX_ATTACHMENT_BASE64_CHARS + 64 * 1024,
  }),
  'training.withdraw': method<TrainingPerson>()({
    input: trainingWithdrawInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Withdraw a mistaken training record, with the reason (it stays in the history)',
  }),
  'training.attest': method<TrainingPerson>()({
    input: kcsieAttestInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Record that a person has read KCSIE Part one (or Annex A) for an edition',
  }),
  'training.importStaff': method<StaffImportResult>()({
    input: staffImportInput,
    access: 'governance.manage',
    writes: true,
    summary:
      'Preview or apply a staff CSV (name, job title, start date, groups): every row, or none',
    maxPayloadChars: MAX_STAFF_CSV_CHARS * 2 + 1024,
  }),
  'training.setInterval': method<TrainingIntervalView[]>()({
    input: trainingIntervalInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Set the school’s own interval for a requirement whose frequency is not fixed',
  }),
  'training.evidence': method<SavedFile>()({
    input: z.strictObject({ recordId: id }),
    access: 'governance.manage',
    writes: false,
    summary: 'Save a copy of a training record’s evidence file where the person chooses',
  }),
  'training.due': method<TrainingDue>()({
    input: none,
    access: 'governance.manage',
    writes: false,
    summary: 'Who is overdue, not recorded or due within 30 days for a training requirement',
  }),
  'policies.list': method<PolicyRegisterView>()({
    input: none,
    access: 'governance.read',
    writes: false,
    summary:
      'The policy register: each policy’s last approval, next review, whether overdue and where published (owners, notes and history for governance.manage only)',
  }),
  'policies.review': method<PolicyRegisterView>()({
    input: policyReviewInput,
    access: 'governance.manage',
    writes: true,
    summary:
      'Record a policy’s approval: who approved it, when, the version, the next review and where it is published, with optional PDF evidence',
    maxPayloadChars: MAX_ATTACHMENT_BASE64_CHARS + 64 * 1024,
  }),
  'policies.add': method<PolicyRegisterView>()({
    input: policyAddInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Add a school-specific policy to the register',
  }),
  'policies.update': method<PolicyRegisterView>()({
    input: policyUpdateInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Change who owns a policy on the register and the school’s notes on it',
  }),
  'policies.document': method<SavedFile>()({
    input: z.strictObject({ reviewId: id }),
    access: 'governance.manage',
    writes: false,
    summary: 'Save a copy of the evidence attached to a policy review',
  }),
  'policies.filteringReviews': method<FilteringReview[]>()({
    input: none,
    access: 'governance.manage',
    writes: false,
    summary: 'The filtering and monitoring reviews, newest first, with participants and actions',
  }),
  'policies.recordFilteringReview': method<FilteringReview[]>()({
    input: filteringReviewInput,
    access: 'governance.manage',
    writes: true,
    summary:
      'Record an annual filtering and monitoring review: participants, systems checked, findings and actions',
  }),
  'governance.stats': method<GovernanceStats>()({
    input: governanceStatsInput,
    access: 'governance.read',
    writes: false,
    summary:
      'The governors’ statistics for an academic year: counts only, small numbers withheld (security G8)',
  }),
  'governance.report': method<SavedFile>()({
    input: governanceStatsInput,
    access: 'governance.read',
    writes: true,
    summary: 'Save the annual safeguarding report to governors as a PDF and log the export',
  }),
  'governance.saveThreshold': method<{ threshold: number }>()({
    input: suppressionThresholdInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Set the count below which the governors’ statistics withhold a value',
  }),
  'audits.list': method<AuditList>()({
    input: none,
    access: 'governance.read',
    writes: false,
    summary: 'The annual safeguarding audits by academic year, with progress and sign-offs',
  }),
  'audits.get': method<AuditYear>()({
    input: z.strictObject({ academicYear: auditAcademicYear }),
    access: 'governance.read',
    writes: false,
    summary:
      'One year’s safeguarding audit: questions, answers, evidence, actions, sign-offs and last year’s RAG',
  }),
  'audits.start': method<AuditYear>()({
    input: z.strictObject({ academicYear: auditAcademicYear }),
    access: 'governance.manage',
    writes: true,
    summary: 'Start a year’s safeguarding audit with a copy of the current question set',
  }),
  'audits.importQuestions': method<QuestionImportResult>()({
    input: auditImportQuestionsInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Import the local authority’s audit questions (CSV) for years started from now on',
    // JSON may escape each quote and line break of the CSV.
    maxPayloadChars: 2 * MAX_QUESTION_CSV_CHARS + 4096,
  }),
  'audits.answer': method<AuditYear>()({
    input: auditAnswerInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Rate an audit question Red, Amber or Green with a comment and evidence links',
  }),
  'audits.addAction': method<AuditYear>()({
    input: auditAddActionInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Add an action, with its owner and due date, to the audit’s action plan',
  }),
  'audits.completeAction': method<AuditYear>()({
    input: auditCompleteActionInput,
    access: 'governance.manage',
    writes: true,
    summary: 'Mark an audit action done',
  }),
  'audits.evidenceOptions': method<EvidenceOption[]>()({
    input: none,
    access: 'governance.manage',
    writes: false,
    summary: 'Training records, policy reviews and filtering reviews an audit answer can link to',
  }),
  'audits.signOff': method<AuditYear>()({
    input: z.strictObject({ academicYear: auditAcademicYear }),
    access: 'governance.signoff',
    writes: true,
    summary: 'Sign off a completed audit: the DSL as DSL, a governor as safeguarding governor',
  }),
  'audits.export': method<SavedFile>()({
    input: auditExportInput,
    access: 'governance.read',
    writes: true,
    summary:
      'Save a year’s safeguarding audit as PDF or Word (the local authority layout) and log it',
  }),
  'backup.status': method<BackupStatus>()({
    input: none,
    access: 'backup.manage',
    writes: false,
    summary: 'Backup folders, the schedule, the last good backup and any warnings',
  }),
  'backup.chooseFolder': method<{ path: string | null }>()({
    input: none,
    access: 'backup.manage',
    writes: false,
    summary: 'Choose a backup folder with the computer’s folder picker',
  }),
  'backup.saveSettings': method<BackupStatus>()({
    input: backupSettingsInput,
    access: 'backup.manage',
    writes: true,
    summary: 'Choose the backup folders, how often to back up and how many backups to keep',
  }),
  'backup.run': method<{ runs: BackupRun[]; status: BackupStatus }>()({
    input: backupRunInput,
    access: 'backup.manage',
    writes: true,
    summary: 'Back up now to one backup folder or to all of them, and check each backup',
  }),
  'backup.verify': method<{ run: BackupRun; status: BackupStatus }>()({
    input: backupVerifyInput,
    access: 'backup.manage',
    writes: true,
    summary: 'Check the newest backup in a backup folder opens and is complete',
  }),
  'retention.queue': method<RetentionQueue>()({
    input: queueInput,
    access: 'retention.manage',
    writes: false,
    summary:
      'Children’s files whose retention review date has passed or falls within the months given, with any legal hold',
  }),
  'retention.holds': method<ChildHolds>()({
    input: z.strictObject({ childId: id }),
    access: 'retention.manage',
    writes: false,
    summary: 'The legal holds on a child’s file, the current one first',
  }),
  'retention.placeHold': method<ChildHolds>()({
    input: placeHoldInput,
    access: 'retention.manage',
    writes: true,
    summary: 'Place a legal hold on a child’s file (litigation, an inquiry, a police request)',
  }),
  'retention.liftHold': method<ChildHolds>()({
    input: liftHoldInput,
    access: 'retention.manage',
    writes: true,
    summary: 'Lift a legal hold, with the reason (the hold stays on record)',
  }),
  'retention.settings': method<{
    current: RetentionSettingsVersion;
    history: RetentionSettingsVersion[];
  }>()({
    input: none,
    access: 'retention.manage',
    writes: false,
    summary: 'The retention periods in force per record type and every earlier version',
  }),
  'retention.saveSettings': method<RetentionSettingsVersion>()({
    input: retentionSettingsInput,
    access: 'retention.manage',
    writes: true,
    summary: 'Save a new version of the retention periods (in years) per record type',
  }),
  'retention.register': method<DestructionRecord[]>()({
    input: none,
    access: 'retention.manage',
    writes: false,
    summary: 'The destruction register: what was destroyed, when, by whom and why (no content)',
  }),
  'retention.destroy': method<DestructionRecord>()({
    input: destroyInput,
    access: 'retention.destroy',
    writes: true,
    summary:
      'Destroy a child’s file after its review date when no legal hold stands: delete everything held about the child, then vacuum the database',
  }),
  'sar.list': method<SarSummary[]>()({
    input: none,
    access: 'sar.manage',
    writes: false,
    summary: 'Subject access requests, newest first, with the due date in force',
  }),
  'sar.create': method<SarDetail>()({
    input: sarCreateInput,
    access: 'sar.manage',
    writes: true,
    summary: 'Log a subject access request about a child and start its one-month duty',
  }),
  'sar.get': method<SarDetail>()({
    input: sarIdInput,
    access: 'sar.manage',
    writes: false,
    summary:
      'A subject access request: everything held about the child, redaction suggestions and decisions, the due date',
  }),
  'sar.redact': method<SarDetail>()({
    input: sarRedactInput,
    access: 'sar.manage',
    writes: true,
    summary:
      'Withhold a third party, some words or a whole item with a reason; decline a suggestion; or remove a redaction',
  }),
  'sar.exemption': method<SarDetail>()({
    input: sarExemptionInput,
    access: 'sar.manage',
    writes: true,
    summary:
      'Record whether an exemption (serious harm, crime, child abuse data…) applies, and why',
  }),
  'sar.pause': method<SarDetail>()({
    input: sarPauseInput,
    access: 'sar.manage',
    writes: true,
    summary: 'Stop the clock while waiting for identity or clarification (DUAA 2025)',
  }),
  'sar.resume': method<SarDetail>()({
    input: sarResumeInput,
    access: 'sar.manage',
    writes: true,
    summary: 'Restart the clock; the due date moves on by the days it was stopped',
  }),
  'sar.extend': method<SarDetail>()({
    input: sarExtendInput,
    access: 'sar.manage',
    writes: true,
    summary: 'Extend a complex request by two further months, within the first month',
  }),
  'sar.export': method<SarExported>()({
    input: sarExportInput,
    access: 'sar.manage',
    writes: true,
    summary:
      'Save the redacted response as PDF, log the export and discharge the duty with it as evidence',
  }),
  'sar.withdraw': method<SarDetail>()({
    input: sarWithdrawInput,
    access: 'sar.manage',
    writes: true,
    summary: 'Record that the requester withdrew the request; its duty no longer applies',
  }),
  'data.exportSchool': method<SavedFile>()({
    input: none,
    access: 'data.export',
    writes: false,
    summary: 'Save every record the school holds as one open, unencrypted JSON file',
  }),
  'data.verify': method<StoreVerification>()({
    input: none,
    access: 'audit.read',
    writes: false,
    summary: 'Check the database file, the links between records, the audit log and the schema',
  }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> =
  Methods[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
