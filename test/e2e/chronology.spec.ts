import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Session } from '../../main/app';
import type { Child } from '../../shared/children/schema';
import { londonDate } from '../../shared/dates/calendar-date';
import {
  addTwoChildren,
  errorOf,
  fight,
  must,
  readStore,
  signedInAs,
  tempDir,
} from '../support/core';
import type { Harness } from './harness';
import { SCREENSHOTS, startHarness } from './harness';
import {
  endJourney,
  lock,
  lockAndReload,
  openChild,
  openPupils,
  setUpThroughCore,
  shown,
  signIn,
  signInAsDsl,
  visible,
} from './steps';

const HEADLINE = 'Punched twice at lunch by another pupil';
const ANALYSIS = 'Third physical incident this term: a pattern of escalating peer violence.';

/**
 * The DSL opens a child's chronology (concerns from a teacher and a child protection plan),
 * filters it, flags a significant event with a headline, makes a curated version with analysis
 * for a conference, and prints it to PDF. A teacher has no way to the chronology at all.
 */
describe('journey: the DSL works with a child’s chronology (issue 4, item 4)', () => {
  const dir = tempDir('lantern-e2e-chronology-');
  let h: Harness;
  let amara: Child;
  let teacher: Session;
  const dayAgo = (days: number) => londonDate(new Date(Date.now() - days * 24 * 60 * 60 * 1000));

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    const [added, other] = await addTwoChildren(core, dsl);
    amara = added;
    await must(
      core.invoke(dsl, 'designations.add', {
        childId: amara.id,
        designation: {
          kind: 'cp_plan',
          cpCategory: 'neglect',
          startDate: dayAgo(200),
          endDate: '',
          notes: 'Plan made at the initial child protection conference.',
        },
      }),
    );
    teacher = await signedInAs(core, dsl, 'steacher', 'staff');
    const concern = (days: number, categories: string[], summary: string) =>
      must(
        core.invoke(teacher, 'concerns.submit', {
          ...fight(amara.id, other.id),
          occurredAt: `${dayAgo(days)}T12:40`,
          occurredAtApprox: false,
          categories,
          summary,
        }),
      );
    await concern(60, ['neglect'], 'Came to school hungry and in the same clothes all week.');
    await concern(30, ['physical', 'peer_physical'], 'Pushed over in the playground.');
    await concern(2, ['physical', 'peer_physical'], 'Saw one pupil punch another twice at lunch.');
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL opens the chronology from the child’s page', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    await page.getByRole('button', { name: 'Chronology' }).click();
    await expect.poll(visible(page, 'Chronology: Amara Okafor')).toBe(true);
    await expect.poll(shown(page, 'Showing all 4 entries')).toBe(true);
    const table = page.getByRole('table', { name: 'Chronology entries' });
    await expect
      .poll(() => table.getByRole('row').nth(1).textContent())
      .toContain('Child protection plan (neglect) started');
    await h.axe('chronology: full');
    await h.screenshot('chronology-01');
  });

  it('filters by category and says how many entries are shown', async () => {
    const { page } = h;
    await page
      .locator('summary')
      .filter({ hasText: /^Categories/ })
      .click();
    await page.getByLabel('Physical abuse by other children').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(shown(page, 'Showing 2 of 4 entries')).toBe(true);
    await h.axe('chronology: filtered');
    await h.screenshot('chronology-02-filtered');
  });

  it('flags the latest incident as a significant event with a headline', async () => {
    const { page } = h;
    const row = page
      .getByRole('table', { name: 'Chronology entries' })
      .getByRole('row')
      .filter({ hasText: 'punch another twice' });
    await row.getByRole('button', { name: /^Flag as significant/ }).click();
    await row.getByLabel('Headline').fill(HEADLINE);
    await h.axe('chronology: headline editor');
    await row.getByLabel('Headline').press('Enter');
    await expect.poll(() => row.locator('strong').first().textContent()).toBe(HEADLINE);
    await expect.poll(() => row.textContent()).toContain('Significant event');
    await page.getByLabel('Significant events only').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(shown(page, 'Showing 1 of 4 entries')).toBe(true);
    await h.screenshot('chronology-03-significant');
    const stored = await readStore(dir.path, (db) =>
      db.prepare('SELECT headline FROM chronology_entries WHERE significant = 1').pluck().all(),
    );
    expect(stored).toEqual([HEADLINE]);
  });

  it('makes a curated version for a conference, with analysis', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(shown(page, 'Showing all 4 entries')).toBe(true);
    await page.getByRole('button', { name: 'Make a curated version' }).click();
    await page.getByLabel('Title').fill('Chronology for the ICPC');
    await page.getByLabel('Purpose (optional)').fill('Initial child protection conference');
    await page.getByLabel(/^Include in the curated version: Child protection plan/).check();
    await page
      .getByRole('table', { name: 'Chronology entries' })
      .getByRole('row')
      .filter({ hasText: 'punch another twice' })
      .getByRole('checkbox')
      .check();
    await page.getByLabel('Analysis for entry 2').fill(ANALYSIS);
    await h.axe('chronology: curating');
    await page.getByRole('button', { name: 'Save the curated version' }).click();
    await expect.poll(shown(page, 'Curated version saved: Chronology for the ICPC')).toBe(true);
    await h.screenshot('chronology-04-curated');
    const stored = await readStore(dir.path, (db) =>
      db
        .prepare(
          `SELECT k.title, e.position, e.analysis FROM curated_chronologies k
           JOIN curated_chronology_entries e ON e.curated_id = k.id ORDER BY e.position`,
        )
        .all(),
    );
    expect(stored).toEqual([
      { title: 'Chronology for the ICPC', position: 0, analysis: '' },
      { title: 'Chronology for the ICPC', position: 1, analysis: ANALYSIS },
    ]);
  });

  it('prints the curated version, with its analysis, to a PDF marked OFFICIAL-SENSITIVE', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Print Chronology for the ICPC' }).click();
    await expect.poll(visible(page, 'Chronology for the ICPC')).toBe(true);
    await expect.poll(shown(page, ANALYSIS)).toBe(true);
    await h.axe('chronology: print view');
    await h.screenshot('chronology-05-print');
    const pdf = join(SCREENSHOTS, 'chronology-curated.pdf');
    await page.pdf({ path: pdf, format: 'A4', landscape: true });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
    // Table cells wrap, so the text comes back in runs of words, not whole cells.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(HEADLINE);
    expect(flat).toContain('Third physical incident this');
    expect(flat).toContain('pattern of escalating peer violence.');
    expect(text).toContain('Amara Okafor');
    expect(text).toContain('B801200005001');
    expect(text).not.toContain('Back to the chronology');
  });

  it('a teacher has no way to the chronology, and main refuses it', async () => {
    const { page } = h;
    await lock(page);
    await signIn(page, 'steacher', 'a walk along the quiet river');
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Record a concern about Amara Okafor' }).isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Chronology' }).count()).toBe(0);
    await h.screenshot('chronology-06-teacher');
    const refused = await h.core().invoke(teacher, 'chronology.forChild', {
      childId: amara.id,
      filter: { from: '', to: '', categories: [], sources: [], significantOnly: false },
    });
    expect(errorOf(refused).code).toBe('forbidden');
  });
});
