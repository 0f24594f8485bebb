import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { must, readStore, tempDir, TEST_DSL, TEST_PASSPHRASE } from '../support/core';
import type { Harness } from './harness';
import { closeBrowser, startHarness } from './harness';
import {
  chooseMisFile,
  openChild,
  openImport,
  setUpThroughCore,
  shown,
  signIn,
  visible,
} from './steps';

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
 * import, Amara's file shows her mother with parental responsibility and her brother; the same
 * file imported again changes nothing.
 */
describe('journey: import parents, carers and siblings from the MIS', () => {
  const dir = tempDir('lantern-e2e-import-contacts-');
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    await must(core.invoke(dsl, 'auth.lock', {}));
    await h.page.reload();
  });
  afterAll(async () => {
    await h.close();
    await closeBrowser();
    dir.remove();
  });

  const importFile = async () => {
    await openImport(h.page);
    await chooseMisFile(h.page, 'sims-contacts.csv');
  };

  it('previews the SIMS export with its contact columns', async () => {
    const { page } = h;
    await signIn(page, TEST_DSL.username, TEST_PASSPHRASE);
    await expect.poll(visible(page, 'Pupils')).toBe(true);
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
    expect(await adults.textContent()).toContain('Daniel Okafor (Father)');
    const family = page.getByRole('list', { name: 'Family 1' });
    expect(await family.textContent()).toContain('Chidi Okafor');
    await h.axe('import contacts: the child’s file');
    await h.screenshot('import-contacts-03-family');
  });

  it('importing the same file again changes nothing', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Back to pupils' }).click();
    await expect.poll(visible(page, 'Pupils')).toBe(true);
    const before = await snapshot(dir.path);
    expect(before.adults).toHaveLength(11);
    expect(before.families).toHaveLength(2);
    await importFile();
    await expect
      .poll(shown(page, /7 rows: 0 new, 0 updated, 7 unchanged, 0 leavers, 0 rows with problems/))
      .toBe(true);
    await h.axe('import contacts: nothing to change');
    await page.getByRole('button', { name: 'Import 7 pupils' }).click();
    await expect
      .poll(shown(page, 'Imported: 0 new, 0 updated, 7 unchanged, 0 marked as left.'))
      .toBe(true);
    await h.screenshot('import-contacts-04-reimported');
    expect(await snapshot(dir.path)).toEqual(before);
  });
});
