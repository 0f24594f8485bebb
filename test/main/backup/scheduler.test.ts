import { readdirSync, renameSync } from 'node:fs';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { BackupStatus } from '../../../shared/backup/schema';
import { must, TEST_DSL, TEST_PASSPHRASE } from '../../support/core';
import type { BackupFixture } from './backup-fixture';
import { backupFixture } from './backup-fixture';

const HOUR = 3_600_000;

async function status(fx: BackupFixture): Promise<BackupStatus> {
  return must<BackupStatus>(fx.core.invoke(fx.dsl, 'backup.status', {}));
}

function backups(fx: BackupFixture): string[] {
  return readdirSync(fx.destination).sort();
}

describe('the backup schedule (security R6, G3), on a fake clock', () => {
  let fx: BackupFixture;
  beforeEach(async () => {
    fx = await backupFixture(new Date('2026-11-28T09:00:00Z'));
  });
  afterEach(() => {
    fx.core.close();
    fx.root.remove();
  });

  const later = (ms: number) => {
    fx.clock.now = new Date(fx.clock.now.getTime() + ms);
  };

  it('does nothing without a backup folder', async () => {
    await fx.core.runDueBackups();
    expect((await status(fx)).history).toEqual([]);
  });

  it('backs up when due, then again only after the interval', async () => {
    await fx.configure({ intervalHours: 24 });
    await fx.core.runDueBackups();
    expect(backups(fx)).toEqual(['lantern-backup-20261128-090000']);
    const first = (await status(fx)).history[0];
    expect(first).toMatchObject({ kind: 'backup', trigger: 'scheduled', ok: true });

    later(23 * HOUR);
    await fx.core.runDueBackups();
    expect(backups(fx)).toHaveLength(1);

    later(HOUR);
    await fx.core.runDueBackups();
    expect(backups(fx)).toEqual([
      'lantern-backup-20261128-090000',
      'lantern-backup-20261129-090000',
    ]);
    expect((await status(fx)).nextDueAt).toBe('2026-11-30T09:00:00.000Z');
  });

  it('runs one backup when asked twice at once', async () => {
    await fx.configure();
    await Promise.all([fx.core.runDueBackups(), fx.core.runDueBackups()]);
    expect(backups(fx)).toHaveLength(1);
    expect((await status(fx)).history).toHaveLength(1);
  });

  it('retries a failed backup after an hour, not on every check', async () => {
    await fx.configure();
    const away = `${fx.destination}-away`;
    renameSync(fx.destination, away);
    await fx.core.runDueBackups();
    later(10 * 60_000);
    await fx.core.runDueBackups();
    const failed = await status(fx);
    expect(failed.history.map((r) => r.ok)).toEqual([false]);
    expect(failed.warnings.map((w) => w.code)).toContain('last_run_failed');

    renameSync(away, fx.destination);
    later(HOUR);
    await fx.core.runDueBackups();
    expect((await status(fx)).history.map((r) => r.ok)).toEqual([true, false]);
  });

  it('never runs while locked, and runs an overdue backup when someone unlocks', async () => {
    await fx.configure();
    await must(fx.core.invoke(fx.dsl, 'auth.lock', {}));
    await fx.core.runDueBackups();
    expect(backups(fx)).toEqual([]);

    await must(
      fx.core.invoke(fx.dsl, 'auth.signIn', {
        username: TEST_DSL.username,
        passphrase: TEST_PASSPHRASE,
      }),
    );
    // Nothing else asks: the unlock itself starts the overdue backup.
    await vi.waitFor(() => {
      expect(backups(fx)).toHaveLength(1);
    });
    const audit = await must<{ items: { method: string; actorName: string | null }[] }>(
      fx.core.invoke(fx.dsl, 'audit.list', {
        userId: '',
        childId: '',
        method: 'backup.scheduled',
        from: '',
        to: '',
        limit: 10,
        offset: 0,
      }),
    );
    expect(audit.items.map((i) => i.method)).toEqual(['backup.scheduled']);
  });
});
