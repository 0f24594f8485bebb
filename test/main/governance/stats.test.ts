import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSyntheticSchool, schoolSizes } from '../../../main/demo/synthetic-school';
import type { LanternCore } from '../../../main/app';
import type { MethodName } from '../../../shared/api';
import { decisionLabels } from '../../../shared/casework/schema';
import { statutoryCategories } from '../../../shared/concerns/taxonomy';
import { dutyRules } from '../../../shared/duties/rules';
import type { GovernanceStats } from '../../../shared/governance/stats';
import {
  academicMonths,
  governanceSectionTitles,
  monthLabel,
} from '../../../shared/governance/stats';
import type { PublishedTable } from '../../../shared/governance/suppression';
import { trainingRequirements } from '../../../shared/governance/training';
import {
  errorOf,
  folderPlatform,
  must,
  readStore,
  signedInAs,
  TEST_DSL,
  TEST_KDF,
  TEST_PASSPHRASE,
  tempDir,
  unlockedCore,
} from '../../support/core';
import type { ChildSecrets } from '../../support/child-secrets';
import { childSecrets, expectNothingAboutAChild } from '../../support/child-secrets';
import { recoverable } from '../../support/recoverable';
import { validInputs } from '../../support/samples';

type Session = ReturnType<LanternCore['createSession']>;

const NOW = new Date('2026-11-28T12:00:00Z');
const dir = tempDir();
let core: LanternCore;
let dsl: Session;
let governor: Session;

let secrets: ChildSecrets;

beforeAll(async () => {
  await createSyntheticSchool({
    dataDir: dir.path,
    seed: 7,
    size: schoolSizes.small,
    now: NOW,
    dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE },
    kdf: TEST_KDF,
  });
  secrets = await childSecrets(dir.path);
  ({ core, session: dsl } = await unlockedCore(dir.path, () => NOW, folderPlatform(dir.path)));
  governor = await signedInAs(core, dsl, 'gov1', 'governor');
}, 120_000);

afterAll(() => {
  dir.remove();
});

/** Every label Lantern itself writes into a governor's response: fixed words, not records. */
function vocabulary(stats: GovernanceStats): Set<string> {
  return new Set<string>([
    ...statutoryCategories.map((c) => c.label),
    'Other concerns (no statutory category)',
    ...Object.values(decisionLabels),
    ...dutyRules.map((r) => r.title),
    ...trainingRequirements.map((r) => r.title),
    ...academicMonths(stats.academicYear).map(monthLabel),
    'Autumn term',
    'Spring term',
    'Summer term',
    'Michaelmas',
    'Lent',
    'Trinity',
    'Referred to the LADO',
    'Not referred to the LADO',
    'On time',
    'Late',
    'In date',
    'Due soon',
    'Overdue',
    'Missing',
    'Policies',
    'Questions',
    'Green',
    'Amber',
    'Red',
    'Not yet answered',
    'month',
    'term',
    ...stats.years,
  ]);
}

/** The response as JSON with Lantern's own labels taken out, and any other text left in. */
function residue(stats: GovernanceStats): { json: string; strange: string[] } {
  const words = vocabulary(stats);
  const strange: string[] = [];
  const json = JSON.stringify(stats, (_key, v: unknown) => {
    if (typeof v !== 'string') return v;
    if (words.has(v) || /^[A-Z][a-z]{2} \d{4}$/.test(v)) return '';
    strange.push(v);
    return v;
  });
  return { json, strange };
}

function tablesOf(stats: GovernanceStats): [string, PublishedTable][] {
  return [
    ['concerns', stats.concernsByCategory],
    ['decisions', stats.decisions],
    ['lado', stats.lado],
    ['duties', stats.duties.table],
    ['training', stats.training],
    ['policies', stats.policies.table],
    ...(stats.audit ? [['audit', stats.audit.table] as [string, PublishedTable]] : []),
  ];
}

function expectSuppressed(stats: GovernanceStats): void {
  for (const [name, table] of tablesOf(stats)) {
    const all = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total];
    for (const v of all)
      if (v !== null) expect(v === 0 || v >= stats.threshold, `${name}: ${v}`).toBe(true);
    expect(recoverable(table), name).toEqual([]);
  }
}

async function statsAs(
  session: Session,
  academicYear: string,
  grouping: 'month' | 'term',
): Promise<GovernanceStats> {
  return must<GovernanceStats>(
    core.invoke(session, 'governance.stats', { academicYear, grouping }),
  );
}

