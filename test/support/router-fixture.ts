import { signInThrottle } from '../../main/auth/throttle';
import type { SessionState } from '../../main/handler';
import { silentLogger } from '../../main/log';
import { createRouter } from '../../main/router';
import { createVault, storePaths } from '../../main/vault/vault';
import type { Role } from '../../shared/auth/roles';
import { folderPlatform, sampleSchool, tempDir, TEST_DSL, TEST_KDF, TEST_PASSPHRASE } from './core';

/**
 * A router over a real, freshly set-up store, for tests that call it with sessions of any
 * role. The store stays open between calls (nothing here closes it when a session locks).
 */
export function routerFixture() {
  const dir = tempDir();
  const vault = createVault(storePaths(dir.path), TEST_KDF);
  const router = createRouter({
    vault,
    clock: () => new Date('2026-11-28T10:00:00Z'),
    logger: silentLogger(),
    platform: folderPlatform(dir.path),
    throttle: signInThrottle(dir.path),
    closeStoreIfUnused: () => undefined,
  });
  let n = 0;
  return {
    dir,
    vault,
    router,
    async setUp(): Promise<void> {
      const session = this.session(null);
      const r = await router.invoke(session, 'setup.create', {
        school: sampleSchool,
        dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE },
      });
      if (!r.ok) throw new Error(r.error.message);
    },
    /** A session signed in with this role (or signed out for null). */
    session(role: Role | null): SessionState {
      n += 1;
      return {
        id: `session-${n}`,
        user: role
          ? {
              id: `01900000-0000-7000-8000-00000000${String(n).padStart(4, '0')}`,
              username: `user${n}`,
              displayName: `User ${n}`,
              role,
            }
          : null,
        mustChangePassphrase: false,
        pendingRecoveryKey: null,
      };
    },
    close(): void {
      vault.lock();
      dir.remove();
    },
  };
}
