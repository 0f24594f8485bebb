import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { CuratedChronology } from '../../../shared/chronology/curated';
import type { ChronologyEntry, FamilyChronologyEntry } from '../../../shared/chronology/schema';
import { noChronologyFilter } from '../../../shared/chronology/schema';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  childFileHandlers,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  recordId,
  safeguardingTeam,
  school,
  setUpRendererTests,
} from '../fake-lantern';

setUpRendererTests();

const jane = aChild();
const janeRef = { id: jane.id, name: 'Jane Doe' };

function anEntry(n: number, overrides: Partial<ChronologyEntry> = {}): ChronologyEntry {
  return {
    id: `entry-${String(n).padStart(5, '0')}`,
    childId: jane.id,
    source: 'concern',
    sourceId: recordId(500),
    concernId: recordId(500),
    occurredAt: '2026-11-27T12:40',
    approx: false,
    recordedAt: '2026-11-27T13:00:00.000Z',
    recordedByName: 'Sam Teacher',
    role: 'subject',
    title: `Concern recorded ${n}`,
    detail: 'Came to school hungry again.',
    categories: ['neglect'],
    significant: false,
    headline: '',
    ...overrides,
  };
}

const three = [
  anEntry(1, {
    source: 'designation',
    concernId: null,
    occurredAt: '2026-03-03',
    title: 'Child protection plan (neglect) started',
    detail: 'Plan made at the initial conference.',
  }),
  anEntry(2, { approx: true, categories: ['physical', 'peer_physical'] }),
  anEntry(3, { significant: true, headline: 'Disclosure to class teacher' }),
];

async function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...childFileHandlers(role, jane),
    'chronology.forChild': () => ok(three),
    'chronology.curated.list': () => ok([]),
    ...handlers,
  });
  render(<App />);
  if (safeguardingTeam.includes(role)) await openSection('Pupils');
  return invoke;
}

async function openChronology() {
  await screen.findByRole('button', { name: 'Jane Doe' });
  act(() => {
    useLantern.getState().navigate({ page: 'chronology', child: janeRef });
  });
  await screen.findByRole('table', { name: 'Chronology entries' });
}

function rowsOf(): HTMLElement[] {
  const table = screen.getByRole('table', { name: 'Chronology entries' });
  return within(table)
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== '1');
}

