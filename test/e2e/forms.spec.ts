import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Child } from '../../shared/children/schema';
import type { Concern } from '../../shared/concerns/schema';
import { londonDate } from '../../shared/dates/calendar-date';
import { must, readStore, sampleChild, tempDir } from '../support/core';
import { sampleAdult, validInputs } from '../support/samples';
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
 * A teaching assistant grabbed a pupil by the arm. The DSL fills the LADO referral from the
 * child's file: Lantern lists the required fields it could not fill, the DSL completes them in
 * place and exports the form as a PDF marked OFFICIAL-SENSITIVE.
 */
describe('journey: the DSL fills in and exports the LADO referral (issue 6)', () => {
  const dir = tempDir('lantern-e2e-forms-');
  let h: Harness;
  let amara: Child;
  // Yesterday in London, so the concern is never in the future whenever this runs.
  const yesterday = londonDate(new Date(Date.now() - 24 * 60 * 60 * 1000));

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    amara = await must<Child>(core.invoke(dsl, 'children.add', sampleChild()));
    await must(core.invoke(dsl, 'family.addAdult', { childId: amara.id, adult: sampleAdult }));
    await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...validInputs['concerns.submit'],
        children: [{ childId: amara.id, role: 'victim' }],
        occurredAt: `${yesterday}T10:15`,
        location: 'Year 5 classroom',
        categories: ['physical'],
        summary:
          'A teaching assistant grabbed Amara by the upper arm and pulled her out of her seat.',
        childWords: 'He squeezed really hard.',
        flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: true },
      }),
    );
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('lists the empty required fields, which the DSL fills in place', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    await page.getByRole('button', { name: 'Fill a form' }).click();
    await expect.poll(visible(page, 'Fill a form for Amara Okafor')).toBe(true);
    await page.getByRole('radio', { name: 'LADO referral' }).check();
    await page.getByLabel('Which concern is it about?').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(visible(page, 'LADO referral')).toBe(true);
    await expect.poll(visible(page, '10 required fields are empty')).toBe(true);
    const section = (name: string) => page.getByRole('region', { name });
    expect(await section('Child').getByLabel('First name (required)').inputValue()).toBe('Amara');
    expect(
      await section('The allegation')
        .getByLabel('Full description (exact words, no opinion) (required)')
        .inputValue(),
    ).toContain('grabbed Amara by the upper arm');
    await h.axe('forms: LADO referral with required fields empty');
    await h.screenshot('forms-01-lado-missing');

    await page.getByRole('link', { name: 'Name (Adult the allegation is about)' }).click();
    await page.keyboard.type('Pat Example');
    await expect.poll(visible(page, '9 required fields are empty')).toBe(true);

    await section('Harm threshold')
      .getByLabel('Which harm-threshold criteria apply (required)')
      .fill('Behaved in a way that has harmed a child.');
    await section('Dates')
      .getByLabel('Date the allegation was received by the school (required)')
      .fill('27 Nov 2026');
    await section('Referrer').getByLabel('Phone (required)').fill('01632 960 123');
    const adult = section('Adult the allegation is about');
    await adult.getByLabel('Job title or role (required)').fill('Teaching assistant');
    await adult.getByLabel('Employment basis (required)').selectOption('Agency');
    await section('Child').getByLabel('Is the child safe now? (required)').selectOption('Yes');
    await section('The allegation').getByLabel('Category (required)').selectOption('Physical');
    const actions = section('Actions so far');
    await actions
      .getByLabel('Who has been informed (police, children’s social care, parents) (required)')
      .fill('Amara’s mother, by phone.');
    await actions.getByLabel('Is the adult aware of the referral? (required)').selectOption('No');
    await expect
      .poll(shown(page, 'Every required field is filled in. Check the form, then export it.'))
      .toBe(true);
  });

  it('exports the PDF, marked on every page, and records it', async () => {
    const { page } = h;
    await page.getByLabel('Who it is for').fill('Devon LADO');
    await page.getByLabel('Reference (optional)').fill('LADO-2026-17');
    await page.getByRole('button', { name: 'Export as PDF' }).click();
    await expect.poll(shown(page, /LADO referral saved as a PDF to /)).toBe(true);
    await h.axe('forms: LADO referral exported');
    await h.screenshot('forms-02-lado-exported');

    const today = londonDate(new Date());
    const pdf = join(dir.path, 'exports', `LADO referral Amara Okafor ${today}.pdf`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    for (const p of pages) {
      expect(p.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
      expect(p).toContain('Reference: LADO-2026-17');
    }
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'LADO referral',
      'Devon LADO',
      'Pat Example',
      'Teaching assistant',
      'Agency',
      'Amara',
      'He squeezed really hard.',
      'Amara’s mother, by phone.',
    ])
      expect(flat).toContain(expected);

    const logged = await readStore(dir.path, (db) => ({
      exports: db.prepare('SELECT kind, form, format, recipient, reference FROM exports_log').all(),
      chronology: db
        .prepare("SELECT title FROM chronology_entries WHERE source = 'export' AND child_id = ?")
        .all(amara.id),
    }));
    expect(logged).toEqual({
      exports: [
        {
          kind: 'form',
          form: 'lado',
          format: 'pdf',
          recipient: 'Devon LADO',
          reference: 'LADO-2026-17',
        },
      ],
      chronology: [{ title: 'LADO referral exported for Devon LADO' }],
    });
  });
});
