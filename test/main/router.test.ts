import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../main/app';
import type { Child, ChildSummary } from '../../shared/children/schema';
import {
  makeCore,
  errorOf,
  readStore,
  sampleChild,
  sampleSchool,
  tempDir,
  TEST_PASSPHRASE,
  unlockedCore,
  value,
} from '../support/core';

describe('the router: school profile and pupil register through the real store', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: LanternCore;
  let session: Session;
  // 28 Nov 2026, 10:00 in London.
  const clock = () => new Date('2026-11-28T10:00:00Z');

  beforeEach(async () => {
    dir = tempDir();
    ({ core, session } = await unlockedCore(dir.path, clock));
  });
  afterEach(() => {
    core.close();
    dir.remove();
  });

  const call = (method: string, input: unknown) => core.invoke(session, method, input);

  it('keeps the school profile from set-up and saves changes to it', async () => {
    expect(value<{ name: string }>(await call('school.get', {})).name).toBe(
      'Riverside Primary School',
    );
    expect(
      value<{ schoolConfigured: boolean }>(await call('session.status', {})).schoolConfigured,
    ).toBe(true);
    const saved = value<{ name: string; updatedAt: string }>(
      await call('school.save', { ...sampleSchool, name: '  Riverside   Primary School ' }),
    );
    expect(saved.name).toBe('Riverside Primary School');
    expect(saved.updatedAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('rejects a bad URN with a field error and saves nothing', async () => {
    const e = errorOf(await call('school.save', { ...sampleSchool, urn: '12345' }));
    expect(e.code).toBe('invalid_input');
    expect(e.fields?.urn).toMatch(/6 digits/);
    expect(value<{ urn: string }>(await call('school.get', {})).urn).toBe('123456');
  });

  it('adds, finds, views and corrects a child', async () => {
    const added = value<Child>(await call('children.add', sampleChild({ upn: 'b801 2000 05001' })));
    expect(added.upn).toBe('B801200005001');
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);

    const byName = value<{ items: ChildSummary[]; total: number }>(
      await call('children.list', { query: 'okafor', includeLeavers: false, limit: 50, offset: 0 }),
    );
    expect(byName.total).toBe(1);
    expect(byName.items[0]?.id).toBe(added.id);
    const byUpn = value<{ total: number }>(
      await call('children.list', {
        query: 'B801200005001',
        includeLeavers: false,
        limit: 50,
        offset: 0,
      }),
    );
    expect(byUpn.total).toBe(1);
    const none = value<{ total: number }>(
      await call('children.list', { query: 'nobody', includeLeavers: false, limit: 50, offset: 0 }),
    );
    expect(none.total).toBe(0);

    const updated = value<Child>(
      await call('children.update', {
        id: added.id,
        child: sampleChild({ preferredForename: 'Ami', yearGroup: '6' }),
      }),
    );
    expect(updated.preferredForename).toBe('Ami');
    expect(updated.yearGroup).toBe('6');
    expect(value<Child>(await call('children.get', { id: added.id })).preferredForename).toBe(
      'Ami',
    );
    const byPreferred = value<{ total: number }>(
      await call('children.list', {
        query: 'ami okafor',
        includeLeavers: false,
        limit: 50,
        offset: 0,
      }),
    );
    expect(byPreferred.total).toBe(1);
  });

  it('finds names regardless of accents and case', async () => {
    value(
      await call(
        'children.add',
        sampleChild({ legalForename: 'Zoë', legalSurname: "O'Brien", upn: '' }),
      ),
    );
    const found = value<{ total: number }>(
      await call('children.list', {
        query: "ZOE o'brien",
        includeLeavers: false,
        limit: 50,
        offset: 0,
      }),
    );
    expect(found.total).toBe(1);
  });

  it('lists in surname order and pages', async () => {
    for (const surname of ['Young', 'Adams', 'Morris']) {
      value(await call('children.add', sampleChild({ legalSurname: surname, upn: '' })));
    }
    const page1 = value<{ items: ChildSummary[]; total: number }>(
      await call('children.list', { query: '', includeLeavers: false, limit: 2, offset: 0 }),
    );
    expect(page1.total).toBe(3);
    expect(page1.items.map((c) => c.legalSurname)).toEqual(['Adams', 'Morris']);
    const page2 = value<{ items: ChildSummary[] }>(
      await call('children.list', { query: '', includeLeavers: false, limit: 2, offset: 2 }),
    );
    expect(page2.items.map((c) => c.legalSurname)).toEqual(['Young']);
  });

  it('gives specific field errors: future date of birth, bad UPN, duplicate UPN', async () => {
    const future = errorOf(await call('children.add', sampleChild({ dateOfBirth: '2026-11-29' })));
    expect(future.fields?.dateOfBirth).toMatch(/future/);
    const badUpn = errorOf(await call('children.add', sampleChild({ upn: 'A801200005001' })));
    expect(badUpn.fields?.upn).toMatch(/check letter/);
    const impossible = errorOf(
      await call('children.add', sampleChild({ dateOfBirth: '2016-02-30' })),
    );
    expect(impossible.fields?.dateOfBirth).toMatch(/real date/);
    const blank = errorOf(await call('children.add', sampleChild({ legalSurname: '   ' })));
    expect(blank.fields?.legalSurname).toMatch(/Enter the legal surname/);

    value(await call('children.add', sampleChild()));
    const dup = errorOf(await call('children.add', sampleChild({ legalForename: 'Other' })));
    expect(dup.code).toBe('conflict');
    expect(dup.fields?.upn).toMatch(/already has this UPN/);
    expect(
      value<{ total: number }>(
        await call('children.list', { query: '', includeLeavers: false, limit: 50, offset: 0 }),
      ).total,
    ).toBe(1);
  });

  it('lets a child keep its own UPN on update but not take another’s', async () => {
    const a = value<Child>(await call('children.add', sampleChild()));
    const b = value<Child>(
      await call('children.add', sampleChild({ legalForename: 'Ben', upn: 'Y87812342610A' })),
    );
    value(
      await call('children.update', {
        id: a.id,
        child: sampleChild({ legalForename: 'Amara-Rose' }),
      }),
    );
    const taken = errorOf(
      await call('children.update', { id: b.id, child: sampleChild({ legalForename: 'Ben' }) }),
    );
    expect(taken.fields?.['child.upn']).toMatch(/already has this UPN/);
  });

  it('answers not_found for an unknown child id', async () => {
    const e = errorOf(await call('children.get', { id: '01900000-0000-7000-8000-000000000000' }));
    expect(e.code).toBe('not_found');
  });

  it('refuses unknown methods and extra keys', async () => {
    expect(errorOf(await call('children.delete', {})).code).toBe('unknown_method');
    expect(errorOf(await call('__proto__', {})).code).toBe('unknown_method');
    const extra = errorOf(await call('children.add', { ...sampleChild(), isAdmin: true }));
    expect(extra.code).toBe('invalid_input');
  });

  it('writes exactly one audit row per call, with ids and no content', async () => {
    const auditCount = () =>
      readStore(
        dir.path,
        (db) => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
      );
    const before = await auditCount();
    const added = value<Child>(await call('children.add', sampleChild()));
    await call('children.get', { id: added.id });
    await call('children.add', sampleChild({ upn: 'A801200005001' }));
    await call('children.nope', {});
    expect(await auditCount()).toBe(before + 4);
    const rows = await readStore(
      dir.path,
      (db) =>
        db
          .prepare(
            'SELECT method, outcome, record_ids, error_code, role FROM audit_log ORDER BY seq DESC LIMIT 4',
          )
          .all() as {
          method: string;
          outcome: string;
          record_ids: string;
          error_code: string | null;
          role: string;
        }[],
    );
    expect(rows.reverse()).toEqual([
      {
        method: 'children.add',
        outcome: 'ok',
        record_ids: JSON.stringify([added.id]),
        error_code: null,
        role: 'dsl',
      },
      {
        method: 'children.get',
        outcome: 'ok',
        record_ids: JSON.stringify([added.id]),
        error_code: null,
        role: 'dsl',
      },
      {
        method: 'children.add',
        outcome: 'invalid',
        record_ids: '[]',
        error_code: 'invalid_input',
        role: 'dsl',
      },
      {
        method: 'unknown:children.nope',
        outcome: 'invalid',
        record_ids: '[]',
        error_code: 'unknown_method',
        role: 'dsl',
      },
    ]);
    const dump = await readStore(dir.path, (db) =>
      JSON.stringify(db.prepare('SELECT * FROM audit_log').all()),
    );
    expect(dump).not.toContain('Amara');
    expect(dump).not.toContain('Okafor');
    expect(dump).not.toContain('2016-03-14');
  });

  it('locks: the session loses access and signing in again needs the passphrase', async () => {
    value(await call('auth.lock', {}));
    expect(
      errorOf(
        await call('children.list', { query: '', includeLeavers: false, limit: 1, offset: 0 }),
      ).code,
    ).toBe('unauthenticated');
    const wrong = errorOf(
      await call('auth.signIn', { username: 'dlead', passphrase: 'not the passphrase' }),
    );
    expect(wrong.code).toBe('wrong_passphrase');
    value(await call('auth.signIn', { username: 'DLead ', passphrase: TEST_PASSPHRASE }));
    expect(
      value<{ total: number }>(
        await call('children.list', { query: '', includeLeavers: false, limit: 1, offset: 0 }),
      ).total,
    ).toBe(0);
  });
});

describe('first run', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    dir.remove();
  });

  const setUp = (dsl: Record<string, string>) => ({
    school: sampleSchool,
    dsl: {
      displayName: 'Dana Lead',
      username: 'dlead',
      passphrase: TEST_PASSPHRASE,
      confirmation: TEST_PASSPHRASE,
      ...dsl,
    },
  });

  it('creates the store only with matching passphrases of adequate length', async () => {
    const core = makeCore(dir.path);
    const s = core.createSession();
    expect(
      value<{ storeExists: boolean }>(await core.invoke(s, 'session.status', {})).storeExists,
    ).toBe(false);
    const short = errorOf(
      await core.invoke(s, 'setup.create', setUp({ passphrase: 'short', confirmation: 'short' })),
    );
    expect(short.fields?.['dsl.passphrase']).toMatch(/at least 12/);
    const mismatch = errorOf(
      await core.invoke(s, 'setup.create', setUp({ confirmation: `${TEST_PASSPHRASE}!` })),
    );
    expect(mismatch.fields?.['dsl.confirmation']).toMatch(/do not match/);
    const badSchool = errorOf(
      await core.invoke(s, 'setup.create', { ...setUp({}), school: { ...sampleSchool, urn: 'x' } }),
    );
    expect(badSchool.fields?.['school.urn']).toMatch(/6 digits/);
    expect(
      value<{ storeExists: boolean }>(await core.invoke(s, 'session.status', {})).storeExists,
    ).toBe(false);
    const created = value<{
      status: { unlocked: boolean; role: string; recoveryKeyPending: boolean };
      recoveryKey: string;
    }>(await core.invoke(s, 'setup.create', setUp({})));
    expect(created.status).toMatchObject({ unlocked: true, role: 'dsl', recoveryKeyPending: true });
    expect(created.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    const again = errorOf(await core.invoke(s, 'setup.create', setUp({})));
    expect(again.code).toBe('conflict');
    core.close();
  });

  it('needs a sign-in before anything else', async () => {
    const core = makeCore(dir.path);
    const s = core.createSession();
    expect(errorOf(await core.invoke(s, 'school.get', {})).code).toBe('unauthenticated');
    expect(
      errorOf(
        await core.invoke(s, 'auth.signIn', { username: 'dlead', passphrase: TEST_PASSPHRASE }),
      ).code,
    ).toBe('not_found');
    core.close();
  });

  it('keeps data across a restart of the core on the same data directory', async () => {
    const first = await unlockedCore(dir.path);
    value(await first.core.invoke(first.session, 'children.add', sampleChild()));
    first.core.close();
    const second = await unlockedCore(dir.path);
    const list = value<{ total: number }>(
      await second.core.invoke(second.session, 'children.list', {
        query: 'amara',
        includeLeavers: false,
        limit: 5,
        offset: 0,
      }),
    );
    expect(list.total).toBe(1);
    second.core.close();
  });
});
