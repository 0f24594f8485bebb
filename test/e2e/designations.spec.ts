import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { must, readStore, sampleChild, tempDir } from '../support/core';
import type { Harness } from './harness';
import { openChild, openPupils, setUpThroughCore, shown, signInAsDsl, visible } from './steps';
import { closeBrowser, startHarness } from './harness';

/**
 * The DSL records that a pupil is on a child protection plan under neglect, sees it on the
 * child's file and as a badge in the register, then ends it when the plan closes.
 */
describe('journey: the DSL records a child protection plan and ends it (issue 4, item 1)', () => {
  const dir = tempDir('lantern-e2e-designations-');
  let h: Harness;
  // Dates relative to today in London, so nothing is ever in the future whenever this runs.
  const dayAgo = (days: number) => londonDate(new Date(Date.now() - days * 24 * 60 * 60 * 1000));
  const start = dayAgo(30);
  const end = dayAgo(1);

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    await must(core.invoke(dsl, 'children.add', sampleChild()));
    await must(core.invoke(dsl, 'auth.lock', {}));
    await h.page.reload();
  });
  afterAll(async () => {
    await h.close();
    await closeBrowser();
    dir.remove();
  });

  it('the DSL adds a child protection plan from the child’s page', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    await expect.poll(visible(page, 'Designations')).toBe(true);
    await expect.poll(shown(page, 'Amara Okafor has no current designations.')).toBe(true);
    await page
      .getByLabel('Designation', { exact: true })
      .selectOption({ label: 'Child protection plan' });
    await page.getByRole('button', { name: 'Add designation' }).click();
    await expect.poll(shown(page, 'Choose the category of the child protection plan.')).toBe(true);
    await h.axe('designations: form with errors');
    await page
      .getByLabel('Category of the child protection plan')
      .selectOption({ label: 'Neglect' });
    await page.getByLabel('Start date').fill(start);
    await page.getByLabel('Notes (optional)').fill('Social worker: Ann Smith, Northshire.');
    await page.getByRole('button', { name: 'Add designation' }).click();
    const current = page.getByRole('list', { name: 'Current designations' });
    await expect
      .poll(() => current.textContent())
      .toContain(`Child protection plan (neglect) since ${formatCalendarDate(start)}`);
    await h.axe('designations: current plan');
    await h.screenshot('designations-01');
  });

  it('the register shows the plan as a badge beside the name', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Back to pupils' }).click();
    const row = page.getByRole('table', { name: 'Pupil register' }).getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain('Child protection plan (neglect)');
    await h.axe('designations: register badges');
    await h.screenshot('designations-02-register');
  });

  it('the DSL ends the plan, which stays on the file as history', async () => {
    const { page } = h;
    await openChild(page, 'Amara Okafor');
    await page.getByRole('button', { name: 'End Child protection plan (neglect)' }).click();
    await page.getByLabel('When did the child protection plan (neglect) end?').fill(end);
    await page.getByRole('button', { name: 'End designation' }).click();
    const past = page.getByRole('list', { name: 'Past designations' });
    await expect
      .poll(() => past.textContent())
      .toContain(
        `Child protection plan (neglect) ${formatCalendarDate(start)} to ${formatCalendarDate(end)}`,
      );
    await h.axe('designations: ended plan');
    await h.screenshot('designations-03-ended');
    const stored = await readStore(dir.path, (db) =>
      db.prepare('SELECT kind, cp_category, start_date, end_date FROM designations').all(),
    );
    expect(stored).toEqual([
      { kind: 'cp_plan', cp_category: 'neglect', start_date: start, end_date: end },
    ]);
  });
});
