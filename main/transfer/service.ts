/**
 * The child protection file transfer (issue 6; domain.md §3.3 and §8.6): export a signed,
 * encrypted bundle (which discharges the child's 'cp-transfer' duty), read and import one sent
 * by another school, issue a signed receipt, and record the receipt that comes back (which
 * discharges 'cp-transfer-receipt'). The format is shared/transfer/format.ts.
 */
import type { ParsedInput } from '../../shared/api';
import { roleLabels } from '../../shared/auth/roles';
import { childInput, displayName } from '../../shared/children/schema';
import { entryDetail } from '../../shared/chronology/schema';
import {
  formatCalendarDate,
  formatInstant,
  londonDate,
  londonMinute,
} from '../../shared/dates/calendar-date';
import type { DutyRuleId } from '../../shared/duties/rules';
import type { SchoolProfile } from '../../shared/school/schema';
import type {
  ReceiptImported,
  SigningKeyInfo,
  TransferBundle,
  TransferExported,
  TransferImported,
  TransferPreview,
  TransferCounts,
  TransferReceipt,
} from '../../shared/transfer/format';
import {
  countsText,
  RECEIPT_EXTENSION,
  RECEIPT_FORMAT,
  signedReceipt,
  TRANSFER_EXTENSION,
  TRANSFER_VERSION,
  transferReceipt,
} from '../../shared/transfer/format';
import { ApiFailure } from '../api-failure';
import { addChild, registeredChild } from '../children/service';
import { dischargeDuty } from '../duties/service';
import { caseFile } from '../exports/case-file';
import { recordExport } from '../exports/record';
import type { Handled, HandlerContext } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import { DEFAULT_KDF } from '../vault/keyring';
import type { OpenedBundle } from './bundle';
import { makeBundle, openBundle, payloadOf, verifiedBundle } from './bundle';
import { fingerprintOf, newSigningKey, sha256Hex, signText, verifyText } from './crypto';
import type { SigningKeyRecord } from './repo';
import { transferPdf } from './pdf';

const NOT_A_RECEIPT =
  'This is not a Lantern receipt. Choose the .lantern-receipt file the receiving school sent back.';
const RECEIPT_TAMPERED =
  'This receipt has been changed since it was made, so Lantern will not record it. Ask the receiving school to save it again.';
const UNKNOWN_TRANSFER =
  'This receipt is for a transfer this school did not send from Lantern. Check with the school that sent it.';

function school(ctx: HandlerContext): SchoolProfile {
  const profile = ctx.store.school.get();
  if (!profile)
    throw new ApiFailure(
      'conflict',
      'Enter the school’s details (name and URN) before transferring files.',
    );
  return profile;
}

function me(ctx: HandlerContext): { name: string; role: string } {
  const user = ctx.session.user;
  if (!user) throw new ApiFailure('unauthenticated', 'Lantern is locked. Sign in to continue.');
  return { name: user.displayName, role: roleLabels[user.role] };
}

/** The school's signing key, or a new one to be stored with the first transfer that uses it. */
function signingKey(ctx: HandlerContext): { key: SigningKeyRecord; isNew: boolean } {
  const stored = ctx.store.transfers.signingKey();
  return stored
    ? { key: stored, isNew: false }
    : { key: newSigningKey(ctx.now.toISOString()), isNew: true };
}

/** Stores a key made for this call, unless another call stored one first (then try again). */
function keepSigningKey(ctx: HandlerContext, key: { key: SigningKeyRecord; isNew: boolean }) {
  if (!key.isNew) return;
  if (ctx.store.transfers.signingKey() !== null)
    throw new ApiFailure(
      'conflict',
      'The school’s signing key was just made elsewhere. Try again.',
    );
  ctx.store.transfers.addSigningKey(key.key, signedInUserId(ctx));
}

export function signingKeyInfo(ctx: HandlerContext): Handled<SigningKeyInfo> {
  const key = ctx.store.transfers.signingKey();
  return { value: { fingerprint: key ? fingerprintOf(key.publicKey) : null } };
}

type Destination = { toSchoolName: string; toUrn: string };

