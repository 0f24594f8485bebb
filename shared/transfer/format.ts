/**
 * The child protection file transfer format (KCSIE Part two and Annex C; domain.md §3.3 and
 * §8.6): an open, documented JSON file that one school's Lantern writes and another's reads.
 * README.md, "The child protection file transfer format", describes it for anyone who wants to
 * read or write it without Lantern. Everything here is pure: main does the cryptography.
 *
 * A bundle (`*.lantern-transfer`) carries the child's file encrypted with a key derived from a
 * passphrase the sending DSL chooses and gives the receiving DSL by another channel (phone), and
 * is signed with the sending school's Ed25519 key. A receipt (`*.lantern-receipt`) is signed by
 * the receiving school and returned to the sender.
 */
import { z } from 'zod';

import { MAX_PASSPHRASE_LENGTH } from '../users/schema';
import { newPassphraseField } from '../users/schema';
import { schoolInput } from '../school/schema';
import { recordId } from '../record-id';

export const TRANSFER_FORMAT = 'lantern-cp-transfer';
export const RECEIPT_FORMAT = 'lantern-cp-transfer-receipt';
export const TRANSFER_VERSION = 1;
export const TRANSFER_EXTENSION = 'lantern-transfer';
export const RECEIPT_EXTENSION = 'lantern-receipt';
/** The name of the child's file inside the payload; always the first file of the manifest. */
export const CASE_FILE_NAME = 'case-file.json';

/** The largest bundle read: the child's file and every attachment, encrypted, base64 encoded. */
export const MAX_BUNDLE_CHARS = 96 * 1024 * 1024;
export const MAX_RECEIPT_CHARS = 16 * 1024;

/** Argon2id costs a reader accepts: at least OWASP's minimum, at most what a laptop can spend. */
export const MIN_KDF_MEMORY_KIB = 8192;
export const MAX_KDF_MEMORY_KIB = 256 * 1024;

const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64.');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 digest.');
const instant = z.iso.datetime();
const text = (max: number) => z.string().min(1).max(max);
const urn = z.string().regex(/^[1-9]\d{5}$/, 'A URN has 6 digits.');

/** The sending school, as the bundle names it. */
export const transferFrom = z.strictObject({
  schoolName: text(200),
  urn,
  dslName: text(100),
});
export const transferTo = z.strictObject({ schoolName: text(200), urn });

export const transferKdf = z.strictObject({
  alg: z.literal('argon2id'),
  memoryKiB: z.int().min(MIN_KDF_MEMORY_KIB).max(MAX_KDF_MEMORY_KIB),
  iterations: z.int().min(1).max(10),
  parallelism: z.int().min(1).max(8),
  salt: base64(64),
});

export const transferCipher = z.strictObject({
  alg: z.literal('aes-256-gcm'),
  iv: base64(32),
  tag: base64(32),
});

export const manifestFile = z.strictObject({
  name: text(300),
  sha256: sha256Hex,
  bytes: z.int().min(0),
});
export const transferManifest = z.strictObject({
  files: z.array(manifestFile).min(1).max(1000),
});
export type TransferManifest = z.infer<typeof transferManifest>;

/** Base64 of a raw 32-byte Ed25519 public key, and of a 64-byte signature. */
const publicKey = base64(64);
const signature = base64(128);

export const transferBundle = z.strictObject({
  format: z.literal(TRANSFER_FORMAT),
  version: z.literal(TRANSFER_VERSION),
  bundleId: recordId,
  createdAt: instant,
  from: transferFrom,
  to: transferTo,
  kdf: transferKdf,
  cipher: transferCipher,
  ciphertext: base64(MAX_BUNDLE_CHARS),
  manifest: transferManifest,
  publicKey,
  signature,
});
export type TransferBundle = z.infer<typeof transferBundle>;

/**
 * What the signature covers: every field of the bundle except the signature itself, with the
 * ciphertext replaced by its SHA-256 (hex), serialised by canonicalJson.
 */