describe('the chronology page', () => {
  it('is opened from the child’s page by a DSL and lists each entry’s columns', async () => {
    await openAs('dsl');
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Chronology' }));
    expect(await screen.findByRole('heading', { name: 'Chronology: Jane Doe' })).toBeTruthy();
    expect(await screen.findByText('Showing all 3 entries')).toBeTruthy();
    const [plan, concern, significant] = rowsOf();
    if (!plan || !concern || !significant) throw new Error('rows missing');
    expect(within(plan).getByText('3 Mar 2026')).toBeTruthy();
    expect(within(plan).getByText('Designation started')).toBeTruthy();
    expect(within(plan).getByText('Neglect')).toBeTruthy();
    expect(within(concern).getByText('About 27 Nov 2026, 12:40 (approximate)')).toBeTruthy();
    expect(
      within(concern).getByText('Physical abuse; Physical abuse by other children'),
    ).toBeTruthy();
    expect(within(significant).getByText('Significant event')).toBeTruthy();
    expect(within(significant).getByText('Disclosure to class teacher').tagName).toBe('STRONG');
  });

  it('shows a teacher no chronology link, and refuses the page itself', async () => {
    await openAs('staff');
    await screen.findByRole('button', { name: 'Record a concern about Jane Doe' });
    expect(screen.queryByRole('button', { name: 'Chronology' })).toBeNull();
    act(() => {
      useLantern.getState().navigate({ page: 'chronology', child: janeRef });
    });
    expect(await screen.findByRole('heading', { name: 'You cannot open this page' })).toBeTruthy();
  });

  it('filters by dates and significance, and says how many of the entries are shown', async () => {
    const invoke = await openAs('dsl', {
      'chronology.forChild': (input) => {
        const { filter } = input as { filter: typeof noChronologyFilter };
        return ok(filter.significantOnly ? [three[2] as ChronologyEntry] : three);
      },
    });
    await openChronology();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByLabelText('Significant events only'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('Showing 1 of 3 entries')).toBeTruthy();
    expect(inputsTo(invoke, 'chronology.forChild')).toContainEqual({
      childId: jane.id,
      filter: { ...noChronologyFilter, from: '2026-11-01', significantOnly: true },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Showing all 3 entries')).toBeTruthy();
  });

  it('refuses a date range that ends before it starts, and sends nothing', async () => {
    const invoke = await openAs('dsl');
    await openChronology();
    const before = inputsTo(invoke, 'chronology.forChild').length;
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-02' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('The end date cannot be before the start date.')).toBeTruthy();
    expect(inputsTo(invoke, 'chronology.forChild')).toHaveLength(before);
  });

  it('draws only a window of a 2,000-entry chronology, and the rows further down once scrolled', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => anEntry(i));
    await openAs('dsl', { 'chronology.forChild': () => ok(many) });
    await openChronology();
    expect(await screen.findByText('Showing all 2000 entries')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Chronology entries' });
    expect(table.getAttribute('aria-rowcount')).toBe('2001');
    const drawn = rowsOf();
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(40);
    expect(drawn[0]?.getAttribute('aria-rowindex')).toBe('2');

    const region = screen.getByRole('region', { name: 'Chronology entries' });
    Object.defineProperty(region, 'scrollTop', { value: 112 * 1500, configurable: true });
    fireEvent.scroll(region);
    await waitFor(() => {
      expect(screen.getByText('Concern recorded 1500')).toBeTruthy();
    });
    const indexes = rowsOf().map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(Math.min(...indexes)).toBeGreaterThan(1480);
    expect(indexes.length).toBeLessThan(40);
    expect(screen.queryByText('Concern recorded 0')).toBeNull();
  });

  it('flags an entry as significant with a headline, from the keyboard, and shows it in bold', async () => {
    const invoke = await openAs('dsl', {
      'chronology.mark': (input) => {
        const { headline } = input as { headline: string };
        if (headline.trim() === '')
          return fail('invalid_input', 'Some details need correcting.', {
            headline: 'Give the significant event a headline.',
          });
        return ok({ ...(three[1] as ChronologyEntry), significant: true, headline });
      },
    });
    await openChronology();
    const row = rowsOf()[1];
    if (!row) throw new Error('row missing');
    fireEvent.click(within(row).getByRole('button', { name: /^Flag as significant/ }));
    const headline = within(row).getByLabelText('Headline');
    expect(document.activeElement).toBe(headline);
    fireEvent.click(within(row).getByRole('button', { name: 'Save headline' }));
    expect(await within(row).findByText('Give the significant event a headline.')).toBeTruthy();
    fireEvent.change(headline, { target: { value: 'Punched at lunch' } });
    fireEvent.submit(headline);
    await waitFor(() => {
      expect(within(row).getByText('Punched at lunch').tagName).toBe('STRONG');
    });
    expect(within(row).getByText('Significant event')).toBeTruthy();
    expect(inputsTo(invoke, 'chronology.mark').at(-1)).toEqual({
      entryId: three[1]?.id,
      significant: true,
      headline: 'Punched at lunch',
    });
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Edit headline');
    });
  });

  it('closes the headline editor on Escape without saving', async () => {
    const invoke = await openAs('dsl');
    await openChronology();
    const row = rowsOf()[0];
    if (!row) throw new Error('row missing');
    fireEvent.click(within(row).getByRole('button', { name: /^Flag as significant/ }));
    fireEvent.keyDown(within(row).getByLabelText('Headline'), { key: 'Escape' });
    expect(within(row).queryByLabelText('Headline')).toBeNull();
    expect(inputsTo(invoke, 'chronology.mark')).toEqual([]);
  });

  it('gives the headteacher the chronology but no marking or curating', async () => {
    await openAs('headteacher');
    await openChronology();
    expect(screen.queryByRole('button', { name: /Flag as significant/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Make a curated version' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Print this chronology' })).toBeTruthy();
  });

  it('merges the siblings’ entries when the family view is chosen, naming each child', async () => {
    const family: FamilyChronologyEntry[] = [
      { ...(three[0] as ChronologyEntry), childName: 'Jane Doe' },
      { ...anEntry(9, { childId: recordId(9), title: 'Sibling’s concern' }), childName: 'Sam Doe' },
    ];
    const invoke = await openAs('dsl', { 'chronology.forFamily': () => ok(family) });
    await openChronology();
    fireEvent.click(screen.getByLabelText('Include siblings’ entries (family chronology)'));
    expect(await screen.findByText('Sam Doe')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Child' })).toBeTruthy();
    expect(inputsTo(invoke, 'chronology.forFamily')).toEqual([
      { childId: jane.id, filter: noChronologyFilter },
    ]);
  });

  it('makes a curated version from ticked entries with analysis', async () => {
    const invoke = await openAs('dsl', {
      'chronology.curated.save': (input) => {
        const i = input as { title: string; purpose: string };
        const saved: CuratedChronology = {
          id: recordId(70),
          childId: jane.id,
          title: i.title,
          purpose: i.purpose,
          createdByName: 'Dana Lead',
          createdAt: '2026-11-28T11:00:00.000Z',
          updatedByName: 'Dana Lead',
          updatedAt: '2026-11-28T11:00:00.000Z',
          entries: [
            { entry: { ...(three[2] as ChronologyEntry), childName: 'Jane Doe' }, analysis: 'x' },
          ],
        };
        return ok(saved);
      },
    });
    await openChronology();
    fireEvent.click(screen.getByRole('button', { name: 'Make a curated version' }));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'For the ICPC' } });
    fireEvent.click(screen.getByLabelText(/^Include in the curated version: Concern recorded 3/));
    fireEvent.click(
      screen.getByLabelText(/^Include in the curated version: Child protection plan/),
    );
    fireEvent.change(screen.getByLabelText('Analysis for entry 2'), {
      target: { value: 'Disclosure while on a plan.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the curated version' }));
    expect(await screen.findByText('Curated version saved: For the ICPC')).toBeTruthy();
    expect(inputsTo(invoke, 'chronology.curated.save')).toEqual([
      {
        id: '',
        childId: jane.id,
        title: 'For the ICPC',
        purpose: '',
        entries: [
          { entryId: three[0]?.id, analysis: '' },
          { entryId: three[2]?.id, analysis: 'Disclosure while on a plan.' },
        ],
      },
    ]);
  });

  it('prints every entry, not a window, between two protective markings', async () => {
    const many = Array.from({ length: 300 }, (_, i) => anEntry(i));
    await openAs('dsl', { 'chronology.forChild': () => ok(many) });
    await openChronology();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Print this chronology' }));
    await screen.findByRole('heading', { name: 'Chronology: Jane Doe' });
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(301);
    expect(screen.getAllByText('OFFICIAL-SENSITIVE')).toHaveLength(2);
    expect(screen.getByText(school.name, { selector: 'p' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });
});