/** The leaver and the receiving school, checked; field messages otherwise. */
function leaver(ctx: HandlerContext, input: { childId: string } & Destination) {
  const child = registeredChild(ctx, input.childId);
  const from = school(ctx);
  const fields: Record<string, string> = {};
  if (child.leavingDate === '')
    fields.childId = `${displayName(child)} has no leaving date. Record the leaving date on the pupil’s details first.`;
  if (input.toUrn === from.urn)
    fields.toUrn = 'That is this school’s own URN. Enter the receiving school’s URN.';
  if (Object.keys(fields).length > 0)
    throw new ApiFailure('invalid_input', 'Some details need correcting.', fields);
  return { child, from };
}

/** The child's open duty of this kind, discharged as done now; the ids it touched. */
function dischargeOpen(
  ctx: HandlerContext,
  childId: string,
  ruleId: DutyRuleId,
  evidence: { recipient: string; reference: string; notes: string },
): readonly string[] | null {
  const duty = ctx.store.duties
    .forChild(childId)
    .find((d) => d.ruleId === ruleId && d.status === 'open');
  if (!duty) return null;
  const done = dischargeDuty(ctx, {
    dutyId: duty.id,
    at: londonMinute(ctx.now),
    method: 'secure_transfer',
    actedBy: null,
    ...evidence,
  });
  return done.recordIds ?? [duty.id];
}

export async function exportTransfer(
  ctx: HandlerContext,
  input: ParsedInput<'transfer.export'>,
): Promise<Handled<TransferExported>> {
  const { child, from } = leaver(ctx, input);
  const key = signingKey(ctx);
  const fingerprint = fingerprintOf(key.key.publicKey);
  const bundleId = newId(ctx.now);
  const sender = me(ctx);
  const to = { schoolName: input.toSchoolName, urn: input.toUrn };
  const text = await makeBundle(
    {
      bundleId,
      createdAt: ctx.now.toISOString(),
      from: { schoolName: from.name, urn: from.urn, dslName: sender.name },
      to,
    },
    payloadOf(caseFile(ctx, child.id), ctx.store),
    input.passphrase,
    DEFAULT_KDF,
    key.key,
  );
  const data = Buffer.from(text, 'utf8');
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: `${displayName(child)} CP file for ${to.schoolName}.${TRANSFER_EXTENSION}`,
      title: 'Save the child protection file transfer',
      filters: [{ name: 'Lantern transfer', extensions: [TRANSFER_EXTENSION] }],
    },
    data,
  );
  if (savedTo === null) return { value: { savedTo: null, bundleId: null, fingerprint } };
  const recipient = `${to.schoolName} (URN ${to.urn})`;
  const ids = ctx.commit([child.id], () => {
    keepSigningKey(ctx, key);
    ctx.store.transfers.addOut({
      id: newId(ctx.now),
      bundleId,
      childId: child.id,
      toSchool: to.schoolName,
      toUrn: to.urn,
      sha256: sha256Hex(data),
      sentAt: ctx.now.toISOString(),
      sentBy: signedInUserId(ctx),
    });
    const exportId = recordExport(
      ctx,
      {
        childId: child.id,
        kind: 'transfer_bundle',
        form: '',
        format: 'bundle',
        recipient,
        reference: bundleId,
        concernIds: [],
        redacted: false,
        title: `Child protection file transferred to ${to.schoolName}`,
        detail: `Encrypted, signed Lantern transfer ${bundleId} for ${recipient}. Signing key ${fingerprint}.`,
      },
      data,
    );
    const duty = dischargeOpen(ctx, child.id, 'cp-transfer', {
      recipient,
      reference: bundleId,
      notes: `Lantern transfer file (encrypted and signed); signing key ${fingerprint}. The passphrase was to be given by another channel.`,
    });
    return [exportId, ...(duty ?? [])];
  });
  return { value: { savedTo, bundleId, fingerprint }, recordIds: [child.id, ...ids] };
}

