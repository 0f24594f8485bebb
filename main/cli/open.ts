import { existsSync } from 'node:fs';

import type { MethodName, MethodOutput } from '../../shared/api';
import type { Permission } from '../../shared/auth/roles';
import { can } from '../../shared/auth/roles';
import { normaliseRecoveryKey } from '../../shared/users/recovery-key';
import type { AuditOutcome } from '../audit/log';
import { signInThrottle } from '../auth/throttle';
import { writeFileAtomic } from '../fs-atomic';
import type { SessionState } from '../handler';
import { roleOf } from '../handler';
import { newId } from '../ids';
import { silentLogger } from '../log';
import { createRouter } from '../router';
import type { Store } from '../store';
import type { KdfParams } from '../vault/keyring';
import { WrongSecretError } from '../vault/keyring';
import type { Vault } from '../vault/vault';
import { createVault, storePaths } from '../vault/vault';
import { CliError, EXIT } from './exit-codes';

/** Whose secret opened the store: a person's passphrase, or the recovery key. */
export type Secret = { username: string; passphrase: string } | { recoveryKey: string };

/** The store, opened through the same router as the app, so roles and the audit log apply. */
export type Opened = {
  vault: Vault;
  store: Store;
  /**
   * Runs an API method as the signed-in person. Opened with the recovery key there is nobody
   * signed in, so `direct` runs instead and its audit row is written here (actor: none).
   */
  call<M extends MethodName>(
    method: M,
    input: unknown,
    direct: () => MethodOutput<M> | Promise<MethodOutput<M>>,
  ): Promise<MethodOutput<M>>;
  /** For work with no API method (a backup to a folder named on the command line). */
  allowed(permission: Permission, method: string): void;
  audit(method: string, outcome: AuditOutcome, recordIds?: readonly string[]): void;
  close(): void;
};

/** Where `data.exportSchool` saves: the file named with --out, never a dialog. */
export type SaveTarget = { path: string | null };

/** A refused sign-in: the secret (or the account) does not open the store. */
const UNLOCK_CODES = new Set(['wrong_passphrase', 'locked_out', 'forbidden', 'invalid_input']);

function signInExit(code: string): (typeof EXIT)[keyof typeof EXIT] {
  if (UNLOCK_CODES.has(code)) return EXIT.unlock;
  if (code === 'not_found') return EXIT.dataDir;
  return EXIT.failure;
}

/**
 * Opens the school's store in `dataDir` with a person's passphrase (signing in through the
 * router: throttled, audited, role-checked) or with the recovery key (audited as `cli.recover`).
 */
export async function openStore(
  dataDir: string,
  secret: Secret,
  kdf: KdfParams | undefined,
  saveTo: SaveTarget = { path: null },
): Promise<Opened> {
  const paths = storePaths(dataDir);
  if (!existsSync(paths.database))
    throw new CliError(EXIT.dataDir, `There is no Lantern store in ${dataDir}.`);
  const clock = () => new Date();
  const vault = createVault(paths, kdf);
  const router = createRouter({
    vault,
    clock,
    logger: silentLogger(),
    platform: {
      saveFile: (_request, data) => {
        const target = saveTo.path;
        if (target === null) return Promise.reject(new Error('no file to save to'));
        writeFileAtomic(target, data);
        return Promise.resolve(target);
      },
      chooseFolder: () => Promise.resolve(null),
    },
    throttle: signInThrottle(dataDir),
    closeStoreIfUnused: () => undefined,
  });
  const session: SessionState = {
    id: newId(clock()),
    user: null,
    mustChangePassphrase: false,
    pendingRecoveryKey: null,
  };

  if ('username' in secret) {
    const signedIn = await router.invoke(session, 'auth.signIn', {
      username: secret.username,
      passphrase: secret.passphrase,
    });
    if (!signedIn.ok) {
      vault.lock();
      throw new CliError(signInExit(signedIn.error.code), signedIn.error.message);
    }
    if (session.mustChangePassphrase) {
      vault.lock();
      throw new CliError(
        EXIT.unlock,
        'This account must choose a new passphrase first: sign in to Lantern once, then try again.',
      );
    }
  } else {
    const key = normaliseRecoveryKey(secret.recoveryKey);
    if (!key)
      throw new CliError(
        EXIT.unlock,
        'Without --username the secret must be the recovery key: 30 letters and digits, in six groups of five.',
      );
    try {
      await vault.unlockRecovery(key);
    } catch (err) {
      if (err instanceof WrongSecretError)
        throw new CliError(EXIT.unlock, 'That recovery key does not open this school’s store.');
      throw err;
    }
  }
  const store = vault.store();
  if (!store) throw new CliError(EXIT.failure, 'The store did not open.');

  function audit(method: string, outcome: AuditOutcome, recordIds: readonly string[] = []): void {
    const s = vault.store();
    if (!s) return;
    s.audit({
      at: clock().toISOString(),
      sessionId: session.id,
      actorId: session.user?.id ?? null,
      role: roleOf(session),
      method,
      recordIds,
      outcome,
      errorCode: outcome === 'denied' ? 'forbidden' : null,
    });
  }
  if (!('username' in secret)) audit('cli.recover', 'ok');

  return {
    vault,
    store,
    async call(method, input, direct) {
      if (session.user) {
        const result = await router.invoke(session, method, input);
        if (!result.ok) throw new CliError(EXIT.failure, result.error.message);
        return result.value as MethodOutput<typeof method>;
      }
      const value = await direct();
      audit(method, 'ok');
      return value;
    },
    allowed(permission, method) {
      const role = roleOf(session);
      if (role !== null && !can(role, permission)) {
        audit(method, 'denied');
        throw new CliError(EXIT.failure, 'Your role does not allow this.');
      }
    },
    audit,
    close() {
      vault.lock();
    },
  };
}
