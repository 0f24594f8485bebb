/**
 * Run as a child process by rotate-crash.test.ts: rotates the data key again and again,
 * printing "start" and "done" around each rotation, until it is killed.
 */
import { newRecoveryKey } from '../../main/auth/service';
import { createVault, storePaths } from '../../main/vault/vault';
import { normaliseRecoveryKey } from '../../shared/users/recovery-key';
import { TEST_DSL, TEST_KDF, TEST_PASSPHRASE } from './core';

const [dataDir] = process.argv.slice(2) as [string];
const vault = createVault(storePaths(dataDir), TEST_KDF);
const { userId } = await vault.unlockUser(TEST_DSL.username, TEST_PASSPHRASE);
for (let n = 1; ; n += 1) {
  process.stdout.write(`start ${n}\n`);
  const recovery = normaliseRecoveryKey(newRecoveryKey()) ?? '';
  await vault.rotate(
    [{ id: userId, username: TEST_DSL.username, passphrase: TEST_PASSPHRASE }],
    recovery,
  );
  process.stdout.write(`done ${n}\n`);
}
