import { StoreError } from '../db/errors';
import { DataDirError } from '../portable/import';
import type { KdfParams } from '../vault/keyring';
import type { Env, Flag } from './args';
import { parseFlags } from './args';
import type { Io } from './commands';
import { commands } from './commands';
import type { ExitCode } from './exit-codes';
import { CliError, EXIT } from './exit-codes';

/**
 * The test seam, and only that: with LANTERN_TEST_KDF=1 new key slots use the cheapest Argon2id
 * settings the keyring accepts, so the CLI's tests run in seconds. Never set it for a real school.
 */
export const TEST_KDF_ENV = 'LANTERN_TEST_KDF';
const CHEAP_KDF: KdfParams = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

const EXIT_HELP = `Exit codes:
  ${EXIT.ok}  done
  ${EXIT.problem}  verify found a problem
  ${EXIT.usage}  usage error (unknown command or option, missing option, passphrase given as an argument)
  ${EXIT.unlock}  could not unlock (wrong passphrase, username or recovery key; locked out)
  ${EXIT.dataDir}  data directory or file problem (missing, already exists, not empty)
  ${EXIT.failure}  anything else (refused by your role, a bad export file, a disk error)`;

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const list = Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `Lantern admin CLI

Usage: lantern <command> [options]    (lantern <command> --help for its options)

Commands:
${list}

Every command takes --data-dir DIR (or LANTERN_DATA_DIR). The secret comes from
--passphrase-file FILE or LANTERN_PASSPHRASE, never from an argument; with --username NAME
(or LANTERN_USERNAME) it is that person's passphrase, without it the recovery key (recorded in
the audit log as recovery-key use).

${EXIT_HELP}
`;
}

function commandHelp(name: string, flags: readonly Flag[], description: string): string {
  const shown = flags.map((f) => `--${f.name}${f.value ? ` ${f.value}` : ''}`);
  const width = Math.max(...shown.map((s) => s.length));
  const lines = flags.map((f, i) => `  ${(shown[i] ?? '').padEnd(width)}  ${f.help}`);
  return `Usage: lantern ${name} [options]

${description}

Options:
${lines.join('\n')}
  ${'--help'.padEnd(width)}  Show this help.

${EXIT_HELP}
`;
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Runs one CLI command. Returns the exit code; writes results to io.stdout and one clear line
 * per failure to io.stderr, never a stack trace.
 */
export async function run(argv: readonly string[], env: Env, io: Io): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`lantern: unknown command “${name}”. Run lantern --help for the list.\n`);
    return EXIT.usage;
  }
  try {
    const flags = parseFlags(name, rest, command.flags);
    if (flags.help) {
      io.stdout(commandHelp(name, command.flags, command.description));
      return EXIT.ok;
    }
    const kdf = env[TEST_KDF_ENV] === '1' ? CHEAP_KDF : undefined;
    return await command.run({ flags, env, io, kdf });
  } catch (err) {
    io.stderr(`lantern ${name}: ${oneLine(err)}\n`);
    if (err instanceof CliError) return err.code;
    if (err instanceof DataDirError) return EXIT.dataDir;
    if (err instanceof StoreError && err.kind === 'wrong_key') return EXIT.unlock;
    if (err instanceof StoreError && err.kind === 'missing') return EXIT.dataDir;
    return EXIT.failure;
  }
}
