import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { IssuedPassphrase, SecurityAlert, SessionStatus } from '../../../shared/api';
import type { ApiError, Result } from '../../../shared/result';
import {
  folderPlatform,
  makeCore,
  must,
  readStore,
  sampleChild,
  tempDir,
  TEST_DSL,
  TEST_PASSPHRASE,
  unlockedCore,
} from '../../support/core';

async function error(r: Promise<Result<unknown>>): Promise<ApiError> {
  const result = await r;
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('accounts, sign-in, recovery and passphrases', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: LanternCore;
  let dsl: Session;
  let recoveryKey: string;
  let now = new Date('2026-11-28T10:00:00Z');
  const clock = () => now;

  beforeEach(async () => {
    now = new Date('2026-11-28T10:00:00Z');
    dir = tempDir();
    const made = await unlockedCore(dir.path, clock, folderPlatform(dir.path));
    core = made.core;
    dsl = made.session;
    recoveryKey = made.recoveryKey ?? '';
  });
  afterEach(() => {
    core.close();
    dir.remove();
  });

  const as = (session: Session, method: string, input: unknown) =>
    core.invoke(session, method, input);

  async function addStaff(): Promise<IssuedPassphrase> {
    return must<IssuedPassphrase>(
      as(dsl, 'users.add', { displayName: 'Sam Teacher', username: 'steacher', role: 'staff' }),
    );
  }

  it('a new member of staff signs in with a one-time passphrase and must replace it first', async () => {
    const issued = await addStaff();
    expect(issued.oneTimePassphrase).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(issued.user).toMatchObject({
      username: 'steacher',
      role: 'staff',
      status: 'active',
      mustChangePassphrase: true,
    });
    const staff = core.createSession();
    const status = await must<SessionStatus>(
      as(staff, 'auth.signIn', { username: 'steacher', passphrase: issued.oneTimePassphrase }),
    );
    expect(status).toMatchObject({ unlocked: true, role: 'staff', mustChangePassphrase: true });
    expect(
      (
        await error(
          as(staff, 'children.list', { query: '', includeLeavers: false, limit: 5, offset: 0 }),
        )
      ).code,
    ).toBe('forbidden');
    const sameAgain = await error(
      as(staff, 'auth.changePassphrase', {
        current: issued.oneTimePassphrase,
        passphrase: 'my own steacher phrase',
        confirmation: 'my own steacher phrase',
      }),
    );
    expect(sameAgain.fields?.passphrase).toMatch(/username/);
    const changed = await must<SessionStatus>(
      as(staff, 'auth.changePassphrase', {
        current: issued.oneTimePassphrase,
        passphrase: 'orange kettle under stairs',
        confirmation: 'orange kettle under stairs',
      }),
    );
    expect(changed.mustChangePassphrase).toBe(false);
    // Staff may search the register but not open a child's file (UI and API both refuse).
    const child = await must<{ id: string }>(as(dsl, 'children.add', sampleChild()));
    expect(
      (
        await must<{ total: number }>(
          as(staff, 'children.list', {
            query: 'okafor',
            includeLeavers: false,
            limit: 5,
            offset: 0,
          }),
        )
      ).total,
    ).toBe(1);
    expect((await error(as(staff, 'children.get', { id: child.id }))).code).toBe('forbidden');
    // The one-time passphrase no longer opens anything.
    const other = core.createSession();
    expect(
      (
        await error(
          as(other, 'auth.signIn', { username: 'steacher', passphrase: issued.oneTimePassphrase }),
        )
      ).code,
    ).toBe('wrong_passphrase');
    await must(
      as(other, 'auth.signIn', { username: 'steacher', passphrase: 'orange kettle under stairs' }),
    );
  });

  it('refuses a duplicate username and lets only a DSL manage accounts', async () => {
    await addStaff();
    const dup = await error(
      as(dsl, 'users.add', { displayName: 'Another Sam', username: 'STEACHER', role: 'staff' }),
    );
    expect(dup.fields?.username).toMatch(/already has this username/);
    const users = await must<{ username: string }[]>(as(dsl, 'users.list', {}));
    expect(users.map((u) => u.username).sort()).toEqual(['dlead', 'steacher']);
  });

  it('a disabled account can no longer open the store, and cannot disable its DSL', async () => {
    const issued = await addStaff();
    await must(as(dsl, 'users.setStatus', { id: issued.user.id, status: 'disabled' }));
    const staff = core.createSession();
    expect(
      (
        await error(
          as(staff, 'auth.signIn', { username: 'steacher', passphrase: issued.oneTimePassphrase }),
        )
      ).code,
    ).toBe('wrong_passphrase');
    const self = await error(
      as(dsl, 'users.setStatus', {
        id: (await must<{ user: { id: string } }>(as(dsl, 'session.status', {}))).user.id,
        status: 'disabled',
      }),
    );
    expect(self.message).toMatch(/your own account/);
    // Re-enabled, the account needs a fresh one-time passphrase from the DSL.
    await must(as(dsl, 'users.setStatus', { id: issued.user.id, status: 'active' }));
    const reset = await must<IssuedPassphrase>(
      as(dsl, 'users.resetPassphrase', { id: issued.user.id }),
    );
    await must(
      as(staff, 'auth.signIn', { username: 'steacher', passphrase: reset.oneTimePassphrase }),
    );
  });

  it('slows repeated wrong passphrases, then audits the failures once someone signs in (K7)', async () => {
    await must(as(dsl, 'auth.lock', {}));
    const s = core.createSession();
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await error(as(s, 'auth.signIn', { username: 'dlead', passphrase: `guess ${i}` }))).code,
      ).toBe('wrong_passphrase');
    }
    // After five failures the account waits 1 s, then 2 s, 4 s … before each further try.
    const first = await error(
      as(s, 'auth.signIn', { username: 'dlead', passphrase: TEST_PASSPHRASE }),
    );
    expect(first).toMatchObject({
      code: 'locked_out',
      message: expect.stringMatching(/Wait 1 second,/),
    });
    now = new Date(now.getTime() + 1_000);
    expect(
      (await error(as(s, 'auth.signIn', { username: 'dlead', passphrase: 'guess 5' }))).code,
    ).toBe('wrong_passphrase');
    const second = await error(
      as(s, 'auth.signIn', { username: 'dlead', passphrase: TEST_PASSPHRASE }),
    );
    expect(second.message).toMatch(/Wait 2 seconds/);
    now = new Date(now.getTime() + 2_000);
    await must(as(s, 'auth.signIn', { username: 'dlead', passphrase: TEST_PASSPHRASE }));
    const failures = await readStore(dir.path, (db) =>
      db
        .prepare(
          "SELECT count(*) FROM audit_log WHERE method = 'auth.signIn' AND outcome = 'failed'",
        )
        .pluck()
        .get(),
    );
    expect(failures).toBe(6);
    // The counter starts again after a success.
    expect(
      (await error(as(core.createSession(), 'auth.signIn', { username: 'dlead', passphrase: 'x' })))
        .code,
    ).toBe('wrong_passphrase');
  });

  it('an unknown username gets the same answer as a wrong passphrase', async () => {
    const s = core.createSession();
    const unknown = await error(
      as(s, 'auth.signIn', { username: 'nobody', passphrase: TEST_PASSPHRASE }),
    );
    const wrong = await error(
      as(s, 'auth.signIn', { username: 'dlead', passphrase: 'nope nope nope' }),
    );
    expect(unknown).toEqual(wrong);
  });

  it('the recovery key resets a passphrase, is audited, and warns the DSL until acknowledged', async () => {
    await must(as(dsl, 'auth.lock', {}));
    const s = core.createSession();
    const wrongKey = await error(
      as(s, 'auth.recover', {
        recoveryKey: '0'.repeat(30),
        username: 'dlead',
        passphrase: 'lost my old one sadly',
        confirmation: 'lost my old one sadly',
      }),
    );
    expect(wrongKey.fields?.recoveryKey).toMatch(/does not open/);
    const notKey = await error(
      as(s, 'auth.recover', {
        recoveryKey: 'abc',
        username: 'dlead',
        passphrase: 'lost my old one sadly',
        confirmation: 'lost my old one sadly',
      }),
    );
    expect(notKey.fields?.recoveryKey).toMatch(/30 letters/);
    // Typed loosely: lower case, spaces instead of hyphens.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    const status = await must<SessionStatus>(
      as(s, 'auth.recover', {
        recoveryKey: typed,
        username: 'dlead',
        passphrase: 'lost my old one sadly',
        confirmation: 'lost my old one sadly',
      }),
    );
    expect(status).toMatchObject({ unlocked: true, role: 'dsl', mustChangePassphrase: false });
    const alerts = await must<SecurityAlert[]>(as(s, 'alerts.list', {}));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'recovery_key_used',
      displayName: TEST_DSL.displayName,
    });
    expect(await must<SecurityAlert[]>(as(s, 'alerts.acknowledge', { id: alerts[0]!.id }))).toEqual(
      [],
    );
    await must(as(s, 'auth.lock', {}));
    const old = await error(
      as(core.createSession(), 'auth.signIn', { username: 'dlead', passphrase: TEST_PASSPHRASE }),
    );
    expect(old.code).toBe('wrong_passphrase');
    await must(
      as(core.createSession(), 'auth.signIn', {
        username: 'dlead',
        passphrase: 'lost my old one sadly',
      }),
    );
    const audited = await readStore(
      dir.path,
      (db) =>
        db
          .prepare("SELECT outcome FROM audit_log WHERE method = 'auth.recover' ORDER BY seq")
          .pluck()
          .all(),
      'lost my old one sadly',
    );
    // The wrong key tried first is on record too.
    expect(audited).toEqual(['failed', 'ok']);
  });

  it('changing a passphrase needs the current one and then only the new one works', async () => {
    const wrong = await error(
      as(dsl, 'auth.changePassphrase', {
        current: 'not it at all',
        passphrase: 'fresh new passphrase here',
        confirmation: 'fresh new passphrase here',
      }),
    );
    expect(wrong.fields?.current).toMatch(/not right/);
    await must(
      as(dsl, 'auth.changePassphrase', {
        current: TEST_PASSPHRASE,
        passphrase: 'fresh new passphrase here',
        confirmation: 'fresh new passphrase here',
      }),
    );
    await must(as(dsl, 'auth.lock', {}));
    expect(
      (
        await error(
          as(core.createSession(), 'auth.signIn', {
            username: 'dlead',
            passphrase: TEST_PASSPHRASE,
          }),
        )
      ).code,
    ).toBe('wrong_passphrase');
    await must(
      as(core.createSession(), 'auth.signIn', {
        username: 'dlead',
        passphrase: 'fresh new passphrase here',
      }),
    );
  });

  it('auto-locks after the configured inactivity, within its limits (E10)', async () => {
    expect(
      (await error(as(dsl, 'settings.save', { autoLockMinutes: 45 }))).fields?.autoLockMinutes,
    ).toMatch(/at most 30/);
    await must(as(dsl, 'settings.save', { autoLockMinutes: 10 }));
    expect(core.lockIfIdle(599)).toBe(false);
    expect((await must<SessionStatus>(as(dsl, 'session.status', {}))).autoLockMinutes).toBe(10);
    expect(core.lockIfIdle(600)).toBe(true);
    expect(
      (
        await error(
          as(dsl, 'children.list', { query: '', includeLeavers: false, limit: 1, offset: 0 }),
        )
      ).code,
    ).toBe('unauthenticated');
    expect(core.lockIfIdle(10_000)).toBe(false);
  });
});

