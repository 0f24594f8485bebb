import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readStore, tempDir } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import {
  chooseMisFile,
  endJourney,
  lockAndReload,
  openChild,
  openImport,
  openPupils,
  setUpThroughCore,
  shown,
  signInAsDsl,
  visible,
} from './steps';

/** On an adult's card: the answer to whether the child lives with them. */
const livesWith = (card: Locator) =>
  card.locator('dt', { hasText: /^Lives with / }).locator('xpath=following-sibling::dd[1]');

/** Every table an import may write, for comparing before and after. */
const snapshot = (path: string) =>
  readStore(path, (db) => ({
    children: db.prepare('SELECT * FROM children ORDER BY id').all(),
    families: db.prepare('SELECT * FROM families ORDER BY id').all(),
    members: db.prepare('SELECT * FROM family_children ORDER BY family_id, child_id').all(),
    adults: db.prepare('SELECT * FROM family_adults ORDER BY id').all(),
  }));

/**
 * The DSL imports a SIMS export that carries each pupil's parents and carers: the preview
 * shows the adults and siblings it will add and the one email it cannot read; after the
 * import, Amara's file shows her mother with parental responsibility and her brother, and that
 * nobody has said whether Amara lives with them; the DSL records that she does not live with
 * her father; the same file imported again changes nothing, that answer included.
 */
describe('journey: import parents, carers and siblings from the MIS', () => {
  const dir = tempDir('lantern-e2e-import-contacts-');
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  const importFile = async () => {
    await openImport(h.page);
    await chooseMisFile(h.page, 'sims-contacts.csv');
  };

  it('previews the SIMS export with its contact columns', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await importFile();
    await expect
      .poll(
        shown(
          page,
          'Recognised as a SIMS export. 7 rows: 6 new, 0 updated, 0 unchanged, 1 leaver, 0 rows with problems.',
        ),
      )
      .toBe(true);
    expect(await page.getByLabel('Contact 1 full name').inputValue()).toBe('Contact 1 Name');
    expect(await page.getByLabel('Contact 1 parental responsibility').inputValue()).toBe(
      'Contact 1 Parental Responsibility',
    );
    const rows = page.getByRole('table', { name: 'Import preview' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(8);
    expect(await rows.nth(1).textContent()).toContain(
      'Add Grace Okafor (Mother, has parental responsibility)',
    );
    expect(await rows.nth(3).textContent()).toContain(
      'Add Sean Walsh (Step-parent, no parental responsibility)',
    );
    expect(await rows.nth(5).textContent()).toContain(
      'Contact detail left out: Contact 1 Email “kasia.nowak@example”: Not an email address, so it was not imported.',
    );
    await h.axe('import contacts: preview');
    await h.screenshot('import-contacts-01-preview');

    await page.getByRole('button', { name: 'Import 7 pupils' }).click();
    await expect.poll(visible(page, 'Pupils')).toBe(true);
    await expect
      .poll(
        shown(
          page,
          'Imported: 6 new, 0 updated, 0 unchanged, 1 marked as left. Parents and carers: 11 added, 0 updated. 4 pupils linked with siblings.',
        ),
      )
      .toBe(true);
    await h.screenshot('import-contacts-02-imported');
  });

  it('shows the mother with parental responsibility and the brother on Amara’s file', async () => {
    const { page } = h;
    await openChild(page, 'Amara Okafor');
    await expect.poll(visible(page, 'Family and key contacts')).toBe(true);
    const adults = page.getByRole('list', { name: 'Parents, carers and relatives' });
    await expect.poll(() => adults.textContent()).toContain('Grace Okafor (Mother)');
    const grace = adults.getByRole('listitem').filter({ hasText: 'Grace Okafor' });
    expect(await grace.textContent()).toContain('Has parental responsibility');
    expect(await grace.textContent()).toContain('07700 900123');
    // The MIS never said, so the file does not claim "No".
    expect(await livesWith(grace).textContent()).toBe('Not known');
    expect(await adults.textContent()).toContain('Daniel Okafor (Father)');
    const family = page.getByRole('list', { name: 'Family 1' });
    expect(await family.textContent()).toContain('Chidi Okafor');
    await h.axe('import contacts: the child’s file');
    await h.screenshot('import-contacts-03-family');
  });

  it('the DSL records that Amara does not live with her father', async () => {
    const { page } = h;
    const adults = page.getByRole('list', { name: 'Parents, carers and relatives' });
    const daniel = adults.getByRole('listitem').filter({ hasText: 'Daniel Okafor' });
    expect(await livesWith(daniel).textContent()).toBe('Not known');
    await daniel.getByRole('button', { name: 'Change Daniel Okafor’s details' }).click();
    const form = page.getByRole('form', { name: 'Change Daniel Okafor’s details' });
    const question = form.getByLabel('Does the child live with them?');
    expect(await question.inputValue()).toBe('unknown');
    await question.selectOption({ label: 'No' });
    await h.axe('import contacts: changing an imported adult');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => livesWith(daniel).textContent()).toBe('No');
  });

  it('importing the same file again changes nothing', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Back to pupils' }).click();
    await expect.poll(visible(page, 'Pupils')).toBe(true);
    const before = await snapshot(dir.path);
    expect(before.adults).toHaveLength(11);
    const answers = (before.adults as { name: string; lives_with_child: string }[]).map(
      (a) => `${a.name}: ${a.lives_with_child}`,
    );
    // Daniel is on Amara's and Chidi's files; only Amara's answer was recorded.
    expect(answers.filter((a) => !a.endsWith(': unknown'))).toEqual(['Daniel Okafor: no']);
    expect(before.families).toHaveLength(2);
    await importFile();
    await expect
      .poll(shown(page, /7 rows: 0 new, 0 updated, 7 unchanged, 0 leavers, 0 rows with problems/))
      .toBe(true);
    // Every pupil and every adult is already on the register as the file has them.
    await expect
      .poll(shown(page, 'Nothing to import: every pupil is already up to date.'))
      .toBe(true);
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await h.axe('import contacts: nothing to change');
    await h.screenshot('import-contacts-04-nothing-to-import');
    expect(await snapshot(dir.path)).toEqual(before);
  });
});
