import { existsSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_QUESTIONS } from '../../shared/audit-s175/questions';
import type { EvidenceOption } from '../../shared/audit-s175/schema';
import { academicYearOf } from '../../shared/dates/calendar-schema';
import { londonDate } from '../../shared/dates/calendar-date';
import { seedAuditEvidence } from '../support/audit-evidence';
import { readStore, tempDir } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { endJourney, lockAndReload, setUpThroughCore, shown, signInAsDsl } from './steps';

/**
 * Issue 7's annual safeguarding audit: the DSL starts this year's audit, rates questions with
 * comments and evidence linked to a policy review and a training record (seeded through the
 * core), plans an action and saves the audit as a PDF.
 */
describe('journey: the annual safeguarding audit (issue 7)', () => {
  const dir = tempDir('lantern-e2e-audit-');
  let h: Harness;
  let policy: EvidenceOption;
  let training: EvidenceOption;
  const year = academicYearOf(londonDate(new Date()));
  const [first, second, third] = DEFAULT_QUESTIONS as [
    (typeof DEFAULT_QUESTIONS)[number],
    (typeof DEFAULT_QUESTIONS)[number],
    (typeof DEFAULT_QUESTIONS)[number],
  ];
  const question = (text: string) => h.page.getByRole('region', { name: text, exact: true });
  /** Sections start folded, with their progress in the summary. */
  const openSection = (title: string) =>
    h.page.locator('summary').filter({ hasText: title }).first().click();

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    ({ policy, training } = await seedAuditEvidence(core, dsl));
    await lockAndReload(h, dsl);
  }, 120_000);

  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL starts this year’s audit from the navigation', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Safeguarding audit' })
      .click();
    await page.getByRole('button', { name: `Start the ${year} audit` }).click();
    await expect
      .poll(shown(page, `0 of ${DEFAULT_QUESTIONS.length} answered; 0 red, 0 amber.`))
      .toBe(true);
    await h.axe('audit: started');
    await h.screenshot('audit-01-started');
  });

  it('answers questions with evidence links and plans an action', async () => {
    const { page } = h;
    await openSection(first.section);
    const q1 = question(first.text);
    await q1.getByRole('radio', { name: 'Amber' }).check();
    await q1.getByLabel('Comment').fill('Policy approved; governor training still to book.');
    await q1.getByLabel('Link a record').selectOption({ label: `Policy review: ${policy.label}` });
    await q1.getByRole('button', { name: 'Link record' }).click();
    await q1.getByRole('button', { name: 'Save answer' }).click();
    await expect.poll(() => q1.getByText('Saved.').isVisible()).toBe(true);

    if (second.section !== first.section) await openSection(second.section);
    const q2 = question(second.text);
    await q2.getByRole('radio', { name: 'Green' }).check();
    await q2
      .getByLabel('Link a record')
      .selectOption({ label: `Training record: ${training.label}` });
    await q2.getByRole('button', { name: 'Link record' }).click();
    await q2.getByRole('button', { name: 'Save answer' }).click();
    await expect.poll(() => q2.getByText('Saved.').isVisible()).toBe(true);

    if (third.section !== second.section) await openSection(third.section);
    const q3 = question(third.text);
    await q3.getByRole('radio', { name: 'Red' }).check();
    await q3.getByLabel('Other evidence').fill('Governing body minutes, 12 Oct 2026');
    await q3.getByRole('button', { name: 'Add evidence' }).click();
    await q3.getByRole('button', { name: 'Save answer' }).click();
    await expect.poll(() => q3.getByText('Saved.').isVisible()).toBe(true);
    await q3.getByText('Add an action').click();
    await q3.getByLabel('Action', { exact: true }).fill('Name a governor to liaise with the LADO');
    await q3.getByLabel('Owner').fill('Chair of governors');
    await q3.getByLabel('Due date').fill('2027-01-31');
    await q3.getByRole('button', { name: 'Add action' }).click();
    await expect
      .poll(() =>
        q3.getByText(/Name a governor to liaise with the LADO\. Owner: Chair/).isVisible(),
      )
      .toBe(true);

    await expect
      .poll(shown(page, `3 of ${DEFAULT_QUESTIONS.length} answered; 1 red, 1 amber.`))
      .toBe(true);
    await h.axe('audit: answered');
    await h.screenshot('audit-02-answered');

    const rows = await readStore(dir.path, (db) =>
      db
        .prepare('SELECT question_id, rag, evidence FROM audit_answers ORDER BY rowid')
        .all()
        .map((r) => {
          const row = r as { question_id: string; rag: string; evidence: string };
          return { ...row, evidence: JSON.parse(row.evidence) as unknown };
        }),
    );
    expect(rows).toEqual([
      { question_id: first.id, rag: 'amber', evidence: [policy] },
      { question_id: second.id, rag: 'green', evidence: [training] },
      {
        question_id: third.id,
        rag: 'red',
        evidence: [{ kind: 'other', id: '', label: 'Governing body minutes, 12 Oct 2026' }],
      },
    ]);
  });

  it('saves the audit as a PDF, logged without a child', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect.poll(shown(page, /The audit was saved to /)).toBe(true);
    await h.axe('audit: exported');
    const logged = await readStore(dir.path, (db) =>
      db.prepare("SELECT child_id, form, format FROM exports_log WHERE form = 's175-audit'").all(),
    );
    expect(logged).toEqual([{ child_id: null, form: 's175-audit', format: 'pdf' }]);
    const saved = (await page.getByText(/The audit was saved to /).textContent()) ?? '';
    expect(existsSync(saved.replace(/^The audit was saved to /, '').replace(/\.$/, ''))).toBe(true);
  });
});