describe('the governors’ view (security G8)', () => {
  it('gives a governor counts for every year and grouping, with nothing about any child', async () => {
    // The search below has something to find: the school's children and their records.
    expect(secrets.names.length).toBeGreaterThan(50);
    expect(secrets.upns.length).toBeGreaterThan(50);
    expect(secrets.texts.length).toBeGreaterThan(100);
    const first = await statsAs(governor, '2026/27', 'term');
    expect(first.years.length).toBeGreaterThanOrEqual(3);
    let concerns = 0;
    // Governors see terms only (G8: no date finer than the term); the safeguarding team may
    // see months, and their answers must carry no child either.
    for (const year of first.years)
      for (const [session, grouping] of [
        [governor, 'term'],
        [dsl, 'month'],
      ] as const) {
        const stats = await statsAs(session, year, grouping);
        expect(stats.threshold).toBe(5);
        expect(stats.concernsByCategory.columns).toHaveLength(grouping === 'month' ? 12 : 3);
        const { json, strange } = residue(stats);
        expect(strange).toEqual([]);
        expectNothingAboutAChild(json, secrets);
        expectNothingAboutAChild(JSON.stringify(stats), secrets);
        expectSuppressed(stats);
        concerns += stats.concernsByCategory.total ?? 0;
      }
    // The generator's concerns are counted (each year twice, by month and by term).
    expect(concerns).toBeGreaterThan(100);
  });

  it('refuses a governor counts by month, in the page and in the report', async () => {
    for (const method of ['governance.stats', 'governance.report'] as const) {
      const error = errorOf(
        await core.invoke(governor, method, { academicYear: '2025/26', grouping: 'month' }),
      );
      expect(error.code, method).toBe('forbidden');
      expect(error.message).toContain('by term');
    }
  });

  it('withholds small counts: some cells are withheld, none can be worked out', async () => {
    const stats = await statsAs(dsl, '2025/26', 'month');
    expect(stats.concernsByCategory.cells.flat()).toContain(null);
    expectSuppressed(stats);
  });

  it('counts what the store holds: every decision of the year but the LADO’s (their own table), by month and by term', async () => {
    // 1 September 00:00 in London is 31 August 23:00 UTC (summer time), both years.
    const decided = await readStore(
      dir.path,
      (db) =>
        db
          .prepare<[], { n: number }>(
            `SELECT count(*) AS n FROM concern_decisions
             WHERE decided_at >= '2025-08-31T23:00:00.000Z' AND decided_at < '2026-08-31T23:00:00.000Z'
               AND kind <> 'lado'`,
          )
          .get()?.n,
    );
    expect(decided).toBeGreaterThan(20);
    expect((await statsAs(dsl, '2025/26', 'month')).decisions.total).toBe(decided);
    expect((await statsAs(governor, '2025/26', 'term')).decisions.total).toBe(decided);
  });

  it('groups by the school’s own terms when they are entered, holidays with the term before', async () => {
    const byMonth = await statsAs(dsl, '2025/26', 'month');
    await must(
      core.invoke(dsl, 'calendar.saveYear', {
        academicYear: '2025/26',
        terms: [
          { name: 'Michaelmas', startsOn: '2025-09-03', endsOn: '2025-12-19' },
          { name: 'Lent', startsOn: '2026-01-05', endsOn: '2026-03-27' },
          { name: 'Trinity', startsOn: '2026-04-13', endsOn: '2026-07-22' },
        ],
        insetDays: [],
      }),
    );
    const byTerm = await statsAs(governor, '2025/26', 'term');
    expect(byTerm.concernsByCategory.columns).toEqual(['Michaelmas', 'Lent', 'Trinity']);
    expect(byTerm.concernsByCategory.total).not.toBeNull();
    expect(byTerm.concernsByCategory.total).toBe(byMonth.concernsByCategory.total);
    expectSuppressed(byTerm);
  });

  it('uses the threshold the safeguarding team sets, and only they may set it', async () => {
    expect(
      errorOf(await core.invoke(governor, 'governance.saveThreshold', { threshold: 10 })).code,
    ).toBe('forbidden');
    expect(
      errorOf(await core.invoke(dsl, 'governance.saveThreshold', { threshold: 1 })).fields,
    ).toHaveProperty('threshold');
    await must(core.invoke(dsl, 'governance.saveThreshold', { threshold: 10 }));
    const stats = await statsAs(governor, '2025/26', 'term');
    expect(stats.threshold).toBe(10);
    expectSuppressed(stats);
    await must(core.invoke(dsl, 'governance.saveThreshold', { threshold: 5 }));
  });

  it('exports the annual report as a PDF, logged, naming no child', async () => {
    const saved = await must<{ savedTo: string }>(
      core.invoke(governor, 'governance.report', { academicYear: '2025/26', grouping: 'term' }),
    );
    const text = execFileSync('pdftotext', ['-layout', saved.savedTo, '-'], { encoding: 'utf8' });
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('Annual safeguarding report to governors');
    expect(text).toContain('2025/26');
    for (const title of Object.values(governanceSectionTitles)) expect(text).toContain(title);
    expect(text).toContain('Counts below 5 are withheld');
    expectNothingAboutAChild(text, secrets);
    expect(readFileSync(saved.savedTo).subarray(0, 5).toString()).toBe('%PDF-');
    const logged = await readStore(dir.path, (db) =>
      db
        .prepare<[], { child_id: string | null; kind: string; form: string; reference: string }>(
          "SELECT child_id, kind, form, reference FROM exports_log WHERE form = 'governors-report'",
        )
        .all(),
    );
    expect(logged).toEqual([
      { child_id: null, kind: 'form', form: 'governors-report', reference: '2025/26' },
    ]);
  });

  it('refuses a governor every child-level method', async () => {
    const methods: MethodName[] = [
      'children.list',
      'children.get',
      'concerns.get',
      'chronology.forChild',
      'triage.inbox',
      'dashboard.get',
      'search.concerns',
      'family.forChild',
    ];
    for (const method of methods)
      expect(errorOf(await core.invoke(governor, method, validInputs[method])).code, method).toBe(
        'forbidden',
      );
  });

  it('refuses staff the governors’ statistics and the report', async () => {
    const staff = await signedInAs(core, dsl, 'teach1', 'staff');
    for (const method of ['governance.stats', 'governance.report'] as const)
      expect(
        errorOf(await core.invoke(staff, method, { academicYear: '2025/26', grouping: 'month' }))
          .code,
      ).toBe('forbidden');
  });

  it('refuses a year that is not an academic year', async () => {
    const r = await core.invoke(governor, 'governance.stats', {
      academicYear: '2025/27',
      grouping: 'term',
    });
    expect(errorOf(r).fields).toHaveProperty('academicYear');
  });
});
