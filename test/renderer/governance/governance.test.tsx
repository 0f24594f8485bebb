import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../../renderer/app/App';
import type { Role } from '../../../shared/auth/roles';
import type { GovernanceStats } from '../../../shared/governance/stats';
import type { PublishedTable } from '../../../shared/governance/suppression';
import {
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

function table(
  rows: string[],
  columns: string[],
  cells: (number | null)[][],
  rowTotals: (number | null)[],
  columnTotals: (number | null)[],
  total: number | null,
): PublishedTable {
  return { rows, columns, cells, rowTotals, columnTotals, total, threshold: 5 };
}

const terms = ['Autumn term', 'Spring term', 'Summer term'];

function statsFor(academicYear: string, threshold = 5): GovernanceStats {
  return {
    academicYear,
    grouping: 'term',
    threshold,
    years: ['2026/27', '2025/26'],
    concernsByCategory: table(
      ['Physical abuse', 'Neglect'],
      terms,
      [
        [null, null, 17],
        [13, 11, 9],
      ],
      [21, 33],
      [16, 15, 26],
      54,
    ),
    decisions: table(['No further action'], terms, [[17, 17, 20]], [54], [17, 17, 20], 54),
    lado: table(
      terms,
      ['Referred to the LADO', 'Not referred to the LADO'],
      [
        [0, 0],
        [null, 0],
        [0, 0],
      ],
      [0, null, 0],
      [null, 0],
      null,
    ),
    duties: {
      table: table(
        ['Refer to children’s social care'],
        ['On time', 'Late'],
        [[18, 6]],
        [24],
        [18, 6],
        24,
      ),
      onTimePercent: 75,
    },
    training: table(
      ['Safeguarding and child protection update'],
      ['In date', 'Due soon', 'Overdue', 'Missing'],
      [[30, 0, 6, 0]],
      [36],
      [30, 0, 6, 0],
      36,
    ),
    policies: {
      table: table(['Policies'], ['In date', 'Overdue'], [[8, 0]], [8], [8, 0], 8),
      lastFilteringReviewMonth: 'Oct 2026',
    },
    audit: null,
  };
}

function start(role: Role) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'alerts.list': () => ok([]),
    'dashboard.get': () => ok(emptyDashboard),
    'concernDrafts.list': () => ok([]),
    'triage.inbox': () => ok([]),
    'governance.stats': (input) => ok(statsFor((input as { academicYear: string }).academicYear)),
    'governance.report': () => ok({ savedTo: '/home/gov/report.pdf' }),
    'governance.saveThreshold': (input) =>
      (input as { threshold: number }).threshold > 20
        ? fail('invalid_input', 'Check the threshold.', {
            threshold: 'The threshold can be at most 20.',
          })
        : ok({ threshold: (input as { threshold: number }).threshold }),
  });
  render(<App />);
  return invoke;
}

describe('the governors’ view', () => {
  it('is a governor’s first page: charts with text alternatives, tables with withheld cells', async () => {
    const invoke = start('governor');
    await screen.findByRole('heading', { name: 'Governance', level: 1 });
    expect(screen.getByRole('heading', { name: 'Concerns by category', level: 2 })).toBeTruthy();
    const chart = await screen.findByRole('img', { name: /Concerns by category, whole year/ });
    expect(chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(chart.textContent).toContain('Physical abuse: 21');
    const lado = screen.getByRole('img', { name: /Allegations about adults, whole year/ });
    expect(lado.textContent).toContain('Referred to the LADO: Withheld');
    const grid = screen.getByRole('table', { name: 'Concerns by category and term' });
    const physical = within(grid).getByRole('row', { name: /Physical abuse/ });
    expect(within(physical).getAllByText('Withheld')).toHaveLength(2);
    expect(within(physical).getByText('17')).toBeTruthy();
    expect(screen.getByText(/Counts below 5 are withheld, and some others/)).toBeTruthy();
    expect(screen.getByText(/75% of the statutory duties/)).toBeTruthy();
    expect(screen.getByText(/Filtering and monitoring last reviewed: Oct 2026/)).toBeTruthy();
    expect(screen.getByText('This year’s audit has not been started.')).toBeTruthy();
    // Governors see no pupil register and cannot change the threshold.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Pupils' })).toBeNull();
    expect(screen.queryByLabelText(/Withhold counts below/)).toBeNull();
    expect(inputsTo(invoke, 'governance.stats')[0]).toMatchObject({ grouping: 'term' });
  });

  it('asks again for another year; a governor is offered terms only (G8)', async () => {
    const invoke = start('governor');
    await screen.findByRole('img', { name: /Concerns by category, whole year/ });
    expect(screen.queryByLabelText('Show counts')).toBeNull();
    fireEvent.change(screen.getByLabelText('Academic year'), { target: { value: '2025/26' } });
    await waitFor(() => {
      expect(inputsTo(invoke, 'governance.stats').at(-1)).toEqual({
        academicYear: '2025/26',
        grouping: 'term',
      });
    });
  });

  it('the DSL may ask for months', async () => {
    const invoke = start('dsl');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Governance' }));
    await screen.findByRole('img', { name: /Concerns by category, whole year/ });
    fireEvent.change(screen.getByLabelText('Show counts'), { target: { value: 'month' } });
    await waitFor(() => {
      expect(inputsTo(invoke, 'governance.stats').at(-1)).toMatchObject({ grouping: 'month' });
    });
  });

  it('exports the annual report and says where it went', async () => {
    const invoke = start('governor');
    await screen.findByRole('img', { name: /Concerns by category, whole year/ });
    fireEvent.click(screen.getByRole('button', { name: 'Export the annual report (PDF)' }));
    expect(await screen.findByText(/saved to \/home\/gov\/report.pdf/)).toBeTruthy();
    expect(inputsTo(invoke, 'governance.report')).toHaveLength(1);
  });

  it('lets the DSL set the threshold, with a clear error when it is out of range', async () => {
    const invoke = start('dsl');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Governance' }));
    const field = await screen.findByLabelText(/Withhold counts below/);
    fireEvent.change(field, { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the threshold' }));
    expect(await screen.findByText('The threshold can be at most 20.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Withhold counts below/), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the threshold' }));
    expect(await screen.findByText('Counts below 7 are now withheld.')).toBeTruthy();
    expect(inputsTo(invoke, 'governance.saveThreshold')).toEqual([
      { threshold: 25 },
      { threshold: 7 },
    ]);
  });
});
