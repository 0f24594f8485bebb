/**
 * The governors' statistics (issue 7; security G8): counts for one academic year, each table
 * published through small-number suppression with the school's threshold. Nothing here reads a
 * child's identity or any free text; dates go no finer than the month (or term).
 */
import type { ParsedInput } from '../../shared/api';
import type { DecisionKind } from '../../shared/casework/schema';
import { decisionKinds, decisionLabels } from '../../shared/casework/schema';
import { concernTags, statutoryCategories } from '../../shared/concerns/taxonomy';
import { academicYearOf, academicYearStart } from '../../shared/dates/calendar-schema';
import { londonDate, londonInstant } from '../../shared/dates/calendar-date';
import { dutyRules } from '../../shared/duties/rules';
import type {
  AuditStats,
  DutyStats,
  GovernanceStats,
  PolicyStats,
  StatsGrouping,
} from '../../shared/governance/stats';
import { academicMonths, monthLabel } from '../../shared/governance/stats';
import type { CountTable } from '../../shared/governance/suppression';
import { suppress } from '../../shared/governance/suppression';
import { auditStatus } from '../audit-s175/service';
import { can } from '../../shared/auth/roles';
import { ApiFailure } from '../api-failure';
import type { Handled, HandlerContext } from '../handler';
import { roleOf } from '../handler';
import { policyCompliance } from '../policies/service';
import { trainingCompliance } from '../training/service';
import type { InstantRange } from './stats-repo';

/** The periods of a year: their labels, and which one a London date falls in. */
type Periods = { labels: string[]; of(date: string): number };

/** Without the school's own term dates: Autumn Sep–Dec, Spring Jan–Mar, Summer Apr–Aug. */
const DEFAULT_TERMS = ['Autumn term', 'Spring term', 'Summer term'];

function periodsFor(ctx: HandlerContext, year: string, grouping: StatsGrouping): Periods {
  if (grouping === 'month') {
    const months = academicMonths(year);
    return { labels: months.map(monthLabel), of: (date) => months.indexOf(date.slice(0, 7)) };
  }
  const terms = (ctx.store.calendar.years().find((y) => y.academicYear === year)?.terms ?? [])
    .slice()
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (terms.length > 0)
    return {
      labels: terms.map((t) => t.name),
      // A holiday counts with the term before it; days before the first term with the first.
      of: (date) =>
        Math.max(
          0,
          terms.findLastIndex((t) => t.startsOn <= date),
        ),
    };
  return {
    labels: DEFAULT_TERMS,
    of: (date) => {
      const month = Number(date.slice(5, 7));
      if (month >= 9) return 0;
      return month <= 3 ? 1 : 2;
    },
  };
}

/** A window of instants a day wider than the year each side; facts are then placed by London date. */
function instantRange(year: string): InstantRange {
  const start = academicYearStart(year) ?? 0;
  return { from: `${start}-08-31T00:00:00.000Z`, to: `${start + 1}-09-02T00:00:00.000Z` };
}

function zeros(rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}

function bump(cells: number[][], row: number, column: number): void {
  const line = cells[row];
  if (line && column >= 0 && column < line.length) line[column] = (line[column] ?? 0) + 1;
}

/** The London date of an instant, when it falls in the year. */
function dateInYear(instant: string, year: string): string | null {
  const date = londonDate(new Date(instant));
  return academicYearOf(date) === year ? date : null;
}

const OTHER_CONCERNS = 'Other concerns (no statutory category)';

