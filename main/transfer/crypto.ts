/**
 * The cryptography of the CP file transfer format (shared/transfer/format.ts): Argon2id from
 * the DSL's passphrase, AES-256-GCM for the payload, Ed25519 signatures with the school's key.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';

import { fingerprintText } from '../../shared/transfer/format';
import type { KdfParams } from '../vault/keyring';
import { deriveKek } from '../vault/keyring';
import type { SigningKeyRecord } from './repo';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function fingerprintOf(publicKey: Uint8Array): string {
  return fingerprintText(sha256Hex(publicKey));
}

/** A new Ed25519 key pair: the raw 32-byte public key and the private key as PKCS#8 DER. */
export function newSigningKey(createdAt: string): SigningKeyRecord {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('an Ed25519 public key has an x coordinate');
  return {
    publicKey: Buffer.from(jwk.x, 'base64url'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
    createdAt,
  };
}

export function signText(key: SigningKeyRecord, text: string): string {
  const privateKey = createPrivateKey({ key: key.privateKey, format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

/** True when `signature` (base64) is the raw Ed25519 key's signature of `text`. */
export function verifyText(publicKey: Buffer, text: string, signature: string): boolean {
  if (publicKey.length !== 32) return false;
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
      format: 'jwk',
    });
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Binds the ciphertext to its bundle, so it cannot be moved into another. */
function aad(bundleId: string): Buffer {
  return Buffer.from(`lantern-cp-transfer/v1/${bundleId}`, 'utf8');
}

export type Sealed = { salt: Buffer; iv: Buffer; tag: Buffer; ciphertext: Buffer };

export async function seal(
  plaintext: Buffer,
  passphrase: string,
  kdf: KdfParams,
  bundleId: string,
): Promise<Sealed> {
  const salt = randomBytes(16);
  const key = await deriveKek(passphrase, salt, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(bundleId));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { salt, iv, tag: cipher.getAuthTag(), ciphertext };
  } finally {
    key.fill(0);
  }
}

/** The plaintext, or null when the passphrase does not open it. */
export async function open(
  sealed: Sealed,
  passphrase: string,
  kdf: KdfParams,
  bundleId: string,
): Promise<Buffer | null> {
  const key = await deriveKek(passphrase, sealed.salt, kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAAD(aad(bundleId));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return null;
  } finally {
    key.fill(0);
  }
}
