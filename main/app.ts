import type { Result } from '../shared/result';
import { signInThrottle } from './auth/throttle';
import type { SessionState } from './handler';
import { newId } from './ids';
import type { Logger } from './log';
import { consoleLogger } from './log';
import type { DeviceKeyStore, Platform } from './platform';
import { noPlatform } from './platform';
import { createRouter } from './router';
import type { KdfParams } from './vault/keyring';
import { createVault, storePaths } from './vault/vault';

export type { Logger } from './log';
export type { DeviceKeyStore, Platform, SaveRequest } from './platform';

/** A caller of the API: one per window in Electron, one per page in the e2e harness. */
export type Session = { readonly id: string };

export type AppOptions = {
  dataDir: string;
  clock?: () => Date;
  logger?: Logger;
  platform?: Platform;
  /** Argon2id settings for new key slots; tests lower them, the app keeps the default. */
  kdf?: KdfParams;
  /** The OS key store that seals each person's slot to this computer, where there is one. */
  deviceKeys?: DeviceKeyStore;
};

export type LanternCore = {
  createSession(): Session;
  endSession(session: Session): void;
  invoke(session: Session, method: unknown, input: unknown): Promise<Result<unknown>>;
  /** The OS locked or suspended: lock every session and close the store. */
  lockAll(): void;
  /**
   * Locks everything when the computer has had no keyboard or pointer input for at least the
   * school's auto-lock time. Electron calls this with the OS idle time.
   */
  lockIfIdle(idleSeconds: number): boolean;
  close(): void;
};

/**
 * The whole of Lantern's core without Electron: the store, the vault and the router. Electron,
 * the e2e harness, the CLI and the tests all drive this same object.
 */
export function createApp(options: AppOptions): LanternCore {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? consoleLogger();
  const vault = createVault(storePaths(options.dataDir), options.kdf, options.deviceKeys);
  const sessions = new Map<string, SessionState>();

  function closeStoreIfUnused(): void {
    for (const s of sessions.values()) if (s.user !== null) return;
    vault.lock();
  }

  function lockAll(): void {
    for (const s of sessions.values()) {
      s.user = null;
      s.mustChangePassphrase = false;
      s.pendingRecoveryKey = null;
    }
    vault.lock();
  }

  const router = createRouter({
    vault,
    clock,
    logger,
    platform: options.platform ?? noPlatform,
    throttle: signInThrottle(options.dataDir),
    closeStoreIfUnused,
  });

  return {
    createSession() {
      const state: SessionState = {
        id: newId(clock()),
        user: null,
        mustChangePassphrase: false,
        pendingRecoveryKey: null,
      };
      sessions.set(state.id, state);
      return { id: state.id };
    },
    endSession(session) {
      sessions.delete(session.id);
      closeStoreIfUnused();
    },
    async invoke(session, method, input) {
      const state = sessions.get(session.id);
      if (!state) {
        return {
          ok: false,
          error: {
            code: 'unauthenticated',
            message: 'This window’s session has ended. Reopen Lantern.',
          },
        };
      }
      return router.invoke(state, method, input);
    },
    lockAll,
    lockIfIdle(idleSeconds) {
      const store = vault.store();
      if (!store) return false;
      if (idleSeconds < store.settings.get().autoLockMinutes * 60) return false;
      logger.info('auto-lock after inactivity', { idleSeconds });
      lockAll();
      return true;
    },
    close: lockAll,
  };
}
