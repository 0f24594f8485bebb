import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { expect } from 'vitest';

import type { LanternCore, Session } from '../../main/app';
import type { IssuedPassphrase } from '../../shared/api';
import { must, sampleSchool, TEST_DSL, TEST_PASSPHRASE } from '../support/core';
import { MIS_FIXTURES } from '../support/mis';
import type { Harness } from './harness';
import { closeBrowser } from './harness';

/** For expect.poll: is a heading with this name on screen? */
export const visible = (page: Page, name: string | RegExp) => () =>
  page.getByRole('heading', { name }).isVisible();

/** For expect.poll: is this text on screen? */
export const shown = (page: Page, text: string | RegExp) => () =>
  page.getByText(text).first().isVisible();

export async function signIn(page: Page, username: string, passphrase: string): Promise<void> {
  await expect.poll(visible(page, 'Sign in to Lantern')).toBe(true);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** For expect.poll: the page's own heading (h1), the page a person is on. */
export const pageHeading = (page: Page) => () =>
  page.getByRole('heading', { level: 1 }).textContent();

/** Signs the DSL in: the safeguarding team's first page is the dashboard. */
export async function signInAsDsl(page: Page): Promise<void> {
  await signIn(page, TEST_DSL.username, TEST_PASSPHRASE);
  await expect.poll(pageHeading(page)).toBe('Dashboard');
}

/** By the main navigation: the pupil register. */
export async function openPupils(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Pupils' })
    .click();
  await expect.poll(pageHeading(page)).toBe('Pupils');
}

/** At a first sign-in with a one-time passphrase: the person chooses their own. */
export async function chooseOwnPassphrase(
  page: Page,
  current: string,
  next: string,
): Promise<void> {
  await expect.poll(visible(page, 'Choose a new passphrase')).toBe(true);
  await page.getByLabel('Current passphrase').fill(current);
  await page.getByLabel('New passphrase', { exact: true }).fill(next);
  await page.getByLabel('Confirm new passphrase').fill(next);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect.poll(visible(page, 'Sign in to Lantern')).toBe(true);
}

/**
 * Set-up done through the core, as the DSL did on an earlier day (the set-up screens are
 * register.spec's and accounts.spec's subject). Returns the DSL's signed-in session.
 */
export async function setUpThroughCore(core: LanternCore): Promise<Session> {
  const dsl = core.createSession();
  const created = await must<{ recoveryKey: string }>(
    core.invoke(dsl, 'setup.create', {
      school: sampleSchool,
      dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE },
    }),
  );
  await must(
    core.invoke(dsl, 'setup.confirmRecoveryKey', { lastGroup: created.recoveryKey.slice(-5) }),
  );
  return dsl;
}

/**
 * Ends the set-up done through the core: locks each session it used and reloads the app, so
 * the journey starts at the sign-in screen.
 */
export async function lockAndReload(h: Harness, ...sessions: Session[]): Promise<void> {
  for (const session of sessions) await must(h.core().invoke(session, 'auth.lock', {}));
  await h.page.reload();
}

/** After a journey: closes its app and the browser, and removes its folder. */
export async function endJourney(h: Harness, dir: { remove(): void }): Promise<void> {
  await h.close();
  await closeBrowser();
  dir.remove();
}

/** From the Pupils page: opens a child's file by their name in the register. */
export async function openChild(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('table', { name: 'Pupil register' }).getByRole('button', { name }).click();
}

/** From the Pupils page: opens the import from the MIS. */
export async function openImport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import from MIS' }).click();
  await expect.poll(visible(page, 'Import pupils')).toBe(true);
}

/** On the Import pupils page: chooses a MIS export from test/fixtures/mis. */
export async function chooseMisFile(page: Page, name: string): Promise<void> {
  await page.getByLabel('CSV export from your MIS').setInputFiles(join(MIS_FIXTURES, name));
}

/** On the Search concerns page: searches for these words. */
export async function searchConcerns(page: Page, text: string): Promise<void> {
  await page.getByLabel('Words or a phrase to find').fill(text);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

/** The DSL adds Sam Teacher (staff) through the core; returns their one-time passphrase. */
export async function addTeacher(
  core: LanternCore,
  dsl: Session,
  username: string,
): Promise<string> {
  const issued = await must<IssuedPassphrase>(
    core.invoke(dsl, 'users.add', { displayName: 'Sam Teacher', username, role: 'staff' }),
  );
  return issued.oneTimePassphrase;
}
