import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  DATA_DIR_ENV,
  DataDirError,
  demoDataDirFor,
  resolveDataDir,
} from '../../../main/electron/data-dir';

const userData = path.resolve('/home/dsl/.config/Lantern');
const cwd = path.resolve('/work/here');
const argv = (...args: string[]) => ['/opt/Lantern/lantern', ...args];

describe('resolveDataDir', () => {
  it('defaults to a school folder in userData', () => {
    expect(resolveDataDir(argv(), {}, userData, cwd)).toBe(path.join(userData, 'school'));
  });

  it('takes LANTERN_DATA_DIR over the default', () => {
    const dir = path.resolve('/srv/lantern');
    expect(resolveDataDir(argv(), { [DATA_DIR_ENV]: dir }, userData, cwd)).toBe(dir);
  });

  it.each([
    [['--data-dir', '/data/a']],
    [['--data-dir=/data/a']],
    [['--inspect=0', '--data-dir', '/data/a', '--no-sandbox']],
    [['.', '--data-dir=/data/a']],
  ])('takes %j over the environment', (args) => {
    expect(resolveDataDir(argv(...args), { [DATA_DIR_ENV]: '/env' }, userData, cwd)).toBe(
      path.resolve('/data/a'),
    );
  });

  it('resolves relative paths against the working directory', () => {
    expect(resolveDataDir(argv('--data-dir', 'rel/dir'), {}, userData, cwd)).toBe(
      path.join(cwd, 'rel', 'dir'),
    );
    expect(resolveDataDir(argv(), { [DATA_DIR_ENV]: './env-dir' }, userData, cwd)).toBe(
      path.join(cwd, 'env-dir'),
    );
  });

  it('keeps a value containing = after the first', () => {
    expect(resolveDataDir(argv('--data-dir=/a=b'), {}, userData, cwd)).toBe(path.resolve('/a=b'));
  });

  it('ignores look-alike flags', () => {
    expect(
      resolveDataDir(argv('--data-directory=/x', '--data-dirs', '/y'), {}, userData, cwd),
    ).toBe(path.join(userData, 'school'));
  });

  it.each([
    [argv('--data-dir='), {}],
    [argv('--data-dir', ''), {}],
    [argv('--data-dir', '   '), {}],
    [argv('--data-dir'), {}],
    [argv('--data-dir', '--no-sandbox'), {}],
    [argv(), { [DATA_DIR_ENV]: '' }],
    [argv(), { [DATA_DIR_ENV]: ' \t' }],
    [argv('--data-dir', '/a', '--data-dir=/b'), {}],
  ])('rejects %j with env %j', (args, env) => {
    expect(() => resolveDataDir(args, env, userData, cwd)).toThrow(DataDirError);
  });

  it('explains the problem in the error', () => {
    expect(() => resolveDataDir(argv('--data-dir='), {}, userData, cwd)).toThrow(/--data-dir/);
    expect(() => resolveDataDir(argv(), { [DATA_DIR_ENV]: '' }, userData, cwd)).toThrow(
      /LANTERN_DATA_DIR is empty/,
    );
    const error = (() => {
      try {
        resolveDataDir(argv('--data-dir'), {}, userData, cwd);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('DataDirError');
  });

  it('uses the process working directory by default', () => {
    expect(resolveDataDir(argv('--data-dir', 'x'), {}, userData)).toBe(path.resolve('x'));
  });
});

describe('demoDataDirFor', () => {
  const userData = path.resolve('/home/dsl/.config/Lantern');

  it('keeps the demo school in userData/demo, beside the school', () => {
    expect(demoDataDirFor(path.join(userData, 'school'), userData)).toBe(
      path.join(userData, 'demo'),
    );
    expect(demoDataDirFor(path.resolve('/srv/lantern'), userData)).toBe(
      path.join(userData, 'demo'),
    );
  });

  it('never puts it inside, over or around the school’s own data directory', () => {
    const demo = path.join(userData, 'demo');
    expect(demoDataDirFor(demo, userData)).toBe(`${demo}-demo`);
    expect(demoDataDirFor(path.join(demo, 'school'), userData)).toBe(
      `${path.join(demo, 'school')}-demo`,
    );
    expect(demoDataDirFor(userData, userData)).toBe(`${userData}-demo`);
  });
});
