import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { BackupRun } from '../../shared/backup/schema';
import { makeCore, must, sampleChild, tempDir, TEST_DSL, TEST_PASSPHRASE } from '../support/core';
import type { Harness } from './harness';
import { closeBrowser, startHarness } from './harness';
import { openPupils, pageHeading, setUpThroughCore, visible } from './steps';

/**
 * The DSL's laptop died. On the new one Lantern opens at first run; the DSL chooses the USB
 * drive's backups folder, is told which backup Lantern found and when it was made, mistypes the
 * passphrase (nothing is restored), then restores and is back at work with the pupil register.
 */
describe('journey: restore from a backup at first run (issue 8)', () => {
  const dir = tempDir('lantern-e2e-restore-');
  // The harness's folder dialog answers with this folder: the drive the old laptop backed up to.
  const drive = `${dir.path}-backups`;
  const oldLaptop = `${dir.path}-old`;
  let h: Harness;

  beforeAll(async () => {
    mkdirSync(drive, { recursive: true });
    const old = makeCore(oldLaptop);
    const dsl = await setUpThroughCore(old);
    await must(
      old.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Imogen', legalSurname: 'Hartley' }),
      ),
    );
    await must(
      old.invoke(dsl, 'backup.saveSettings', {
        destinations: [{ id: '', label: 'USB drive', path: drive, offline: true }],
        intervalHours: 24,
        keep: 14,
      }),
    );
    const ran = await must<{ runs: BackupRun[] }>(old.invoke(dsl, 'backup.run', {}));
    expect(ran.runs.every((r) => r.ok)).toBe(true);
    old.close();
    h = await startHarness(dir.path);
  });
  afterAll(async () => {
    await h.close();
    await closeBrowser();
    for (const extra of [drive, oldLaptop]) rmSync(extra, { recursive: true, force: true });
    dir.remove();
  });

  it('finds the newest backup on the drive and says when it was made', async () => {
    const { page } = h;
    await expect.poll(visible(page, 'Restoring after a lost or broken computer?')).toBe(true);
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await expect.poll(() => page.getByText(/^Backup made/).isVisible()).toBe(true);
    expect(await page.getByText(/^Backup made/).textContent()).toContain(
      join(drive, 'lantern-backup-'),
    );
    await h.axe('restore: backup chosen');
    await h.screenshot('restore-01-chosen');
  });

  it('refuses a wrong passphrase with a clear message and restores nothing', async () => {
    const { page } = h;
    await page.getByLabel('Your Lantern username').fill(TEST_DSL.username);
    await page.getByLabel('Your Lantern passphrase').fill('not my passphrase at all');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/passphrase/i);
    await h.screenshot('restore-02-wrong-passphrase');
    expect(await page.getByRole('heading', { name: 'About your school' }).isVisible()).toBe(true);
  });

  it('restores, signs the DSL in and shows the school’s pupils', async () => {
    const { page } = h;
    await page.getByLabel('Your Lantern passphrase').fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect.poll(pageHeading(page)).toBe('Dashboard');
    await openPupils(page);
    expect(await page.getByText('Imogen Hartley').first().isVisible()).toBe(true);
    await h.axe('restored pupils');
    await h.screenshot('restore-03-pupils');
  });
});
