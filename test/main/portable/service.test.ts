import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import type { SavedFile } from '../../../shared/api';
import type { StoreVerification } from '../../../shared/portable/schema';
import { SCHEMA_VERSION } from '../../../main/db/migrate';
import {
  errorOf,
  folderPlatform,
  must,
  readStore,
  signedInAs,
  tempDir,
  unlockedCore,
  writeStore,
} from '../../support/core';

const NOW = new Date('2026-11-28T12:00:00Z');
const dirs: { remove(): void }[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

async function school() {
  const dir = tempDir();
  dirs.push(dir);
  return { dir: dir.path, ...(await unlockedCore(dir.path, () => NOW, folderPlatform(dir.path))) };
}

describe('data.exportSchool', () => {
  it('saves the open export as lantern-export-<urn>-<date>.json, recorded in the audit log', async () => {
    const { dir, core, session } = await school();
    const saved = await must<SavedFile>(core.invoke(session, 'data.exportSchool', {}));
    expect(saved.savedTo).toMatch(/lantern-export-\d{6}-2026-11-28\.json$/);
    const json = JSON.parse(readFileSync(saved.savedTo ?? '', 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'lantern-school-export',
      version: 1,
      exportedAt: NOW.toISOString(),
      schemaVersion: SCHEMA_VERSION,
    });
    core.close();
    const last = await readStore(dir, (db) =>
      db.prepare('SELECT method, outcome FROM audit_log ORDER BY seq DESC LIMIT 1').get(),
    );
    expect(last).toEqual({ method: 'data.exportSchool', outcome: 'ok' });
  });

  it('is refused to a deputy DSL', async () => {
    const { core, session } = await school();
    const deputy = await signedInAs(core, session, 'ddeputy', 'deputy_dsl');
    expect(errorOf(await core.invoke(deputy, 'data.exportSchool', {})).code).toBe('forbidden');
    core.close();
  });
});

describe('data.verify', () => {
  it('reports a sound store, then a broken link between records', async () => {
    const { dir, core, session } = await school();
    const sound = await must<StoreVerification>(core.invoke(session, 'data.verify', {}));
    expect(sound).toMatchObject({
      ok: true,
      schemaVersion: SCHEMA_VERSION,
      expectedSchemaVersion: SCHEMA_VERSION,
      integrity: [],
      foreignKeys: [],
      audit: { ok: true, problems: [] },
    });
    core.close();
    await writeStore(dir, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare("UPDATE settings SET updated_by = 'nobody'").run();
    });
    const again = await unlockedCore(dir, () => NOW);
    const broken = await must<StoreVerification>(
      again.core.invoke(again.session, 'data.verify', {}),
    );
    expect(broken.ok).toBe(false);
    expect(broken.foreignKeys[0]).toMatch(
      /A row of settings \(rowid \d+\) refers to a missing row of users\./,
    );
    again.core.close();
  });
});
