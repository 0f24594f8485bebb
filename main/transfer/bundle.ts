/**
 * Making and opening CP file transfer bundles (shared/transfer/format.ts). Making one reads the
 * child's CaseFile; opening one checks, in order: it is a Lantern bundle, its signature holds,
 * it is addressed to this school, the passphrase opens it, and every file matches the manifest.
 * Each failure is an ApiFailure with the message the DSL sees; nothing is written here.
 */
import { recordId } from '../../shared/record-id';
import type { CaseFile } from '../../shared/exports/case-file';
import type {
  TransferBundle,
  TransferPayload,
  TransferredCaseFile,
} from '../../shared/transfer/format';
import {
  CASE_FILE_NAME,
  signedBundle,
  TRANSFER_FORMAT,
  TRANSFER_VERSION,
  transferBundle,
  transferPayload,
  transferredCaseFile,
} from '../../shared/transfer/format';
import { ApiFailure } from '../api-failure';
import type { Store } from '../store';
import type { KdfParams } from '../vault/keyring';
import type { SigningKeyRecord } from './repo';
import { open, seal, sha256Hex, signText, verifyText } from './crypto';

export const NOT_A_BUNDLE =
  'This is not a Lantern child protection file transfer. Choose the .lantern-transfer file the sending school gave you.';
export const TAMPERED =
  'This file has been changed since it was made, so Lantern will not open it. Ask the sending school to make and send it again.';
export const WRONG_PASSPHRASE =
  'The passphrase does not open this file. Check it with the sending school’s DSL by phone, then try again.';

/** A key holds a record id (or a list of them): internal to the sending school's database. */
function isInternalId(key: string, value: unknown): boolean {
  if (key === 'id' || /Ids?$/.test(key)) return true;
  const ids = Array.isArray(value) ? value : [value];
  return ids.length > 0 && ids.every((v) => recordId.safeParse(v).success);
}

/** The value without internal record ids (of records or people) at any depth. */
export function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => !isInternalId(k, v))
        .map(([k, v]) => [k, withoutIds(v)]),
    );
  }
  return value;
}

export type Attachment = { name: string; data: Buffer };

/** case-file.json and its attachments, from the child's CaseFile. */
export function payloadOf(
  file: CaseFile,
  store: Store,
): { caseFile: TransferredCaseFile; attachments: Attachment[] } {
  const attachments: Attachment[] = [];
  const concerns = file.concerns.map(({ concern, triage }, i) => {
    const names = concern.attachments.flatMap((meta) => {
      const stored = store.attachments.get(meta.id);
      if (!stored) return [];
      const name = `attachments/${String(i + 1)}/${meta.fileName}`;
      attachments.push({ name, data: stored.data });
      return [name];
    });
    return { concern: withoutIds(concern), triage: withoutIds(triage), attachments: names };
  });
  const caseFile = transferredCaseFile.parse({
    school: withoutIds(file.school),
    child: withoutIds(file.child),
    designations: withoutIds(file.designations),
    family: withoutIds(file.family),
    concerns,
    chronology: withoutIds(file.chronology),
    encompass: withoutIds(file.encompass),
    duties: withoutIds(file.duties),
  });
  return { caseFile, attachments };
}

export type BundleHeader = Pick<TransferBundle, 'bundleId' | 'createdAt' | 'from' | 'to'>;

