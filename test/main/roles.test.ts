import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createRouter } from '../../main/router';
import { silentLogger } from '../../main/log';
import { createVault, storePaths } from '../../main/vault/vault';
import type { MethodName } from '../../shared/api';
import { methodNames } from '../../shared/api';
import type { Role } from '../../shared/auth/roles';
import { roles } from '../../shared/auth/roles';
import { readStore, tempDir, TEST_KDF, TEST_PASSPHRASE } from '../support/core';
import { validInputs } from '../support/samples';

/**
 * Who may call what, written out by hand from the brief and security.md (A7), independently of
 * shared/auth/roles.ts: if either changes, this test makes the change deliberate.
 * Governors never reach a pupil record; IT administrators run settings, never child records;
 * staff find pupils but cannot change the register.
 */
const ALL: readonly Role[] = roles;
const expected: Record<MethodName, readonly Role[]> = {
  'session.status': ALL,
  'vault.create': ALL,
  'vault.unlock': ALL,
  'vault.lock': ALL,
  'school.get': ALL,
  'school.save': ['dsl', 'headteacher', 'it_admin'],
  'children.list': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'children.get': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'children.add': ['dsl', 'deputy_dsl'],
  'children.update': ['dsl', 'deputy_dsl'],
};

describe('every role × every method (security A7)', () => {
  const dir = tempDir();
  const vault = createVault(storePaths(dir.path), TEST_KDF);
  const router = createRouter({
    vault,
    clock: () => new Date('2026-11-28T10:00:00Z'),
    logger: silentLogger(),
  });

  beforeAll(async () => {
    await vault.create(TEST_PASSPHRASE);
  });
  afterAll(() => {
    vault.lock();
    dir.remove();
  });

  it('covers every method in the contract', () => {
    expect(Object.keys(expected).sort()).toEqual([...methodNames].sort());
  });

  for (const role of roles) {
    for (const method of methodNames) {
      const allowed = expected[method].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} call ${method}`, async () => {
        const session = { id: `s-${role}`, role, actorId: null };
        const result = await router.invoke(session, method, validInputs[method], () => undefined);
        const refused = !result.ok && result.error.code === 'forbidden';
        expect(refused).toBe(!allowed);
        if (refused) {
          const last = await readStore(dir.path, (db) =>
            db
              .prepare('SELECT method, outcome, role FROM audit_log ORDER BY seq DESC LIMIT 1')
              .get(),
          );
          expect(last).toEqual({ method, outcome: 'denied', role });
        }
      });
    }
  }

  it('refuses every non-public method to a locked session', async () => {
    for (const method of methodNames) {
      const result = await router.invoke(
        { id: 'locked', role: null, actorId: null },
        method,
        validInputs[method],
        () => undefined,
      );
      const isPublic = ['session.status', 'vault.create', 'vault.unlock'].includes(method);
      if (!isPublic) expect(result.ok ? 'ok' : result.error.code, method).toBe('unauthenticated');
    }
  });
});
