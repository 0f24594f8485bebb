import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { StoreVerification } from '../../shared/portable/schema';
import { lastRecoveryGroup } from '../../shared/users/recovery-key';
import { BackupError, restoreBackup, writeBackup } from '../backup/backup';
import { StoreError } from '../db/errors';
import { createDemoSchool } from '../demo/demo-school';
import { isEmptyOrMissing, writeFileAtomic } from '../fs-atomic';
import { newId } from '../ids';
import { silentLogger } from '../log';
import { ImportError, importSchool } from '../portable/import';
import { exportBytes } from '../portable/export';
import { verifyStore } from '../portable/service';
import { createRouter } from '../router';
import { signInThrottle } from '../auth/throttle';
import type { KdfParams } from '../vault/keyring';
import { createVault, storePaths } from '../vault/vault';
import type { Env, Flag, Flags } from './args';
import {
  DATA_DIR,
  dataDirOf,
  PASSPHRASE_FILE,
  required,
  secretOf,
  secretText,
  USERNAME,
  usernameOf,
} from './args';
import type { ExitCode } from './exit-codes';
import { CliError, EXIT } from './exit-codes';
import type { Opened, SaveTarget } from './open';
import { openStore } from './open';

export type Io = { stdout(text: string): void; stderr(text: string): void };

export type CommandContext = { flags: Flags; env: Env; io: Io; kdf: KdfParams | undefined };

export type Command = {
  summary: string;
  /** What the command does, for `lantern <command> --help`. */
  description: string;
  flags: readonly Flag[];
  run(ctx: CommandContext): Promise<ExitCode>;
};

const OPENS = [DATA_DIR, PASSPHRASE_FILE, USERNAME] as const;

const RECOVERY_WARNING =
  'Write it down now and keep it somewhere safe, away from this computer. It opens the store if every passphrase is lost; Lantern will not show it again.';

function mustNotExist(dir: string): void {
  if (existsSync(dir))
    throw new CliError(EXIT.dataDir, `${dir} already exists; give a new data directory.`);
}

async function withStore<T>(
  ctx: CommandContext,
  use: (opened: Opened) => Promise<T>,
  saveTo?: SaveTarget,
): Promise<T> {
  const opened = await openStore(
    dataDirOf(ctx.flags, ctx.env),
    secretOf(ctx.flags, ctx.env),
    ctx.kdf,
    saveTo,
  );
  try {
    return await use(opened);
  } finally {
    opened.close();
  }
}

function report(v: StoreVerification, dataDir: string): string {
  const list = (items: string[]) => items.map((i) => `\n    - ${i}`).join('');
  const lines = [
    `Lantern store check: ${dataDir}`,
    `  Database file: ${v.integrity.length === 0 ? 'ok' : `${v.integrity.length} problem(s)${list(v.integrity)}`}`,
    `  Links between records: ${v.foreignKeys.length === 0 ? 'ok' : `${v.foreignKeys.length} broken${list(v.foreignKeys)}`}`,
    `  Audit log: ${v.audit.ok ? `ok (${v.audit.rows} entries, chain and checkpoint intact)` : `${v.audit.problems.length} problem(s)${list(v.audit.problems)}`}`,
    `  Schema version: ${v.schemaVersion}${v.schemaVersion === v.expectedSchemaVersion ? ' (current)' : `, but this Lantern expects ${v.expectedSchemaVersion}`}`,
    v.ok ? 'Result: OK' : 'Result: PROBLEMS FOUND',
  ];
  return `${lines.join('\n')}\n`;
}

