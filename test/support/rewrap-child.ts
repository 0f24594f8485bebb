/**
 * Run as a child process by rewrap-crash.test.ts: changes the DSL's passphrase back and forth
 * for ever, printing "start X" before and "done X" after each change, until it is killed.
 */
import { createVault, storePaths } from '../../main/vault/vault';
import { TEST_DSL, TEST_KDF } from './core';

const [dataDir, first, second] = process.argv.slice(2) as [string, string, string];
const vault = createVault(storePaths(dataDir), TEST_KDF);

async function open(): Promise<{ userId: string; current: string }> {
  for (const candidate of [first, second]) {
    try {
      const { userId } = await vault.unlockUser(TEST_DSL.username, candidate);
      return { userId, current: candidate };
    } catch {
      // try the other one
    }
  }
  throw new Error('neither passphrase opens the keyring');
}

const { userId, current } = await open();
let now = current;
for (;;) {
  const next = now === first ? second : first;
  process.stdout.write(`start ${next}\n`);
  await vault.setUserSecret(userId, TEST_DSL.username, next);
  process.stdout.write(`done ${next}\n`);
  now = next;
}
