import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { commands } from '../../../main/cli/commands';
import { EXIT } from '../../../main/cli/exit-codes';
import { run } from '../../../main/cli/main';
import {
  makeCore,
  must,
  readStore,
  signedInAs,
  TEST_DSL,
  TEST_PASSPHRASE,
  tempDir,
  writeStore,
} from '../../support/core';

const root = tempDir('lantern-cli-');
const school = join(root.path, 'school');
const STAFF_PASSPHRASE = 'a walk along the quiet river';
const BASE_ENV = { LANTERN_TEST_KDF: '1' };
let recoveryKey = '';

type Ran = { code: number; out: string; err: string };

async function cli(argv: string[], env: Record<string, string> = {}): Promise<Ran> {
  let out = '';
  let err = '';
  const code = await run(
    argv,
    { ...BASE_ENV, ...env },
    {
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
    },
  );
  return { code, out, err };
}

/** Signed in as the DSL with their passphrase from the environment. */
const asDsl = { LANTERN_PASSPHRASE: TEST_PASSPHRASE, LANTERN_USERNAME: TEST_DSL.username };
const INIT = [
  '--school-name',
  'Hill Primary School',
  '--urn',
  '123456',
  '--la',
  'Devon',
  '--la-code',
  '878',
  '--phase',
  'primary',
  '--dsl-name',
  TEST_DSL.displayName,
  '--dsl-username',
  TEST_DSL.username,
];

function auditMethods(dataDir: string): Promise<{ method: string; actor_id: string | null }[]> {
  return readStore(
    dataDir,
    (db) =>
      db.prepare('SELECT method, actor_id FROM audit_log ORDER BY seq').all() as {
        method: string;
        actor_id: string | null;
      }[],
  );
}

beforeAll(async () => {
  const made = await cli(['init', '--data-dir', school, ...INIT], {
    LANTERN_PASSPHRASE: TEST_PASSPHRASE,
  });
  expect(made.code, made.err).toBe(EXIT.ok);
  recoveryKey = /Recovery key: (\S+)/.exec(made.out)?.[1] ?? '';
  const core = makeCore(school);
  const dsl = core.createSession();
  await must(
    core.invoke(dsl, 'auth.signIn', { username: TEST_DSL.username, passphrase: TEST_PASSPHRASE }),
  );
  await signedInAs(core, dsl, 'sstaff', 'staff');
  core.close();
}, 60_000);

afterAll(() => {
  root.remove();
});

