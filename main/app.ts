import { rmSync } from 'node:fs';

import type { SessionStatus } from '../shared/api';
import type { Result } from '../shared/result';
import { ApiFailure } from './api-failure';
import { sessionStatus } from './auth/service';
import { signInThrottle } from './auth/throttle';
import { backupScheduler } from './backup/scheduler';
import { DEMO_DSL, DEMO_PASSPHRASE, isDemoDataDir } from './demo/demo-marker';
import { createDemoSchool } from './demo/demo-school';
import type { DemoControl, SessionState } from './handler';
import { newId } from './ids';
import type { Logger } from './log';
import { consoleLogger } from './log';
import type { DeviceKeyStore, Platform } from './platform';
import { noPlatform } from './platform';
import { createRouter } from './router';
import type { KdfParams } from './vault/keyring';
import type { Vault } from './vault/vault';
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
  /**
   * Where "Explore with demo data" builds and opens the demonstration school: a data directory
   * of its own, never the school's. Without it the demo is not offered.
   */
  demoDataDir?: string;
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
  /**
   * Writes any scheduled backup that is due, while the school's store is open (never the demo
   * school's). Electron calls this every few minutes; an unlock calls it too. Never rejects.
   */
  runDueBackups(): Promise<void>;
  close(): void;
};

/**
 * The whole of Lantern's core without Electron: the store, the vault and the router. Electron,
 * the e2e harness, the CLI and the tests all drive this same object.
 */
export function createApp(options: AppOptions): LanternCore {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? consoleLogger();
  const platform = options.platform ?? noPlatform;
  const sessions = new Map<string, SessionState>();

  /** One data directory with its vault and router: the school's, or the demo school's. */
  type World = { vault: Vault; router: ReturnType<typeof createRouter> };

  function signOutAll(): void {
    for (const s of sessions.values()) {
      s.user = null;
      s.mustChangePassphrase = false;
      s.pendingRecoveryKey = null;
    }
  }

  function makeWorld(dataDir: string): World {
    const vault = createVault(storePaths(dataDir), options.kdf, options.deviceKeys);
    const router = createRouter({
      vault,
      clock,
      logger,
      platform,
      throttle: signInThrottle(dataDir),
      closeStoreIfUnused: () => {
        for (const s of sessions.values()) if (s.user !== null) return;
        vault.lock();
      },
      ...(options.demoDataDir === undefined ? {} : { demo: demoControl(options.demoDataDir) }),
    });
    return { vault, router };
  }

  const school = makeWorld(options.dataDir);
  const backups = backupScheduler(school.vault, clock, logger);
  let current: World = school;
  let demo: World | null = null;

  function lockAll(): void {
    signOutAll();
    current.vault.lock();
  }

  function statusIn(world: World, session: SessionState): SessionStatus {
    return sessionStatus({ vault: world.vault, session });
  }

  /** "Explore with demo data": builds the demo school once, then opens it signed in as its DSL. */
  function demoControl(demoDataDir: string): DemoControl {
    return {
      async explore(session, fresh) {
        if (session.user !== null) {
          throw new ApiFailure('conflict', 'Lock Lantern before opening the demo school.');
        }
        if (isDemoDataDir(options.dataDir)) {
          throw new ApiFailure('conflict', 'This is already the demo school.');
        }
        signOutAll();
        current.vault.lock();
        demo?.vault.lock();
        if (fresh || !isDemoDataDir(demoDataDir)) {
          rmSync(demoDataDir, { recursive: true, force: true });
          logger.info('building the demo school');
          await createDemoSchool(demoDataDir, clock(), options.kdf);
        }
        demo ??= makeWorld(demoDataDir);
        current = demo;
        const signedIn = await demo.router.invoke(session, 'auth.signIn', {
          username: DEMO_DSL.username,
          passphrase: DEMO_PASSPHRASE,
        });
        if (!signedIn.ok) throw new ApiFailure('store_error', signedIn.error.message);
        return statusIn(demo, session);
      },
      leave(session) {
        signOutAll();
        demo?.vault.lock();
        current = school;
        return statusIn(school, session);
      },
    };
  }

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
      for (const s of sessions.values()) if (s.user !== null) return;
      current.vault.lock();
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
      const result = await current.router.invoke(state, method, input);
      // An overdue backup runs as soon as someone unlocks (security R6: RPO ≤ 24 h).
      if (
        result.ok &&
        current === school &&
        (method === 'auth.signIn' || method === 'auth.recover')
      )
        void backups.runDue();
      return result;
    },
    lockAll,
    lockIfIdle(idleSeconds) {
      const store = current.vault.store();
      if (!store) return false;
      if (idleSeconds < store.settings.get().autoLockMinutes * 60) return false;
      logger.info('auto-lock after inactivity', { idleSeconds });
      lockAll();
      return true;
    },
    async runDueBackups() {
      await backups.runDue();
    },
    close() {
      signOutAll();
      school.vault.lock();
      demo?.vault.lock();
    },
  };
}
