import { describe, expect, it } from 'vitest';

import {
  trainingKinds,
  trainingRequirements,
  trainingStanding,
} from '../../shared/governance/training';

const every = (months: number | null) => ({ intervalMonths: months });

describe('training requirements (domain.md §3.7)', () => {
  it('has one requirement per kind, each with its source and frequency', () => {
    expect(trainingRequirements.map((r) => r.kind).sort()).toEqual([...trainingKinds].sort());
    for (const r of trainingRequirements) {
      expect(r.source).not.toBe('');
      expect(r.frequencyText).not.toBe('');
    }
    // KCSIE Annex C: formal DSL training at least every two years, refreshed at least annually.
    expect(trainingRequirements.find((r) => r.kind === 'dsl_formal')?.intervalMonths).toBe(24);
    expect(trainingRequirements.find((r) => r.kind === 'dsl_refresh')?.intervalMonths).toBe(12);
  });

  it('never recorded: missing', () => {
    expect(trainingStanding(every(12), [], '2026-11-28')).toEqual({
      status: 'missing',
      lastCompleted: null,
      nextDue: null,
    });
  });

  it('induction, once done, never falls due again', () => {
    expect(trainingStanding(every(null), ['2019-09-02'], '2026-11-28')).toEqual({
      status: 'in_date',
      lastCompleted: '2019-09-02',
      nextDue: null,
    });
  });

  it('counts from the latest completion, by the corresponding date', () => {
    // Formal DSL training on 29 Feb 2024: due on the corresponding date two years on, which
    // February 2026 does not have, so 28 Feb 2026; by 28 Nov 2026 it is overdue.
    expect(trainingStanding(every(24), ['2022-01-10', '2024-02-29'], '2026-11-28')).toEqual({
      status: 'overdue',
      lastCompleted: '2024-02-29',
      nextDue: '2026-02-28',
    });
  });

  it('due within 30 days, on the day itself, and the day after', () => {
    // Annual update on 20 Dec 2025: due 20 Dec 2026, 22 days after 28 Nov 2026.
    expect(trainingStanding(every(12), ['2025-12-20'], '2026-11-28').status).toBe('due_soon');
    expect(trainingStanding(every(12), ['2025-11-28'], '2026-11-28').status).toBe('due_soon');
    expect(trainingStanding(every(12), ['2025-11-27'], '2026-11-28').status).toBe('overdue');
    // 31 days ahead is still in date.
    expect(trainingStanding(every(12), ['2025-12-29'], '2026-11-28').status).toBe('in_date');
  });

  it('ignores future and impossible dates, and honours the school’s own interval', () => {
    expect(trainingStanding(every(12), ['2027-01-01', '2026-02-30'], '2026-11-28').status).toBe(
      'missing',
    );
    // Governors every 3 years by default; a school that chooses 2 sees it overdue sooner.
    expect(trainingStanding(every(36), ['2024-06-01'], '2026-11-28').status).toBe('in_date');
    expect(trainingStanding(every(36), ['2024-06-01'], '2026-11-28', 24).status).toBe('overdue');
  });
});
