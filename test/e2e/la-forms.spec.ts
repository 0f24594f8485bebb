import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Child } from '../../shared/children/schema';
import type { Concern } from '../../shared/concerns/schema';
import { londonDate } from '../../shared/dates/calendar-date';
import { must, readStore, sampleChild, tempDir } from '../support/core';
import { marfPdf } from '../support/la-forms';
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
 * The DSL imports Westshire's own fillable MARF once, checks what Lantern suggests for each
 * field, ticks "Parents aware of referral" with fixed text, and fills the form for a child: the
 * saved PDF is flattened and holds the child's details.
 */
describe('journey: the DSL maps and fills the local authority’s own form (issue 6)', () => {
  const dir = tempDir('lantern-e2e-la-forms-');
  const formFile = join(dir.path, 'Westshire MARF.pdf');
  let h: Harness;
  let amara: Child;
  const yesterday = londonDate(new Date(Date.now() - 24 * 60 * 60 * 1000));

  beforeAll(async () => {
    writeFileSync(formFile, await marfPdf());
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
        categories: ['neglect'],
        summary: 'Amara arrived hungry again and said there was no food at home.',
        childWords: 'Mum was asleep all day.',
      }),
    );
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('imports the fillable PDF and shows the suggested mapping', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await expect.poll(visible(page, 'Local authority forms')).toBe(true);
    await page.getByLabel('Name of the form').fill('Westshire MARF');
    await page.getByLabel('The form’s file').setInputFiles(formFile);
    await h.axe('la-forms: Settings, importing a form');
    await h.screenshot('la-forms-00-settings-import');
    await page.getByRole('button', { name: 'Import the form' }).click();
    await expect.poll(visible(page, 'Map the fields of Westshire MARF')).toBe(true);
    await expect.poll(shown(page, /“Westshire MARF” imported: 14 of 16 fields mapped/)).toBe(true);

    const source = (field: string) =>
      page.getByLabel(`What fills “${field}”`).evaluate((s) => (s as HTMLSelectElement).value);
    expect(await source('Child First Name')).toBe('child.forename');
    expect(await source('Date of Birth')).toBe('child.dateOfBirth');
    expect(await source('UPN')).toBe('child.upn');
    expect(await source('Parent/Carer 1 Name')).toBe('parent1.name');
    expect(await source('Name of School')).toBe('school.name');
    expect(await source('Gender')).toBe('child.gender');
    expect(await source('Post code')).toBe('child.postcode');
    expect(await source('Favourite colour')).toBe('');
    expect(await source('Parents aware of referral')).toBe('');
    await h.axe('la-forms: suggested mapping');
    await h.screenshot('la-forms-01-suggested-mapping');

    await page.getByLabel('What fills “Parents aware of referral”').selectOption('fixed');
    await page.getByLabel('Fixed text for “Parents aware of referral”').fill('Yes');
    await page.getByRole('button', { name: 'Save the mapping' }).click();
    await expect.poll(shown(page, 'Mapping saved for “Westshire MARF”.')).toBe(true);
    const stored = await readStore(dir.path, (db) =>
      db.prepare('SELECT mapping FROM form_templates').get(),
    );
    expect(JSON.parse((stored as { mapping: string }).mapping)).toMatchObject({
      'Child First Name': { kind: 'key', key: 'child.forename' },
      'Parents aware of referral': { kind: 'fixed', text: 'Yes' },
    });
  });

  it('previews and fills the form for a child; the saved PDF is flattened', async () => {
    const { page } = h;
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    await page.getByRole('button', { name: 'Fill your local authority’s form' }).click();
    await expect
      .poll(visible(page, 'Fill your local authority’s form for Amara Okafor'))
      .toBe(true);
    await page.getByLabel('Which form?').selectOption({ label: 'Westshire MARF (Fillable PDF)' });
    await page.getByLabel('Which concern is it about?').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('table', { name: 'Preview: Westshire MARF' });
    await expect.poll(() => preview.isVisible()).toBe(true);
    const row = (field: string) => preview.getByRole('row', { name: new RegExp(`^${field}`) });
    expect(await row('Child First Name').textContent()).toContain('Amara');
    expect(await row('Reason for referral').textContent()).toContain('arrived hungry again');
    await h.axe('la-forms: preview');
    await h.screenshot('la-forms-02-preview');

    await page.getByLabel('Who is it for?').fill('Westshire MASH');
    await page.getByRole('button', { name: 'Fill and save' }).click();
    await expect.poll(shown(page, /Westshire MARF filled and saved to /)).toBe(true);
    await h.axe('la-forms: filled and saved');
    await h.screenshot('la-forms-03-saved');

    const today = londonDate(new Date());
    const saved = join(dir.path, 'exports', `Westshire MARF Amara Okafor ${today}.pdf`);
    const filled = await PDFDocument.load(readFileSync(saved));
    expect(filled.getForm().getFields()).toHaveLength(0);
    // Words as poppler reads them, whatever lines the form's boxes wrapped them onto.
    const text = execFileSync('pdftotext', ['-raw', saved, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const expected of [
      'Amara',
      'Okafor',
      '14 Mar 2016',
      'B801200005001',
      'Riverside Primary School',
      'Grace Okafor',
      'Female',
      'Mum was asleep all day.',
    ])
      expect(text).toContain(expected);
    // The first page as an image, to look at.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      saved,
      join(process.cwd(), 'test-results', 'e2e', 'la-forms-04-filled-pdf'),
    ]);

    const logged = await readStore(dir.path, (db) => ({
      exports: db.prepare('SELECT kind, format, recipient FROM exports_log').all(),
      chronology: db
        .prepare("SELECT title FROM chronology_entries WHERE source = 'export' AND child_id = ?")
        .all(amara.id),
    }));
    expect(logged).toEqual({
      exports: [{ kind: 'la_form', format: 'pdf', recipient: 'Westshire MASH' }],
      chronology: [{ title: 'Westshire MARF filled for Westshire MASH' }],
    });
  });
});