const init: Command = {
  summary: 'Set up a new school store',
  description:
    'Creates the school’s encrypted store in a new data directory, with the DSL’s account. The DSL’s passphrase comes from --passphrase-file or LANTERN_PASSPHRASE. Prints the recovery key once.',
  flags: [
    DATA_DIR,
    PASSPHRASE_FILE,
    { name: 'school-name', value: 'NAME', help: 'The school’s name.' },
    { name: 'urn', value: 'URN', help: 'The school’s 6-digit URN.' },
    { name: 'la', value: 'NAME', help: 'The local authority.' },
    { name: 'la-code', value: 'CODE', help: 'The local authority’s 3-digit code.' },
    { name: 'phase', value: 'PHASE', help: 'primary, secondary, all_through, special, …' },
    { name: 'dsl-name', value: 'NAME', help: 'The DSL’s full name.' },
    { name: 'dsl-username', value: 'NAME', help: 'The DSL’s username.' },
  ],
  async run(ctx) {
    const dataDir = dataDirOf(ctx.flags, ctx.env);
    const get = (name: string) => required(ctx.flags, name);
    const school = {
      name: get('school-name'),
      urn: get('urn'),
      localAuthority: get('la'),
      laCode: get('la-code'),
      phase: get('phase'),
    };
    const dsl = { displayName: get('dsl-name'), username: get('dsl-username') };
    const passphrase = secretText(ctx.flags, ctx.env);
    if (!isEmptyOrMissing(dataDir))
      throw new CliError(EXIT.dataDir, `${dataDir} is not empty; give a new data directory.`);
    const vault = createVault(storePaths(dataDir), ctx.kdf);
    const router = createRouter({
      vault,
      clock: () => new Date(),
      logger: silentLogger(),
      platform: {
        saveFile: () => Promise.resolve(null),
        chooseFolder: () => Promise.resolve(null),
      },
      throttle: signInThrottle(dataDir),
      closeStoreIfUnused: () => undefined,
    });
    const session = {
      id: newId(),
      user: null,
      mustChangePassphrase: false,
      pendingRecoveryKey: null,
    };
    try {
      const created = await router.invoke(session, 'setup.create', {
        school,
        dsl: { ...dsl, passphrase, confirmation: passphrase },
      });
      if (!created.ok) {
        const FLAG: Record<string, string> = {
          'school.name': '--school-name',
          'school.urn': '--urn',
          'school.localAuthority': '--la',
          'school.laCode': '--la-code',
          'school.phase': '--phase',
          'dsl.displayName': '--dsl-name',
          'dsl.username': '--dsl-username',
          'dsl.passphrase': 'the passphrase',
        };
        const fields = Object.entries(created.error.fields ?? {}).map(
          ([k, m]) => `${FLAG[k] ?? k}: ${m}`,
        );
        throw new CliError(
          created.error.code === 'invalid_input' ? EXIT.usage : EXIT.failure,
          fields.length > 0 ? fields.join(' ') : created.error.message,
        );
      }
      const { recoveryKey } = created.value as { recoveryKey: string };
      await router.invoke(session, 'setup.confirmRecoveryKey', {
        lastGroup: lastRecoveryGroup(recoveryKey),
      });
      ctx.io.stdout(
        `Set up ${school.name} in ${dataDir}; ${dsl.username} can now sign in.\n\nRecovery key: ${recoveryKey}\n${RECOVERY_WARNING}\n`,
      );
      return EXIT.ok;
    } finally {
      vault.lock();
    }
  },
};

const demo: Command = {
  summary: 'Create a data directory holding the synthetic demo school',
  description:
    'Builds the demonstration school (invented pupils, staff and history; marked DEMO wherever it is opened) in a new data directory, and prints its accounts. Never point it at a real school’s data.',
  flags: [DATA_DIR],
  async run(ctx) {
    const dataDir = dataDirOf(ctx.flags, ctx.env);
    if (!isEmptyOrMissing(dataDir))
      throw new CliError(
        EXIT.dataDir,
        `${dataDir} is not empty; the demo school needs a new folder.`,
      );
    const school = await createDemoSchool(dataDir, new Date(), ctx.kdf);
    const accounts = school.accounts.map((a) => `  ${a.username} (${a.role})`).join('\n');
    ctx.io.stdout(
      `Created the demo school in ${dataDir}.\nEvery account’s passphrase is “${school.dsl.passphrase}”:\n${accounts}\nRecovery key: ${school.recoveryKey}\n`,
    );
    return EXIT.ok;
  },
};

const verify: Command = {
  summary: 'Check the store: integrity, links, the audit log and the schema version',
  description:
    'Opens the store and runs SQLite’s integrity check and foreign-key check, walks the audit log’s hash chain against the checkpoint in the keyring, and checks the schema version. Exits 1 when anything is wrong.',
  flags: OPENS,
  async run(ctx) {
    const dataDir = dataDirOf(ctx.flags, ctx.env);
    try {
      const result = await withStore(ctx, (o) =>
        o.call('data.verify', {}, () => verifyStore(o.store, o.vault.checkpoint(), new Date())),
      );
      ctx.io.stdout(report(result, dataDir));
      return result.ok ? EXIT.ok : EXIT.problem;
    } catch (err) {
      // A damaged file fails the quick check made on every open: that is a finding, not a crash.
      const corrupt =
        (err instanceof StoreError && err.kind === 'corrupt') ||
        (err instanceof CliError && /integrity check/.test(err.message));
      if (!corrupt) throw err;
      ctx.io.stdout(
        `Lantern store check: ${dataDir}\n  Database file: ${err.message}\nResult: PROBLEMS FOUND\n`,
      );
      return EXIT.problem;
    }
  },
};

const backup: Command = {
  summary: 'Write a checked, encrypted backup into a folder',
  description:
    'Writes a backup folder (the encrypted database, the keyring and a manifest) under --to, checks it opens and is complete, and records it in the audit log.',
  flags: [...OPENS, { name: 'to', value: 'DIR', help: 'The folder to write the backup into.' }],
  async run(ctx) {
    const to = resolve(required(ctx.flags, 'to'));
    const written = await withStore(ctx, (o) => {
      o.allowed('backup.manage', 'cli.backup');
      try {
        const out = writeBackup(o.vault, to, new Date());
        o.audit('cli.backup', 'ok');
        return Promise.resolve(out);
      } catch (err) {
        o.audit('cli.backup', 'failed');
        throw err;
      }
    });
    ctx.io.stdout(
      `Backed up to ${written.folder} (${written.manifest.databaseBytes} bytes, audit entry ${written.manifest.auditHead.seq}).\n`,
    );
    return EXIT.ok;
  },
};