export async function exportTransferPdf(
  ctx: HandlerContext,
  input: ParsedInput<'transfer.exportPdf'>,
): Promise<Handled<{ savedTo: string | null }>> {
  const { child } = leaver(ctx, input);
  const file = caseFile(ctx, child.id);
  const to = `${input.toSchoolName} (URN ${input.toUrn})`;
  const data = await transferPdf(file, { to, dslName: me(ctx).name, at: ctx.now });
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: `${displayName(child)} CP file for ${input.toSchoolName}.pdf`,
      title: 'Save the printable child protection file',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    },
    data,
  );
  if (savedTo === null) return { value: { savedTo } };
  const exportId = ctx.commit([child.id], () =>
    recordExport(
      ctx,
      {
        childId: child.id,
        kind: 'transfer_pdf',
        form: '',
        format: 'pdf',
        recipient: to,
        reference: '',
        concernIds: file.concerns.map((c) => c.concern.id),
        redacted: false,
        title: `Printable child protection file made for ${input.toSchoolName}`,
        detail: `PDF of the child protection file for ${to}, with a receipt slip to return.`,
      },
      data,
    ),
  );
  return { value: { savedTo }, recordIds: [child.id, exportId] };
}

/** A verified bundle, addressed to this school. */
function addressedHere(ctx: HandlerContext, text: string): TransferBundle {
  const bundle = verifiedBundle(text);
  const here = school(ctx);
  if (bundle.to.urn !== here.urn) {
    const message = `This file is for ${bundle.to.schoolName} (URN ${bundle.to.urn}), not this school (${here.name}, URN ${here.urn}). Do not import it: tell the school that sent it.`;
    throw new ApiFailure('invalid_input', message, { bundle: message });
  }
  return bundle;
}

function countsOf(opened: OpenedBundle): TransferCounts {
  return {
    concerns: opened.caseFile.concerns.length,
    entries: opened.caseFile.chronology.length,
    designations: opened.caseFile.designations.length,
    attachments: opened.attachments,
  };
}

function childNameOf(opened: OpenedBundle): string {
  return displayName(opened.caseFile.child);
}

export async function inspectTransfer(
  ctx: HandlerContext,
  input: ParsedInput<'transfer.inspect'>,
): Promise<Handled<TransferPreview>> {
  const bundle = addressedHere(ctx, input.bundle);
  const opened = await openBundle(bundle, input.passphrase);
  const { child } = opened.caseFile;
  const holder = child.upn === '' ? null : ctx.store.children.idForUpn(child.upn);
  const match = holder === null ? null : ctx.store.children.get(holder);
  const before = ctx.store.transfers.inByBundle(bundle.bundleId);
  const importedChild = before ? ctx.store.children.get(before.childId) : null;
  return {
    value: {
      bundleId: bundle.bundleId,
      createdAt: bundle.createdAt,
      from: bundle.from,
      to: bundle.to,
      senderFingerprint: fingerprintOf(Buffer.from(bundle.publicKey, 'base64')),
      child: {
        name: childNameOf(opened),
        dateOfBirth: child.dateOfBirth,
        upn: child.upn,
        yearGroup: child.yearGroup,
      },
      counts: countsOf(opened),
      match: match
        ? { childId: match.id, name: displayName(match), dateOfBirth: match.dateOfBirth }
        : null,
      imported:
        before && importedChild
          ? {
              childId: before.childId,
              childName: displayName(importedChild),
              importedAt: before.receivedAt,
            }
          : null,
    },
    recordIds: [...(match ? [match.id] : []), ...(before ? [before.id] : [])],
  };
}

function alreadyImported(ctx: HandlerContext, bundleId: string): TransferImported | null {
  const before = ctx.store.transfers.inByBundle(bundleId);
  if (!before) return null;
  const child = registeredChild(ctx, before.childId);
  return {
    bundleId,
    childId: child.id,
    childName: displayName(child),
    entries: before.entries,
    alreadyImported: true,
    message: `This file was already imported on ${formatInstant(before.receivedAt)} into ${displayName(child)}’s file. Nothing has changed.`,
  };
}

/** A new pupil from the transferred details: on roll here from today, not yet leaving. */
function newPupil(ctx: HandlerContext, opened: OpenedBundle): string {
  const parsed = childInput.safeParse({
    ...opened.caseFile.child,
    admissionDate: ctx.today,
    leavingDate: '',
  });
  if (!parsed.success)
    throw new ApiFailure(
      'invalid_input',
      'The pupil’s details in this file cannot be added to the register as they are. Add the pupil on the Pupils page, then import the file into their record.',
      { decision: 'Choose the pupil on this register instead.' },
    );
  return addChild(ctx, parsed.data).value.id;
}

