import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore } from '../../../main/app';
import { createApp } from '../../../main/app';
import { DEMO_MARKER_FILE, DEMO_PASSPHRASE } from '../../../main/demo/demo-marker';
import { silentLogger } from '../../../main/log';
import { DATABASE_FILE } from '../../../main/vault/vault';
import type { ChildList, SessionStatus } from '../../../shared/api';
import { errorOf, must, readStore, tempDir, TEST_KDF, unlockedCore } from '../../support/core';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('demo mode: "Explore with demo data" (issue 8, part 7)', () => {
  const dir = tempDir();
  const schoolDir = join(dir.path, 'school');
  const demoDir = join(dir.path, 'demo');
  let core: LanternCore;

  beforeAll(() => {
    core = createApp({
      dataDir: schoolDir,
      demoDataDir: demoDir,
      kdf: TEST_KDF,
      clock: () => NOW,
      logger: silentLogger(),
    });
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('builds a separate synthetic school, marked DEMO, and signs in as its DSL', async () => {
    const session = core.createSession();
    const before = await must<SessionStatus>(core.invoke(session, 'session.status', {}));
    expect(before).toMatchObject({ storeExists: false, demo: null });

    const status = await must<SessionStatus>(
      core.invoke(session, 'demo.explore', { fresh: false }),
    );
    expect(status).toMatchObject({ storeExists: true, unlocked: true, role: 'dsl' });
    expect(status.user?.username).toBe('demo.dsl');
    expect(status.demo?.passphrase).toBe(DEMO_PASSPHRASE);
    expect(status.demo?.accounts.map((a) => a.role)).toEqual(
      expect.arrayContaining(['dsl', 'deputy_dsl', 'headteacher', 'staff', 'governor']),
    );

    const pupils = await must<ChildList>(
      core.invoke(session, 'children.list', {
        query: '',
        includeLeavers: false,
        limit: 50,
        offset: 0,
      }),
    );
    expect(pupils.total).toBeGreaterThan(50);

    // Nothing was written to the school's own data directory.
    expect(existsSync(join(schoolDir, DATABASE_FILE))).toBe(false);
    expect(existsSync(join(demoDir, DATABASE_FILE))).toBe(true);
    expect(existsSync(join(demoDir, DEMO_MARKER_FILE))).toBe(true);
  });

  it('lets a visitor sign in as each demo role with the published passphrase', async () => {
    const session = core.createSession();
    for (const username of ['demo.teacher', 'demo.governor']) {
      const status = await must<SessionStatus>(
        core.invoke(session, 'auth.signIn', { username, passphrase: DEMO_PASSPHRASE }),
      );
      expect(status.demo).not.toBeNull();
      expect(status.mustChangePassphrase).toBe(false);
      await must(core.invoke(session, 'auth.lock', {}));
    }
    // The governor sees no child: roles apply in the demo as anywhere.
    await must(
      core.invoke(session, 'auth.signIn', {
        username: 'demo.governor',
        passphrase: DEMO_PASSPHRASE,
      }),
    );
    const refused = errorOf(
      await core.invoke(session, 'children.list', {
        query: '',
        includeLeavers: false,
        limit: 50,
        offset: 0,
      }),
    );
    expect(refused.code).toBe('forbidden');
    await must(core.invoke(session, 'auth.lock', {}));
  });

  it('refuses to open the demo over a signed-in session', async () => {
    const session = core.createSession();
    await must(
      core.invoke(session, 'auth.signIn', { username: 'demo.dsl', passphrase: DEMO_PASSPHRASE }),
    );
    const refused = errorOf(await core.invoke(session, 'demo.explore', { fresh: false }));
    expect(refused).toMatchObject({ code: 'conflict' });
    await must(core.invoke(session, 'auth.lock', {}));
  });

  it('leaves the demo for the school’s own (still empty) data directory, and reopens it as it was', async () => {
    const session = core.createSession();
    const left = await must<SessionStatus>(core.invoke(session, 'demo.leave', {}));
    expect(left).toMatchObject({ storeExists: false, unlocked: false, demo: null });

    const marker = readFileSync(join(demoDir, DEMO_MARKER_FILE), 'utf8');
    const again = await must<SessionStatus>(core.invoke(session, 'demo.explore', { fresh: false }));
    expect(again.demo).not.toBeNull();
    expect(readFileSync(join(demoDir, DEMO_MARKER_FILE), 'utf8')).toBe(marker);
    await must(core.invoke(session, 'demo.leave', {}));
  });

  it('is refused where no demo directory is configured, and never marks a school’s own store', async () => {
    const own = tempDir();
    try {
      const { core: plain, session } = await unlockedCore(own.path);
      const status = await must<SessionStatus>(plain.invoke(session, 'session.status', {}));
      expect(status.demo).toBeNull();
      await must(plain.invoke(session, 'auth.lock', {}));
      expect(errorOf(await plain.invoke(session, 'demo.explore', { fresh: false }))).toMatchObject({
        code: 'not_found',
        message: 'Demo data is not available here.',
      });
      plain.close();
      expect(await readStore(own.path, (db) => db.pragma('quick_check', { simple: true }))).toBe(
        'ok',
      );
    } finally {
      own.remove();
    }
  });
});
