import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Platform } from '../../../main/app';
import { DATABASE_FILE } from '../../../main/vault/vault';
import type { BackupToRestore, ChildList, SessionStatus } from '../../../shared/api';
import type { AuditVerification } from '../../../shared/audit/schema';
import type { BackupRun, BackupStatus } from '../../../shared/backup/schema';
import type { Child } from '../../../shared/children/schema';
import {
  errorOf,
  folderPlatform,
  makeCore,
  must,
  sampleChild,
  tempDir,
  TEST_DSL,
  TEST_PASSPHRASE,
  unlockedCore,
} from '../../support/core';

/** A computer whose folder dialog returns `folder` (null: the person cancelled). */
function choosing(dir: string, folder: string | null): Platform {
  return { ...folderPlatform(dir), chooseFolder: () => Promise.resolve(folder) };
}

const list = { query: '', includeLeavers: true, limit: 50, offset: 0 };

describe('"Restore from a backup" on the first-run screen (issue 8)', () => {
  const root = tempDir();
  const original = join(root.path, 'old-laptop');
  const backups = join(root.path, 'usb-drive');
  let backupFolder = '';
  let recoveryKey = '';
  let child: Child;

  beforeAll(async () => {
    mkdirSync(backups);
    const opened = await unlockedCore(original);
    recoveryKey = opened.recoveryKey ?? '';
    const { core, session } = opened;
    child = await must<Child>(
      core.invoke(
        session,
        'children.add',
        sampleChild({ legalForename: 'Restora', legalSurname: 'Fenwick' }),
      ),
    );
    await must<BackupStatus>(
      core.invoke(session, 'backup.saveSettings', {
        destinations: [{ id: '', label: 'USB drive', path: backups, offline: true }],
        intervalHours: 24,
        keep: 14,
      }),
    );
    const ran = await must<{ runs: BackupRun[] }>(core.invoke(session, 'backup.run', {}));
    expect(ran.runs[0]?.ok).toBe(true);
    backupFolder = join(backups, ran.runs[0]?.folder ?? '');
    core.close();
  });
  afterAll(() => {
    root.remove();
  });

  it('shows when the chosen backup was made, and refuses a folder that is not one', async () => {
    const fresh = join(root.path, 'look');
    const core = makeCore(fresh, undefined, choosing(fresh, backupFolder));
    const session = core.createSession();
    const seen = await must<BackupToRestore>(core.invoke(session, 'setup.chooseBackup', {}));
    expect(seen.folder).toBe(backupFolder);
    expect(Date.parse(seen.createdAt)).not.toBeNaN();

    // The drive's backups folder: the newest backup in it is offered.
    const drive = makeCore(fresh, undefined, choosing(fresh, backups));
    const newest = await must<BackupToRestore>(
      drive.invoke(drive.createSession(), 'setup.chooseBackup', {}),
    );
    expect(newest.folder).toBe(backupFolder);

    const wrong = makeCore(fresh, undefined, choosing(fresh, root.path));
    const refused = errorOf(await wrong.invoke(wrong.createSession(), 'setup.chooseBackup', {}));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toContain('manifest.json');
    const cancelled = makeCore(fresh, undefined, choosing(fresh, null));
    expect(
      await must(cancelled.invoke(cancelled.createSession(), 'setup.chooseBackup', {})),
    ).toBeNull();
  });

  it('refuses a wrong passphrase and writes nothing, then restores and signs the DSL in', async () => {
    const laptop = join(root.path, 'new-laptop');
    const core = makeCore(laptop, undefined, choosing(laptop, backupFolder));
    const session = core.createSession();
    const wrong = errorOf(
      await core.invoke(session, 'setup.restore', {
        folder: backupFolder,
        secret: {
          kind: 'passphrase',
          username: TEST_DSL.username,
          passphrase: 'not the passphrase',
        },
      }),
    );
    expect(wrong.code).toBe('invalid_input');
    expect(existsSync(join(laptop, DATABASE_FILE))).toBe(false);

    const status = await must<SessionStatus>(
      core.invoke(session, 'setup.restore', {
        folder: backupFolder,
        secret: { kind: 'passphrase', username: TEST_DSL.username, passphrase: TEST_PASSPHRASE },
      }),
    );
    expect(status).toMatchObject({ storeExists: true, unlocked: true, role: 'dsl' });
    const pupils = await must<ChildList>(core.invoke(session, 'children.list', list));
    expect(pupils.items.map((c) => c.id)).toContain(child.id);
    const chain = await must<AuditVerification>(core.invoke(session, 'audit.verify', {}));
    expect(chain.problems).toEqual([]);
    expect(chain.ok).toBe(true);

    // A store now exists: restoring again is refused, and nothing is touched.
    const again = errorOf(
      await core.invoke(session, 'setup.restore', {
        folder: backupFolder,
        secret: { kind: 'recovery', recoveryKey },
      }),
    );
    expect(again.code).toBe('conflict');
    core.close();
  });

  it('restores with the recovery key, leaving the person to set a new passphrase', async () => {
    const spare = join(root.path, 'spare-laptop');
    const core = makeCore(spare, undefined, choosing(spare, backupFolder));
    const session = core.createSession();
    const status = await must<SessionStatus>(
      core.invoke(session, 'setup.restore', {
        folder: backupFolder,
        secret: { kind: 'recovery', recoveryKey },
      }),
    );
    expect(status).toMatchObject({ storeExists: true, unlocked: false });
    await must(
      core.invoke(session, 'auth.signIn', {
        username: TEST_DSL.username,
        passphrase: TEST_PASSPHRASE,
      }),
    );
    core.close();
  });
});