export type SignedBundle = Omit<TransferBundle, 'signature' | 'ciphertext'> & {
  ciphertextSha256: string;
};

export function signedBundle(
  bundle: Omit<TransferBundle, 'signature'>,
  ciphertextSha256: string,
): string {
  const signed: SignedBundle = {
    format: bundle.format,
    version: bundle.version,
    bundleId: bundle.bundleId,
    createdAt: bundle.createdAt,
    from: bundle.from,
    to: bundle.to,
    kdf: bundle.kdf,
    cipher: bundle.cipher,
    manifest: bundle.manifest,
    publicKey: bundle.publicKey,
    ciphertextSha256,
  };
  return canonicalJson(signed);
}

/** The decrypted payload: named files, base64 encoded; case-file.json first. */
export const transferPayload = z.strictObject({
  files: z
    .array(z.strictObject({ name: text(300), dataBase64: base64(MAX_BUNDLE_CHARS) }))
    .min(1)
    .max(1000),
});
export type TransferPayload = z.infer<typeof transferPayload>;

const calendarDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/);
const occurredAt = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);

/** One entry of the sending school's chronology, without its internal ids. */
export const transferredEntry = z.object({
  source: z.string().max(40),
  occurredAt,
  approx: z.boolean(),
  recordedAt: instant,
  recordedByName: z.string().max(200),
  role: z.string().max(60).nullable(),
  title: text(1000),
  detail: z.string().max(10_000),
  categories: z.array(z.string().max(60)).max(60),
  significant: z.boolean(),
  headline: z.string().max(1000),
});
export type TransferredEntry = z.infer<typeof transferredEntry>;

export const transferredChild = z.object({
  legalForename: text(100),
  legalSurname: text(100),
  preferredForename: z.string().max(100),
  preferredSurname: z.string().max(100),
  dateOfBirth: calendarDate,
  upn: z.string().max(20),
  yearGroup: z.string().max(3),
  gender: z.string().max(20),
  admissionDate: calendarDate,
  leavingDate: calendarDate,
});

/**
 * case-file.json: the sending school's CaseFile (shared/exports/case-file.ts) without internal
 * record ids. The parts Lantern imports are checked strictly; the rest (family, concerns with
 * their triage, notifications, duties) is kept as sent, for the receiving DSL to read.
 */
export const transferredCaseFile = z.object({
  school: z.object({ name: text(200), urn, localAuthority: z.string().max(100) }).loose(),
  child: transferredChild,
  designations: z.array(z.record(z.string(), z.unknown())).max(1000),
  family: z.record(z.string(), z.unknown()),
  concerns: z
    .array(
      z
        .object({
          concern: z.record(z.string(), z.unknown()),
          triage: z.record(z.string(), z.unknown()),
          /** Names of this concern's attachments in the payload. */
          attachments: z.array(text(300)).max(100),
        })
        .loose(),
    )
    .max(10_000),
  chronology: z.array(transferredEntry).max(100_000),
  encompass: z.array(z.record(z.string(), z.unknown())).max(10_000),
  duties: z.array(z.record(z.string(), z.unknown())).max(10_000),
});
export type TransferredCaseFile = z.infer<typeof transferredCaseFile>;

export const transferReceipt = z.strictObject({
  format: z.literal(RECEIPT_FORMAT),
  version: z.literal(TRANSFER_VERSION),
  bundleId: recordId,
  receivedAt: instant,
  receivedBy: z.strictObject({ name: text(100), role: text(100) }),
  receivingSchool: transferTo,
  publicKey,
  signature,
});
export type TransferReceipt = z.infer<typeof transferReceipt>;

/** What a receipt's signature covers: every field but the signature, by canonicalJson. */
export function signedReceipt(receipt: Omit<TransferReceipt, 'signature'>): string {
  return canonicalJson(receipt);
}

