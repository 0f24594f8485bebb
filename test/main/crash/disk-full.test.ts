/**
 * A full disk loses nothing and says so clearly (security R3).
 *
 * The writer (test/support/crash-writer.ts) runs under a file-size limit (`ulimit -f`, with
 * SIGXFSZ ignored so the write fails with EFBIG instead of killing it), from a fresh copy of
 * the same school each time. The limits are chosen around the files so the refusal lands at
 * different points: opening (the 32 KiB shared-memory file cannot grow), WAL growth during a
 * write, and the checkpoint into the main database file (near and just above its size, where
 * the close's checkpoint fails too). For each limit this proves:
 *   - every failed call answered storage_io or storage_full with its own message (never the
 *     generic "something went wrong"), and the writer did not crash;
 *   - reopened without the limit: integrity_check ok, no foreign-key problems, every
 *     acknowledged record present, nothing half-applied, the audit chain verifies;
 *   - with the limit lifted, writes resume in the same data directory, and the store is still
 *     whole afterwards.
 */
import { cpSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { STORAGE_FULL, STORAGE_IO } from '../../../main/api-failure';
import {
  acknowledged,
  bundleChild,
  checkStore,
  seedSchool,
  wholeStore,
} from '../../support/crash-harness';
import type { BundledChild } from '../../support/crash-harness';
import type { ApiError } from '../../../shared/result';
import { tempDir } from '../../support/core';
import { runChild } from '../../support/kill';

const RESUMED_WRITES = 4;
const STORAGE_MESSAGES: Record<string, string> = {
  storage_full: STORAGE_FULL,
  storage_io: STORAGE_IO,
};

/** File-size limits in KiB (ulimit -f units) around a database of `db` KiB. */
function limitsAround(db: number): number[] {
  const below = [8, 16, 24, 32, 40, 48, 64, 128, 256, 512];
  const near = [-128, -64, -8, 0, 8, 32, 96, 200].map((d) => db + d);
  const above = [1.5, 2].map((f) => Math.round(db * f));
  return [...below, ...near, ...above];
}

describe('a full disk loses nothing, says so clearly, and writes resume once there is room (R3)', () => {
  const root = tempDir('lantern-disk-full-');
  const template = join(root.path, 'template');
  let writer: BundledChild;
  let children: [string, string];
  let limits: number[];

  beforeAll(async () => {
    writer = await bundleChild('crash-writer.ts');
    children = await seedSchool(template);
    limits = limitsAround(Math.floor(statSync(join(template, 'lantern.db')).size / 1024));
  });
  afterAll(() => {
    writer.remove();
    root.remove();
  });

  it('at every limit', { timeout: 180_000 }, async () => {
    const started = performance.now();
    const report: string[] = [];
    for (const limit of limits) {
      const dataDir = join(root.path, `limit-${limit}`);
      cpSync(template, dataDir, { recursive: true });
      const run = await runChild('bash', [
        '-c',
        'trap "" XFSZ; ulimit -f "$0"; exec "$@"',
        String(limit),
        process.execPath,
        writer.file,
        dataDir,
        ...children,
        '0',
      ]);
      const context = `limit ${limit} KiB: ${run.lines.filter((l) => !/^(concern|child) /.test(l)).join(' | ')} ${run.stderr}`;
      expect(run.code, context).toBe(0);
      const errors = run.lines
        .filter((l) => l.startsWith('error '))
        .map((l) => JSON.parse(l.slice(6)) as ApiError);
      expect(errors.length, context).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error, context).toEqual({
          code: expect.stringMatching(/^storage_(full|io)$/) as unknown,
          message: STORAGE_MESSAGES[error.code],
        });
      }
      const ack = acknowledged(run.lines, { concerns: [], children: [...children] });
      const beforeResuming = ack.concerns.length + ack.children.length - children.length;
      const afterLimit = await checkStore(dataDir, ack);
      expect(afterLimit, context).toMatchObject(wholeStore(afterLimit));

      const resumed = await runChild(process.execPath, [
        writer.file,
        dataDir,
        ...children,
        String(RESUMED_WRITES),
      ]);
      expect(
        resumed.lines.filter((l) => !/^(concern|child) /.test(l)),
        context,
      ).toEqual(['ready']);
      const final = await checkStore(dataDir, acknowledged(resumed.lines, ack));
      expect(final, context).toMatchObject(wholeStore(final));
      expect(final.concerns + final.children).toBeGreaterThanOrEqual(
        afterLimit.concerns + afterLimit.children + RESUMED_WRITES,
      );
      const where = run.lines[0] === 'ready' ? 'write' : 'open';
      const closing = run.lines.some((l) => l.startsWith('close-error')) ? ', close' : '';
      report.push(
        `${limit} KiB: ${beforeResuming} acknowledged, refused at ${where}${closing} (${errors[0]!.code})`,
      );
    }
    console.info(
      `${limits.length} file-size limits in ${((performance.now() - started) / 1000).toFixed(1)} s\n${report.join('\n')}`,
    );
  });
});
