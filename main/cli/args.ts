import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { CliError, EXIT } from './exit-codes';
import type { Secret } from './open';

export type Flag = { name: string; value?: string; help: string };

/** The flags every command that opens a store takes. */
export const DATA_DIR: Flag = {
  name: 'data-dir',
  value: 'DIR',
  help: 'The data directory (or LANTERN_DATA_DIR).',
};
export const PASSPHRASE_FILE: Flag = {
  name: 'passphrase-file',
  value: 'FILE',
  help: 'Read the passphrase or recovery key from FILE (or set LANTERN_PASSPHRASE).',
};
export const USERNAME: Flag = {
  name: 'username',
  value: 'NAME',
  help: 'Whose passphrase it is (or LANTERN_USERNAME); without one, the secret is the recovery key.',
};

export type Env = Readonly<Record<string, string | undefined>>;
export type Flags = { help: boolean; values: Map<string, string> };

const REFUSED_PASSPHRASE =
  'Never give a passphrase on the command line (it shows in the process list and shell history): use --passphrase-file FILE or LANTERN_PASSPHRASE.';

/** `--name value` or `--name=value`; `--help`; anything else is a usage error. */
export function parseFlags(
  command: string,
  argv: readonly string[],
  flags: readonly Flag[],
): Flags {
  const known = new Map(flags.map((f) => [f.name, f]));
  const values = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--'))
      throw new CliError(
        EXIT.usage,
        `Unexpected argument “${arg}”. See lantern ${command} --help.`,
      );
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (name === 'passphrase') throw new CliError(EXIT.usage, REFUSED_PASSPHRASE);
    const flag = known.get(name);
    if (!flag)
      throw new CliError(EXIT.usage, `Unknown option --${name}. See lantern ${command} --help.`);
    const value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq === -1) i += 1;
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
      throw new CliError(EXIT.usage, `--${name} needs a value (${flag.value ?? 'VALUE'}).`);
    if (values.has(name)) throw new CliError(EXIT.usage, `--${name} is given twice.`);
    values.set(name, value);
  }
  return { help, values };
}

/** A required flag's value, or a usage error naming it. */
export function required(flags: Flags, name: string, env?: { env: Env; key: string }): string {
  const value = flags.values.get(name) ?? (env ? env.env[env.key] : undefined);
  if (value === undefined || value === '') {
    const alt = env ? ` (or set ${env.key})` : '';
    throw new CliError(EXIT.usage, `--${name} is required${alt}.`);
  }
  return value;
}

export function dataDirOf(flags: Flags, env: Env): string {
  return resolve(required(flags, 'data-dir', { env, key: 'LANTERN_DATA_DIR' }));
}

/** The passphrase or recovery key, from --passphrase-file or LANTERN_PASSPHRASE. */
export function secretText(flags: Flags, env: Env): string {
  const file = flags.values.get('passphrase-file');
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new CliError(EXIT.usage, `The passphrase file ${file} cannot be read.`);
    }
    const line = text.replace(/\r?\n$/, '');
    if (line === '') throw new CliError(EXIT.usage, `The passphrase file ${file} is empty.`);
    return line;
  }
  const fromEnv = env.LANTERN_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  throw new CliError(
    EXIT.usage,
    'Give the passphrase (or recovery key) in --passphrase-file FILE or LANTERN_PASSPHRASE.',
  );
}

export function usernameOf(flags: Flags, env: Env): string | undefined {
  const name = flags.values.get('username') ?? env.LANTERN_USERNAME;
  return name === undefined || name === '' ? undefined : name;
}

/** A person's passphrase with --username, the recovery key without. */
export function secretOf(flags: Flags, env: Env): Secret {
  const text = secretText(flags, env);
  const username = usernameOf(flags, env);
  return username === undefined ? { recoveryKey: text } : { username, passphrase: text };
}