/**
 * JSON with object keys sorted at every level and no spaces: the same value always gives the
 * same text, whoever wrote the file, so a signature over it can be checked.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A key's fingerprint for reading aloud: the SHA-256 (hex) of the key, first 20 characters. */
export function fingerprintText(sha256: string): string {
  return sha256.slice(0, 20).toUpperCase().match(/.{4}/g)?.join(' ') ?? '';
}

export type TransferCounts = {
  concerns: number;
  entries: number;
  designations: number;
  attachments: number;
};

/** "1 concern, 12 chronology entries, no designations, 2 attachments". */
export function countsText(counts: TransferCounts): string {
  const n = (count: number, one: string, many: string) =>
    count === 0 ? `no ${many}` : `${String(count)} ${count === 1 ? one : many}`;
  return [
    n(counts.concerns, 'concern', 'concerns'),
    n(counts.entries, 'chronology entry', 'chronology entries'),
    n(counts.designations, 'designation', 'designations'),
    n(counts.attachments, 'attachment', 'attachments'),
  ].join(', ');
}

// ---- the API's inputs and answers ----

const passphrase = z
  .string()
  .max(MAX_PASSPHRASE_LENGTH, `Passphrase must be ${MAX_PASSPHRASE_LENGTH} characters or fewer.`);

export const transferExportInput = z.strictObject({
  childId: recordId,
  toSchoolName: schoolInput.shape.name,
  toUrn: schoolInput.shape.urn,
  passphrase: newPassphraseField,
});

export const transferPdfInput = z.strictObject({
  childId: recordId,
  toSchoolName: schoolInput.shape.name,
  toUrn: schoolInput.shape.urn,
});

const bundleText = z
  .string()
  .max(MAX_BUNDLE_CHARS, 'This file is too large to be a Lantern transfer.')
  .refine((s) => s.length > 0, 'Choose the file you were sent.');

export const transferInspectInput = z.strictObject({
  bundle: bundleText,
  passphrase: passphrase.min(1, 'Enter the passphrase the sending school gave you.'),
});

export const transferImportInput = z.strictObject({
  bundle: bundleText,
  passphrase: passphrase.min(1, 'Enter the passphrase the sending school gave you.'),
  decision: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('match'), childId: recordId }),
      z.strictObject({ kind: z.literal('new') }),
    ],
    'Choose the pupil this file is about, or add a new pupil.',
  ),
});

export const transferReceiptInput = z.strictObject({ bundleId: recordId });

export const receiptImportInput = z.strictObject({
  receipt: z
    .string()
    .max(MAX_RECEIPT_CHARS, 'This file is too large to be a Lantern receipt.')
    .refine((s) => s.length > 0, 'Choose the receipt file.'),
});

export type SigningKeyInfo = { fingerprint: string | null };

export type TransferExported = {
  savedTo: string | null;
  bundleId: string | null;
  fingerprint: string;
};

export type TransferPreview = {
  bundleId: string;
  createdAt: string;
  from: z.infer<typeof transferFrom>;
  to: z.infer<typeof transferTo>;
  senderFingerprint: string;
  child: {
    name: string;
    dateOfBirth: string;
    upn: string;
    yearGroup: string;
  };
  counts: TransferCounts;
  /** The pupil on this register with the same UPN, if any. */
  match: { childId: string; name: string; dateOfBirth: string } | null;
  /** Set when this bundle was imported before. */
  imported: { childId: string; childName: string; importedAt: string } | null;
};

export type TransferImported = {
  bundleId: string;
  childId: string;
  childName: string;
  entries: number;
  /** True when the bundle had been imported before and nothing changed. */
  alreadyImported: boolean;
  message: string;
};

export type ReceiptImported = {
  bundleId: string;
  childId: string;
  childName: string;
  receivedBy: string;
  receivedAt: string;
  dutyDischarged: boolean;
};