describe('help and usage', () => {
  it('prints the commands and exit codes; every command has its own help', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(EXIT.ok);
    for (const name of Object.keys(commands)) expect(help.out).toContain(`  ${name} `);
    expect(help.out).toContain('3  could not unlock');
    expect((await cli([])).code).toBe(EXIT.usage);
    for (const [name, command] of Object.entries(commands)) {
      const own = await cli([name, '--help']);
      expect(own.code, name).toBe(EXIT.ok);
      for (const flag of command.flags) expect(own.out, name).toContain(`--${flag.name}`);
    }
  });

  it('refuses unknown commands and options, missing options and passphrases as arguments', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['frobnicate'], {}, /unknown command “frobnicate”/],
      [['verify', '--data-dir', school, '--colour', 'red'], asDsl, /Unknown option --colour/],
      [['verify', '--data-dir', school, 'extra'], asDsl, /Unexpected argument “extra”/],
      [['verify', '--data-dir', school, '--passphrase', 'x'], {}, /Never give a passphrase/],
      [['verify', '--data-dir', school, `--passphrase=x`], {}, /Never give a passphrase/],
      [['verify'], asDsl, /--data-dir is required \(or set LANTERN_DATA_DIR\)/],
      [['verify', '--data-dir'], asDsl, /--data-dir needs a value/],
      [['verify', '--data-dir', school], {}, /--passphrase-file FILE or LANTERN_PASSPHRASE/],
      [
        ['verify', '--data-dir', school, '--passphrase-file', join(root.path, 'none')],
        {},
        /cannot be read/,
      ],
      [['export', '--data-dir', school], asDsl, /--out is required/],
      [
        ['import', '--data-dir', join(root.path, 'x'), '--from', 'f.json'],
        { LANTERN_PASSPHRASE: 'p' },
        /--username is required/,
      ],
    ];
    for (const [argv, env, message] of cases) {
      const ran = await cli(argv, env);
      expect(ran.code, argv.join(' ')).toBe(EXIT.usage);
      expect(ran.err).toMatch(message);
      expect(ran.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('init', () => {
  it('set up the store with the DSL, printing the recovery key once', async () => {
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
    const school = await readStore(join(root.path, 'school'), (db) =>
      db.prepare('SELECT name, urn FROM school').get(),
    );
    expect(school).toEqual({ name: 'Hill Primary School', urn: '123456' });
  });

  it('refuses a data directory that is not empty, and bad details, creating nothing', async () => {
    const taken = await cli(['init', '--data-dir', school, ...INIT], {
      LANTERN_PASSPHRASE: TEST_PASSPHRASE,
    });
    expect(taken.code).toBe(EXIT.dataDir);
    const target = join(root.path, 'bad-init');
    const bad = INIT.map((a) => (a === '123456' ? '12' : a));
    const ran = await cli(['init', '--data-dir', target, ...bad], {
      LANTERN_PASSPHRASE: TEST_PASSPHRASE,
    });
    expect(ran.code).toBe(EXIT.usage);
    expect(ran.err).toMatch(/--urn: A URN/);
    expect(existsSync(join(target, 'lantern.db'))).toBe(false);
  });
});

describe('verify', () => {
  it('reports a sound store (0) as the DSL, and with the recovery key, audited as recovery use', async () => {
    const person = await cli(['verify', '--data-dir', school], asDsl);
    expect(person.code, person.err).toBe(EXIT.ok);
    expect(person.out).toMatch(/Audit log: ok \(\d+ entries/);
    expect(person.out).toMatch(/Result: OK/);
    const recovery = await cli(['verify', '--data-dir', school], {
      LANTERN_PASSPHRASE: recoveryKey,
    });
    expect(recovery.code, recovery.err).toBe(EXIT.ok);
    const audit = await auditMethods(school);
    expect(audit.slice(-2)).toEqual([
      { method: 'cli.recover', actor_id: null },
      { method: 'data.verify', actor_id: null },
    ]);
    expect(audit.some((a) => a.method === 'data.verify' && a.actor_id !== null)).toBe(true);
  });

  it('cannot unlock (3) with a wrong passphrase, username or recovery key', async () => {
    for (const env of [
      { ...asDsl, LANTERN_PASSPHRASE: 'not the passphrase' },
      { ...asDsl, LANTERN_USERNAME: 'nobody' },
      { LANTERN_PASSPHRASE: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' },
      { LANTERN_PASSPHRASE: 'not a recovery key' },
    ]) {
      const ran = await cli(['verify', '--data-dir', school], env);
      expect(ran.code, JSON.stringify(env)).toBe(EXIT.unlock);
    }
  });

  it('a missing data directory (4); a role that may not (5)', async () => {
    expect((await cli(['verify', '--data-dir', join(root.path, 'none')], asDsl)).code).toBe(
      EXIT.dataDir,
    );
    const staff = await cli(['verify', '--data-dir', school], {
      LANTERN_USERNAME: 'sstaff',
      LANTERN_PASSPHRASE: STAFF_PASSPHRASE,
    });
    expect(staff.code).toBe(EXIT.failure);
    expect(staff.err).toMatch(/Your role does not allow this/);
  });

  it('finds a tampered audit log (1)', async () => {
    const copy = join(root.path, 'tampered');
    const exported = join(root.path, 'for-tamper.json');
    expect((await cli(['export', '--data-dir', school, '--out', exported], asDsl)).code).toBe(0);
    expect((await cli(['import', '--data-dir', copy, '--from', exported], asDsl)).code).toBe(
      EXIT.ok,
    );
    await writeStore(copy, (db) => {
      db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET method = 'x' WHERE seq = 2`);
    });
    const ran = await cli(['verify', '--data-dir', copy], asDsl);
    expect(ran.code).toBe(EXIT.problem);
    expect(ran.out).toMatch(/Entry 2 has been altered/);
    expect(ran.out).toMatch(/Result: PROBLEMS FOUND/);
  });
});

describe('export and import', () => {
  const out = join(root.path, 'export.json');

  it('exports as the DSL (0) and refuses to overwrite (4) or another role (5)', async () => {
    const ran = await cli(['export', '--data-dir', school, '--out', out], asDsl);
    expect(ran.code, ran.err).toBe(EXIT.ok);
    expect(ran.out).toMatch(/not encrypted/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      format: 'lantern-school-export',
      school: { urn: '123456' },
    });
    expect((await cli(['export', '--data-dir', school, '--out', out], asDsl)).code).toBe(
      EXIT.dataDir,
    );
    const other = join(root.path, 'staff.json');
    const staff = await cli(['export', '--data-dir', school, '--out', other], {
      LANTERN_USERNAME: 'sstaff',
      LANTERN_PASSPHRASE: STAFF_PASSPHRASE,
    });
    expect(staff.code).toBe(EXIT.failure);
    expect(existsSync(other)).toBe(false);
  });

  it('imports into a new data directory (0) that then verifies', async () => {
    const target = join(root.path, 'imported');
    const ran = await cli(['import', '--data-dir', target, '--from', out], asDsl);
    expect(ran.code, ran.err).toBe(EXIT.ok);
    expect(ran.out).toMatch(/Recovery key: \S+/);
    expect((await cli(['verify', '--data-dir', target], asDsl)).code).toBe(EXIT.ok);
    expect((await cli(['import', '--data-dir', target, '--from', out], asDsl)).code).toBe(
      EXIT.dataDir,
    );
  });

  it('refuses a missing file (4), a file that is not JSON or not a valid export (5)', async () => {
    const target = join(root.path, 'never');
    expect(
      (await cli(['import', '--data-dir', target, '--from', join(root.path, 'no.json')], asDsl))
        .code,
    ).toBe(EXIT.dataDir);
    const garbage = join(root.path, 'garbage.json');
    writeFileSync(garbage, '{ not json');
    const notJson = await cli(['import', '--data-dir', target, '--from', garbage], asDsl);
    expect(notJson.code).toBe(EXIT.failure);
    expect(notJson.err).toMatch(/is not a JSON file/);
    const spoiled = join(root.path, 'spoiled.json');
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      tables: { users: { role: unknown }[] };
    };
    const first = json.tables.users[0];
    if (first) first.role = 7;
    writeFileSync(spoiled, JSON.stringify(json));
    const invalid = await cli(['import', '--data-dir', target, '--from', spoiled], asDsl);
    expect(invalid.code).toBe(EXIT.failure);
    expect(invalid.err).toMatch(/tables\.users\[0\]\.role/);
    expect(existsSync(target)).toBe(false);
  });
});

describe('backup and restore', () => {
  it('backs up (0, audited), restores into a new directory (0); refuses a used one (4) or a wrong secret (3)', async () => {
    const to = join(root.path, 'backups');
    mkdirSync(to);
    const backedUp = await cli(['backup', '--data-dir', school, '--to', to], asDsl);
    expect(backedUp.code, backedUp.err).toBe(EXIT.ok);
    expect((await auditMethods(school)).at(-1)?.method).toBe('cli.backup');
    const folder = join(to, readdirSync(to)[0] ?? '');
    const target = join(root.path, 'restored');
    const restored = await cli(['restore', '--data-dir', target, '--from', folder], asDsl);
    expect(restored.code, restored.err).toBe(EXIT.ok);
    expect((await cli(['verify', '--data-dir', target], asDsl)).code).toBe(EXIT.ok);
    expect((await cli(['restore', '--data-dir', target, '--from', folder], asDsl)).code).toBe(
      EXIT.dataDir,
    );
    const wrong = await cli(['restore', '--data-dir', join(root.path, 'r2'), '--from', folder], {
      ...asDsl,
      LANTERN_PASSPHRASE: 'not the passphrase',
    });
    expect(wrong.code).toBe(EXIT.unlock);
    const staff = await cli(['backup', '--data-dir', school, '--to', to], {
      LANTERN_USERNAME: 'sstaff',
      LANTERN_PASSPHRASE: STAFF_PASSPHRASE,
    });
    expect(staff.code).toBe(EXIT.failure);
  });
});

describe('demo', () => {
  it('creates the demo school in a new directory (0) and refuses a used one (4)', async () => {
    const target = join(root.path, 'demo');
    const ran = await cli(['demo', '--data-dir', target]);
    expect(ran.code, ran.err).toBe(EXIT.ok);
    expect(ran.out).toMatch(/demo\.dsl \(dsl\)/);
    expect((await cli(['demo', '--data-dir', target])).code).toBe(EXIT.dataDir);
  }, 60_000);
});

describe('the launcher, in a real process', () => {
  const exec = promisify(execFile);

  it('runs --help and verify through bin/lantern.mjs', async () => {
    const env = { ...process.env, ...BASE_ENV, ...asDsl, LANTERN_DATA_DIR: school };
    const help = await exec(process.execPath, ['bin/lantern.mjs', '--help'], { env });
    expect(help.stdout).toContain('Lantern admin CLI');
    const verified = await exec(process.execPath, ['bin/lantern.mjs', 'verify'], { env });
    expect(verified.stdout).toMatch(/Result: OK/);
    const refused = await exec(process.execPath, ['bin/lantern.mjs', 'verify', '--bogus'], {
      env,
    }).then(
      () => null,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(refused?.code).toBe(EXIT.usage);
    expect(refused?.stderr).toMatch(/^lantern verify: Unknown option --bogus/);
  }, 60_000);
});
