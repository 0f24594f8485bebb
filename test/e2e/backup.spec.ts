import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { readStore, tempDir } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import {
  endJourney,
  lockAndReload,
  pageHeading,
  setUpThroughCore,
  shown,
  signInAsDsl,
} from './steps';

/**
 * The DSL sees on the dashboard that nothing is backed up, chooses a backup folder with the
 * folder picker, backs up now, checks the backup, and sees the last good backup on the dashboard
 * (issue 8; security R6, G3).
 */
describe('journey: the DSL sets up backups and backs up now (issue 8)', () => {
  const dir = tempDir('lantern-e2e-backup-');
  // Where the harness's folder picker points: beside the data directory, never inside it.
  const backups = `${dir.path}-backups`;
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const dsl = await setUpThroughCore(h.core());
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
    rmSync(backups, { recursive: true, force: true });
  });

  it('warns on the dashboard that there is no backup', async () => {
    const { page } = h;
    await signInAsDsl(page);
    const card = page.getByRole('region', { name: 'Last good backup' });
    await expect.poll(() => card.textContent()).toMatch(/None yet/);
    await expect.poll(() => card.textContent()).toMatch(/Warning: No backup folder is set up/);
    await h.screenshot('backup-01-dashboard-none');
  });

  it('chooses a backup folder with the folder picker and saves it', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Open backups' }).click();
    await expect.poll(pageHeading(page)).toBe('Backups');
    await h.axe('backups: nothing set up');
    await page.getByRole('button', { name: 'Add a backup folder' }).click();
    await page.getByLabel('Name', { exact: true }).fill('External drive');
    await page.getByRole('button', { name: 'Choose folder for External drive' }).click();
    await expect.poll(() => page.getByLabel('Folder', { exact: true }).inputValue()).toBe(backups);
    await page.getByRole('checkbox', { name: 'Kept offline or off site' }).check();
    await page.getByRole('button', { name: 'Save backup settings' }).click();
    await expect.poll(shown(page, 'Backup settings saved.')).toBe(true);
    await h.axe('backups: a folder set up');
    await h.screenshot('backup-02-folder-chosen');
  });

  it('backs up now, checks the backup, and lists both in the history', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Back up now', exact: true }).click();
    await expect.poll(shown(page, 'Backed up and checked.'), { timeout: 20_000 }).toBe(true);
    const history = page.getByRole('table', { name: 'Backups and checks, newest first' });
    await expect.poll(() => history.textContent()).toMatch(/Succeeded/);
    await page.getByRole('button', { name: 'Check the newest backup in External drive' }).click();
    await expect
      .poll(shown(page, 'The newest backup in External drive opens and is complete.'))
      .toBe(true);
    await h.axe('backups: backed up and checked');
    await h.screenshot('backup-03-backed-up');

    // On disk: one complete backup folder, encrypted, and the log in the store.
    const folders = readdirSync(backups);
    expect(folders).toHaveLength(1);
    const folder = join(backups, folders[0] ?? '');
    expect(readdirSync(folder).sort()).toEqual(['keyring.json', 'lantern.db', 'manifest.json']);
    expect(readFileSync(join(folder, 'lantern.db')).subarray(0, 15).toString('latin1')).not.toBe(
      'SQLite format 3',
    );
    expect(existsSync(join(dir.path, 'lantern.db'))).toBe(true);
    const runs = await readStore(dir.path, (db) =>
      db.prepare('SELECT kind, ok FROM backup_runs ORDER BY at, kind').all(),
    );
    expect(runs).toEqual([
      { kind: 'backup', ok: 1 },
      { kind: 'verify', ok: 1 },
    ]);
  });

  it('shows the last good backup on the dashboard, with no warning', async () => {
    const { page } = h;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Dashboard' }).click();
    await expect.poll(pageHeading(page)).toBe('Dashboard');
    const card = page.getByRole('region', { name: 'Last good backup' });
    await expect
      .poll(() => card.textContent())
      .toContain(formatCalendarDate(londonDate(new Date())));
    expect(await card.textContent()).not.toContain('Warning');
    await h.axe('dashboard: last good backup');
    await h.screenshot('backup-04-dashboard-backed-up');
  });
});
