/** The admin CLI's exit codes: the one place they are defined (README lists them). */
export const EXIT = {
  /** The command did what was asked. */
  ok: 0,
  /** `verify` (or an import's or restore's own checks) found a problem. */
  problem: 1,
  /** Unknown command or flag, a missing or malformed flag, a passphrase given as an argument. */
  usage: 2,
  /** The secret did not open the store: wrong passphrase, username or recovery key, or locked out. */
  unlock: 3,
  /** The data directory (or output file) is missing, already exists or is not empty. */
  dataDir: 4,
  /** Anything else: a permission refused, a disk error, a bad export file. */
  failure: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An expected failure: one clear line on stderr and this exit code, never a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly code: ExitCode,
    message: string,
  ) {
    super(message);
  }
}
