import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Child } from '../../shared/children/schema';
import { fight, must, readStore, sampleChild, tempDir, unlockedCore } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { endJourney, shown, signInAsDsl, visible } from './steps';

const NAME = 'Jordan Quillfeather';

/**
 * A pupil who left in 2018, born in 2000, whose child protection file reached its review date
 * (date of birth + 25 years) in 2025. The DSL finds it on the dashboard, places a legal hold,
 * sees the hold block destruction, lifts it, destroys the file with the name typed, and reads the
 * destruction register, which names no child.
 */
describe('journey: retention, legal hold and destruction (issue 8)', () => {
  const dir = tempDir('lantern-e2e-retention-');
  let h: Harness;
  let leaver: Child;

  beforeAll(async () => {
    // Recorded in 2020, while the pupil's file was young: the register refuses a date of birth
    // more than 25 years ago today.
    const { core, session } = await unlockedCore(dir.path, () => new Date('2020-03-02T10:00:00Z'));
    leaver = await must<Child>(
      core.invoke(
        session,
        'children.add',
        sampleChild({
          legalForename: 'Jordan',
          legalSurname: 'Quillfeather',
          dateOfBirth: '2000-05-10',
          upn: '',
          yearGroup: '13',
          admissionDate: '2011-09-05',
          leavingDate: '2018-07-20',
        }),
      ),
    );
    await must(
      core.invoke(session, 'concerns.submit', {
        ...fight(leaver.id, leaver.id),
        children: [{ childId: leaver.id, role: 'subject' }],
        occurredAt: '2020-03-01T09:10',
      }),
    );
    core.close();
    h = await startHarness(dir.path);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL sees the file due on the dashboard and the retention queue', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await expect.poll(visible(page, 'Records due for review (1)')).toBe(true);
    await h.axe('retention: dashboard card');
    await h.screenshot('retention-01-dashboard');
    await page.getByRole('button', { name: 'Open retention' }).click();
    await expect.poll(visible(page, 'Files due for review')).toBe(true);
    const row = page
      .getByRole('table', { name: 'Files due for review' })
      .getByRole('row', { name: new RegExp(`^${NAME}`) });
    await expect.poll(() => row.getByText('10 May 2025').isVisible()).toBe(true);
    expect(await row.getByText('20 Jul 2018').isVisible()).toBe(true);
    await h.axe('retention: the review queue');
    await h.screenshot('retention-02-queue');
  });

  it('a legal hold blocks destruction with a clear message until it is lifted', async () => {
    const { page } = h;
    await page.getByRole('button', { name: `Place a legal hold on ${NAME}’s file` }).click();
    await page
      .getByLabel('Why the file must be kept')
      .fill('Police request of 27 Nov 2026: preserve the file.');
    await page.getByRole('button', { name: 'Place the hold' }).click();
    await expect.poll(shown(page, `${NAME}’s file is now under a legal hold.`)).toBe(true);

    await page.getByRole('button', { name: `Destroy ${NAME}’s file` }).click();
    await page.getByLabel('Type the child’s legal name to confirm').fill(NAME);
    await page.getByLabel(/^Reason for destruction/).fill('Retention period ended; file reviewed.');
    await page.getByRole('button', { name: 'Destroy the file' }).click();
    await expect
      .poll(
        shown(
          page,
          /This file is under a legal hold placed on .*; lift the hold before destroying it\./,
        ),
      )
      .toBe(true);
    await h.axe('retention: destruction refused under a hold');
    await h.screenshot('retention-03-hold-blocks');
    const held = await readStore(dir.path, (db) =>
      db.prepare('SELECT count(*) FROM children WHERE id = ?').pluck().get(leaver.id),
    );
    expect(held).toBe(1);

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: `Lift the legal hold on ${NAME}’s file` }).click();
    await page
      .getByLabel('Why the hold can be lifted')
      .fill('The police confirmed the case is closed.');
    await page.getByRole('button', { name: 'Lift the hold' }).click();
    await expect.poll(shown(page, `The legal hold on ${NAME}’s file has been lifted.`)).toBe(true);
  });

  it('the DSL destroys the file with the name typed, and the register shows it without a name', async () => {
    const { page } = h;
    await page.getByRole('button', { name: `Destroy ${NAME}’s file` }).click();
    await expect.poll(shown(page, 'This cannot be undone.')).toBe(true);
    await h.axe('retention: the destruction form');
    await page.getByLabel('Type the child’s legal name to confirm').fill(NAME);
    await page.getByLabel(/^Reason for destruction/).fill('Retention period ended; file reviewed.');
    await page.getByRole('button', { name: 'Destroy the file' }).click();
    await expect.poll(shown(page, `${NAME}’s file has been destroyed.`)).toBe(true);
    await expect.poll(shown(page, 'No file is due for review in this period.')).toBe(true);
    const register = page.getByRole('table', { name: 'Destruction register' });
    await expect.poll(() => register.getByText(leaver.id).isVisible()).toBe(true);
    expect(await register.textContent()).not.toContain('Quillfeather');
    await h.axe('retention: the register after a destruction');
    await h.screenshot('retention-04-register');

    const stored = await readStore(dir.path, (db) => ({
      children: db.prepare('SELECT count(*) FROM children WHERE id = ?').pluck().get(leaver.id),
      concerns: db.prepare('SELECT count(*) FROM concerns').pluck().get(),
      records: db.prepare('SELECT child_id, reason FROM destruction_records').all(),
    }));
    expect(stored).toEqual({
      children: 0,
      concerns: 0,
      records: [{ child_id: leaver.id, reason: 'Retention period ended; file reviewed.' }],
    });
  });
});
