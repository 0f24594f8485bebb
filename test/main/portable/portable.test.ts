import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { verifyChain } from '../../../main/audit/chain';
import { createSyntheticSchool, schoolSizes } from '../../../main/demo/synthetic-school';
import type { Db } from '../../../main/db/open';
import type { PortableRow, PortableSchool } from '../../../main/portable/export';
import {
  encodePortable,
  exportBytes,
  exportSchool,
  tableRows,
} from '../../../main/portable/export';
import { DataDirError, ImportError, importSchool } from '../../../main/portable/import';
import { portableTables } from '../../../main/portable/tables';
import type { Store } from '../../../main/store';
import { newSigningKey } from '../../../main/transfer/crypto';
import { createVault, storePaths } from '../../../main/vault/vault';
import { normaliseRecoveryKey } from '../../../shared/users/recovery-key';
import {
  errorOf,
  makeCore,
  must,
  TEST_DSL,
  TEST_KDF,
  TEST_PASSPHRASE,
  tempDir,
} from '../../support/core';

const NOW = new Date('2026-11-28T12:00:00Z');
const NEW_PASSPHRASE = 'a lantern by the harbour wall';
const root = tempDir('lantern-portable-');
const source = join(root.path, 'source');
let exported: PortableSchool;
let streamed: Buffer;
let staffUsername: string;

async function withStore<T>(dataDir: string, passphrase: string, use: (s: Store) => T): Promise<T> {
  const vault = createVault(storePaths(dataDir), TEST_KDF);
  await vault.unlockUser(TEST_DSL.username, passphrase);
  const store = vault.store();
  if (!store) throw new Error('store did not open');
  try {
    return use(store);
  } finally {
    vault.lock();
  }
}

/** A deep copy of the export to spoil. */
function copy(): PortableSchool {
  return structuredClone(exported);
}

function rowsOf(db: Db): Record<string, PortableRow[]> {
  return Object.fromEntries(portableTables(db).map((t) => [t.name, [...tableRows(db, t)]]));
}

function searchRows(db: Db): string[] {
  return (
    db
      .prepare(
        'SELECT text, kind, source_id, concern_id, child_ids, recorded_by, occurred_at, recorded_at FROM search_index',
      )
      .raw()
      .all() as unknown[][]
  )
    .map((r) => JSON.stringify(r))
    .sort();
}

async function refused(json: unknown, problem: RegExp): Promise<void> {
  const target = join(root.path, `refused-${Math.random().toString(36).slice(2)}`);
  const err = await importSchool(
    json,
    target,
    { username: TEST_DSL.username, passphrase: NEW_PASSPHRASE },
    TEST_KDF,
  ).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  expect((err as ImportError).message).toMatch(problem);
  expect(existsSync(target)).toBe(false);
}

beforeAll(async () => {
  const school = await createSyntheticSchool({
    dataDir: source,
    seed: 8,
    size: schoolSizes.small,
    now: NOW,
    dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE },
    kdf: TEST_KDF,
  });
  staffUsername = school.staff[0]?.username ?? '';
  exported = await withStore(source, TEST_PASSPHRASE, (s) => {
    // A blob to carry: the school's transfer signing key.
    const dsl = s.users.list().find((u) => u.username === TEST_DSL.username);
    if (!dsl) throw new Error('no DSL');
    s.transfers.addSigningKey(newSigningKey(NOW.toISOString()), dsl.id);
    const started = performance.now();
    streamed = exportBytes(s, NOW);
    const ms = performance.now() - started;
    console.info(`small synthetic school export: ${streamed.length} bytes in ${ms.toFixed(0)} ms`);
    return s.db.transaction(() => exportSchool(s, NOW)).deferred();
  });
}, 120_000);

afterAll(() => {
  root.remove();
});