/** Encrypts and signs; the bundle file's text. */
export async function makeBundle(
  header: BundleHeader,
  content: { caseFile: TransferredCaseFile; attachments: Attachment[] },
  passphrase: string,
  kdf: KdfParams,
  key: SigningKeyRecord,
): Promise<string> {
  const files: Attachment[] = [
    { name: CASE_FILE_NAME, data: Buffer.from(JSON.stringify(content.caseFile), 'utf8') },
    ...content.attachments,
  ];
  const payload: TransferPayload = {
    files: files.map((f) => ({ name: f.name, dataBase64: f.data.toString('base64') })),
  };
  const sealed = await seal(
    Buffer.from(JSON.stringify(payload), 'utf8'),
    passphrase,
    kdf,
    header.bundleId,
  );
  const unsigned: Omit<TransferBundle, 'signature'> = {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    ...header,
    kdf: { alg: 'argon2id', ...kdf, salt: sealed.salt.toString('base64') },
    cipher: {
      alg: 'aes-256-gcm',
      iv: sealed.iv.toString('base64'),
      tag: sealed.tag.toString('base64'),
    },
    ciphertext: sealed.ciphertext.toString('base64'),
    manifest: {
      files: files.map((f) => ({ name: f.name, sha256: sha256Hex(f.data), bytes: f.data.length })),
    },
    publicKey: key.publicKey.toString('base64'),
  };
  const signature = signText(key, signedBundle(unsigned, sha256Hex(sealed.ciphertext)));
  return `${JSON.stringify({ ...unsigned, signature }, null, 2)}\n`;
}

/** The bundle's header, checked: a Lantern bundle whose signature holds. */
export function verifiedBundle(text: string): TransferBundle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiFailure('invalid_input', NOT_A_BUNDLE, { bundle: NOT_A_BUNDLE });
  }
  const parsed = transferBundle.safeParse(json);
  if (!parsed.success) {
    // A file that names the format but fails its schema was made by Lantern and then altered.
    const named =
      typeof json === 'object' &&
      json !== null &&
      'format' in json &&
      json.format === TRANSFER_FORMAT;
    const message = named ? TAMPERED : NOT_A_BUNDLE;
    throw new ApiFailure('invalid_input', message, { bundle: message });
  }
  const bundle = parsed.data;
  const ciphertext = Buffer.from(bundle.ciphertext, 'base64');
  const { signature, ...unsigned } = bundle;
  if (
    !verifyText(
      Buffer.from(bundle.publicKey, 'base64'),
      signedBundle(unsigned, sha256Hex(ciphertext)),
      signature,
    )
  )
    throw new ApiFailure('invalid_input', TAMPERED, { bundle: TAMPERED });
  return bundle;
}

export type OpenedBundle = {
  caseFile: TransferredCaseFile;
  /** The decrypted payload's JSON text, as kept by the receiving school. */
  payloadJson: string;
  attachments: number;
};

/** Decrypts a verified bundle and checks every file against the manifest. */
export async function openBundle(
  bundle: TransferBundle,
  passphrase: string,
): Promise<OpenedBundle> {
  const plaintext = await open(
    {
      salt: Buffer.from(bundle.kdf.salt, 'base64'),
      iv: Buffer.from(bundle.cipher.iv, 'base64'),
      tag: Buffer.from(bundle.cipher.tag, 'base64'),
      ciphertext: Buffer.from(bundle.ciphertext, 'base64'),
    },
    passphrase,
    bundle.kdf,
    bundle.bundleId,
  );
  if (plaintext === null)
    throw new ApiFailure('invalid_input', WRONG_PASSPHRASE, { passphrase: WRONG_PASSPHRASE });
  const tampered = () => new ApiFailure('invalid_input', TAMPERED, { bundle: TAMPERED });
  let payload: TransferPayload;
  try {
    payload = transferPayload.parse(JSON.parse(plaintext.toString('utf8')));
  } catch {
    throw tampered();
  }
  const { files } = bundle.manifest;
  if (payload.files.length !== files.length) throw tampered();
  const contents = payload.files.map((f, i) => {
    const listed = files[i];
    const data = Buffer.from(f.dataBase64, 'base64');
    if (
      !listed ||
      listed.name !== f.name ||
      listed.bytes !== data.length ||
      listed.sha256 !== sha256Hex(data)
    )
      throw tampered();
    return data;
  });
  if (files[0]?.name !== CASE_FILE_NAME) throw tampered();
  let caseFile: TransferredCaseFile;
  try {
    caseFile = transferredCaseFile.parse(
      JSON.parse((contents[0] ?? Buffer.alloc(0)).toString('utf8')),
    );
  } catch {
    throw tampered();
  }
  return { caseFile, payloadJson: plaintext.toString('utf8'), attachments: files.length - 1 };
}
