import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IssuedPassphrase } from '../../shared/api';
import type { Result } from '../../shared/result';
import { createApp } from '../app';
import { fsyncDirectory, isEmptyOrMissing } from '../fs-atomic';
import { silentLogger } from '../log';
import type { KdfParams } from '../vault/keyring';
import type { DemoAccount } from './demo-marker';
import {
  DEMO_DSL,
  DEMO_EXTRA_ACCOUNTS,
  DEMO_MARKER_FILE,
  DEMO_PASSPHRASE,
  DEMO_SEED,
} from './demo-marker';
import { createSyntheticSchool, schoolSizes } from './synthetic-school';

export type DemoSchool = {
  dsl: { username: string; passphrase: string };
  recoveryKey: string;
  accounts: DemoAccount[];
};

function must(result: Result<unknown>, what: string): unknown {
  if (!result.ok)
    throw new Error(`The demo school could not be set up (${what}): ${result.error.message}`);
  return result.value;
}

/**
 * Builds the demo school in `dataDir`, which must not exist or be empty. It is built under a
 * temporary name and renamed into place last, so an interrupted build leaves no half school.
 */
export async function createDemoSchool(
  dataDir: string,
  now: Date,
  kdf?: KdfParams,
): Promise<DemoSchool> {
  if (!isEmptyOrMissing(dataDir)) {
    throw new Error(`${dataDir} is not empty: the demo school needs a folder of its own.`);
  }
  const building = `${dataDir}.building`;
  rmSync(building, { recursive: true, force: true });
  const school = await createSyntheticSchool({
    dataDir: building,
    seed: DEMO_SEED,
    size: schoolSizes.small,
    now,
    dsl: {
      username: DEMO_DSL.username,
      displayName: DEMO_DSL.displayName,
      passphrase: DEMO_PASSPHRASE,
    },
    logger: silentLogger(),
    ...(kdf ? { kdf } : {}),
  });

  // Every account gets the known passphrase, changed through the core as a person would.
  const core = createApp({
    dataDir: building,
    clock: () => now,
    logger: silentLogger(),
    ...(kdf ? { kdf } : {}),
  });
  const accounts: DemoAccount[] = [DEMO_DSL];
  try {
    const issued: { username: string; oneTime: string }[] = school.staff.map((s) => {
      accounts.push({ username: s.username, displayName: s.displayName, role: s.role });
      return { username: s.username, oneTime: s.oneTimePassphrase };
    });
    const dsl = core.createSession();
    must(
      await core.invoke(dsl, 'auth.signIn', {
        username: DEMO_DSL.username,
        passphrase: DEMO_PASSPHRASE,
      }),
      'signing in',
    );
    for (const extra of DEMO_EXTRA_ACCOUNTS) {
      const added = must(
        await core.invoke(dsl, 'users.add', extra),
        `adding ${extra.username}`,
      ) as IssuedPassphrase;
      accounts.push(extra);
      issued.push({ username: extra.username, oneTime: added.oneTimePassphrase });
    }
    for (const person of issued) {
      const session = core.createSession();
      must(
        await core.invoke(session, 'auth.signIn', {
          username: person.username,
          passphrase: person.oneTime,
        }),
        `signing in as ${person.username}`,
      );
      must(
        await core.invoke(session, 'auth.changePassphrase', {
          current: person.oneTime,
          passphrase: DEMO_PASSPHRASE,
          confirmation: DEMO_PASSPHRASE,
        }),
        `setting ${person.username}'s passphrase`,
      );
      core.endSession(session);
    }
  } finally {
    core.close();
  }

  writeFileSync(
    join(building, DEMO_MARKER_FILE),
    `${JSON.stringify({ format: 'lantern-demo', version: 1, seed: DEMO_SEED, createdAt: now.toISOString(), accounts }, null, 2)}\n`,
  );
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(building, dataDir);
  fsyncDirectory(join(dataDir, '..'));
  return {
    dsl: { username: DEMO_DSL.username, passphrase: DEMO_PASSPHRASE },
    recoveryKey: school.recoveryKey,
    accounts,
  };
}