describe('the open data export', () => {
  it('holds every real table but the audit key, and no search index', async () => {
    const names = await withStore(source, TEST_PASSPHRASE, (s) =>
      (s.db.pragma('table_list') as { name: string; type: string; schema: string }[])
        .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
        .map((t) => t.name),
    );
    expect(Object.keys(exported.tables).sort()).toEqual(
      names.filter((n) => n !== 'audit_key').sort(),
    );
    expect(exported).toMatchObject({
      format: 'lantern-school-export',
      version: 1,
      exportedAt: NOW.toISOString(),
      school: { name: 'Riverside Academy', urn: '137042' },
    });
    expect(exported.tables.concerns?.length).toBeGreaterThanOrEqual(400);
    expect(exported.tables.search_index).toBeUndefined();
  });

  it('is the same file whether written from the rows or from the object, and parses back', () => {
    expect(encodePortable(exported).equals(streamed)).toBe(true);
    expect(JSON.parse(streamed.toString('utf8'))).toEqual(exported);
  });
});

describe('importing an export', () => {
  const target = join(root.path, 'imported');
  let recoveryKey: string;

  beforeAll(async () => {
    const json: unknown = JSON.parse(encodePortable(exported).toString('utf8'));
    ({ recoveryKey } = await importSchool(
      json,
      target,
      { username: TEST_DSL.username, passphrase: NEW_PASSPHRASE },
      TEST_KDF,
    ));
  }, 60_000);

  it('reproduces every row of every table; the audit history is re-sealed and marked', async () => {
    const before = await withStore(source, TEST_PASSPHRASE, (s) => ({
      rows: rowsOf(s.db),
      search: searchRows(s.db),
    }));
    const after = await withStore(target, NEW_PASSPHRASE, (s) => ({
      rows: rowsOf(s.db),
      search: searchRows(s.db),
      chain: verifyChain(s.db, s.auditKey, null),
    }));
    // The source gained audit rows after the export (its own sign-ins), so compare with the file.
    const audit = exported.tables.audit_log ?? [];
    const fromFile = (r: PortableRow) => Number(r.seq) <= audit.length;
    expect(after.rows.audit_records?.filter(fromFile)).toEqual(exported.tables.audit_records);
    for (const [table, rows] of Object.entries(exported.tables)) {
      if (table === 'audit_log' || table === 'audit_records') continue;
      expect(after.rows[table], table).toEqual(rows);
      expect(before.rows[table], table).toEqual(rows);
    }
    const strip = (r: PortableRow) => ({ ...r, prev_hash: '', entry_hash: '' });
    const imported = after.rows.audit_log ?? [];
    expect(imported.slice(0, audit.length).map(strip)).toEqual(audit.map(strip));
    expect(imported[audit.length]).toMatchObject({ method: 'data.import', role: 'dsl' });
    expect(after.chain).toMatchObject({ ok: true, problems: [] });
    expect(after.search.length).toBeGreaterThan(400);
    expect(after.search).toEqual(before.search);
  });

  it('opens with the recovery key and with the DSL; other accounts wait for a reset', async () => {
    const vault = createVault(storePaths(target), TEST_KDF);
    await vault.unlockRecovery(normaliseRecoveryKey(recoveryKey) ?? '');
    vault.lock();

    const core = makeCore(target, () => NOW);
    const staff = core.createSession();
    expect(
      errorOf(
        await core.invoke(staff, 'auth.signIn', {
          username: staffUsername,
          passphrase: 'x'.repeat(12),
        }),
      ).code,
    ).toBe('wrong_passphrase');
    const dsl = core.createSession();
    await must(
      core.invoke(dsl, 'auth.signIn', { username: TEST_DSL.username, passphrase: NEW_PASSPHRASE }),
    );
    const users = await must<{ id: string; username: string }[]>(
      core.invoke(dsl, 'users.list', {}),
    );
    const person = users.find((u) => u.username === staffUsername);
    if (!person) throw new Error('staff account missing');
    const issued = await must<{ oneTimePassphrase: string }>(
      core.invoke(dsl, 'users.resetPassphrase', { id: person.id }),
    );
    await must(
      core.invoke(staff, 'auth.signIn', {
        username: staffUsername,
        passphrase: issued.oneTimePassphrase,
      }),
    );
    const found = await must<{ items: unknown[] }>(
      core.invoke(dsl, 'search.concerns', { query: 'bruise', limit: 20, offset: 0 }),
    );
    expect(found.items.length).toBeGreaterThan(0);
    core.close();
  });

  it('refuses a data directory that exists, creating nothing', async () => {
    await expect(
      importSchool(
        exported,
        target,
        { username: TEST_DSL.username, passphrase: NEW_PASSPHRASE },
        TEST_KDF,
      ),
    ).rejects.toBeInstanceOf(DataDirError);
  });
});

