import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { must, sampleChild, tempDir, TEST_PASSPHRASE, unlockedCore } from '../../support/core';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Security K1 and issue 3: nothing readable in any file Lantern leaves in its data directory. */
describe('no plaintext in the data directory', () => {
  it('holds neither a record, a passphrase, a one-time passphrase nor the recovery key in any file', async () => {
    const dir = tempDir();
    const CANARY = 'Canarysurname-9f1c';
    const { core, session, recoveryKey } = await unlockedCore(dir.path);
    await must(core.invoke(session, 'children.add', sampleChild({ legalSurname: CANARY })));
    const issued = await must<{ oneTimePassphrase: string }>(
      core.invoke(session, 'users.add', {
        displayName: 'Sam Teacher',
        username: 'steacher',
        role: 'staff',
      }),
    );
    // A failed sign-in too, so the attempts file exists.
    await core.invoke(core.createSession(), 'auth.signIn', {
      username: 'steacher',
      passphrase: 'wrong wrong wrong',
    });
    const secrets = [
      CANARY,
      TEST_PASSPHRASE,
      issued.oneTimePassphrase,
      recoveryKey ?? '',
      (recoveryKey ?? '').replace(/-/g, ''),
    ];
    const check = () => {
      const files = filesUnder(dir.path);
      expect(files.map((f) => f.slice(dir.path.length + 1)).sort()).toEqual(
        expect.arrayContaining(['keyring.json', 'lantern.db', 'sign-in-attempts.json']),
      );
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const secret of secrets) {
          expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${file}`).toBe(false);
          expect(
            bytes.includes(Buffer.from(secret, 'utf16le')),
            `${secret} (UTF-16) in ${file}`,
          ).toBe(false);
        }
      }
    };
    check(); // while open: database, WAL and shared memory
    core.close();
    check(); // after closing
    dir.remove();
  });
});
