import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSyntheticSchool, schoolSizes } from '../../main/demo/synthetic-school';
import { academicYearOf } from '../../shared/dates/calendar-schema';
import { londonDate } from '../../shared/dates/calendar-date';
import { governanceSectionTitles } from '../../shared/governance/stats';
import type { ChildSecrets } from '../support/child-secrets';
import { childSecrets, expectNothingAboutAChild } from '../support/child-secrets';
import {
  must,
  readStore,
  signedInAs,
  TEST_DSL,
  TEST_KDF,
  TEST_PASSPHRASE,
  tempDir,
} from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { endJourney, lockAndReload, pageHeading, shown, signIn } from './steps';

const GOVERNOR = { username: 'sgovernor', passphrase: 'a walk along the quiet river' };

/**
 * Issue 7's governors' view: a safeguarding governor signs in to a school with three years of
 * (synthetic) records, lands on the statistics (charts, tables, small numbers withheld), and
 * exports the annual report, which names no child.
 */
describe('journey: the governors’ view and the annual report (issue 7)', () => {
  const dir = tempDir('lantern-e2e-governors-');
  let h: Harness;
  let secrets: ChildSecrets;
  const year = academicYearOf(londonDate(new Date()));

  beforeAll(async () => {
    await createSyntheticSchool({
      dataDir: dir.path,
      seed: 11,
      size: schoolSizes.small,
      now: new Date(),
      dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE },
      kdf: TEST_KDF,
    });
    secrets = await childSecrets(dir.path);
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = core.createSession();
    await must(
      core.invoke(dsl, 'auth.signIn', { username: TEST_DSL.username, passphrase: TEST_PASSPHRASE }),
    );
    const governor = await signedInAs(core, dsl, GOVERNOR.username, 'governor');
    await lockAndReload(h, governor, dsl);
  }, 120_000);

  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('a governor signs in to the statistics: charts and tables, small numbers withheld', async () => {
    const { page } = h;
    await signIn(page, GOVERNOR.username, GOVERNOR.passphrase);
    await expect.poll(pageHeading(page)).toBe('Governance');
    await expect
      .poll(() => page.getByRole('img', { name: /Concerns by category, whole year/ }).isVisible())
      .toBe(true);
    for (const title of Object.values(governanceSectionTitles))
      expect(await page.getByRole('heading', { name: title, level: 2 }).isVisible()).toBe(true);
    await expect.poll(shown(page, /Counts below 5 are withheld/)).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('button', { name: 'Pupils' }).count()).toBe(0);
    expectNothingAboutAChild(await page.locator('main').innerText(), secrets);
    await h.axe('governors: the statistics');
    await h.screenshot('governors-01-dashboard');
  });

  it('exports the annual report: marked, with every section, naming no child', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Export the annual report (PDF)' }).click();
    await expect.poll(shown(page, /The annual report for .* was saved to /)).toBe(true);
    await h.axe('governors: report exported');
    const pdf = join(
      dir.path,
      'exports',
      `Safeguarding report to governors ${year.replace('/', '-')}.pdf`,
    );
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('Annual safeguarding report to governors');
    const flat = text.replace(/\s+/g, ' ');
    for (const title of Object.values(governanceSectionTitles)) expect(flat).toContain(title);
    expectNothingAboutAChild(text, secrets);
    const logged = await readStore(dir.path, (db) =>
      db.prepare('SELECT child_id, kind, form, format, reference FROM exports_log').all(),
    );
    expect(logged).toEqual([
      { child_id: null, kind: 'form', form: 'governors-report', format: 'pdf', reference: year },
    ]);
  });
});
