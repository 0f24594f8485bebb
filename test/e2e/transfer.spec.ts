import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { Child } from '../../shared/children/schema';
import { addDays, londonDate } from '../../shared/dates/calendar-date';
import { fight, must, readStore, sampleChild, sampleSchool, tempDir } from '../support/core';
import type { Harness } from './harness';
import { closeBrowser, startHarness } from './harness';
import {
  lockAndReload,
  openChild,
  openPupils,
  pageHeading,
  setUpThroughCore,
  shown,
  signInAsDsl,
  visible,
} from './steps';

const PASSPHRASE = 'kettle orchard lantern blue';
/** Argon2id at the production cost (a transfer does not use the tests' cheap one) takes seconds. */
const SLOW = { timeout: 15_000 };

function savedFile(dataDir: string, extension: string): string {
  const dir = join(dataDir, 'exports');
  const name = readdirSync(dir).find((f) => f.endsWith(extension));
  if (!name) throw new Error(`no .${extension} file in ${dir}`);
  return join(dir, name);
}

/**
 * Issue 6's transfer journey across two schools, each with its own encrypted data directory:
 * Riverside's DSL exports a leaver's file as a signed, encrypted bundle; Hillside's DSL checks
 * it with the passphrase, confirms the pupil matched by UPN, imports it and saves a receipt;
 * Riverside's DSL records the receipt, which discharges the duty to obtain it.
 */
