import path from 'node:path';

export class DataDirError extends Error {
  override name = 'DataDirError';
}

const FLAG = '--data-dir';
export const DATA_DIR_ENV = 'LANTERN_DATA_DIR';

function checked(value: string, source: string): string {
  if (value.trim() === '') {
    throw new DataDirError(`${source} is empty: give the folder that holds the school's data.`);
  }
  return value;
}

function fromArgv(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    let value: string | undefined;
    if (arg === FLAG) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new DataDirError(`${FLAG} needs a folder, e.g. ${FLAG} "D:\\Lantern".`);
      }
      value = checked(next, FLAG);
      i += 1;
    } else if (arg?.startsWith(`${FLAG}=`) === true) {
      value = checked(arg.slice(FLAG.length + 1), FLAG);
    }
    if (value === undefined) continue;
    // Two different stores named at once is a mistake worth stopping for, not guessing at.
    if (found !== undefined) throw new DataDirError(`${FLAG} is given more than once.`);
    found = value;
  }
  return found;
}

/**
 * Where the school's encrypted store lives: `--data-dir DIR` or `--data-dir=DIR`, else
 * `LANTERN_DATA_DIR`, else a `school` folder in Electron's userData. Relative paths are
 * taken from `cwd`.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataPath: string,
  cwd: string = process.cwd(),
): string {
  const chosen = fromArgv(argv) ?? envValue(env);
  return path.resolve(cwd, chosen ?? path.join(userDataPath, 'school'));
}

function envValue(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = env[DATA_DIR_ENV];
  return value === undefined ? undefined : checked(value, DATA_DIR_ENV);
}

/**
 * Where "Explore with demo data" keeps the demonstration school: a `demo` folder in Electron's
 * userData, beside the school's default store and never inside or equal to the school's own.
 */
export function demoDataDirFor(dataDir: string, userDataPath: string): string {
  const preferred = path.resolve(userDataPath, 'demo');
  const school = path.resolve(dataDir);
  const clashes =
    preferred === school ||
    preferred.startsWith(`${school}${path.sep}`) ||
    school.startsWith(`${preferred}${path.sep}`);
  return clashes ? `${school}-demo` : preferred;
}
