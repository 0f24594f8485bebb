import { describe, expect, it } from 'vitest';

import {
  concernLevels,
  isConcernLevel,
  levelChangeTitle,
  levelInfo,
  levelLabel,
} from '../../shared/casework/levels';
import {
  closureProblems,
  decideInput,
  decisionTitle,
  dueDateProblem,
  isOverdue,
  reviewDateProblem,
  setLevelInput,
} from '../../shared/casework/schema';

const id = '01900000-0000-7000-8000-000000000000';
const complete = { summary: 'A fight.', followUp: 'Parents met.', outcome: 'Resolved.' };

describe('the continuum of need', () => {
  it('has four levels, each named with a hint', () => {
    expect(concernLevels.map(levelLabel)).toEqual([
      '1 Universal',
      '2 Early help',
      '3 Child in need',
      '4 Child protection',
    ]);
    for (const level of concernLevels) expect(levelInfo[level].hint.length).toBeGreaterThan(20);
    expect(levelInfo[3].hint).toContain('section 17');
    expect(levelInfo[4].hint).toContain('section 47');
    expect([0, 1, 4, 5].map(isConcernLevel)).toEqual([false, true, true, false]);
  });

  it('titles a change by its direction', () => {
    expect(levelChangeTitle(null, 2)).toBe('Level set at 2 Early help');
    expect(levelChangeTitle(2, 3)).toBe('Level raised from 2 Early help to 3 Child in need');
    expect(levelChangeTitle(4, 1)).toBe('Level lowered from 4 Child protection to 1 Universal');
  });

  it('needs a known level and a rationale of at least 20 characters', () => {
    const ok = setLevelInput.safeParse({
      concernId: id,
      level: 2,
      rationale: '  Parents agreed to an early help assessment.  ',
    });
    expect(ok.success && ok.data.rationale).toBe('Parents agreed to an early help assessment.');
    expect(
      setLevelInput.safeParse({ concernId: id, level: 5, rationale: 'x'.repeat(30) }).success,
    ).toBe(false);
    const short = setLevelInput.safeParse({ concernId: id, level: 1, rationale: '  too short  ' });
    expect(short.error?.issues[0]?.message).toMatch(/at least 20 characters/);
  });
});

describe('decisions', () => {
  const base = {
    concernId: id,
    description: '',
    reviewDate: '',
    rationale: 'Below threshold; we will watch closely for four weeks.',
  };
  const messages = (input: unknown) =>
    decideInput.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

  it('asks for a review date only when monitoring, and a description only for “Other”', () => {
    expect(messages({ ...base, kind: 'monitor' })).toEqual([
      ['reviewDate', 'Enter the date monitoring will be reviewed.'],
    ]);
    expect(messages({ ...base, kind: 'monitor', reviewDate: '2027-02-30' })).toEqual([
      ['reviewDate', 'Enter the review date as a real date.'],
    ]);
    expect(messages({ ...base, kind: 'police', reviewDate: '2027-01-01' })).toEqual([
      ['reviewDate', 'Only a decision to monitor has a review date.'],
    ]);
    expect(messages({ ...base, kind: 'other' })).toEqual([
      ['description', 'Say what was decided.'],
    ]);
    expect(messages({ ...base, kind: 'lado', description: 'Something' })).toEqual([
      ['description', 'Only a decision of “Other” has a description.'],
    ]);
    expect(messages({ ...base, kind: 'referral_csc' })).toEqual([]);
  });

  it('puts a review date after today and a due date no earlier than today', () => {
    expect(reviewDateProblem('2026-11-29', '2026-11-28')).toBeNull();
    expect(reviewDateProblem('2026-11-28', '2026-11-28')).toBe(
      'The review date must be after today.',
    );
    expect(dueDateProblem('2026-11-28', '2026-11-28')).toBeNull();
    expect(dueDateProblem('2026-11-27', '2026-11-28')).toBe('The due date cannot be in the past.');
    expect([isOverdue('2026-11-27', '2026-11-28'), isOverdue('2026-11-28', '2026-11-28')]).toEqual([
      true,
      false,
    ]);
  });

  it('titles decisions for the chronology', () => {
    expect(decisionTitle({ kind: 'monitor', description: '', reviewDate: '2027-01-15' })).toBe(
      'Decision: monitor, review 15 Jan 2027',
    );
    expect(decisionTitle({ kind: 'referral_csc', description: '', reviewDate: '' })).toBe(
      'Decision: Referral to children’s social care',
    );
    expect(
      decisionTitle({ kind: 'other', description: 'School nurse to see', reviewDate: '' }),
    ).toBe('Decision: School nurse to see');
  });
});

describe('closing a concern (KCSIE record keeping)', () => {
  it('needs nothing more when all four are there and no action is open', () => {
    expect(closureProblems(complete, 1, [])).toEqual({});
  });

  it('lists every missing part by field', () => {
    expect(closureProblems({ summary: ' ', followUp: '', outcome: '' }, 0, [])).toEqual({
      summary: 'Write a summary of the concern (KCSIE record keeping).',
      followUp: 'Say how the concern was followed up and resolved.',
      decisions: 'Record at least one decision, with its rationale, before closing.',
      outcome: 'Record the outcome.',
    });
  });

  it('names each open action', () => {
    expect(
      closureProblems(complete, 2, [{ description: 'Phone mum' }, { description: 'See nurse' }]),
    ).toEqual({ actions: 'Complete the open actions first: “Phone mum”, “See nurse”.' });
  });
});
