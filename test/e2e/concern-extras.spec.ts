import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { londonDate } from '../../shared/dates/calendar-date';
import { addTwoChildren, readStore, tempDir } from '../support/core';
import { solidPng } from '../support/png';
import type { Harness } from './harness';
import { startHarness } from './harness';
import {
  addTeacher,
  chooseOwnPassphrase,
  endJourney,
  lockAndReload,
  openChild,
  openPupils,
  setUpThroughCore,
  shown,
  signIn,
  signInAsDsl,
  visible,
} from './steps';

/**
 * A teacher sees a bruise on a child's arm after a fight. They start a concern about both
 * children, mark the bruise on the body map by clicking the outline, attach a photo and the
 * note from home, are called away (the draft keeps everything), come back to it from the
 * register and submit it. The DSL opens the concern and sees the mark and the files.
 */
describe('journey: a concern with a body map mark and attachments, from a draft (issue 4, item 2)', () => {
  const dir = tempDir('lantern-e2e-concern-extras-');
  let h: Harness;
  let oneTime = '';
  const teacher = { username: 'steacher', passphrase: 'blue kettle over the hill' };
  const yesterday = londonDate(new Date(Date.now() - 24 * 60 * 60 * 1000));
  const photo = solidPng(48, 32, [180, 90, 60]);
  const note = Buffer.from('%PDF-1.4\n% Note from home\n%%EOF\n');

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    await addTwoChildren(core, dsl);
    oneTime = await addTeacher(core, dsl, teacher.username);
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  const count = (sql: string) =>
    readStore(dir.path, (db) => (db.prepare(sql).get() as { n: number }).n);

  it('the teacher starts a concern about two children and marks a bruise on the outline', async () => {
    const { page } = h;
    await signIn(page, teacher.username, oneTime);
    await chooseOwnPassphrase(page, oneTime, teacher.passphrase);
    await expect.poll(shown(page, '2 pupils')).toBe(true);
    await page.getByRole('button', { name: 'Record a concern about Amara Okafor' }).click();
    await expect.poll(visible(page, 'Record a concern')).toBe(true);

    await page.getByLabel('Add another child').fill('nowak');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Add Tomasz Nowak (Year 5)' }).click();
    await page.getByLabel('Role of Amara Okafor').selectOption({ label: 'Victim' });
    await page.getByLabel('Role of Tomasz Nowak').selectOption({ label: 'Alleged perpetrator' });
    await page.getByLabel('Date', { exact: true }).fill(yesterday);
    await page
      .getByLabel('What happened? (facts you saw or heard)')
      .fill('Amara showed me a bruise on her upper arm and said Tomasz had punched her.');

    // From the front the child's right arm is on the viewer's left.
    const front = page.getByRole('img', { name: 'Front of the body: no marks' });
    const box = await front.boundingBox();
    if (!box) throw new Error('the front outline is not on screen');
    await front.click({ position: { x: box.width * 0.29, y: box.height * 0.33 } });
    expect(await page.getByLabel('Part of the body').inputValue()).toBe('right-upper-arm');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('body-map-description');
    await page.getByLabel('Kind of mark').selectOption({ label: 'Bruise' });
    await page.getByLabel('Description of the mark').fill('Bruise, 3cm, yellow-green');
    await page.getByRole('button', { name: 'Add mark' }).click();
    await expect
      .poll(shown(page, 'Front, right upper arm: Bruise. Bruise, 3cm, yellow-green'))
      .toBe(true);
    await expect
      .poll(() => page.getByRole('img', { name: 'Front of the body: mark 1' }).isVisible())
      .toBe(true);

    const file = page.getByLabel('Attach a photo or PDF');
    await file.setInputFiles({ name: 'arm.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(shown(page, /^arm\.png \(/)).toBe(true);
    await file.setInputFiles({
      name: 'Note from home.pdf',
      mimeType: 'application/pdf',
      buffer: note,
    });
    await expect.poll(shown(page, /^Note from home\.pdf \(/)).toBe(true);
    await expect
      .poll(shown(page, /^Draft saved at \d{2}:\d{2}\. Only you can see it\.$/))
      .toBe(true);
    await h.axe('concern extras: form with a mark and files');
    await h.screenshot('concern-extras-01-form');
  });

  it('the draft survives leaving the page, with its files in the encrypted store', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(visible(page, 'Pupils')).toBe(true);
    const drafts = page.getByRole('region', { name: 'Your unfinished concerns' });
    await expect.poll(() => drafts.isVisible()).toBe(true);
    expect(await drafts.textContent()).toContain('with 2 files');
    expect(await count('SELECT count(*) AS n FROM concern_drafts')).toBe(1);
    expect(
      await count('SELECT count(*) AS n FROM concern_attachments WHERE draft_id IS NOT NULL'),
    ).toBe(2);
    await h.axe('concern extras: register with a draft');
    await h.screenshot('concern-extras-02-draft-on-register');

    await drafts
      .getByRole('button', { name: 'Continue your draft about Amara Okafor, Tomasz Nowak' })
      .click();
    await expect.poll(visible(page, 'Record a concern')).toBe(true);
    await expect
      .poll(() => page.getByLabel('What happened? (facts you saw or heard)').inputValue())
      .toContain('bruise on her upper arm');
    expect(await page.getByLabel('Role of Tomasz Nowak').inputValue()).toBe('alleged_perpetrator');
    await expect
      .poll(shown(page, 'Front, right upper arm: Bruise. Bruise, 3cm, yellow-green'))
      .toBe(true);
    await expect.poll(shown(page, /^arm\.png \(/)).toBe(true);

    await page.getByRole('button', { name: 'Submit concern' }).click();
    await expect.poll(visible(page, 'Concern recorded')).toBe(true);
    expect(await count('SELECT count(*) AS n FROM concern_drafts')).toBe(0);
    expect(
      await count('SELECT count(*) AS n FROM concern_attachments WHERE concern_id IS NOT NULL'),
    ).toBe(2);
    expect(await count('SELECT count(*) AS n FROM concern_body_marks')).toBe(1);
    await page.getByRole('button', { name: 'Lock' }).click();
  });

  it('the DSL opens the concern and sees the mark, the photo and the note', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    const concerns = page.getByRole('table', { name: 'Concerns' });
    await expect.poll(() => concerns.getByRole('row').count()).toBe(2);
    await concerns.getByRole('row').nth(1).getByRole('button').click();
    const bodyMap = page.getByRole('region', { name: 'Body map' });
    await expect
      .poll(() => bodyMap.getByRole('img', { name: 'Front of the body: mark 1' }).isVisible())
      .toBe(true);
    expect(await bodyMap.textContent()).toContain(
      'Front, right upper arm: Bruise. Bruise, 3cm, yellow-green',
    );
    const files = page.getByRole('region', { name: 'Photos and documents' });
    const image = files.getByRole('img', { name: 'Attached photo arm.png' });
    await expect
      .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(48);
    await h.axe('concern extras: the DSL reads the concern');
    await h.screenshot('concern-extras-03-concern-view');

    await files.getByRole('button', { name: 'Save a copy of Note from home.pdf' }).click();
    const saved = join(dir.path, 'exports', 'Note from home.pdf');
    await expect.poll(() => existsSync(saved)).toBe(true);
    expect(readFileSync(saved).equals(note)).toBe(true);
    await expect.poll(shown(page, `Saved a copy to ${saved}.`)).toBe(true);
  });
});
