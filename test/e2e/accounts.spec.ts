import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readStore, sampleSchool, tempDir, TEST_DSL, TEST_PASSPHRASE } from '../support/core';
import type { Harness } from './harness';
import {
  chooseOwnPassphrase,
  lock,
  openChild,
  openPupils,
  pageHeading,
  signIn,
  signInAsDsl,
  visible,
} from './steps';
import { closeBrowser, RECOVERY_KEY_SHAPE, SCREENSHOTS, startHarness } from './harness';

/** Reads the one-time passphrase from its panel, then dismisses it. */
async function takeOneTimePassphrase(page: Page, name: string): Promise<string> {
  await expect.poll(visible(page, `One-time passphrase for ${name}`)).toBe(true);
  const text =
    (await page
      .getByText(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
      .first()
      .textContent()) ?? '';
  await page.getByRole('button', { name: 'Done' }).click();
  return text.trim();
}

/**
 * The DSL sets Lantern up with a recovery key, adds a teacher and a governor, and each of them
 * sees only what their role allows; later the DSL forgets their passphrase and recovers.
 */
describe('journey: accounts, roles, recovery and the audit log (issue 3)', () => {
  const dir = tempDir('lantern-e2e-accounts-');
  let h: Harness;
  let recoveryKey = '';
  const staff = {
    name: 'Sam Teacher',
    username: 'steacher',
    role: 'Staff',
    passphrase: 'blue kettle over the hill',
    oneTime: '',
  };
  const governor = {
    name: 'Gill Governor',
    username: 'ggov',
    role: 'Governor',
    passphrase: 'minutes of the full board',
    oneTime: '',
  };

  beforeAll(async () => {
    h = await startHarness(dir.path);
  });
  afterAll(async () => {
    await h.close();
    await closeBrowser();
    dir.remove();
  });

  it('first run: school, DSL account with a strength meter, then the recovery key and its sheet', async () => {
    const { page } = h;
    await expect.poll(visible(page, 'About your school')).toBe(true);
    await page.getByLabel('School name').fill(sampleSchool.name);
    await page.getByLabel('URN').fill(sampleSchool.urn);
    await page.getByLabel('Local authority').fill(sampleSchool.localAuthority);
    await page.getByLabel('Phase').selectOption({ label: 'Primary' });
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(visible(page, 'Your DSL account')).toBe(true);
    await page.getByLabel('Your full name').fill(TEST_DSL.displayName);
    await page.getByLabel('Username').fill(TEST_DSL.username);
    await page.getByLabel('Passphrase', { exact: true }).fill('short');
    await expect
      .poll(() =>
        page
          .getByText(/Too short/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
    await expect
      .poll(() =>
        page
          .getByText(/^(Good|Strong)$/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Confirm passphrase').fill(TEST_PASSPHRASE);
    await h.axe('set-up: DSL account');
    await h.screenshot('accounts-01-dsl-account');
    await page.getByRole('button', { name: 'Create encrypted store' }).click();

    await expect.poll(visible(page, 'Your recovery key')).toBe(true);
    recoveryKey = ((await page.getByText(RECOVERY_KEY_SHAPE).first().textContent()) ?? '').trim();
    expect(recoveryKey).toMatch(RECOVERY_KEY_SHAPE);
    await page.getByRole('button', { name: 'Save recovery sheet (PDF)' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Recovery sheet saved to/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const sheet = join(dir.path, 'exports', 'Lantern recovery sheet.pdf');
    expect(existsSync(sheet)).toBe(true);
    expect(execFileSync('pdftotext', [sheet, '-'], { encoding: 'utf8' })).toContain(recoveryKey);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      sheet,
      join(SCREENSHOTS, 'accounts-02-recovery-sheet'),
    ]);
    await h.axe('recovery key');
    await h.screenshot('accounts-03-recovery-key');

    await page.getByRole('button', { name: 'Continue to Lantern' }).click();
    await expect
      .poll(() =>
        page.getByText('Confirm that you have stored the recovery key safely.').first().isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Last group of the recovery key').fill(recoveryKey.slice(-5));
    await page.getByLabel('I have stored the recovery key safely').check();
    await page.getByRole('button', { name: 'Continue to Lantern' }).click();
    // The DSL's first page is the dashboard; the pupils come next, by the navigation.
    await expect.poll(pageHeading(page)).toBe('Dashboard');
    await openPupils(page);
    expect(await page.content()).not.toContain(recoveryKey);
  });

  it('the DSL adds a pupil, a teacher and a governor, each with a one-time passphrase', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Add a child' }).click();
    await page.getByLabel('Legal first name').fill('Amara');
    await page.getByLabel('Legal surname').fill('Okafor');
    await page.getByLabel('Date of birth').fill('2016-03-14');
    await page.getByLabel('UPN').fill('B801200005001');
    await page.getByLabel('Year group').selectOption({ label: 'Year 5' });
    await page.getByLabel('Gender').selectOption({ label: 'Female' });
    await page.getByRole('button', { name: 'Add child' }).click();
    await expect.poll(visible(page, /Amara Okafor/)).toBe(true);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Users' })
      .click();
    await expect.poll(visible(page, 'Users')).toBe(true);
    for (const person of [staff, governor]) {
      await page.getByRole('button', { name: 'Add a user' }).click();
      await page.getByLabel('Full name').fill(person.name);
      await page.getByLabel('Username').fill(person.username);
      await page.getByLabel('Role').selectOption({ label: person.role });
      await page.getByRole('button', { name: 'Add user' }).click();
      if (person.username === staff.username) {
        await expect.poll(visible(page, `One-time passphrase for ${person.name}`)).toBe(true);
        await h.axe('one-time passphrase');
        await h.screenshot('accounts-04-one-time-passphrase');
      }
      person.oneTime = await takeOneTimePassphrase(page, person.name);
    }
    await expect
      .poll(() => page.getByRole('table', { name: 'Users' }).getByText(staff.name).isVisible())
      .toBe(true);
    await h.axe('users');
    await h.screenshot('accounts-05-users');
  });

  it('signing out, a wrong passphrase is refused; the teacher must choose a passphrase and cannot open a child’s file', async () => {
    const { page } = h;
    await lock(page);
    await signIn(page, staff.username, 'not the right one');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/username or passphrase is not right/);
    await h.screenshot('accounts-06-wrong-passphrase');
    await signIn(page, staff.username, staff.oneTime);
    await chooseOwnPassphrase(page, staff.oneTime, staff.passphrase);
    await expect.poll(visible(page, 'Pupils')).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('button', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('button', { name: 'Audit log' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a child' }).count()).toBe(0);
    await page.getByLabel('Search by name or UPN').fill('okafor');
    const table = page.getByRole('table', { name: 'Pupil register' });
    await expect.poll(() => table.getByText('Amara Okafor').first().isVisible()).toBe(true);
    // The name is shown, but there is nothing to open.
    expect(await table.getByRole('button', { name: 'Amara Okafor', exact: true }).count()).toBe(0);
    // What staff can do from the row is record a concern (issue 4, item 2).
    expect(
      await table.getByRole('button', { name: 'Record a concern about Amara Okafor' }).count(),
    ).toBe(1);
    expect(await table.getByRole('link', { name: /Amara Okafor/ }).count()).toBe(0);
    await h.axe('staff register');
    await h.screenshot('accounts-07-staff-register');
    // And the API refuses even if asked directly from the page.
    const childId = await readStore(
      dir.path,
      (db) => db.prepare('SELECT id FROM children').pluck().get() as string,
    );
    const refused = await page.evaluate(
      (id) =>
        (
          window as unknown as { lantern: { invoke(m: string, i: unknown): Promise<unknown> } }
        ).lantern.invoke('children.get', { id }),
      childId,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a governor sees no pupils, no names and no audit log', async () => {
    const { page } = h;
    await lock(page);
    await signIn(page, governor.username, governor.oneTime);
    await chooseOwnPassphrase(page, governor.oneTime, governor.passphrase);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect
      .poll(() => nav.getByRole('button', { name: 'School profile' }).isVisible())
      .toBe(true);
    for (const hidden of ['Pupils', 'Users', 'Audit log']) {
      expect(await nav.getByRole('button', { name: hidden }).count(), hidden).toBe(0);
    }
    expect(await page.content()).not.toContain('Okafor');
    await h.axe('governor');
    await h.screenshot('accounts-08-governor');
  });

  it('the DSL sees who viewed the child, filters, verifies and exports the audit log', async () => {
    const { page } = h;
    await lock(page);
    await signInAsDsl(page);
    await openPupils(page);
    await page.getByLabel('Search by name or UPN').fill('okafor');
    await openChild(page, /Amara Okafor/);
    await page.getByRole('button', { name: 'Who has viewed this file' }).click();
    await expect.poll(visible(page, 'Who has viewed this file')).toBe(true);
    await expect.poll(() => page.getByText(TEST_DSL.displayName).first().isVisible()).toBe(true);
    await h.axe('who viewed');
    await h.screenshot('accounts-09-who-viewed');
    await page.getByRole('button', { name: 'Open in audit log' }).click();
    await expect.poll(visible(page, 'Audit log')).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/Showing entries about/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const entries = page.getByRole('table', { name: 'Audit entries' });
    await expect.poll(() => entries.getByText('children.get').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Verify audit log' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/The audit log is intact/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Exported to/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await h.axe('audit log');
    await h.screenshot('accounts-10-audit-log');
    const exported = readdirSync(join(dir.path, 'exports')).find((f) =>
      f.startsWith('Lantern audit log '),
    );
    const csv = readFileSync(join(dir.path, 'exports', exported ?? 'missing'), 'utf8');
    expect(csv).toContain('children.get');
    expect(csv).not.toContain('Okafor');
  });

  it('a forgotten passphrase is reset with the recovery key, and the DSL is warned until they acknowledge', async () => {
    const { page } = h;
    await lock(page);
    await page.getByRole('button', { name: 'Forgotten your passphrase?' }).click();
    await expect.poll(visible(page, 'Use the recovery key')).toBe(true);
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.getByLabel('Username').fill(TEST_DSL.username);
    await page.getByLabel('New passphrase', { exact: true }).fill('a new start for the DSL');
    await page.getByLabel('Confirm new passphrase').fill('a new start for the DSL');
    await h.axe('recovery');
    await page.getByRole('button', { name: 'Reset passphrase and sign in' }).click();
    await expect.poll(visible(page, 'Security alert')).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/recovery key was used/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await h.axe('security alert');
    await h.screenshot('accounts-11-security-alert');
    await page.getByRole('button', { name: /Acknowledge/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Security alert' }).count()).toBe(0);
    const audit = await readStore(
      dir.path,
      (db) =>
        db
          .prepare(
            "SELECT outcome FROM audit_log WHERE method IN ('auth.recover', 'alerts.acknowledge') ORDER BY seq",
          )
          .pluck()
          .all(),
      'a new start for the DSL',
    );
    expect(audit).toEqual(['ok', 'ok']);
  });
});
