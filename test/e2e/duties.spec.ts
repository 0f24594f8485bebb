import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Child } from '../../shared/children/schema';
import {
  addDays,
  addMonths,
  formatCalendarDate,
  londonDate,
} from '../../shared/dates/calendar-date';
import { must, readStore, sampleChild, signedInAs, tempDir } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import {
  endJourney,
  lock,
  lockAndReload,
  openChild,
  setUpThroughCore,
  shown,
  signIn,
  signInAsDsl,
  visible,
} from './steps';

const TEACHER = { username: 'steacher', passphrase: 'a walk along the quiet river' };

/**
 * Issue 5's journey. A teacher records a concern with the FGM flag: Lantern gives them their
 * personal duty to notify the police, with its deadline and why (FGM Act 2003 s.5B). The DSL's
 * overdue view lists it; the teacher records the police reference; the DSL's view updates. A
 * concern involving a 12-year-old cannot use the mandatory reporting duty's peer exception.
 */
describe('journey: statutory duties with their deadlines and evidence (issue 5)', () => {
  const dir = tempDir('lantern-e2e-duties-');
  let h: Harness;
  let ava: Child;
  let ben: Child;
  const today = londonDate(new Date());
  // A week ago: the FGM duty's target (the close of the next working day) has passed whatever
  // the day (the longest gap, over Christmas or Easter, is 5 days), its one month has not.
  const discovered = addDays(today, -7);
  const fgmDuty = 'Report the known case of FGM to the police';
  const csaDuty = 'Report the suspected child sexual abuse (mandatory reporting duty)';

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    await must(core.invoke(dsl, 'children.add', sampleChild()));
    // Twelve years and three months old, and fifteen years and three months, today.
    ava = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({
          legalForename: 'Ava',
          legalSurname: 'Brown',
          upn: '',
          dateOfBirth: addMonths(today, -(12 * 12 + 3)),
          yearGroup: '8',
        }),
      ),
    );
    ben = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({
          legalForename: 'Ben',
          legalSurname: 'Carter',
          upn: '',
          gender: 'male',
          dateOfBirth: addMonths(today, -(15 * 12 + 3)),
          yearGroup: '10',
        }),
      ),
    );
    const teacher = await signedInAs(core, dsl, TEACHER.username, 'staff');
    await lockAndReload(h, teacher, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('a teacher records a concern with the FGM flag and sees their personal duty', async () => {
    const { page } = h;
    await signIn(page, TEACHER.username, TEACHER.passphrase);
    await expect.poll(visible(page, 'Pupils')).toBe(true);
    await page.getByRole('button', { name: 'Record a concern about Amara Okafor' }).click();
    await expect.poll(visible(page, 'Record a concern')).toBe(true);
    await page.getByLabel('Date', { exact: true }).fill(discovered);
    await page.getByLabel('Time (optional)').fill('10:15');
    await page.getByLabel('Where did it happen?').fill('Year 5 classroom');
    await page.getByLabel('Female genital mutilation (FGM)').check();
    await page
      .getByLabel('What happened? (facts you saw or heard)')
      .fill('Amara told me at break that she was "cut" during the summer holiday abroad.');
    await page
      .getByLabel('The child’s own words (exact words, even if offensive)')
      .fill('Auntie said it makes me a proper woman. It still hurts when I wee.');
    await page.getByLabel('What did you do?').fill('Listened, reassured her, came to the DSL.');
    await page.getByLabel('I have told the DSL in person').check();
    await page.getByLabel('This is a known case of FGM').check();
    await page.getByRole('button', { name: 'Submit concern' }).click();
    await expect.poll(visible(page, 'Concern recorded')).toBe(true);

    const duties = page.getByRole('region', { name: 'Statutory duties' });
    await expect.poll(() => duties.textContent()).toContain(fgmDuty);
    const text = (await duties.textContent()) ?? '';
    expect(text).toContain('Your personal duty');
    expect(text).toContain('Overdue');
    // The legal deadline: one month from the discovery, to the minute (s.5B(5)(c)).
    expect(text).toContain(`${formatCalendarDate(addMonths(discovered, 1))}, 10:15`);
    await h.axe('duties: concern recorded with its duty');
    await h.screenshot('duties-01-concern-recorded');

    await duties.getByRole('button', { name: `Why? ${fgmDuty}` }).click();
    await expect.poll(visible(page, fgmDuty)).toBe(true);
    const why = page.getByRole('region', { name: 'Why this applies' });
    await expect.poll(() => why.textContent()).toContain('Female Genital Mutilation Act 2003');
    const reasons = (await why.textContent()) ?? '';
    expect(reasons).toContain('s.5B(5)(c)');
    expect(reasons).toContain('before the end of one month');
    expect(reasons).toContain(formatCalendarDate(addMonths(discovered, 1)));
    expect(reasons).toContain('close of the next working day');
    await h.axe('duties: the teacher’s duty and why');
    await h.screenshot('duties-02-why');
    await lock(page);
  });

  it('the DSL’s overdue view lists the teacher’s FGM report and the referral', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Statutory duties/ })
      .click();
    await expect.poll(visible(page, 'Statutory duties')).toBe(true);
    const overdue = page.getByRole('region', { name: /Overdue/ });
    await expect.poll(() => overdue.textContent()).toContain(fgmDuty);
    const text = (await overdue.textContent()) ?? '';
    expect(text).toContain('Test steacher (personal duty)');
    expect(text).toContain('Refer to children’s social care');
    expect(text).toContain('Amara Okafor');
    await h.axe('duties: the DSL’s overdue view');
    await h.screenshot('duties-03-dsl-overdue');
    await lock(page);
  });

  it('the teacher records the police reference, after being told it is needed', async () => {
    const { page } = h;
    await signIn(page, TEACHER.username, TEACHER.passphrase);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Statutory duties/ })
      .click();
    await page
      .getByRole('region', { name: /Overdue/ })
      .getByRole('button', { name: fgmDuty })
      .click();
    await expect.poll(visible(page, fgmDuty)).toBe(true);
    const form = page.getByRole('form', { name: 'Record that it was done' });
    await form.getByLabel('Date', { exact: true }).fill(addDays(discovered, 1));
    await form.getByLabel('Time').fill('09:05');
    await form.getByLabel('Police force').fill('Metropolitan Police (101)');
    await form.getByLabel('How it was done').selectOption({ label: 'Telephone' });
    await form.getByRole('button', { name: 'Record that it was done' }).click();
    await expect.poll(shown(page, 'Enter the police reference number.')).toBe(true);
    await h.axe('duties: the reference is needed');
    await h.screenshot('duties-04-reference-needed');
    const before = await readStore(dir.path, (db) =>
      db.prepare(`SELECT count(*) AS n FROM duty_events WHERE kind = 'discharged'`).get(),
    );
    expect(before).toEqual({ n: 0 });

    await form.getByLabel('Police reference number').fill('CAD 4512/26');
    await form.getByRole('button', { name: 'Record that it was done' }).click();
    await expect.poll(shown(page, 'CAD 4512/26')).toBe(true);
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Done');
    await h.axe('duties: the teacher’s duty done');
    await h.screenshot('duties-05-done');
    await lock(page);
  });

  it('the DSL’s overdue view no longer lists it; the chronology has the evidence', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Statutory duties/ })
      .click();
    const overdue = page.getByRole('region', { name: /Overdue/ });
    await expect.poll(() => overdue.textContent()).toContain('Refer to children’s social care');
    expect(await overdue.textContent()).not.toContain(fgmDuty);
    const done = page.getByRole('region', { name: /Recently done/ });
    await expect.poll(() => done.textContent()).toContain(fgmDuty);
    await h.screenshot('duties-06-dsl-updated');

    const stored = await readStore(dir.path, (db) => ({
      events: db
        .prepare(
          `SELECT e.reference, e.method, d.status FROM duty_events e JOIN duties d ON d.id = e.duty_id
           WHERE e.kind = 'discharged'`,
        )
        .all(),
      chronology: db
        .prepare(`SELECT title FROM chronology_entries WHERE source = 'duty' ORDER BY recorded_at`)
        .all()
        .map((r) => (r as { title: string }).title),
    }));
    expect(stored.events).toEqual([
      { reference: 'CAD 4512/26', method: 'phone', status: 'discharged' },
    ]);
    expect(stored.chronology).toContain(`Statutory duty done: ${fgmDuty}`);
  });

  it('a concern involving a 12-year-old cannot use the peer exception', async () => {
    const { page } = h;
    // The DSL sets the commencement date the regulations give (here: a month ago).
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await page.getByLabel('Mandatory reporting duty: commencement date').fill(addDays(today, -30));
    await page.getByRole('button', { name: 'Save duty settings' }).click();
    await expect.poll(shown(page, 'Saving creates version 2')).toBe(true);
    await h.axe('duties: settings');
    await h.screenshot('duties-07-settings');
    await lock(page);

    const core = h.core();
    const teacher = core.createSession();
    await must(core.invoke(teacher, 'auth.signIn', TEACHER));
    await must(
      core.invoke(teacher, 'concerns.submit', {
        children: [
          { childId: ava.id, role: 'victim' },
          { childId: ben.id, role: 'alleged_perpetrator' },
        ],
        occurredAt: `${addDays(today, -1)}T15:30`,
        occurredAtApprox: false,
        location: 'Bus stop outside school',
        categories: ['sexual'],
        summary: 'Ava told me Ben made her do sexual things behind the bus stop after school.',
        childWords: 'He said everyone does it and not to tell.',
        opinion: '',
        actionsTaken: 'Told the DSL straight away.',
        peopleTold: '',
        dslToldInPerson: true,
        flags: { possibleChildSexOffence: true, fgmKnownCase: false, allegationAboutAdult: false },
      }),
    );
    await must(core.invoke(teacher, 'auth.lock', {}));

    await signIn(page, TEACHER.username, TEACHER.passphrase);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Statutory duties/ })
      .click();
    await page.getByRole('button', { name: csaDuty }).first().click();
    await expect.poll(visible(page, csaDuty)).toBe(true);
    await page.getByText('Record an exception').click();
    const form = page.getByRole('form', { name: 'Record an exception' });
    await form.getByLabel('Which exception applies').selectOption({
      label:
        'Consensual activity between children aged 13 or over with no significant difference in age or maturity',
    });
    await form.getByLabel('The activity was consensual').check();
    await form.getByLabel('There is no significant difference in age or maturity').check();
    await form
      .getByLabel('There is no indication of coercion, exploitation, abuse or risk of harm')
      .check();
    await form.getByLabel('Neither child holds a position of trust over the other').check();
    await form
      .getByLabel('The reason, and the evidence you checked')
      .fill('Both said it was their choice.');
    await form.getByRole('button', { name: 'Record the exception' }).click();
    await expect
      .poll(shown(page, /The peer exception can never apply when a child is under 13: Ava Brown/))
      .toBe(true);
    await h.axe('duties: the peer exception refused');
    await h.screenshot('duties-08-peer-exception-refused');

    const stored = await readStore(dir.path, (db) =>
      db
        .prepare(
          `SELECT d.status, (SELECT count(*) FROM duty_events e WHERE e.duty_id = d.id) AS events
           FROM duties d WHERE d.rule_id = 'csa-report'`,
        )
        .all(),
    );
    expect(stored).toEqual([{ status: 'open', events: 1 }]);
    await lock(page);
  });
  it('the DSL imports the term dates; a leaver’s file transfer counts school days from them', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Settings' })
      .click();
    // As the local authority publishes them: the last term of 2025/26, the first of 2026/27
    // and its INSET day.
    await page
      .getByLabel('Or paste the term dates')
      .fill(
        [
          'Term,Start,End',
          'Summer 2,01/06/2026,22/07/2026',
          'Autumn 1,02/09/2026,23/10/2026',
          'INSET,02/09/2026',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Fill the form from the pasted text' }).click();
    await page.getByRole('button', { name: 'Save term dates for 2025/26' }).click();
    await expect.poll(shown(page, 'Term dates for 2025/26 saved.')).toBe(true);
    await page.getByLabel('Academic year').selectOption({ value: '2026/27' });
    await page.getByRole('button', { name: 'Save term dates for 2026/27' }).click();
    await expect.poll(shown(page, 'Term dates for 2026/27 saved.')).toBe(true);
    await h.axe('duties: school calendar');
    await h.screenshot('duties-09-school-calendar');

    // Amara left on the last day of the summer term.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Pupils' })
      .click();
    await openChild(page, 'Amara Okafor');
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Leaving date (optional)').fill('2026-07-22');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(shown(page, 'Saved changes to Amara Okafor’s details.')).toBe(true);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Statutory duties/ })
      .click();
    const transfer = 'Transfer the child protection file';
    await page
      .getByRole('region', { name: /Overdue/ })
      .getByRole('button', { name: transfer })
      .click();
    await expect.poll(visible(page, transfer)).toBe(true);
    const why = page.getByRole('region', { name: 'Why this applies' });
    await expect.poll(() => why.textContent()).toContain('KCSIE 2025');
    const steps = (await why.textContent()) ?? '';
    // An INSET day opens Autumn 1, so its first school day is Thu 3 Sep 2026, and the 5th
    // (3, 4, 7, 8, 9 Sep) is Wed 9 Sep 2026.
    expect(steps).toContain(
      'Autumn 1 starts on Wed 2 Sep 2026; its first school day is Thu 3 Sep 2026',
    );
    expect(steps).toContain('Due by the end of Wed 9 Sep 2026 (23:59).');
    await h.axe('duties: the file transfer and why');
    await h.screenshot('duties-10-file-transfer');
  });
});
