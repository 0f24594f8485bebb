/**
 * A disk that refuses a write gives a clear, specific error, not "something went wrong"
 * (security R3): SQLite's SQLITE_FULL and SQLITE_IOERR_* and a file write refused for want of
 * room map to storage_full / storage_io; the transaction is rolled back and writes work again
 * once there is room. A write that committed is answered ok even when the audit checkpoint
 * after it cannot be saved (it is tried again after the next call). The whole-process version
 * (a real file-size limit) is disk-full.test.ts.
 */
import { mkdirSync, rmSync } from 'node:fs';

import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { STORAGE_FULL, STORAGE_IO, storageFailure } from '../../../main/api-failure';
import type { SessionState } from '../../../main/handler';
import { readKeyring } from '../../../main/vault/keyring';
import { storePaths } from '../../../main/vault/vault';
import type { Child } from '../../../shared/children/schema';
import { errorOf, must, sampleChild, TEST_DSL, TEST_PASSPHRASE } from '../../support/core';
import { routerFixture } from '../../support/router-fixture';

function sqliteError(run: (db: Database.Database) => void): unknown {
  const db = new Database(':memory:');
  try {
    run(db);
  } catch (err) {
    return err;
  } finally {
    db.close();
  }
  throw new Error('expected SQLite to refuse');
}

describe('storageFailure', () => {
  it('maps a real SQLITE_FULL to storage_full', () => {
    const err = sqliteError((db) => {
      db.exec('CREATE TABLE t (x BLOB)');
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      db.prepare('INSERT INTO t VALUES (zeroblob(100000))').run();
    });
    expect(err).toMatchObject({ code: 'SQLITE_FULL' });
    expect(storageFailure(err)).toMatchObject({ code: 'storage_full', message: STORAGE_FULL });
  });

  it('maps every SQLITE_IOERR to storage_io', () => {
    for (const code of ['SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_SHMSIZE']) {
      const err = new Database.SqliteError('disk I/O error', code);
      expect(storageFailure(err), code).toMatchObject({ code: 'storage_io', message: STORAGE_IO });
    }
  });

  it('maps a file write refused for want of room to storage_full', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EFBIG']) {
      const err = Object.assign(new Error(`${code}: no room`), { code });
      expect(storageFailure(err), code).toMatchObject({ code: 'storage_full' });
    }
  });

  it('leaves every other error alone', () => {
    const constraint = sqliteError((db) => {
      db.exec('CREATE TABLE t (x INTEGER NOT NULL)');
      db.prepare('INSERT INTO t VALUES (NULL)').run();
    });
    expect(storageFailure(constraint)).toBeNull();
    expect(storageFailure(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBeNull();
    expect(storageFailure(new Error('SQLITE_FULL'))).toBeNull();
    expect(storageFailure('SQLITE_FULL')).toBeNull();
  });
});

describe('the router when storage fails', () => {
  let fx: ReturnType<typeof routerFixture>;
  let dsl: SessionState;

  beforeEach(async () => {
    fx = routerFixture();
    await fx.setUp();
    dsl = fx.session(null);
    await must(
      fx.router.invoke(dsl, 'auth.signIn', {
        username: TEST_DSL.username,
        passphrase: TEST_PASSPHRASE,
      }),
    );
  });
  afterEach(() => {
    fx.close();
  });

  it('answers storage_full with its message, saves nothing, and works again once there is room', async () => {
    const db = fx.vault.store()!.db;
    const children = () => db.prepare('SELECT count(*) FROM children').pluck().get();
    const audited = () =>
      db
        .prepare("SELECT count(*) FROM audit_log WHERE method = 'children.add' AND outcome = 'ok'")
        .pluck()
        .get();
    const before = { children: children(), audited: audited() };
    // The database may not grow by a page: the write, and the audit row of its failure, fail.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const big = sampleChild({ legalSurname: 'Okafor'.padEnd(80, 'x').slice(0, 80), upn: '' });
    let error = null;
    for (let i = 0; i < 200 && error === null; i += 1) {
      const r = await fx.router.invoke(dsl, 'children.add', big);
      if (!r.ok) error = errorOf(r);
    }
    expect(error).toEqual({ code: 'storage_full', message: STORAGE_FULL });
    const full = { children: children(), audited: audited() };

    db.pragma('max_page_count = 1073741823');
    const added = await must<Child>(fx.router.invoke(dsl, 'children.add', sampleChild()));
    expect(db.prepare('SELECT id FROM children WHERE id = ?').pluck().get(added.id)).toBe(added.id);
    expect(children()).toBe((full.children as number) + 1);
    // Whatever fitted before the limit was reached was saved whole, each with its audit row.
    expect((full.children as number) - (before.children as number)).toBe(
      (full.audited as number) - (before.audited as number),
    );
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
  it('answers ok for a write that committed even when the audit checkpoint cannot be saved after it', async () => {
    const keyring = storePaths(fx.dir.path).keyring;
    const seq = () => readKeyring(keyring).auditCheckpoint?.seq ?? 0;
    const before = seq();
    // The keyring's temporary file cannot be written: every checkpoint attempt fails.
    const blocker = `${keyring}.tmp-${process.pid}`;
    mkdirSync(blocker);
    const added: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      added.push(
        (await must<Child>(fx.router.invoke(dsl, 'children.add', sampleChild({ upn: '' })))).id,
      );
    }
    expect(seq()).toBe(before);
    const db = fx.vault.store()!.db;
    const present = db.prepare('SELECT count(*) FROM children WHERE id = ?').pluck();
    expect(added.filter((id) => present.get(id) === 1)).toEqual(added);

    rmSync(blocker, { recursive: true });
    await must(fx.router.invoke(dsl, 'children.add', sampleChild({ upn: '' })));
    expect(seq()).toBeGreaterThan(before + 40);
  });
});