describe('journey: transferring a child protection file to the new school (issue 6)', () => {
  const dirA = tempDir('lantern-e2e-transfer-a-');
  const dirB = tempDir('lantern-e2e-transfer-b-');
  let h: Harness | null = null;

  afterAll(async () => {
    await h?.close();
    await closeBrowser();
    dirA.remove();
    dirB.remove();
  });

  it('Riverside exports the leaver’s file; Hillside imports it; Riverside records the receipt', async () => {
    const today = londonDate(new Date());
    // School A: a leaver who appears in a concern, so the transfer duty is open.
    h = await startHarness(dirA.path);
    let core = h.core();
    let dsl = await setUpThroughCore(core);
    await must(
      core.invoke(dsl, 'school.save', {
        ...sampleSchool,
        name: 'Riverside Primary School',
        urn: '100001',
      }),
    );
    const amara = await must<Child>(core.invoke(dsl, 'children.add', sampleChild()));
    const tomasz = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Tomasz', legalSurname: 'Nowak', upn: '' }),
      ),
    );
    await must(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(amara.id, tomasz.id),
        occurredAt: `${addDays(today, -3)}T12:40`,
      }),
    );
    await must(
      core.invoke(dsl, 'children.update', {
        id: amara.id,
        child: sampleChild({ leavingDate: addDays(today, -1) }),
      }),
    );
    await lockAndReload(h, dsl);
    const page = () => {
      if (!h) throw new Error('no harness');
      return h.page;
    };

    await signInAsDsl(page());
    await openPupils(page());
    await page().getByLabel('Include pupils who have left').check();
    await openChild(page(), /Amara Okafor/);
    // The first: the file's own button, above the open duty of the same name.
    await page()
      .getByRole('button', { name: 'Transfer the child protection file', exact: true })
      .first()
      .click();
    await expect.poll(pageHeading(page())).toBe('Transfer the child protection file');
    await h.axe('transfer: the form');
    await page().getByRole('button', { name: 'Export the transfer file' }).click();
    await expect.poll(shown(page(), 'Enter a passphrase.')).toBe(true);
    await h.screenshot('transfer-01-form-errors');
    await h.axe('transfer: the form with errors');

    await page().getByLabel('Receiving school’s name').fill('Hillside Academy');
    await page().getByLabel('Receiving school’s URN').fill('100002');
    await page().getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page().getByLabel('Passphrase again').fill(PASSPHRASE);
    await page().getByRole('button', { name: 'Export the transfer file' }).click();
    await expect
      .poll(shown(page(), /The transfer file for Hillside Academy was saved/), SLOW)
      .toBe(true);
    await expect.poll(shown(page(), /signing key fingerprint/)).toBe(true);
    await h.screenshot('transfer-02-exported');
    await h.axe('transfer: exported');
    await page().getByRole('button', { name: 'Export printable PDF' }).click();
    await expect.poll(shown(page(), /The printable file for Hillside Academy/)).toBe(true);
    const bundlePath = savedFile(dirA.path, 'lantern-transfer');
    const dutiesA = await readStore(dirA.path, (db) =>
      db.prepare('SELECT rule_id AS ruleId, status FROM duties ORDER BY rule_id').all(),
    );
    expect(dutiesA).toEqual([
      { ruleId: 'cp-transfer', status: 'discharged' },
      { ruleId: 'cp-transfer-receipt', status: 'open' },
    ]);
    await h.close();
    h = null;

    // School B: the same pupil (same UPN) already on its register.
    h = await startHarness(dirB.path);
    core = h.core();
    dsl = await setUpThroughCore(core);
    await must(
      core.invoke(dsl, 'school.save', {
        ...sampleSchool,
        name: 'Hillside Academy',
        urn: '100002',
        phase: 'secondary',
      }),
    );
    const amaraB = await must<Child>(core.invoke(dsl, 'children.add', sampleChild()));
    await lockAndReload(h, dsl);
    await signInAsDsl(page());
    await openPupils(page());
    await page().getByRole('button', { name: 'Receive a transferred file' }).click();
    await expect.poll(pageHeading(page())).toBe('Child protection file transfers');
    await h.axe('receive: the page');
    await page().getByLabel('The transfer file').setInputFiles(bundlePath);
    await page().getByLabel('Passphrase', { exact: true }).fill('not the right passphrase');
    await page().getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(shown(page(), /The passphrase does not open this file/), SLOW).toBe(true);
    await h.screenshot('transfer-03-wrong-passphrase');
    await h.axe('receive: wrong passphrase');

    await page().getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page().getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(visible(page(), 'What the file holds'), SLOW).toBe(true);
    await expect.poll(shown(page(), /Riverside Primary School \(URN 100001\)/)).toBe(true);
    expect(
      await page()
        .getByLabel(/Amara Okafor, born .* \(same UPN\)/)
        .isChecked(),
    ).toBe(true);
    await h.screenshot('transfer-04-preview');
    await h.axe('receive: preview');
    await page().getByRole('button', { name: 'Import the file' }).click();
    await expect.poll(shown(page(), /is now on their file here/), SLOW).toBe(true);
    await page().getByRole('button', { name: 'Save the receipt' }).click();
    await expect.poll(shown(page(), /The receipt was saved to/)).toBe(true);
    await h.screenshot('transfer-05-imported');
    await h.axe('receive: imported');
    const transferred = await readStore(dirB.path, (db) =>
      db
        .prepare(
          "SELECT title FROM chronology_entries WHERE child_id = ? AND source = 'transfer_in'",
        )
        .all(amaraB.id),
    );
    expect(transferred).toContainEqual({
      title: 'From Riverside Primary School: Concern recorded: victim',
    });
    const receiptPath = savedFile(dirB.path, 'lantern-receipt');
    await h.close();
    h = null;

    // Back at school A: the receipt is recorded and the receipt duty discharged.
    h = await startHarness(dirA.path);
    await signInAsDsl(page());
    await openPupils(page());
    await page().getByRole('button', { name: 'Receive a transferred file' }).click();
    await page().getByLabel('The receipt').setInputFiles(receiptPath);
    await page().getByRole('button', { name: 'Record the receipt' }).click();
    await expect
      .poll(shown(page(), /Receipt recorded: Amara Okafor’s file was received by Dana Lead/))
      .toBe(true);
    await h.screenshot('transfer-06-receipt-recorded');
    await h.axe('receipt recorded');
    const after = await readStore(dirA.path, (db) =>
      db.prepare('SELECT rule_id AS ruleId, status FROM duties ORDER BY rule_id').all(),
    );
    expect(after).toEqual([
      { ruleId: 'cp-transfer', status: 'discharged' },
      { ruleId: 'cp-transfer-receipt', status: 'discharged' },
    ]);
  });
});
