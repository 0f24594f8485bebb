import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Child } from '../../shared/children/schema';
import { londonDate } from '../../shared/dates/calendar-date';
import { addTwoChildren, fight, must, readStore, tempDir, unlockedCore } from '../support/core';
import { sampleAdult, samplePartner } from '../support/samples';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { endJourney, openChild, openPupils, pageHeading, shown, signInAsDsl } from './steps';

/**
 * A mother asks for what the school holds about her daughter Amara (10). The DSL logs the request
 * from Amara's file, stops the clock while waiting for proof of identity, restarts it, decides
 * every third party the records name (the other child and the mother's former partner withheld,
 * the mother herself disclosed), and exports the response, which is logged and answers the duty.
 */
describe('journey: a subject access request (issue 8, security G5)', () => {
  const dir = tempDir('lantern-e2e-sar-');
  let h: Harness;
  let amara: Child;

  beforeAll(async () => {
    const { core, session } = await unlockedCore(dir.path);
    const [first, tomasz] = await addTwoChildren(core, session);
    amara = first;
    await must(core.invoke(session, 'family.addAdult', { childId: amara.id, adult: sampleAdult }));
    await must(
      core.invoke(session, 'family.addAdult', {
        childId: amara.id,
        adult: samplePartner,
      }),
    );
    await must(
      core.invoke(session, 'concerns.submit', {
        ...fight(amara.id, tomasz.id),
        summary: 'Tomasz Nowak punched Amara twice on the arm during lunch.',
        childWords: 'Daniel says I deserve it.',
      }),
    );
    core.close();
    h = await startHarness(dir.path);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL logs the request from the child’s file', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    await page.getByRole('button', { name: 'Log a subject access request' }).click();
    await expect.poll(pageHeading(page)).toBe('Subject access requests');
    await expect.poll(shown(page, 'No subject access request has been logged.')).toBe(true);
    await h.axe('sar: list and new request form');
    await h.screenshot('sar-01-new');
    await page.getByRole('button', { name: 'Log the request' }).click();
    await expect.poll(shown(page, 'Enter the requester’s name.')).toBe(true);
    await page.getByLabel('Requester’s name').fill('Grace Okafor');
    await page.getByLabel('Who is asking').selectOption('parent_carer');
    await page.getByLabel('How the request came in').selectOption('email');
    await page.getByLabel(/^Date received/).fill(londonDate(new Date()));
    await page
      .getByLabel(/^Competence assessment/)
      .fill('Amara is 10; she asked her mother to make the request for her.');
    await page.getByRole('button', { name: 'Log the request' }).click();
    await expect.poll(pageHeading(page)).toBe('Subject access request about Amara Okafor');
    await expect.poll(shown(page, 'Request logged and its one-month duty started.')).toBe(true);
    await h.axe('sar: the request');
    await h.screenshot('sar-02-request');
  });

  it('stops the clock while waiting for identity, then restarts it', async () => {
    const { page } = h;
    await page.getByLabel('What you are waiting for').fill('Proof of identity from the mother.');
    await page.getByRole('button', { name: 'Stop the clock' }).click();
    await expect.poll(shown(page, 'The clock is stopped.')).toBe(true);
    await expect.poll(shown(page, /so far: the clock is stopped/)).toBe(true);
    await h.axe('sar: clock stopped');
    await h.screenshot('sar-03-stopped');
    await page.getByLabel('The requester’s identity has now been checked').check();
    await page.getByRole('button', { name: 'Restart the clock' }).click();
    await expect.poll(shown(page, /The clock has restarted/)).toBe(true);
    await expect.poll(shown(page, /^Yes, /)).toBe(true);
  });

  it('decides each third party with a reason', async () => {
    const { page } = h;
    const forms = page.getByRole('group', { name: /^Your decision about / });
    await expect.poll(() => forms.count()).toBeGreaterThan(2);
    await h.screenshot('sar-04-suggestions');
    for (let left = await forms.count(); left > 0; left = await forms.count()) {
      const form = forms.first();
      const legend = (await form.locator('legend').textContent()) ?? '';
      const name = legend.replace('Your decision about ', '').trim();
      const mother = name === 'Grace Okafor';
      await form
        .getByRole('textbox')
        .fill(mother ? 'The requester’s own details.' : 'Not the requester’s information.');
      await form
        .getByRole('button', { name: `${mother ? 'Disclose' : 'Withhold'} ${name}` })
        .click();
      await expect.poll(() => forms.count()).toBe(left - 1);
    }
    await expect.poll(shown(page, /All decided\./)).toBe(true);
    await h.axe('sar: decisions made');
  });

  it('exports the response: logged, the duty done, no third party in the PDF', async () => {
    const { page } = h;
    await page.getByLabel('How it will be sent').selectOption('secure_email');
    await page.getByRole('button', { name: 'Export the response' }).click();
    await expect.poll(shown(page, /^Response saved \(\d+ pages\)/)).toBe(true);
    await expect.poll(shown(page, /^Completed$/)).toBe(true);
    await h.axe('sar: answered');
    await h.screenshot('sar-05-answered');

    const exports = join(dir.path, 'exports');
    const file = readdirSync(exports).find((f) => f.includes('subject-access'));
    expect(file).toMatch(/^Okafor-Amara-subject-access-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', join(exports, file ?? ''), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('Response to your subject access request');
    expect(text).toContain('punched Amara twice on the arm');
    expect(text).toContain('[Redacted: third party]');
    for (const name of ['Tomasz', 'Nowak', 'Daniel', 'Reeve']) expect(text).not.toContain(name);

    const stored = await readStore(dir.path, (db) => ({
      logged: db
        .prepare(`SELECT recipient, redacted FROM exports_log WHERE kind = 'subject_access'`)
        .all(),
      duty: db
        .prepare(`SELECT status FROM duties WHERE rule_id = 'sar-response' AND child_id = ?`)
        .pluck()
        .get(amara.id),
      completions: db.prepare('SELECT count(*) FROM sar_completions').pluck().get(),
    }));
    expect(stored).toEqual({
      logged: [{ recipient: 'Grace Okafor', redacted: 1 }],
      duty: 'discharged',
      completions: 1,
    });
  });
});