export async function importTransfer(
  ctx: HandlerContext,
  input: ParsedInput<'transfer.import'>,
): Promise<Handled<TransferImported>> {
  const bundle = addressedHere(ctx, input.bundle);
  const opened = await openBundle(bundle, input.passphrase);
  const earlier = alreadyImported(ctx, bundle.bundleId);
  if (earlier) return { value: earlier, recordIds: [earlier.childId] };
  if (input.decision.kind === 'match') registeredChild(ctx, input.decision.childId);
  const from = bundle.from.schoolName;
  const result = ctx.commit([], () => {
    // Checked again inside the write: another window may have imported it meanwhile.
    const raced = alreadyImported(ctx, bundle.bundleId);
    if (raced) return raced;
    const created = input.decision.kind === 'new';
    const childId =
      input.decision.kind === 'match' ? input.decision.childId : newPupil(ctx, opened);
    const transferId = newId(ctx.now);
    const receivedAt = ctx.now.toISOString();
    const receivedBy = signedInUserId(ctx);
    const entries = opened.caseFile.chronology.map((entry) => ({
      childId,
      source: 'transfer_in' as const,
      sourceId: newId(ctx.now),
      concernId: null,
      occurredAt: entry.occurredAt,
      recordedAt: receivedAt,
      recordedBy: receivedBy,
      role: entry.role,
      title: `From ${from}: ${entry.title}`,
      detail: entryDetail(
        `${entry.detail} (Recorded at ${from} by ${entry.recordedByName || 'unknown'} on ${formatInstant(entry.recordedAt)}.)`,
      ),
      categories: entry.categories,
    }));
    const summary = {
      childId,
      source: 'transfer_in' as const,
      sourceId: transferId,
      concernId: null,
      occurredAt: londonMinute(ctx.now),
      recordedAt: receivedAt,
      recordedBy: receivedBy,
      role: null,
      title: `Child protection file received from ${from}`,
      detail: entryDetail(
        `Sent by ${bundle.from.dslName} (${from}, URN ${bundle.from.urn}) on ${formatInstant(bundle.createdAt)}: ${countsText(countsOf(opened))}.`,
      ),
      categories: [],
    };
    ctx.store.transfers.addIn({
      id: transferId,
      bundleId: bundle.bundleId,
      childId,
      fromSchool: from,
      fromUrn: bundle.from.urn,
      fromDsl: bundle.from.dslName,
      senderKey: Buffer.from(bundle.publicKey, 'base64'),
      payload: opened.payloadJson,
      createdChild: created,
      entries: entries.length,
      receivedAt,
      receivedBy,
    });
    ctx.store.chronology.append([summary, ...entries], ctx.now);
    const child = registeredChild(ctx, childId);
    return {
      bundleId: bundle.bundleId,
      childId,
      childName: displayName(child),
      entries: entries.length,
      alreadyImported: false,
      message: `${displayName(child)}’s child protection file from ${from} is now on their file here: ${countsText(countsOf(opened))}. Save the receipt and send it back to ${from}.`,
    };
  });
  return { value: result, recordIds: [result.childId] };
}

export async function saveReceipt(
  ctx: HandlerContext,
  input: ParsedInput<'transfer.receipt'>,
): Promise<Handled<{ savedTo: string | null }>> {
  const received = ctx.store.transfers.inByBundle(input.bundleId);
  if (!received)
    throw new ApiFailure(
      'not_found',
      'This school has not imported that transfer, so there is no receipt to give.',
    );
  const here = school(ctx);
  const key = signingKey(ctx);
  const person = me(ctx);
  const unsigned: Omit<TransferReceipt, 'signature'> = {
    format: RECEIPT_FORMAT,
    version: TRANSFER_VERSION,
    bundleId: received.bundleId,
    receivedAt: received.receivedAt,
    receivedBy: person,
    receivingSchool: { schoolName: here.name, urn: here.urn },
    publicKey: key.key.publicKey.toString('base64'),
  };
  const receipt: TransferReceipt = {
    ...unsigned,
    signature: signText(key.key, signedReceipt(unsigned)),
  };
  const data = Buffer.from(`${JSON.stringify(receipt, null, 2)}\n`, 'utf8');
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: `Receipt for ${received.fromSchool} ${formatCalendarDate(londonDate(new Date(received.receivedAt)))}.${RECEIPT_EXTENSION}`,
      title: 'Save the receipt for the sending school',
      filters: [{ name: 'Lantern receipt', extensions: [RECEIPT_EXTENSION] }],
    },
    data,
  );
  if (savedTo === null) return { value: { savedTo } };
  const exportId = ctx.commit([received.childId], () => {
    keepSigningKey(ctx, key);
    return recordExport(
      ctx,
      {
        childId: received.childId,
        kind: 'receipt',
        form: '',
        format: 'json',
        recipient: `${received.fromSchool} (URN ${received.fromUrn})`,
        reference: received.bundleId,
        concernIds: [],
        redacted: false,
        title: `Receipt for the child protection file saved for ${received.fromSchool}`,
        detail: `Signed receipt by ${person.name} (${person.role}) for transfer ${received.bundleId}.`,
      },
      data,
    );
  });
  return { value: { savedTo }, recordIds: [received.childId, exportId] };
}

