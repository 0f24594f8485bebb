import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEscalationRules } from '../../shared/casework/escalation';
import { londonDate } from '../../shared/dates/calendar-date';
import { must, readStore, sampleChild, tempDir } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import {
  endJourney,
  lockAndReload,
  openChild,
  openPupils,
  setUpThroughCore,
  shown,
  signInAsDsl,
  visible,
} from './steps';

/**
 * The morning after a domestic abuse incident, the DSL records the police's Operation Encompass
 * notification for two siblings, sees it on the child's file, then tunes an escalation rule.
 */
describe('journey: the DSL records an Operation Encompass notification (issue 4)', () => {
  const dir = tempDir('lantern-e2e-encompass-');
  let h: Harness;
  // Yesterday in London, so nothing is ever in the future whenever this runs.
  const yesterday = londonDate(new Date(Date.now() - 24 * 60 * 60 * 1000));

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    await must(core.invoke(dsl, 'children.add', sampleChild()));
    await must(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Kofi', dateOfBirth: '2019-06-02', upn: '', yearGroup: '2' }),
      ),
    );
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL records one notification for two siblings from the child’s page', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    await expect.poll(visible(page, 'Operation Encompass notifications')).toBe(true);
    await page.getByRole('button', { name: 'Record an Operation Encompass notification' }).click();
    await expect.poll(visible(page, 'Record an Operation Encompass notification')).toBe(true);
    await page.getByRole('button', { name: 'Record notification' }).click();
    await expect.poll(shown(page, 'Say whether the child was present.')).toBe(true);
    await h.axe('encompass: form with errors');

    await page.getByLabel('Add another child').fill('Okafor');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Add Kofi Okafor (Year 2)' }).click();
    await page
      .getByLabel('Was Amara Okafor present?')
      .selectOption({ label: 'Present and saw or heard it' });
    await page.getByLabel('Was Kofi Okafor present?').selectOption({ label: 'Not present' });
    await page.getByLabel('Date of the incident').fill(yesterday);
    await page.getByLabel('Time of the incident (optional)').fill('21:00');
    await page.getByLabel('Date the police notified the school').fill(yesterday);
    await page.getByLabel('Time the police notified the school').fill('21:40');
    await page.getByLabel('Police force').fill('Metropolitan Police');
    await page.getByLabel('Police reference number').fill('CAD 4521');
    await page.getByLabel('Who notified the school').fill('PC 1234 Jo Smith, MASH');
    await page
      .getByLabel('What the police shared')
      .fill('Officers attended after a neighbour heard shouting; the mother was assaulted.');
    await page.getByLabel('Date the key adult was told').fill(yesterday);
    await page.getByLabel('Time the key adult was told').fill('21:45');
    await page
      .getByLabel('Support planned or offered (optional)')
      .fill('Class teachers to check in at registration.');
    await h.axe('encompass: completed form');
    await h.screenshot('encompass-01-form');
    await page.getByRole('button', { name: 'Record notification' }).click();

    await expect.poll(visible(page, 'Operation Encompass notification')).toBe(true);
    await expect.poll(shown(page, 'Notification recorded on each child’s chronology.')).toBe(true);
    await expect.poll(shown(page, 'Kofi Okafor: not present')).toBe(true);
    await h.axe('encompass: the notification');
    await h.screenshot('encompass-02-notification');

    const stored = await readStore(dir.path, (db) => ({
      children: db.prepare('SELECT presence FROM encompass_children ORDER BY presence').all(),
      entries: db
        .prepare("SELECT title, occurred_at FROM chronology_entries WHERE source = 'encompass'")
        .all(),
    }));
    expect(stored.children).toEqual([{ presence: 'not_present' }, { presence: 'witnessed' }]);
    expect(stored.entries).toEqual(
      Array.from({ length: 2 }, () => ({
        title: 'Operation Encompass notification (Metropolitan Police ref CAD 4521)',
        occurred_at: `${yesterday}T21:00`,
      })),
    );
  });

  it('the notification is listed on the child’s file', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Back to Amara Okafor' }).click();
    const table = page.getByRole('table', { name: 'Operation Encompass notifications' });
    await expect.poll(() => table.textContent()).toContain('Metropolitan Police, ref CAD 4521');
    await expect.poll(() => table.textContent()).toContain('present and saw or heard it');
    await h.axe('encompass: child’s file');
    await h.screenshot('encompass-03-child');
  });

  it('the DSL changes an escalation rule in Settings', async () => {
    const { page } = h;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await expect.poll(visible(page, 'Escalation prompts')).toBe(true);
    const first = page.getByRole('group', { name: 'Rule 1' });
    await first.getByLabel('Number of concerns').fill('2');
    await first.getByLabel('Emotional abuse').check();
    await expect
      .poll(
        shown(
          page,
          'Prompts when a child has 2 concerns about neglect or emotional abuse in 90 days.',
        ),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Save escalation rules' }).click();
    await expect.poll(shown(page, 'Escalation rules saved.')).toBe(true);
    await h.axe('encompass: escalation rules');
    await h.screenshot('encompass-04-escalation-rules');
    const saved = await readStore(dir.path, (db) =>
      db.prepare("SELECT value FROM settings WHERE key = 'escalation_rules'").pluck().get(),
    );
    expect(JSON.parse(saved as string)).toEqual([
      { categories: ['neglect', 'emotional'], count: 2, windowDays: 90, enabled: true },
      defaultEscalationRules[1],
    ]);
  });
});
