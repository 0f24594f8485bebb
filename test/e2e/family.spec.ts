import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { must, readStore, sampleChild, tempDir } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import {
  endJourney,
  lockAndReload,
  openChild,
  openPupils,
  setUpThroughCore,
  signInAsDsl,
  visible,
} from './steps';

/**
 * The DSL records a pupil's mother (with parental responsibility, and the court order that
 * keeps the father away) and the social worker, then links the pupil's brother from the
 * register, and follows the link to his file.
 */
describe('journey: the DSL records a child’s family and key contacts (issue 4, part 1)', () => {
  const dir = tempDir('lantern-e2e-family-');
  let h: Harness;
  const since = londonDate(new Date(Date.now() - 60 * 24 * 60 * 60 * 1000));

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    await must(core.invoke(dsl, 'children.add', sampleChild()));
    await must(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Kofi', dateOfBirth: '2018-06-01', yearGroup: '3', upn: '' }),
      ),
    );
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL adds the mother, with parental responsibility and a restriction', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    await expect.poll(visible(page, 'Family and key contacts')).toBe(true);
    await page.getByRole('button', { name: 'Add a parent, carer or relative' }).click();
    const form = page.getByRole('form', { name: 'Add a parent, carer or relative' });
    await form.getByLabel('Email (optional)').fill('grace at example');
    await form.getByRole('button', { name: 'Add adult' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('Enter an email address in the correct format, like name@example.com.');
    await h.axe('family: adult form with errors');
    await form.getByLabel('Full name').fill('Grace Okafor');
    await form.getByLabel('Relationship to the child').selectOption({ label: 'Mother' });
    await form
      .getByLabel('Parental responsibility')
      .selectOption({ label: 'Has parental responsibility' });
    await form.getByLabel('Does the child live with them?').selectOption({ label: 'Yes' });
    await form.getByLabel('Phone (optional)').fill('07700 900 982');
    await form.getByLabel('Email (optional)').fill('grace.okafor@example.com');
    await form
      .getByLabel('Contact restrictions (optional)')
      .fill('Father not to collect: court order, 4 Jun 2026.');
    await form.getByRole('button', { name: 'Add adult' }).click();
    const adults = page.getByRole('list', { name: 'Parents, carers and relatives' });
    await expect.poll(() => adults.textContent()).toContain('Grace Okafor (Mother)');
    expect(await adults.getByRole('note').textContent()).toBe(
      'Contact restriction: Father not to collect: court order, 4 Jun 2026.',
    );
    expect(await adults.textContent()).toContain('Has parental responsibility');
    const livesWith = adults
      .locator('dt', { hasText: 'Lives with Amara Okafor' })
      .locator('xpath=following-sibling::dd[1]');
    expect(await livesWith.textContent()).toBe('Yes');
  });

  it('the DSL adds the social worker as a key contact', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Add a key contact' }).click();
    const form = page.getByRole('form', { name: 'Add a key contact' });
    await form.getByLabel('Role').selectOption({ label: 'Social worker' });
    await form.getByLabel('Name', { exact: true }).fill('Ann Smith');
    await form.getByLabel('Organisation (optional)').fill('Northshire Children’s Services');
    await form.getByLabel('Phone (optional)').fill('01632 960 001');
    await form.getByLabel('Involved since').fill(since);
    await form.getByRole('button', { name: 'Add key contact' }).click();
    const contacts = page.getByRole('list', { name: 'Current key contacts' });
    await expect
      .poll(() => contacts.textContent())
      .toContain(
        `Social worker Ann Smith, Northshire Children’s Services, 01632 960 001 (since ${formatCalendarDate(since)})`,
      );
    await h.axe('family: mother and social worker');
    await h.screenshot('family-01-adult-and-contact');
  });

  it('the DSL links Amara’s brother from the register and opens his file', async () => {
    const { page } = h;
    await page.getByLabel('Link a brother or sister').fill('kofi');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Choose Kofi Okafor (Year 3)' }).click();
    await page.getByLabel('Name of the new family (optional)').fill('Mother’s household');
    await h.axe('family: link a sibling');
    await page.getByRole('button', { name: 'Link sibling' }).click();
    const household = page.getByRole('list', { name: 'Mother’s household' });
    await expect.poll(() => household.textContent()).toContain('Kofi Okafor');
    await h.axe('family: linked sibling');
    await h.screenshot('family-02-sibling');

    await household.getByRole('button', { name: 'Kofi Okafor', exact: true }).click();
    await expect.poll(visible(page, 'Kofi Okafor')).toBe(true);
    const fromKofi = page.getByRole('list', { name: 'Mother’s household' });
    await expect.poll(() => fromKofi.textContent()).toContain('Amara Okafor');
    await h.screenshot('family-03-brother');

    const stored = await readStore(dir.path, (db) => ({
      families: db.prepare('SELECT label FROM families').all(),
      members: db.prepare('SELECT COUNT(*) AS n FROM family_children').get(),
      adults: db
        .prepare(
          'SELECT name, relationship, parental_responsibility, lives_with_child FROM family_adults',
        )
        .all(),
      contacts: db.prepare('SELECT role, name, start_date, end_date FROM key_contacts').all(),
    }));
    expect(stored).toEqual({
      families: [{ label: 'Mother’s household' }],
      members: { n: 2 },
      adults: [
        {
          name: 'Grace Okafor',
          relationship: 'mother',
          parental_responsibility: 'yes',
          lives_with_child: 'yes',
        },
      ],
      contacts: [{ role: 'social_worker', name: 'Ann Smith', start_date: since, end_date: null }],
    });
  });
});
