import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { must, readStore, sampleChild, tempDir } from '../support/core';
import type { Harness } from './harness';
import {
  addTeacher,
  chooseOwnPassphrase,
  openChild,
  openPupils,
  setUpThroughCore,
  shown,
  signIn,
  signInAsDsl,
  visible,
} from './steps';
import { closeBrowser, startHarness } from './harness';

/**
 * A teacher sees a fight at lunch: they record one concern about both children, one the victim
 * and the other the alleged perpetrator, with the victim's own words. The DSL then finds the
 * concern on each child's file with that child's role, and adds a correction with its reason.
 */
describe('journey: a teacher records a concern about two children (issue 4, item 2)', () => {
  const dir = tempDir('lantern-e2e-concerns-');
  let h: Harness;
  let oneTime = '';
  const teacher = { username: 'steacher', passphrase: 'blue kettle over the hill' };
  // Yesterday in London: a concern is never in the future, whenever this runs.
  const yesterday = londonDate(new Date(Date.now() - 24 * 60 * 60 * 1000));
  const when = `${formatCalendarDate(yesterday)}, 12:40`;

  beforeAll(async () => {
    h = await startHarness(dir.path);
    // The DSL set Lantern up, added both pupils and the teacher on an earlier day (other
    // journeys cover those screens).
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    await must(core.invoke(dsl, 'children.add', sampleChild()));
    await must(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Tomasz', legalSurname: 'Nowak', upn: '' }),
      ),
    );
    oneTime = await addTeacher(core, dsl, teacher.username);
    await must(core.invoke(dsl, 'auth.lock', {}));
    await h.page.reload();
  });
  afterAll(async () => {
    await h.close();
    await closeBrowser();
    dir.remove();
  });

  it('the teacher signs in and starts a concern from the register', async () => {
    const { page } = h;
    await signIn(page, teacher.username, oneTime);
    await chooseOwnPassphrase(page, oneTime, teacher.passphrase);
    await expect.poll(visible(page, 'Pupils')).toBe(true);
    await expect.poll(shown(page, '2 pupils')).toBe(true);
    await h.axe('concerns: register for staff');
    await h.screenshot('concerns-01-register-staff');
    await page.getByRole('button', { name: 'Record a concern about Amara Okafor' }).click();
    await expect.poll(visible(page, 'Record a concern')).toBe(true);
    await h.axe('concerns: empty form');
  });

  it('refuses an incomplete concern with clear messages', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Submit concern' }).click();
    await expect.poll(visible(page, 'There is a problem')).toBe(true);
    await expect.poll(shown(page, 'Enter what happened.')).toBe(true);
    await h.axe('concerns: form with errors');
    await h.screenshot('concerns-02-form-errors');
  });

  it('records the fight: both children with their roles, the victim’s own words', async () => {
    const { page } = h;
    await page.getByLabel('Add another child').fill('nowak');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Add Tomasz Nowak (Year 5)' }).click();
    await page.getByLabel('Role of Amara Okafor').selectOption({ label: 'Victim' });
    await page.getByLabel('Role of Tomasz Nowak').selectOption({ label: 'Alleged perpetrator' });
    await page.getByLabel('Date', { exact: true }).fill(yesterday);
    await page.getByLabel('Time (optional)').fill('12:40');
    await page.getByLabel('Where did it happen?').fill('Top playground');
    await page.getByLabel('Physical abuse', { exact: true }).check();
    await page.getByLabel('Physical abuse by other children').check();
    await page
      .getByLabel('What happened? (facts you saw or heard)')
      .fill('Tomasz punched Amara twice on the arm by the climbing frame. Amara was crying.');
    await page
      .getByLabel('The child’s own words (exact words, even if offensive)')
      .fill('He said he would get me after school again.');
    await page
      .getByLabel('Your opinion or concerns (kept separate from the facts)')
      .fill('I think this has happened before.');
    await page.getByLabel('What did you do?').fill('Separated them and took both to the office.');
    await page.getByLabel('Who else have you told?').fill('Head of Year 5');
    await page.getByLabel('I have told the DSL in person').check();
    await h.axe('concerns: completed form');
    await h.screenshot('concerns-03-form-completed');
    await page.getByRole('button', { name: 'Submit concern' }).click();
    await expect.poll(visible(page, 'Concern recorded')).toBe(true);
    await expect.poll(visible(page, 'What happens next')).toBe(true);
    await h.axe('concerns: recorded');
    await h.screenshot('concerns-04-recorded');

    const stored = await readStore(dir.path, (db) =>
      db
        .prepare(
          `SELECT ch.legal_surname AS surname, cc.role FROM concern_children cc
           JOIN children ch ON ch.id = cc.child_id ORDER BY ch.legal_surname`,
        )
        .all(),
    );
    expect(stored).toEqual([
      { surname: 'Nowak', role: 'alleged_perpetrator' },
      { surname: 'Okafor', role: 'victim' },
    ]);
  });

  it('the teacher can read back their own concern', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Read your concern' }).click();
    await expect.poll(visible(page, `Concern of ${when}`)).toBe(true);
    await expect.poll(shown(page, 'He said he would get me after school again.')).toBe(true);
    await h.axe('concerns: staff reads own concern');
    await page.getByRole('button', { name: 'Lock' }).click();
  });

  it('the DSL sees the concern on each child’s file with that child’s role', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    await expect.poll(visible(page, 'Amara Okafor')).toBe(true);
    const concerns = page.getByRole('table', { name: 'Concerns' });
    await expect.poll(() => concerns.getByRole('row').count()).toBe(2);
    expect(await concerns.getByRole('row').nth(1).textContent()).toContain('Victim');
    expect(await concerns.getByRole('row').nth(1).textContent()).not.toContain('perpetrator');
    await h.axe('concerns: victim’s file');
    await h.screenshot('concerns-05-victim-file');

    await page.getByRole('button', { name: 'Back to pupils' }).click();
    await openChild(page, 'Tomasz Nowak');
    await expect.poll(visible(page, 'Tomasz Nowak')).toBe(true);
    await expect.poll(() => concerns.getByRole('row').count()).toBe(2);
    expect(await concerns.getByRole('row').nth(1).textContent()).toContain('Alleged perpetrator');
    await h.axe('concerns: alleged perpetrator’s file');
    await h.screenshot('concerns-06-perpetrator-file');
  });

  it('the DSL opens the concern and adds a correction with its reason', async () => {
    const { page } = h;
    await page.getByRole('table', { name: 'Concerns' }).getByRole('button', { name: when }).click();
    await expect.poll(visible(page, `Concern of ${when}`)).toBe(true);
    await expect.poll(visible(page, 'The child’s own words')).toBe(true);
    await h.axe('concerns: concern view');
    await h.screenshot('concerns-07-concern-view');
    await page
      .getByLabel('Why is a correction needed?')
      .fill('The teacher named the wrong playground.');
    await page.getByLabel('The correction').fill('It was the bottom playground.');
    await page.getByRole('button', { name: 'Add correction' }).click();
    await expect.poll(shown(page, 'Reason: The teacher named the wrong playground.')).toBe(true);
    // The original stays as it was.
    await expect.poll(shown(page, 'Top playground')).toBe(true);
    await h.axe('concerns: with a correction');
    await h.screenshot('concerns-08-correction');
  });
});
