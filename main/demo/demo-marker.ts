import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import type { DemoInfo } from '../../shared/api';
import type { Role } from '../../shared/auth/roles';
import { roles } from '../../shared/auth/roles';

/**
 * The demonstration school: the synthetic school (small), plus a teacher and a governor, with
 * every account's passphrase set to one known phrase so a visitor can sign in as each role. It
 * lives in its own data directory, never the school's, and carries a marker file so that Lantern
 * marks it DEMO wherever it is opened (the app, or `--data-dir` pointing at it).
 */
export const DEMO_MARKER_FILE = 'lantern-demo.json';
export const DEMO_PASSPHRASE = 'explore the demo school';
export const DEMO_SEED = 2026;

export type DemoAccount = { username: string; displayName: string; role: Role };

/** The demo school's accounts; all share DEMO_PASSPHRASE. */
export const DEMO_DSL: DemoAccount = {
  username: 'demo.dsl',
  displayName: 'Alex Morgan (demo DSL)',
  role: 'dsl',
};
export const DEMO_EXTRA_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo.teacher', displayName: 'Sam Taylor (demo teacher)', role: 'staff' },
  { username: 'demo.governor', displayName: 'Jo Patel (demo governor)', role: 'governor' },
];

/** True when this data directory holds the demonstration school. */
export function isDemoDataDir(dataDir: string): boolean {
  return existsSync(join(dataDir, DEMO_MARKER_FILE));
}

const markerSchema = z.object({
  format: z.literal('lantern-demo'),
  version: z.literal(1),
  accounts: z
    .array(
      z.strictObject({
        username: z.string().max(64),
        displayName: z.string().max(120),
        role: z.enum(roles),
      }),
    )
    .max(50),
});

/**
 * The demo school's accounts from its marker file, or null for a school's own data directory.
 * A damaged marker still marks the directory DEMO, with no accounts listed.
 */
export function demoAccounts(dataDir: string): DemoAccount[] | null {
  if (!isDemoDataDir(dataDir)) return null;
  try {
    const parsed = markerSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, DEMO_MARKER_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data.accounts : [];
  } catch {
    return [];
  }
}

/** What the session status says about the demo school, or null for the school's own store. */
export function demoInfo(dataDir: string): DemoInfo | null {
  const accounts = demoAccounts(dataDir);
  return accounts === null ? null : { passphrase: DEMO_PASSPHRASE, accounts };
}
