import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addDays, formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { readStore, tempDir } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { endJourney, lockAndReload, setUpThroughCore, shown, signInAsDsl, visible } from './steps';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/**
 * The DSL sees on the dashboard that no policy has a recorded review, records the governing
 * board's approval of the child protection policy with its minutes, then the annual filtering
 * and monitoring review with the governor and the IT provider.
 */
describe('journey: the policy register and filtering review (issue 7)', () => {
  const dir = tempDir('lantern-e2e-policies-');
  let h: Harness;
  // Yesterday in London, so an approval is never in the future whenever this runs.
  const yesterday = londonDate(new Date(Date.now() - 24 * 60 * 60 * 1000));

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const dsl = await setUpThroughCore(h.core());
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL records the child protection policy’s approval from the register', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await expect.poll(visible(page, 'Policies due (8)')).toBe(true);
    await page.getByRole('button', { name: 'Open the policy register' }).click();
    await expect.poll(visible(page, 'Policy register')).toBe(true);
    await h.axe('policies: the register, nothing reviewed');

    await page
      .getByRole('button', { name: 'Record a review of the Child protection policy' })
      .click();
    await page.getByLabel('Date approved').fill(yesterday);
    await page.getByRole('button', { name: 'Record the review' }).click();
    await expect
      .poll(
        shown(
          page,
          'The child protection policy must be published: enter the web address where it is published.',
        ),
      )
      .toBe(true);
    await h.axe('policies: review form with errors');
    await page
      .getByLabel('Where it is published (web address)')
      .fill('https://www.riverside.sch.uk/policies/child-protection');
    await page.getByLabel('Version (optional)').fill('2026.1');
    await page
      .getByLabel('Evidence of approval (optional PDF)')
      .setInputFiles({ name: 'Board minutes.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(shown(page, 'Chosen: Board minutes.pdf.')).toBe(true);
    await page.getByRole('button', { name: 'Record the review' }).click();
    await expect
      .poll(shown(page, 'The review of the child protection policy has been recorded.'))
      .toBe(true);
    const cp = page
      .getByRole('table', { name: 'Policy register' })
      .getByRole('row', { name: /^Child protection policy/ });
    await expect
      .poll(() =>
        cp.getByText('https://www.riverside.sch.uk/policies/child-protection').isVisible(),
      )
      .toBe(true);
    expect(await cp.getByText('Overdue').count()).toBe(0);
    await h.axe('policies: the register after a review');
    await h.screenshot('policies-01-register');

    const stored = await readStore(dir.path, (db) =>
      db
        .prepare(
          'SELECT policy_id, approved_on, next_review, published_url, document_name, length(document) AS size FROM policy_reviews',
        )
        .all(),
    );
    expect(stored).toEqual([
      {
        policy_id: 'child_protection',
        approved_on: yesterday,
        next_review: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
        published_url: 'https://www.riverside.sch.uk/policies/child-protection',
        document_name: 'Board minutes.pdf',
        size: PDF.length,
      },
    ]);
  });

  it('the DSL records the filtering and monitoring review with its actions', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Record a filtering and monitoring review' }).click();
    await page.getByLabel('Date of the review').fill(yesterday);
    const names = page.getByLabel('Name', { exact: true });
    for (const [i, name] of ['Priya Shah', 'Dana Lead', 'Tom Reed', 'Westshire IT'].entries())
      await names.nth(i).fill(name);
    await page.getByLabel('Systems checked').fill('Web filter; monitoring on school laptops');
    await page.getByLabel('Findings').fill('Tested categories blocked; alerts reach the DSL.');
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByLabel('Action', { exact: true }).fill('Test filtering on mobile hotspots');
    await page.getByLabel('Owner', { exact: true }).fill('Westshire IT');
    const due = addDays(londonDate(new Date()), 30);
    await page.getByLabel('Due', { exact: true }).fill(due);
    await h.axe('policies: filtering review form');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await expect
      .poll(shown(page, 'The filtering and monitoring review has been recorded.'))
      .toBe(true);
    await expect.poll(visible(page, `Review of ${formatCalendarDate(yesterday)}`)).toBe(true);
    await expect.poll(shown(page, 'Tom Reed (Governor)')).toBe(true);
    await expect.poll(shown(page, `Last reviewed ${formatCalendarDate(yesterday)}.`)).toBe(true);
    await h.axe('policies: filtering review recorded');
    await h.screenshot('policies-02-filtering');

    const stored = await readStore(dir.path, (db) =>
      db.prepare('SELECT participants, actions FROM filtering_reviews').all(),
    );
    expect(stored).toHaveLength(1);
    const row = stored[0] as { participants: string; actions: string };
    expect(JSON.parse(row.participants)).toEqual([
      { name: 'Priya Shah', role: 'slt' },
      { name: 'Dana Lead', role: 'dsl' },
      { name: 'Tom Reed', role: 'governor' },
      { name: 'Westshire IT', role: 'it_provider' },
    ]);
    expect(JSON.parse(row.actions)).toEqual([
      { action: 'Test filtering on mobile hotspots', owner: 'Westshire IT', dueDate: due },
    ]);
  });
});