describe('a bad export is refused and nothing is created', () => {
  it('a file that is not an export', async () => {
    await refused({ hello: 'world' }, /format: expected "lantern-school-export"/);
    await refused([1, 2, 3], /the file: .*expected object/);
  });

  it('a newer or older schema version', async () => {
    await refused({ ...copy(), schemaVersion: exported.schemaVersion + 1 }, /newer Lantern/);
    await refused({ ...copy(), schemaVersion: exported.schemaVersion - 1 }, /older Lantern/);
  });

  it('a value of the wrong type, named by table, row and column', async () => {
    const bad = copy();
    (bad.tables.concerns ?? [])[3] = { ...(bad.tables.concerns ?? [])[3], summary: 42 };
    await refused(bad, /tables\.concerns\[3\]\.summary: /);
  });

  it('a missing table, an unknown table, an unknown or missing column', async () => {
    const missing = copy();
    delete missing.tables.children;
    await refused(missing, /tables\.children: /);
    const unknown = copy();
    unknown.tables.gossip = [];
    await refused(unknown, /tables: .*gossip/);
    const extra = copy();
    (extra.tables.children ?? [])[0] = { ...(extra.tables.children ?? [])[0], nickname: 'x' };
    await refused(extra, /tables\.children\[0\]: .*nickname/);
    const gone = copy();
    const child = { ...(gone.tables.children ?? [])[1] };
    delete child.upn;
    (gone.tables.children ?? [])[1] = child;
    await refused(gone, /tables\.children\[1\]\.upn: /);
  });

  it('a bad blob', async () => {
    const bad = copy();
    const row = (bad.tables.transfer_signing_key ?? [])[0];
    const column = Object.entries(row ?? {}).find(([, v]) => v !== null && typeof v === 'object');
    if (!row || !column) return expect.fail('the synthetic school has no blob to spoil');
    row[column[0]] = { $base64: 'not base64!' };
    await refused(
      bad,
      new RegExp(
        `tables\\.transfer_signing_key\\[0\\]\\.${column[0]}\\.\\$base64: expected base64`,
      ),
    );
  });

  it('a row the schema refuses, and a row that refers to nothing', async () => {
    const unchecked = copy();
    (unchecked.tables.users ?? [])[1] = { ...(unchecked.tables.users ?? [])[1], status: 'gone' };
    await refused(unchecked, /tables\.users\[1\]: CHECK constraint failed/);
    const orphan = copy();
    const concerns = orphan.tables.concerns ?? [];
    concerns[7] = { ...concerns[7], recorded_by: 'nobody' };
    await refused(
      orphan,
      /tables\.concerns\[7\]: refers to a row of users that is not in the export/,
    );
  });

  it('an audit history with a row missing', async () => {
    const gap = copy();
    gap.tables.audit_log?.splice(2, 1);
    await refused(gap, /tables\.audit_log\[2\]\.seq: expected 3, found 4/);
  });

  it('someone who is not an active DSL, or a weak passphrase', async () => {
    const target = join(root.path, 'not-dsl');
    await expect(
      importSchool(
        exported,
        target,
        { username: staffUsername, passphrase: NEW_PASSPHRASE },
        TEST_KDF,
      ),
    ).rejects.toThrow(/is not an active DSL in this export/);
    await expect(
      importSchool(
        exported,
        target,
        { username: TEST_DSL.username, passphrase: 'short' },
        TEST_KDF,
      ),
    ).rejects.toThrow(/passphrase: Use at least 12 characters/);
    expect(existsSync(target)).toBe(false);
  });
});
