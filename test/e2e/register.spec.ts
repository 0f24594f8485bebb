import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readStore, tempDir, TEST_DSL, TEST_PASSPHRASE } from '../support/core';
import type { Harness } from './harness';
import { RECOVERY_KEY_SHAPE } from './harness';
import { closeBrowser, startHarness } from './harness';
import { openPupils, pageHeading } from './steps';

/**
 * A DSL's first morning with Lantern: set up the encrypted store, describe the school, add a
 * child (getting the mistakes a busy person makes), find the child, restart the app, unlock and
 * find the child again; then check what actually reached the disk.
 */
describe('journey: set up, add a child, restart, find the child (issue 2)', () => {
  const dir = tempDir('lantern-e2e-');
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(dir.path);
  });
  afterAll(async () => {
    await h.close();
    await closeBrowser();
    dir.remove();
  });

  it('sets up the school and the DSL’s account, correcting a bad URN on the way', async () => {
    const { page } = h;
    await expect
      .poll(() => page.getByRole('heading', { name: 'Set up Lantern' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('heading', { name: 'About your school' }).isVisible())
      .toBe(true);
    await h.axe('set-up: school');
    await page.getByLabel('School name').fill('Riverside Primary School');
    await page.getByLabel('URN').fill('12345');
    await page.getByLabel('Local authority').fill('Devon');
    await page.getByLabel('LA number (optional)').fill('878');
    await page.getByLabel('Phase').selectOption({ label: 'Primary' });
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'There is a problem' }).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/A URN \(unique reference number\) has 6 digits/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await h.axe('school form with errors');
    await h.screenshot('register-01-school-form-error');
    await page.getByLabel('URN').fill('123456');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your DSL account' }).isVisible())
      .toBe(true);
    await page.getByLabel('Your full name').fill(TEST_DSL.displayName);
    await page.getByLabel('Username').fill(TEST_DSL.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
    await page.getByLabel('Confirm passphrase').fill(`${TEST_PASSPHRASE}x`);
    await page.getByRole('button', { name: 'Create encrypted store' }).click();
    await expect
      .poll(() => page.getByText('The passphrases do not match.').first().isVisible())
      .toBe(true);
    await page.getByLabel('Confirm passphrase').fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: 'Create encrypted store' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your recovery key' }).isVisible())
      .toBe(true);
    const key = (await page.getByText(RECOVERY_KEY_SHAPE).first().textContent())?.trim() ?? '';
    await page.getByLabel('Last group of the recovery key').fill(key.slice(-5));
    await page.getByLabel('I have stored the recovery key safely').check();
    await page.getByRole('button', { name: 'Continue to Lantern' }).click();
    // The DSL's first page is the dashboard; the (empty) register is one step away.
    await expect.poll(pageHeading(page)).toBe('Dashboard');
    await openPupils(page);
    await expect
      .poll(() => page.getByText('Riverside Primary School').first().isVisible())
      .toBe(true);
    await h.axe('empty register');
    await h.screenshot('register-02-empty-register');
  });

  it('adds a child, with clear errors for a wrong UPN and a future date of birth', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Add a child' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Add a child' }).isVisible())
      .toBe(true);
    await page.getByLabel('Legal first name').fill('Amara');
    await page.getByLabel('Legal surname').fill('Okafor');
    await page.getByLabel('Preferred first name (optional)').fill('Ami');
    await page.getByLabel('Date of birth').fill('2099-03-14');
    await page.getByLabel('UPN').fill('A801200005001');
    await page.getByLabel('Year group').selectOption({ label: 'Year 5' });
    await page.getByLabel('Gender').selectOption({ label: 'Female' });
    await page.getByRole('button', { name: 'Add child' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'There is a problem' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByText('Date of birth cannot be in the future.').first().isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/check letter does not match/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await h.axe('add child with errors');
    await h.screenshot('register-03-add-child-errors');
    // Nothing was saved while the form was wrong.
    expect(
      await readStore(dir.path, (db) => db.prepare('SELECT count(*) FROM children').pluck().get()),
    ).toBe(0);

    await page.getByLabel('Date of birth').fill('2016-03-14');
    await page.getByLabel('UPN').fill('B801200005001');
    await page.getByLabel('Admission date (optional)').fill('2020-09-02');
    await page.getByRole('button', { name: 'Add child' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Amara Okafor/ }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByText('Added Amara Okafor to the register.').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('14 Mar 2016').first().isVisible()).toBe(true);
    await h.axe('child page');
    await h.screenshot('register-04-child-page');
  });

  it('refuses a second child with the same UPN', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Back to pupils' }).click();
    await page.getByRole('button', { name: 'Add a child' }).click();
    await page.getByLabel('Legal first name').fill('Ben');
    await page.getByLabel('Legal surname').fill('Carter');
    await page.getByLabel('Date of birth').fill('2015-07-01');
    await page.getByLabel('UPN').fill('B801200005001');
    await page.getByLabel('Year group').selectOption({ label: 'Year 6' });
    await page.getByLabel('Gender').selectOption({ label: 'Male' });
    await page.getByRole('button', { name: 'Add child' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/already has this UPN/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await h.screenshot('register-05-duplicate-upn');
    await page.getByLabel('UPN').fill('');
    await page.getByRole('button', { name: 'Add child' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Ben Carter/ }).isVisible())
      .toBe(true);
  });

  it('finds the child by name and by UPN', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Back to pupils' }).click();
    const search = page.getByLabel('Search by name or UPN');
    await search.fill('okafor');
    const table = page.getByRole('table', { name: 'Pupil register' });
    await expect.poll(() => table.getByText('Amara Okafor').first().isVisible()).toBe(true);
    await expect.poll(() => table.getByText('Ben Carter').count()).toBe(0);
    await search.fill('B801200005001');
    await expect.poll(() => table.getByText('Amara Okafor').first().isVisible()).toBe(true);
    await h.axe('search results');
    await h.screenshot('register-06-search');
  });

  it('after a restart, refuses a wrong passphrase, signs in and finds the child again', async () => {
    const { page } = h;
    await h.restartCore();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Sign in to Lantern' }).isVisible())
      .toBe(true);
    await page.getByLabel('Username').fill(TEST_DSL.username);
    await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/username or passphrase is not right/);
    await h.axe('sign-in with error');
    await h.screenshot('register-07-sign-in-wrong');
    await page.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(pageHeading(page)).toBe('Dashboard');
    await openPupils(page);
    await page.getByLabel('Search by name or UPN').fill('amara');
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Pupil register' })
          .getByText('Amara Okafor')
          .first()
          .isVisible(),
      )
      .toBe(true);
  });

  it('locks with Ctrl+L and keeps no child data in the page', async () => {
    const { page } = h;
    await page.keyboard.press('Control+l');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Sign in to Lantern' }).isVisible())
      .toBe(true);
    expect(await page.content()).not.toContain('Okafor');
    await h.screenshot('register-08-locked');
  });

  it('left only ciphertext on disk, with the child stored and every call audited', async () => {
    const db = readFileSync(join(dir.path, 'lantern.db'));
    expect(db.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(db.includes(Buffer.from('Okafor'))).toBe(false);
    const rows = await readStore(dir.path, (d) => ({
      child: d
        .prepare(
          'SELECT legal_surname, preferred_forename, upn FROM children WHERE upn IS NOT NULL',
        )
        .get(),
      audited: d
        .prepare("SELECT count(*) FROM audit_log WHERE method = 'children.add' AND outcome = 'ok'")
        .pluck()
        .get(),
    }));
    expect(rows.child).toEqual({
      legal_surname: 'Okafor',
      preferred_forename: 'Ami',
      upn: 'B801200005001',
    });
    expect(rows.audited).toBe(2);
  });
});
