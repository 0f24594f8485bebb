import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import argon2 from 'argon2';
import { z } from 'zod';

import { writeFileAtomic } from '../fs-atomic';

/**
 * Envelope encryption (security K2): a random 256-bit data key encrypts the database; each
 * secret that may open it (for now the DSL's passphrase) wraps that data key with AES-256-GCM
 * under a key derived by Argon2id. The keyring file holds only wrapped keys and KDF settings.
 */
export type KdfParams = { memoryKiB: number; iterations: number; parallelism: number };

/**
 * 128 MiB and 5 passes: about 0.47 s per unlock on the 2-core build machine, so 0.5–1 s on a
 * typical school laptop (OWASP's minimum is 19 MiB, t=2). Stored per slot, and a slot below
 * this is re-wrapped at the next sign-in, so raising them later strands nobody.
 */
export const DEFAULT_KDF: KdfParams = { memoryKiB: 131_072, iterations: 5, parallelism: 1 };

const b64 = z
  .string()
  .max(2048)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

const slotSchema = z.strictObject({
  id: z.string().min(1).max(64),
  /** A person's passphrase slot (with their username, to find it at sign-in) or the recovery key's. */
  kind: z.enum(['user', 'recovery']),
  username: z.string().max(64).optional(),
  /** Set when the wrapped key is also sealed by this computer's key store (security G1, E11). */
  device: z.strictObject({ backend: z.string().min(1).max(40) }).optional(),
  kdf: z.strictObject({
    alg: z.literal('argon2id'),
    memoryKiB: z.int().min(8192).max(4_194_304),
    iterations: z.int().min(1).max(64),
    parallelism: z.int().min(1).max(16),
    salt: b64,
  }),
  wrap: z.strictObject({
    alg: z.literal('aes-256-gcm'),
    iv: b64,
    ciphertext: b64,
    tag: b64,
  }),
});
export type KeySlot = z.infer<typeof slotSchema>;

const checkpointSchema = z.strictObject({
  seq: z.int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

const keyringSchema = z.strictObject({
  format: z.literal('lantern-keyring'),
  version: z.literal(1),
  slots: z.array(slotSchema).min(1).max(1000),
  /** The audit chain's head when last checkpointed: catches truncation (see audit/chain.ts). */
  auditCheckpoint: checkpointSchema.nullable(),
});
export type Keyring = z.infer<typeof keyringSchema>;

export class KeyringError extends Error {
  override name = 'KeyringError';
}

export class WrongSecretError extends Error {
  override name = 'WrongSecretError';
}

/** The slot is sealed to a computer's key store that is not available here. */
export class DeviceKeyError extends Error {
  override name = 'DeviceKeyError';
}

/** Argon2id: a 32-byte key from a secret (also the CP file transfer's passphrase key). */
export async function deriveKek(secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return argon2.hash(secret, {
    type: argon2.argon2id,
    raw: true,
    salt,
    hashLength: 32,
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
  });
}

function aad(slot: Pick<KeySlot, 'id' | 'kind'>): Buffer {
  return Buffer.from(`lantern-keyring/v1/${slot.kind}/${slot.id}`, 'utf8');
}

export type SlotIdentity = Pick<KeySlot, 'id' | 'kind' | 'username'>;

export async function wrapDataKey(
  dataKey: Buffer,
  identity: SlotIdentity,
  secret: string,
  kdf: KdfParams,
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const kek = await deriveKek(secret, salt, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(aad(identity));
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      ...identity,
      kdf: { alg: 'argon2id', ...kdf, salt: salt.toString('base64') },
      wrap: {
        alg: 'aes-256-gcm',
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      },
    };
  } finally {
    kek.fill(0);
  }
}

/** Returns the data key, or throws WrongSecretError when the secret does not open the slot. */
export async function unwrapDataKey(slot: KeySlot, secret: string): Promise<Buffer> {
  const kek = await deriveKek(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.wrap.iv, 'base64'));
    decipher.setAAD(aad(slot));
    decipher.setAuthTag(Buffer.from(slot.wrap.tag, 'base64'));
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(slot.wrap.ciphertext, 'base64')),
        decipher.final(),
      ]);
    } catch {
      throw new WrongSecretError('The secret does not open this key slot.');
    }
  } finally {
    kek.fill(0);
  }
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** Same cost as a real unwrap, so a missing account is not told apart by timing. */
export async function spendKdfTime(secret: string, kdf: KdfParams): Promise<void> {
  (await deriveKek(secret, randomBytes(16), kdf)).fill(0);
}

export function kdfBelowPolicy(slot: KeySlot, policy: KdfParams): boolean {
  return (
    slot.kdf.memoryKiB < policy.memoryKiB ||
    slot.kdf.iterations < policy.iterations ||
    slot.kdf.parallelism < policy.parallelism
  );
}

export function readKeyring(path: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new KeyringError(`The keyring file ${path} could not be read.`, { cause: err });
  }
  const parsed = keyringSchema.safeParse(raw);
  if (!parsed.success) {
    throw new KeyringError(`The keyring file ${path} is damaged. Restore it from a backup.`);
  }
  return parsed.data;
}

export function writeKeyring(path: string, keyring: Keyring): void {
  writeFileAtomic(path, `${JSON.stringify(keyringSchema.parse(keyring), null, 2)}\n`);
}
