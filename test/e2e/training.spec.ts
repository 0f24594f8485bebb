import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addDays, addMonths, londonDate } from '../../shared/dates/calendar-date';
import type { TrainingPerson } from '../../shared/training/schema';
import { must, readStore, tempDir } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { endJourney, lockAndReload, setUpThroughCore, shown, signInAsDsl, visible } from './steps';

/**
 * The DSL sees on the dashboard that training is overdue, opens the training matrix, and records
 * a colleague's formal DSL training with its certificate (issue 7).
 */
describe('journey: the DSL keeps the school’s safeguarding training records (issue 7)', () => {
  const dir = tempDir('lantern-e2e-training-');
  let h: Harness;
  const today = londonDate(new Date());

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    const dana = await must<TrainingPerson>(
      core.invoke(dsl, 'training.addPerson', {
        name: 'Dana Lead',
        jobTitle: 'Designated safeguarding lead',
        groups: ['all_staff', 'dsl_team'],
        startDate: '2019-09-01',
        leavingDate: '',
        userId: null,
      }),
    );
    const record = (kind: 'dsl_formal' | 'annual_update' | 'induction', completedOn: string) =>
      must(
        core.invoke(dsl, 'training.record', {
          personId: dana.id,
          kind,
          completedOn,
          provider: 'Westshire SCP',
          notes: '',
          evidence: null,
        }),
      );
    await record('induction', '2019-09-02');
    await record('dsl_formal', addMonths(today, -25));
    await record('annual_update', addDays(addMonths(today, -12), 10));
    await must(
      core.invoke(dsl, 'training.importStaff', {
        csv: 'Name,Job title,Start date,Groups\nPriya Natarajan,Class teacher,01/09/2024,All staff\nGita Shah,Chair of governors,10/01/2022,Governors\n',
        apply: true,
      }),
    );
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('shows training due on the dashboard and the matrix in words', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await expect.poll(visible(page, /^Training due/)).toBe(true);
    await page.getByRole('button', { name: 'Open training records' }).click();
    await expect.poll(visible(page, /^Training$/)).toBe(true);
    const matrix = page.getByRole('table', { name: 'Training by person and requirement' });
    await expect.poll(() => matrix.isVisible()).toBe(true);
    const dana = matrix.getByRole('row').filter({ hasText: 'Dana Lead' });
    await expect.poll(() => dana.textContent()).toMatch(/Overdue since/);
    await expect.poll(() => dana.textContent()).toMatch(/Due by/);
    await h.axe('training: the matrix');
    await h.screenshot('training-01-matrix');
  });

  it('records Priya’s induction with a PDF certificate', async () => {
    const { page } = h;
    const pdf = join(dir.path, 'induction certificate.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% induction certificate\n%%EOF\n');
    await page.getByRole('button', { name: 'Priya Natarajan' }).click();
    const form = page.getByRole('form', { name: 'Record training for Priya Natarajan' });
    await form.getByRole('button', { name: 'Record training' }).click();
    await expect.poll(shown(page, 'Choose the training.')).toBe(true);
    await h.axe('training: record form with errors');
    await form
      .getByLabel('Training')
      .selectOption({ label: 'Safeguarding and child protection induction' });
    await form.getByLabel('Date completed').fill(today);
    await form.getByLabel('Provider').fill('Dana Lead (DSL)');
    await form.getByLabel('Evidence (optional)').setInputFiles(pdf);
    await form.getByRole('button', { name: 'Record training' }).click();
    await expect.poll(shown(page, 'Training recorded for Priya Natarajan.')).toBe(true);
    await h.axe('training: a person’s records');
    await h.screenshot('training-02-person');
    const stored = await readStore(dir.path, (db) =>
      db
        .prepare(
          "SELECT kind, evidence_name, evidence_type FROM training_records WHERE provider = 'Dana Lead (DSL)'",
        )
        .all(),
    );
    expect(stored).toEqual([
      {
        kind: 'induction',
        evidence_name: 'induction certificate.pdf',
        evidence_type: 'application/pdf',
      },
    ]);
  });
});