const restore: Command = {
  summary: 'Restore a backup into a new data directory',
  description:
    'Checks the backup folder, copies it into --data-dir (which must not exist or must be empty) and checks the copy. The secret is a passphrase from the backup’s keyring (with --username) or the recovery key that was current when the backup was made.',
  flags: [...OPENS, { name: 'from', value: 'DIR', help: 'The backup folder to restore.' }],
  async run(ctx) {
    const dataDir = dataDirOf(ctx.flags, ctx.env);
    const from = resolve(required(ctx.flags, 'from'));
    const secret = secretOf(ctx.flags, ctx.env);
    if (!isEmptyOrMissing(dataDir))
      throw new CliError(
        EXIT.dataDir,
        `${dataDir} is not empty; restore into a new data directory.`,
      );
    if (!existsSync(from))
      throw new CliError(EXIT.dataDir, `There is no backup folder at ${from}.`);
    try {
      const manifest = await restoreBackup(from, dataDir, secret);
      ctx.io.stdout(
        `Restored the backup of ${manifest.createdAt} into ${dataDir}; it opens and checks out.\n`,
      );
      return EXIT.ok;
    } catch (err) {
      if (
        err instanceof BackupError &&
        /does not open|do not open|sealed|recovery key has/.test(err.message)
      )
        throw new CliError(EXIT.unlock, err.message);
      throw err;
    }
  },
};

const exportCommand: Command = {
  summary: 'Save every record as one open JSON file (not encrypted)',
  description:
    'Writes the open data export (README: “The open data export format”) to --out. The file is NOT encrypted: it holds every record about every child. Store it as securely as the school’s paper files, and delete it when it has served its purpose. The DSL only.',
  flags: [...OPENS, { name: 'out', value: 'FILE', help: 'The file to write (must not exist).' }],
  async run(ctx) {
    const out = resolve(required(ctx.flags, 'out'));
    if (existsSync(out))
      throw new CliError(EXIT.dataDir, `${out} already exists; choose a new file.`);
    const target: SaveTarget = { path: out };
    const saved = await withStore(
      ctx,
      (o) =>
        o.call('data.exportSchool', {}, () => {
          writeFileAtomic(out, exportBytes(o.store, new Date()));
          return { savedTo: out };
        }),
      target,
    );
    ctx.io.stdout(
      `Exported every record to ${saved.savedTo ?? out}.\nThis file is not encrypted: store it securely and delete it when it is no longer needed.\n`,
    );
    return EXIT.ok;
  },
};

const importCommand: Command = {
  summary: 'Create a new data directory from an open JSON export',
  description:
    'Checks the export file strictly, then builds a new store from it in --data-dir (which must not exist): a new encryption key, a new recovery key (printed once), and a key for --username, who must be an active DSL in the export, with the passphrase from --passphrase-file or LANTERN_PASSPHRASE. Everyone else’s passphrase must then be reset by the DSL.',
  flags: [
    DATA_DIR,
    PASSPHRASE_FILE,
    {
      ...USERNAME,
      help: 'The DSL (in the export) who will hold the first key (or LANTERN_USERNAME).',
    },
    { name: 'from', value: 'FILE', help: 'The export file to import.' },
  ],
  async run(ctx) {
    const dataDir = dataDirOf(ctx.flags, ctx.env);
    const from = resolve(required(ctx.flags, 'from'));
    const username = usernameOf(ctx.flags, ctx.env);
    if (username === undefined)
      throw new CliError(EXIT.usage, '--username is required (or set LANTERN_USERNAME).');
    const passphrase = secretText(ctx.flags, ctx.env);
    mustNotExist(dataDir);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(from, 'utf8'));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        throw new CliError(EXIT.dataDir, `There is no export file at ${from}.`);
      // V8 cannot hold a string over about 512 MB, so a larger export cannot be read whole.
      if (code === 'ERR_STRING_TOO_LONG')
        throw new CliError(EXIT.failure, `${from} is too large to import (over 512 MB).`);
      throw new CliError(EXIT.failure, `${from} is not a JSON file.`);
    }
    try {
      const { recoveryKey } = await importSchool(json, dataDir, { username, passphrase }, ctx.kdf);
      ctx.io.stdout(
        `Imported the school into ${dataDir}; ${username} can sign in. Reset everyone else’s passphrase from Users.\n\nRecovery key: ${recoveryKey}\n${RECOVERY_WARNING}\n`,
      );
      return EXIT.ok;
    } catch (err) {
      if (err instanceof ImportError) throw new CliError(EXIT.failure, err.message);
      throw err;
    }
  },
};

export const commands: Record<string, Command> = {
  init,
  demo,
  verify,
  backup,
  restore,
  export: exportCommand,
  import: importCommand,
};
