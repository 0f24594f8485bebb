import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_PASSPHRASE } from '../../main/demo/demo-marker';
import { DATABASE_FILE } from '../../main/vault/vault';
import { tempDir } from '../support/core';
import type { Harness } from './harness';
import { closeBrowser, demoDirFor, startHarness } from './harness';
import { lock, openPupils, pageHeading, visible } from './steps';

/**
 * Someone deciding whether to adopt Lantern opens the demo school from the first-run screen,
 * looks around as the DSL and as a governor, and leaves with the school's own store untouched.
 */
describe('journey: explore with demo data (issue 8)', () => {
  const dir = tempDir('lantern-e2e-demo-');
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(dir.path);
  });
  afterAll(async () => {
    await h.close();
    await closeBrowser();
    rmSync(demoDirFor(dir.path), { recursive: true, force: true });
    dir.remove();
  });

  it('opens the DEMO school from the first-run screen, signed in as its DSL', async () => {
    const { page } = h;
    await expect.poll(visible(page, 'Not ready to set up yet?')).toBe(true);
    await h.axe('first run with the demo offer');
    await h.screenshot('demo-01-first-run');
    await page.getByRole('button', { name: 'Explore with demo data' }).click();
    await expect.poll(pageHeading(page), { timeout: 60_000 }).toBe('Dashboard');
    const banner = page.getByRole('region', { name: 'DEMO' });
    expect(await banner.textContent()).toContain('synthetic demonstration school');
    await h.axe('demo dashboard');
    await h.screenshot('demo-02-dashboard');
    await openPupils(page);
    expect(await page.getByRole('region', { name: 'DEMO' }).isVisible()).toBe(true);
    await h.screenshot('demo-03-pupils');
  });

  it('lists the demo accounts when locked, and a governor sees the governors’ view', async () => {
    const { page } = h;
    await lock(page);
    const accounts = page.getByRole('region', { name: 'Demo accounts' });
    expect(await accounts.textContent()).toContain(DEMO_PASSPHRASE);
    await h.axe('demo sign-in');
    await h.screenshot('demo-04-sign-in');
    await accounts.getByRole('button', { name: 'Sign in as Jo Patel (demo governor)' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Lock' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'DEMO' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).not.toContain(
      'Pupils',
    );
    await h.axe('demo as a governor');
    await h.screenshot('demo-05-governor');
  });

  it('leaves the demo for the school’s own first run, with nothing written there', async () => {
    const { page } = h;
    await page
      .getByRole('region', { name: 'DEMO' })
      .getByRole('button', { name: 'Leave the demo' })
      .click();
    await expect.poll(visible(page, 'About your school')).toBe(true);
    expect(await page.getByRole('region', { name: 'DEMO' }).count()).toBe(0);
    expect(existsSync(join(dir.path, DATABASE_FILE))).toBe(false);
    await h.screenshot('demo-06-left');
  });
});