function concernsByCategory(ctx: HandlerContext, year: string, periods: Periods): CountTable {
  const rows = [...statutoryCategories.map((c) => c.label), OTHER_CONCERNS];
  const index = new Map(statutoryCategories.map((c, i) => [c.id as string, i]));
  const cpOf = new Map(concernTags.map((t) => [t.id, t.cpCategory]));
  const byConcern = new Map<string, { date: string; rows: Set<number> }>();
  for (const fact of ctx.store.governanceStats.concernCategories(instantRange(year))) {
    const date = dateInYear(fact.recordedAt, year);
    if (date === null) continue;
    const entry = byConcern.get(fact.concernId) ?? { date, rows: new Set<number>() };
    byConcern.set(fact.concernId, entry);
    const id = fact.categoryId;
    const statutory = id === null ? undefined : (index.get(id) ?? index.get(cpOf.get(id) ?? ''));
    if (statutory !== undefined) entry.rows.add(statutory);
  }
  const cells = zeros(rows.length, periods.labels.length);
  for (const { date, rows: found } of byConcern.values()) {
    const column = periods.of(date);
    if (found.size === 0) bump(cells, rows.length - 1, column);
    for (const row of found) bump(cells, row, column);
  }
  return { rows, columns: periods.labels, cells };
}

/**
 * Referrals to the LADO are counted in the LADO table alone: the same referrals in two tables,
 * each suppressed on its own, could give a withheld count away.
 */
const tabledDecisions: readonly DecisionKind[] = decisionKinds.filter((k) => k !== 'lado');

function decisionsTable(ctx: HandlerContext, year: string, periods: Periods): CountTable {
  const cells = zeros(tabledDecisions.length, periods.labels.length);
  for (const fact of ctx.store.governanceStats.decisions(instantRange(year))) {
    const date = dateInYear(fact.decidedAt, year);
    const row = tabledDecisions.indexOf(fact.kind);
    if (date !== null && row >= 0) bump(cells, row, periods.of(date));
  }
  return { rows: tabledDecisions.map((k) => decisionLabels[k]), columns: periods.labels, cells };
}

function ladoTable(ctx: HandlerContext, year: string, periods: Periods): CountTable {
  const cells = zeros(periods.labels.length, 2);
  for (const fact of ctx.store.governanceStats.ladoConcerns(instantRange(year))) {
    const date = dateInYear(fact.recordedAt, year);
    if (date !== null) bump(cells, periods.of(date), fact.referred ? 0 : 1);
  }
  return {
    rows: periods.labels,
    columns: ['Referred to the LADO', 'Not referred to the LADO'],
    cells,
  };
}

function dutiesStats(ctx: HandlerContext, year: string, threshold: number): DutyStats {
  const start = academicYearStart(year) ?? 0;
  const facts = ctx.store.governanceStats.discharges(`${start}-09-01`, `${start + 1}-09-01`);
  const ruleIds = [...new Set(facts.map((f) => f.ruleId))].sort();
  const cells = zeros(ruleIds.length, 2);
  for (const fact of facts) {
    const done = londonInstant(fact.doneAt.slice(0, 10), fact.doneAt.slice(11, 16));
    bump(cells, ruleIds.indexOf(fact.ruleId), Date.parse(done) <= Date.parse(fact.dueAt) ? 0 : 1);
  }
  const table = suppress(
    {
      rows: ruleIds.map((id) => dutyRules.find((r) => r.id === id)?.title ?? id),
      columns: ['On time', 'Late'],
      cells,
    },
    threshold,
  );
  // Worked out from published totals only, so the share gives nothing away that they do not.
  const [onTime, late] = table.columnTotals;
  const onTimePercent =
    onTime == null || late == null || onTime + late === 0
      ? null
      : Math.round((100 * onTime) / (onTime + late));
  return { table, onTimePercent };
}

/** Staff training as it stands today: people by standing, for each kind of training. */
function trainingTable(ctx: HandlerContext): CountTable {
  const rows = trainingCompliance(ctx);
  return {
    rows: rows.map((r) => r.title),
    columns: ['In date', 'Due soon', 'Overdue', 'Missing'],
    cells: rows.map((r) => [r.inDate, r.dueSoon, r.overdue, r.missing]),
  };
}

