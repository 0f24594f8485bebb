import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addDays, formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import type { Concern } from '../../shared/concerns/schema';
import type { Child } from '../../shared/children/schema';
import { addTwoChildren, fight, must, readStore, signedInAs, tempDir } from '../support/core';
import type { Harness } from './harness';
import { endJourney, lockAndReload, setUpThroughCore, shown, signInAsDsl, visible } from './steps';
import { startHarness } from './harness';

/**
 * A teacher recorded a fight between two pupils. The DSL opens the triage inbox, sets the level
 * with a rationale, decides to monitor with a review date, gives the deputy DSL an action,
 * completes it once done, and closes the concern with its summary, follow-up and outcome.
 */
describe('journey: the DSL triages a concern and closes it (issue 4, part 3)', () => {
  const dir = tempDir('lantern-e2e-triage-');
  let h: Harness;
  let concern: Concern;
  let children: Child[] = [];
  const today = londonDate(new Date());
  const review = addDays(today, 14);
  const due = addDays(today, 7);

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    const [victim, perpetrator] = await addTwoChildren(core, dsl);
    children = [victim, perpetrator];
    await signedInAs(core, dsl, 'ddeputy', 'deputy_dsl');
    const teacher = await signedInAs(core, dsl, 'steacher', 'staff');
    concern = await must<Concern>(
      core.invoke(teacher, 'concerns.submit', {
        ...fight(victim.id, perpetrator.id),
        occurredAt: `${addDays(today, -1)}T12:40`,
        occurredAtApprox: false,
      }),
    );
    await lockAndReload(h, teacher, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL opens the triage inbox and sees the teacher’s concern awaiting triage', async () => {
    const { page } = h;
    await signInAsDsl(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Triage 1 awaiting triage' }).click();
    await expect.poll(visible(page, 'Triage')).toBe(true);
    const table = page.getByRole('table', { name: 'Concerns to triage' });
    const row = table.getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain('Awaiting triage');
    expect(await row.textContent()).toContain('Amara Okafor: victim');
    expect(await row.textContent()).toContain('Tomasz Nowak: alleged perpetrator');
    expect(await row.textContent()).toContain('Test steacher');
    await h.axe('triage: inbox');
    await h.screenshot('triage-01-inbox');
  });

  it('sets the level, decides to monitor with a review date and gives the deputy an action', async () => {
    const { page } = h;
    await page
      .getByRole('table', { name: 'Concerns to triage' })
      .getByRole('button', { name: `${formatCalendarDate(addDays(today, -1))}, 12:40` })
      .click();
    await expect.poll(visible(page, 'Triage')).toBe(true);
    await expect.poll(shown(page, 'Awaiting triage')).toBe(true);

    await page.getByLabel('Level', { exact: true }).selectOption({ label: '2 Early help' });
    await page
      .getByLabel('Rationale for the level')
      .fill('First incident; both families engaged and early help offered.');
    await page.getByRole('button', { name: 'Save level' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Level history' }).textContent())
      .toContain('Level set at 2 Early help');

    await page.getByLabel('Decision', { exact: true }).selectOption({
      label: 'Monitor, with a review date',
    });
    await page.getByLabel('Review date').fill(review);
    await page
      .getByLabel('Rationale for the decision')
      .fill('Below the threshold for a referral; watch lunchtimes closely.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Decisions' }).textContent())
      .toContain(`Monitor, with a review date (review ${formatCalendarDate(review)})`);

    await page.getByLabel('What needs doing').fill('Meet both sets of parents');
    await page.getByLabel('Who will do it').selectOption({ label: 'Test ddeputy (Deputy DSL)' });
    await page.getByLabel('Due date').fill(due);
    await page.getByRole('button', { name: 'Add action' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Actions' }).textContent())
      .toContain(`For Test ddeputy. Due ${formatCalendarDate(due)}`);
    await h.axe('triage: level, decision and action');
    await h.screenshot('triage-02-worked');
  });

  it('will not close while the action is open, then completes it and closes the concern', async () => {
    const { page } = h;
    await page.getByLabel('Summary of the concern').fill('A fight at lunch between two pupils.');
    await page
      .getByLabel('How it was followed up and resolved')
      .fill('Both families met; a lunchtime plan agreed.');
    await page.getByLabel('Outcome', { exact: true }).fill('No repeat in the monitoring period.');
    await page.getByRole('button', { name: 'Close concern' }).click();
    await expect
      .poll(shown(page, 'Complete the open action first: “Meet both sets of parents”.'))
      .toBe(true);
    await h.axe('triage: close refused');
    await h.screenshot('triage-03-close-refused');

    await page.getByRole('button', { name: 'Complete “Meet both sets of parents”' }).click();
    await page.getByLabel('What was done').fill('Met both families on Tuesday.');
    await page.getByRole('button', { name: 'Complete action' }).click();
    await expect.poll(shown(page, /Completed by Dana Lead/)).toBe(true);

    await page.getByRole('button', { name: 'Close concern' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Closures' }).textContent())
      .toContain('No repeat in the monitoring period.');
    await expect.poll(shown(page, 'Closed')).toBe(true);
    await expect.poll(visible(page, 'Reopen the concern')).toBe(true);
    await h.axe('triage: closed');
    await h.screenshot('triage-04-closed');

    const stored = await readStore(dir.path, (db) => ({
      entries: db
        .prepare(
          `SELECT child_id AS childId, source FROM chronology_entries
           WHERE concern_id = ? AND source <> 'concern' ORDER BY child_id, recorded_at, source`,
        )
        .all(concern.id),
      closures: db.prepare('SELECT summary, outcome FROM concern_closures').all(),
      open: db
        .prepare('SELECT count(*) FROM concern_actions WHERE completed_at IS NULL')
        .pluck()
        .get(),
    }));
    const sources = ['level', 'decision', 'action', 'action_done', 'closure'];
    for (const child of children) {
      expect(
        (stored.entries as { childId: string; source: string }[])
          .filter((e) => e.childId === child.id)
          .map((e) => e.source)
          .sort(),
      ).toEqual([...sources].sort());
    }
    expect(stored.closures).toEqual([
      {
        summary: 'A fight at lunch between two pupils.',
        outcome: 'No repeat in the monitoring period.',
      },
    ]);
    expect(stored.open).toBe(0);
  });
});