describe('the recovery sheet', () => {
  it('is a PDF holding the key and the school, available only until the key is confirmed', async () => {
    const dir = tempDir();
    const core = makeCore(dir.path, undefined, folderPlatform(dir.path));
    const s = core.createSession();
    const created = await must<{ recoveryKey: string }>(
      core.invoke(s, 'setup.create', {
        school: {
          name: 'Riverside Primary School',
          urn: '123456',
          localAuthority: 'Devon',
          laCode: '878',
          phase: 'primary',
        },
        dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE },
      }),
    );
    const { savedTo } = await must<{ savedTo: string }>(
      core.invoke(s, 'setup.saveRecoverySheet', {}),
    );
    expect(readFileSync(savedTo).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', savedTo, '-'], { encoding: 'utf8' });
    expect(text).toContain(created.recoveryKey);
    expect(text).toContain('Riverside Primary School (URN 123456)');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('Dana Lead');
    const wrong = await core.invoke(s, 'setup.confirmRecoveryKey', { lastGroup: 'ZZZZZ' });
    expect(wrong.ok ? null : wrong.error.fields?.lastGroup).toMatch(/not the last group/);
    await must(
      core.invoke(s, 'setup.confirmRecoveryKey', {
        lastGroup: created.recoveryKey.slice(-5).toLowerCase(),
      }),
    );
    const after = await core.invoke(s, 'setup.saveRecoverySheet', {});
    expect(after.ok ? 'ok' : after.error.code).toBe('conflict');
    core.close();
    dir.remove();
  });
});