function receiptOf(text: string): TransferReceipt {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiFailure('invalid_input', NOT_A_RECEIPT, { receipt: NOT_A_RECEIPT });
  }
  const parsed = transferReceipt.safeParse(json);
  if (!parsed.success) {
    const named =
      typeof json === 'object' &&
      json !== null &&
      'format' in json &&
      json.format === RECEIPT_FORMAT;
    const message = named ? RECEIPT_TAMPERED : NOT_A_RECEIPT;
    throw new ApiFailure('invalid_input', message, { receipt: message });
  }
  const { signature, ...unsigned } = parsed.data;
  if (!verifyText(Buffer.from(unsigned.publicKey, 'base64'), signedReceipt(unsigned), signature))
    throw new ApiFailure('invalid_input', RECEIPT_TAMPERED, { receipt: RECEIPT_TAMPERED });
  return parsed.data;
}

export function importReceipt(
  ctx: HandlerContext,
  input: ParsedInput<'transfer.importReceipt'>,
): Handled<ReceiptImported> {
  const receipt = receiptOf(input.receipt);
  const sent = ctx.store.transfers.outByBundle(receipt.bundleId);
  if (!sent) throw new ApiFailure('not_found', UNKNOWN_TRANSFER, { receipt: UNKNOWN_TRANSFER });
  if (sent.toUrn !== receipt.receivingSchool.urn) {
    const message = `This receipt comes from ${receipt.receivingSchool.schoolName} (URN ${receipt.receivingSchool.urn}), but the file was sent to ${sent.toSchool} (URN ${sent.toUrn}).`;
    throw new ApiFailure('invalid_input', message, { receipt: message });
  }
  const child = registeredChild(ctx, sent.childId);
  const receivedBy = `${receipt.receivedBy.name}, ${receipt.receivedBy.role}`;
  if (ctx.store.transfers.receiptByBundle(sent.bundleId))
    throw new ApiFailure(
      'conflict',
      `This receipt was already recorded for ${displayName(child)}.`,
    );
  const id = newId(ctx.now);
  ctx.store.transfers.addReceipt({
    id,
    bundleId: sent.bundleId,
    receivedAt: receipt.receivedAt,
    receivedByName: receipt.receivedBy.name,
    receivedByRole: receipt.receivedBy.role,
    receivingSchool: receipt.receivingSchool.schoolName,
    receivingUrn: receipt.receivingSchool.urn,
    receiverKey: Buffer.from(receipt.publicKey, 'base64'),
    receipt: JSON.stringify(receipt),
    recordedAt: ctx.now.toISOString(),
    recordedBy: signedInUserId(ctx),
  });
  const duty = dischargeOpen(ctx, child.id, 'cp-transfer-receipt', {
    recipient: `${receivedBy} (${receipt.receivingSchool.schoolName})`.slice(0, 200),
    reference: sent.bundleId,
    notes: `Signed Lantern receipt; received ${formatInstant(receipt.receivedAt)}; receiving school’s key ${fingerprintOf(Buffer.from(receipt.publicKey, 'base64'))}.`,
  });
  return {
    value: {
      bundleId: sent.bundleId,
      childId: child.id,
      childName: displayName(child),
      receivedBy,
      receivedAt: receipt.receivedAt,
      dutyDischarged: duty !== null,
    },
    recordIds: [child.id, id, ...(duty ?? [])],
  };
}
