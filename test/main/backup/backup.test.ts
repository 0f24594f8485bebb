import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { BackupManifest } from '../../../main/backup/backup';
import {
  BackupError,
  backupFailure,
  pruneBackups,
  restoreBackup,
  verifyBackup,
  writeBackup,
} from '../../../main/backup/backup';
import { createVault, storePaths } from '../../../main/vault/vault';
import type { AuditVerification } from '../../../shared/audit/schema';
import type { BackupStatus } from '../../../shared/backup/schema';
import {
  errorOf,
  makeCore,
  must,
  readStore,
  TEST_DSL,
  TEST_KDF,
  TEST_PASSPHRASE,
  writeStore,
} from '../../support/core';
import type { BackupFixture } from './backup-fixture';
import { backupFixture, dumpHash } from './backup-fixture';

const DSL = { username: TEST_DSL.username, passphrase: TEST_PASSPHRASE };
const DAMAGED = /The backup’s database is damaged/;

function flipBytesMidFile(file: string): void {
  const bytes = readFileSync(file);
  const mid = Math.floor(bytes.length / 2);
  for (let i = mid; i < mid + 16; i += 1) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
  writeFileSync(file, bytes);
}

describe('backups and restore (security R6)', () => {
  let fx: BackupFixture;
  beforeEach(async () => {
    fx = await backupFixture();
  });
  afterEach(() => {
    fx.core.close();
    fx.root.remove();
  });

  it('restores a backup into a new folder with identical content and a valid audit chain', async () => {
    await fx.configure();
    const before = await fx.liveDump();
    const { folder } = await fx.backUp();
    expect(folder).toMatch(/lantern-backup-20261128-140500$/);
    expect(readdirSync(folder).sort()).toEqual(['keyring.json', 'lantern.db', 'manifest.json']);
    expect(readdirSync(fx.destination).some((n) => n.endsWith('.partial'))).toBe(false);

    const target = join(fx.root.path, 'restored');
    const manifest = await restoreBackup(folder, target, DSL);
    expect(readdirSync(target).sort()).toEqual(['keyring.json', 'lantern.db']);
    expect(existsSync(`${target}.restoring`)).toBe(false);
    expect(await readStore(target, dumpHash)).toBe(before);
    expect(manifest.rowCounts.children).toBe(1);
    const restoredHead = await readStore(
      target,
      (db) => db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number,
    );
    expect(restoredHead).toBe(manifest.auditHead.seq);

    // The restored store opens in Lantern and its audit chain verifies against its checkpoint.
    const restored = makeCore(target);
    const session = restored.createSession();
    await must(restored.invoke(session, 'auth.signIn', DSL));
    const audit = await must<AuditVerification>(restored.invoke(session, 'audit.verify', {}));
    expect(audit.ok).toBe(true);
    restored.close();
  });

  it('writes nothing readable: no name in the files, and no SQLite header', async () => {
    await fx.configure();
    const { folder } = await fx.backUp();
    const db = readFileSync(join(folder, 'lantern.db'));
    expect(db.length).toBeGreaterThan(4096);
    expect(db.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    for (const file of readdirSync(folder)) {
      const raw = readFileSync(join(folder, file));
      expect(raw.includes('Okafor'), file).toBe(false);
      expect(raw.includes('Amara'), file).toBe(false);
    }
    const manifest = JSON.parse(
      readFileSync(join(folder, 'manifest.json'), 'utf8'),
    ) as BackupManifest;
    expect(manifest).toMatchObject({ format: 'lantern-backup', version: 1 });
    expect(manifest.databaseBytes).toBe(db.length);
  });

  it('refuses a corrupted backup with a clear message and creates nothing at the target', async () => {
    await fx.configure();
    const { folder } = await fx.backUp();
    flipBytesMidFile(join(folder, 'lantern.db'));
    const checked = await verifyBackup(folder, DSL);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(DAMAGED);
    const target = join(fx.root.path, 'restored');
    await expect(restoreBackup(folder, target, DSL)).rejects.toThrow(DAMAGED);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.restoring`)).toBe(false);
  });

  it('finds damage the checksum cannot, when someone rewrote the manifest to match', async () => {
    await fx.configure();
    const { folder } = await fx.backUp();
    const file = join(folder, 'lantern.db');
    flipBytesMidFile(file);
    const manifestFile = join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
    const { createHash } = await import('node:crypto');
    manifest.databaseSha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const checked = await verifyBackup(folder, { recoveryKey: fx.recoveryKey });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(DAMAGED);
  });

  it('catches a backup whose newest audit rows were cut, even with its manifest rewritten', async () => {
    await fx.configure();
    const { folder } = await fx.backUp();
    // Someone with the passphrase and a SQLite shell removes the last audit row from the backup
    // and makes the manifest match; the checkpoint in the backup's keyring still knows the head.
    await writeStore(folder, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.exec('DELETE FROM audit_records WHERE seq = (SELECT max(seq) FROM audit_log)');
      db.exec('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
    });
    const manifestFile = join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
    const file = readFileSync(join(folder, 'lantern.db'));
    const { createHash } = await import('node:crypto');
    manifest.databaseSha256 = createHash('sha256').update(file).digest('hex');
    manifest.databaseBytes = file.length;
    await readStore(folder, (db) => {
      for (const table of Object.keys(manifest.rowCounts))
        manifest.rowCounts[table] = db
          .prepare(`SELECT count(*) FROM ${table}`)
          .pluck()
          .get() as number;
      manifest.auditHead = db
        .prepare('SELECT seq, entry_hash AS hash FROM audit_log ORDER BY seq DESC LIMIT 1')
        .get() as { seq: number; hash: string };
    });
    writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(await verifyBackup(folder, DSL)).toEqual({
      ok: false,
      problem: 'The backup’s audit log does not verify: it has been altered or cut short.',
    });
  });

  it('opens with the recovery key, refuses a wrong secret, and never restores with one', async () => {
    await fx.configure();
    const { folder } = await fx.backUp();
    expect((await verifyBackup(folder, { recoveryKey: fx.recoveryKey })).ok).toBe(true);
    const wrong = await verifyBackup(folder, { ...DSL, passphrase: 'not the passphrase at all' });
    expect(wrong).toEqual({
      ok: false,
      problem: 'That username and passphrase do not open this backup. Try the recovery key.',
    });
    const nobody = await verifyBackup(folder, { username: 'nobody', passphrase: TEST_PASSPHRASE });
    expect(nobody.ok).toBe(false);
    const target = join(fx.root.path, 'restored');
    await expect(
      restoreBackup(folder, target, { recoveryKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF' }),
    ).rejects.toThrow(/recovery key does not open this backup/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a backup missing its keyring or manifest', async () => {
    await fx.configure();
    const { folder } = await fx.backUp();
    rmSync(join(folder, 'keyring.json'));
    expect(await verifyBackup(folder, DSL)).toEqual({
      ok: false,
      problem: 'The backup has no keyring.json, so nothing can open it. Use another backup.',
    });
    rmSync(join(folder, 'manifest.json'));
    const checked = await verifyBackup(folder, DSL);
    expect(checked.ok ? '' : checked.problem).toMatch(/no manifest\.json/);
  });

  it('never restores over an existing store or into a folder that holds files', async () => {
    await fx.configure();
    const { folder } = await fx.backUp();
    await expect(restoreBackup(folder, fx.dataDir, DSL)).rejects.toThrow(/already holds files/);
    const busy = join(fx.root.path, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'keep me');
    await expect(restoreBackup(folder, busy, DSL)).rejects.toThrow(BackupError);
    expect(readdirSync(busy)).toEqual(['notes.txt']);
    const empty = join(fx.root.path, 'empty');
    mkdirSync(empty);
    await restoreBackup(folder, empty, DSL);
    expect(readdirSync(empty).sort()).toEqual(['keyring.json', 'lantern.db']);
  });

  it('keeps the newest N backups and touches nothing else in the folder', async () => {
    await fx.configure({ keep: 3 });
    mkdirSync(join(fx.destination, 'holiday-photos'));
    mkdirSync(join(fx.destination, 'lantern-backup-20200101-000000'));
    const folders: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      fx.clock.now = new Date(Date.UTC(2026, 10, 28, 14, 5 + i));
      folders.push((await fx.backUp()).folder);
    }
    const left = readdirSync(fx.destination).sort();
    expect(left).toEqual([
      'holiday-photos',
      'lantern-backup-20200101-000000',
      'lantern-backup-20261128-140700',
      'lantern-backup-20261128-140800',
      'lantern-backup-20261128-140900',
    ]);
    // The one just written survives even a keep of 1 when an older-named one sorts after it.
    expect(pruneBackups(fx.destination, 1, folders[4] ?? '')).toEqual([
      'lantern-backup-20261128-140800',
      'lantern-backup-20261128-140700',
    ]);
  });

  it('makes two backups in the same second under different names', async () => {
    await fx.configure();
    const a = await fx.backUp();
    const b = await fx.backUp();
    expect(a.folder).not.toBe(b.folder);
    expect(b.folder).toMatch(/-2$/);
  });

  it('refuses a backup folder inside the data directory, missing, or not a folder', async () => {
    const inside = join(fx.dataDir, 'backups');
    const refused = await fx.core.invoke(fx.dsl, 'backup.saveSettings', {
      destinations: [{ id: '', label: 'Same disk', path: inside, offline: false }],
      intervalHours: 24,
      keep: 14,
    });
    expect(errorOf(refused).fields?.['destinations.0.path']).toMatch(/inside Lantern’s own data/);

    fx.core.close();
    const vault = createVault(storePaths(fx.dataDir), TEST_KDF);
    await vault.unlockUser(DSL.username, DSL.passphrase);
    try {
      expect(() => writeBackup(vault, fx.dataDir, new Date())).toThrow(/inside Lantern’s own data/);
      const missing = join(fx.root.path, 'unplugged');
      expect(() => writeBackup(vault, missing, new Date())).toThrow(
        `The backup folder ${missing} is not there. Connect the drive or network share, or choose another folder.`,
      );
      const file = join(fx.root.path, 'a-file');
      writeFileSync(file, '');
      expect(() => writeBackup(vault, file, new Date())).toThrow(/is a file, not a folder/);
      expect(readdirSync(fx.destination)).toEqual([]);
    } finally {
      vault.lock();
    }
  });

  it('logs a failed backup with its reason, warns, and records it in the audit log', async () => {
    await fx.configure();
    rmSync(fx.destination, { recursive: true });
    const out = await must<{
      runs: { ok: boolean; problem: string | null }[];
      status: BackupStatus;
    }>(fx.core.invoke(fx.dsl, 'backup.run', {}));
    expect(out.runs[0]).toMatchObject({ ok: false });
    expect(out.runs[0]?.problem).toMatch(/is not there/);
    expect(out.status.warnings.map((w) => w.code)).toEqual([
      'never_backed_up',
      'last_run_failed',
      'offline_stale',
    ]);
    const audit = await must<{ items: { method: string; outcome: string; recordIds: string[] }[] }>(
      fx.core.invoke(fx.dsl, 'audit.list', {
        userId: '',
        childId: '',
        method: 'backup.run',
        from: '',
        to: '',
        limit: 10,
        offset: 0,
      }),
    );
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]?.recordIds).toEqual([out.status.history[0]?.id]);
  });

  it('checks the newest backup with the store’s own key and logs the result', async () => {
    await fx.configure();
    const { folder, status } = await fx.backUp();
    const id = status.destinations[0]?.id ?? '';
    const good = await must<{ run: { ok: boolean; kind: string } }>(
      fx.core.invoke(fx.dsl, 'backup.verify', { destinationId: id }),
    );
    expect(good.run).toMatchObject({ ok: true, kind: 'verify' });
    flipBytesMidFile(join(folder, 'lantern.db'));
    const bad = await must<{ run: { ok: boolean; problem: string }; status: BackupStatus }>(
      fx.core.invoke(fx.dsl, 'backup.verify', { destinationId: id }),
    );
    expect(bad.run.ok).toBe(false);
    expect(bad.run.problem).toMatch(DAMAGED);
    expect(bad.status.destinations[0]?.lastVerify?.ok).toBe(false);
    // The log is append-only.
    await expect(
      readStore(fx.dataDir, (db) => db.prepare('SELECT count(*) FROM backup_runs').pluck().get()),
    ).resolves.toBe(3);
  });

  it('warns when nothing is configured, the newest backup is over a day old, or the offline copy is old', async () => {
    const none = await must<BackupStatus>(fx.core.invoke(fx.dsl, 'backup.status', {}));
    expect(none.warnings.map((w) => w.code)).toEqual(['none_configured']);
    expect(none.nextDueAt).toBeNull();

    await fx.configure({ offline: false });
    await fx.backUp();
    const fresh = await must<BackupStatus>(fx.core.invoke(fx.dsl, 'backup.status', {}));
    expect(fresh.lastGoodAt).toBe('2026-11-28T14:05:00.000Z');
    expect(fresh.nextDueAt).toBe('2026-11-29T14:05:00.000Z');
    expect(fresh.warnings.map((w) => w.code)).toEqual(['no_offline']);

    fx.clock.now = new Date('2026-11-29T15:00:00Z');
    const stale = await must<BackupStatus>(fx.core.invoke(fx.dsl, 'backup.status', {}));
    expect(stale.warnings[0]).toEqual({
      code: 'stale',
      message: 'The newest good backup is more than a day old (28 Nov 2026, 14:05).',
    });

    await fx.configure({ offline: true });
    fx.clock.now = new Date('2026-12-06T15:00:00Z');
    const offline = await must<BackupStatus>(fx.core.invoke(fx.dsl, 'backup.status', {}));
    expect(offline.warnings.map((w) => w.code)).toEqual(['stale', 'offline_stale']);
  });
});

describe('why a backup could not be written, in words', () => {
  const failure = (code: string) =>
    backupFailure(Object.assign(new Error('low-level'), { code }), '/media/b').message;

  it('says the drive is full, whether SQLite or the file system noticed', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC'])
      expect(failure(code)).toBe(
        'The drive holding /media/b is full. Free some space or choose another backup folder.',
      );
  });

  it('says the folder cannot be written to, or went away', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY'])
      expect(failure(code)).toBe(
        'Lantern may not write to /media/b. Choose another backup folder.',
      );
    expect(failure('ENOENT')).toMatch(/went away while the backup was being written/);
    expect(failure('EIO')).toBe('The backup to /media/b could not be written (low-level).');
  });
});
