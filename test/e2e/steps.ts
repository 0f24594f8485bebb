import type { Page } from 'playwright-core';
import { expect } from 'vitest';

import type { LanternCore, Session } from '../../main/app';
import { must, sampleSchool, TEST_DSL, TEST_PASSPHRASE } from '../support/core';

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
