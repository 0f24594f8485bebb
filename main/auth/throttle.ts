import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import { writeFileAtomic } from '../fs-atomic';

/**
 * Failed sign-ins, kept beside the keyring because the database is locked when they happen
 * (security K7). Holds usernames and times only. After FREE_ATTEMPTS failures an account waits
 * 1 s, then 2 s, 4 s … up to MAX_DELAY_SECONDS before the next try; success clears it. Failures
 * wait in `pending` until the next successful sign-in writes them to the audit log.
 */
export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_SECONDS = 15 * 60;
const MAX_PENDING = 1000;

const fileSchema = z.strictObject({
  version: z.literal(1),
  accounts: z.record(
    z.string().max(64),
    z.strictObject({ failures: z.int().min(0), lastFailureAt: z.string().max(40) }),
  ),
  pending: z
    .array(z.strictObject({ at: z.string().max(40), account: z.string().max(64) }))
    .max(MAX_PENDING),
});
type ThrottleFile = z.infer<typeof fileSchema>;

export function delaySeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

export function signInThrottle(dataDir: string) {
  const path = join(dataDir, 'sign-in-attempts.json');

  function read(): ThrottleFile {
    if (!existsSync(path)) return { version: 1, accounts: {}, pending: [] };
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // A damaged file must not lock everyone out: start again, keeping nobody waiting.
    }
    return { version: 1, accounts: {}, pending: [] };
  }

  return {
    /** Seconds this account must still wait before another attempt (0: go ahead). */
    waitSeconds(account: string, now: Date): number {
      const entry = read().accounts[account];
      if (!entry) return 0;
      const until = Date.parse(entry.lastFailureAt) + delaySeconds(entry.failures) * 1000;
      return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
    },
    recordFailure(account: string, now: Date): void {
      const file = read();
      const entry = file.accounts[account] ?? { failures: 0, lastFailureAt: now.toISOString() };
      file.accounts[account] = { failures: entry.failures + 1, lastFailureAt: now.toISOString() };
      file.pending = [...file.pending, { at: now.toISOString(), account }].slice(-MAX_PENDING);
      writeFileAtomic(path, JSON.stringify(file));
    },
    /** Clears the account's failures and hands back every pending failure, for the audit log. */
    succeed(account: string): { at: string; account: string }[] {
      const file = read();
      const pending = file.pending;
      if (!(account in file.accounts) && pending.length === 0) return [];
      Reflect.deleteProperty(file.accounts, account);
      writeFileAtomic(path, JSON.stringify({ ...file, pending: [] }));
      return pending;
    },
  };
}
export type SignInThrottle = ReturnType<typeof signInThrottle>;