/** The policy register as it stands today; the last filtering review only to the month. */
function policyStats(ctx: HandlerContext, threshold: number): PolicyStats {
  const p = policyCompliance(ctx);
  return {
    table: suppress(
      { rows: ['Policies'], columns: ['In date', 'Overdue'], cells: [[p.inDate, p.overdue]] },
      threshold,
    ),
    lastFilteringReviewMonth:
      p.lastFilteringReview === null ? null : monthLabel(p.lastFilteringReview.slice(0, 7)),
  };
}

/** The chosen year's audit, when it is this year's and has been started; never who signed. */
function auditStats(ctx: HandlerContext, year: string, threshold: number): AuditStats | null {
  const a = auditStatus(ctx);
  if (a?.academicYear !== year) return null;
  return {
    academicYear: a.academicYear,
    table: suppress(
      {
        rows: ['Questions'],
        columns: ['Green', 'Amber', 'Red', 'Not yet answered'],
        cells: [[a.green, a.amber, a.red, Math.max(0, a.questions - a.answered)]],
      },
      threshold,
    ),
    signedByDsl: a.signedByDsl !== null,
    signedByGovernor: a.signedByGovernor !== null,
  };
}

/** Academic years from the first concern's to this one, latest first. */
function yearsOnRecord(ctx: HandlerContext): string[] {
  const current = academicYearOf(ctx.today);
  const earliest = ctx.store.governanceStats.earliestConcern();
  const first = academicYearStart(
    earliest === null ? current : academicYearOf(londonDate(new Date(earliest))),
  );
  const last = academicYearStart(current) ?? 0;
  const years: string[] = [];
  for (let y = last; y >= Math.min(first ?? last, last); y--)
    years.push(academicYearOf(`${y}-09-01`));
  return years;
}

/** The statistics for one year; shared by the page and the annual report. */
export function buildGovernanceStats(
  ctx: HandlerContext,
  academicYear: string,
  grouping: StatsGrouping,
): GovernanceStats {
  const threshold = ctx.store.settings.suppressionThreshold();
  const periods = periodsFor(ctx, academicYear, grouping);
  return {
    academicYear,
    grouping,
    threshold,
    years: yearsOnRecord(ctx),
    concernsByCategory: suppress(concernsByCategory(ctx, academicYear, periods), threshold),
    decisions: suppress(decisionsTable(ctx, academicYear, periods), threshold),
    lado: suppress(ladoTable(ctx, academicYear, periods), threshold),
    duties: dutiesStats(ctx, academicYear, threshold),
    training: suppress(trainingTable(ctx), threshold),
    policies: policyStats(ctx, threshold),
    audit: auditStats(ctx, academicYear, threshold),
  };
}

/**
 * Security G8: a governor sees no date finer than the term. Months are for those who may read
 * the records themselves (governance.manage); they also keep the month and term tables of one
 * year, each suppressed on its own, from being laid side by side by a governor.
 */
export function checkGrouping(ctx: HandlerContext, grouping: StatsGrouping): void {
  if (grouping === 'month' && !can(roleOf(ctx.session), 'governance.manage'))
    throw new ApiFailure(
      'forbidden',
      'Governors see these statistics by term: counts by month could identify a child.',
      { grouping: 'Choose terms.' },
    );
}

export function governanceStats(
  ctx: HandlerContext,
  input: ParsedInput<'governance.stats'>,
): Handled<GovernanceStats> {
  checkGrouping(ctx, input.grouping);
  return { value: buildGovernanceStats(ctx, input.academicYear, input.grouping) };
}

export function saveSuppressionThreshold(
  ctx: HandlerContext,
  input: ParsedInput<'governance.saveThreshold'>,
): Handled<{ threshold: number }> {
  ctx.store.settings.saveSuppressionThreshold(
    input.threshold,
    ctx.now.toISOString(),
    ctx.session.user?.id ?? null,
  );
  return {
    value: { threshold: ctx.store.settings.suppressionThreshold() },
    recordIds: ['settings'],
  };
}
