import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { TermYear } from '../../../shared/dates/calendar-schema';
import type { BankHolidayOverride } from '../../../shared/dates/school-calendar';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import { fail, inputsTo, installFakeLantern, ok, setUpRendererTests } from '../fake-lantern';
import { calendarInfo, settingsPageHandlers } from './duty-fixtures';

setUpRendererTests();

beforeEach(() => {
  // Only the date: the screen's "this year" is 2026/27 whatever day the tests run.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const autumn: TermYear = {
  academicYear: '2026/27',
  terms: [
    { name: 'Autumn 1', startsOn: '2026-09-01', endsOn: '2026-10-23' },
    { name: 'Autumn 2', startsOn: '2026-11-02', endsOn: '2026-12-18' },
  ],
  insetDays: [{ date: '2026-09-01', note: 'Training' }],
};

async function openCalendar(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...settingsPageHandlers(role),
    'calendar.saveYear': (input) => ok(calendarInfo([input as TermYear])),
    'calendar.saveOverrides': (input) =>
      ok(calendarInfo([], (input as { overrides: BankHolidayOverride[] }).overrides)),
    ...handlers,
  });
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
  const heading = await screen.findByRole('heading', { name: 'School calendar' });
  const section = heading.closest('section');
  if (!section) throw new Error('The school calendar is not in a section.');
  await within(section).findByLabelText('Academic year');
  return { invoke, section };
}

const group = (name: string): HTMLElement => screen.getByRole('group', { name });

function fill(box: HTMLElement, label: string, value: string): void {
  fireEvent.change(within(box).getByLabelText(label), { target: { value } });
}

function valueIn(box: HTMLElement, label: string): string {
  return within(box).getByLabelText<HTMLInputElement>(label).value;
}

const WARNING =
  'School-day deadlines (such as a child protection file transfer) are counted as working days until term dates are entered.';

describe('school calendar in Settings', () => {
  it('warns while this year has no terms, and saves the terms and INSET days typed in', async () => {
    const { invoke, section } = await openCalendar('dsl');
    expect(within(section).getByText(WARNING)).toBeTruthy();
    const year = within(section).getByLabelText<HTMLSelectElement>('Academic year');
    expect(year.value).toBe('2026/27');
    expect(
      within(year)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose an academic year', '2026/27 (this year)', '2027/28']);

    fireEvent.click(within(section).getByRole('button', { name: 'Add a term' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Add a term' }));
    fill(group('Term 1'), 'Name', 'Autumn 1');
    fill(group('Term 1'), 'First day', '2026-09-01');
    fill(group('Term 1'), 'Last day', '2026-10-23');
    fill(group('Term 2'), 'Name', 'Autumn 2');
    fill(group('Term 2'), 'First day', '2026-11-02');
    fill(group('Term 2'), 'Last day', '2026-12-18');
    fireEvent.click(within(section).getByRole('button', { name: 'Add an INSET day' }));
    fill(group('INSET day 1'), 'Date', '2026-09-01');
    fill(group('INSET day 1'), 'Note (optional)', ' Training ');
    fireEvent.click(within(section).getByRole('button', { name: 'Save term dates for 2026/27' }));

    expect(await within(section).findByText('Term dates for 2026/27 saved.')).toBeTruthy();
    expect(inputsTo(invoke, 'calendar.saveYear')).toEqual([autumn]);
    expect(within(section).queryByText(WARNING)).toBeNull();
    expect(valueIn(group('Term 2'), 'Name')).toBe('Autumn 2');
  });

  it('names a term that ends before it starts, sends nothing, then shows main’s refusal', async () => {
    const { invoke, section } = await openCalendar('deputy_dsl', {
      'calendar.get': () => ok(calendarInfo([autumn])),
      'calendar.saveYear': () =>
        fail('invalid_input', 'Check the term dates.', {
          'terms.1.startsOn': 'Autumn 2 overlaps a term saved for another year.',
        }),
    });
    expect(within(section).queryByText(WARNING)).toBeNull();
    expect(valueIn(group('Term 1'), 'Name')).toBe('Autumn 1');
    fill(group('Term 2'), 'Last day', '2026-10-30');
    fireEvent.click(within(section).getByRole('button', { name: 'Save term dates for 2026/27' }));
    const summary = await within(section).findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Autumn 2 ends before it starts.' })).toBe(
      within(summary).getAllByRole('link')[0],
    );
    expect(within(group('Term 2')).getByLabelText('Last day').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(inputsTo(invoke, 'calendar.saveYear')).toEqual([]);

    fill(group('Term 2'), 'Last day', '2026-12-18');
    fireEvent.click(within(section).getByRole('button', { name: 'Save term dates for 2026/27' }));
    expect(
      await within(section).findByRole('link', {
        name: 'Autumn 2 overlaps a term saved for another year.',
      }),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'calendar.saveYear')).toHaveLength(1);
    expect(within(section).queryByText('Term dates for 2026/27 saved.')).toBeNull();
  });

  it('fills the form from pasted CSV, then saves it only when asked', async () => {
    const { invoke, section } = await openCalendar('dsl');
    fireEvent.change(within(section).getByLabelText('Or paste the term dates'), {
      target: {
        value: [
          'Term name,First day,Last day',
          'Autumn 1,01/09/2026,23/10/2026',
          'Autumn 2,2 Nov 2026,18 Dec 2026',
          'INSET,2026-09-01,Training',
          'Autumn 1,2027-09-01,2027-10-22',
        ].join('\n'),
      },
    });
    fireEvent.click(
      within(section).getByRole('button', { name: 'Fill the form from the pasted text' }),
    );
    expect(
      await within(section).findByText(
        'The form now holds the term dates for 2026/27 and 2027/28 from the CSV. Check each year, then save: nothing is saved until you do.',
      ),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'calendar.saveYear')).toEqual([]);
    expect(valueIn(group('Term 2'), 'First day')).toBe('2026-11-02');
    expect(valueIn(group('INSET day 1'), 'Note (optional)')).toBe('Training');
    expect(within(section).getByRole('option', { name: '2027/28 (not saved)' })).toBeTruthy();

    fireEvent.click(within(section).getByRole('button', { name: 'Save term dates for 2026/27' }));
    expect(await within(section).findByText('Term dates for 2026/27 saved.')).toBeTruthy();
    expect(inputsTo(invoke, 'calendar.saveYear')).toEqual([autumn]);

    fireEvent.change(within(section).getByLabelText('Academic year'), {
      target: { value: '2027/28' },
    });
    expect(valueIn(group('Term 1'), 'First day')).toBe('2027-09-01');
  });

  it('lists each bad line of an import and leaves the form as it was', async () => {
    const { invoke, section } = await openCalendar('dsl', {
      'calendar.get': () => ok(calendarInfo([autumn])),
    });
    fireEvent.change(within(section).getByLabelText('Or paste the term dates'), {
      target: {
        value: [
          'Term,Start,End',
          'Spring 1,2027-01-05,2027-02-12',
          'Spring 2,2027-02-22,2027-03-26',
          'Summer 1,2027-04-12,31/02/2027',
        ].join('\n'),
      },
    });
    fireEvent.click(
      within(section).getByRole('button', { name: 'Fill the form from the pasted text' }),
    );
    const summary = await within(section).findByRole('alert');
    expect(summary.textContent).toContain(
      "Line 4: '31/02/2027' is not a real date: February 2027 has 28 days.",
    );
    expect(valueIn(group('Term 1'), 'Name')).toBe('Autumn 1');
    expect(screen.queryByRole('group', { name: 'Term 3' })).toBeNull();
    expect(inputsTo(invoke, 'calendar.saveYear')).toEqual([]);
  });

  it('fills the form from a chosen CSV file', async () => {
    const { section } = await openCalendar('dsl');
    const file = new File(['Term,Start,End\nAutumn 1,2026-09-01,2026-10-23\n'], 'terms.csv', {
      type: 'text/csv',
    });
    fireEvent.change(within(section).getByLabelText('Choose a CSV file'), {
      target: { files: [file] },
    });
    expect(await within(section).findByDisplayValue('Autumn 1')).toBeTruthy();
    expect(valueIn(group('Term 1'), 'Last day')).toBe('2026-10-23');
  });

  it('adds and removes bank holidays, then saves the school’s changes', async () => {
    const { invoke, section } = await openCalendar('dsl');
    const holidays = within(section).getByRole('table', {
      name: 'Bank holidays this year and the next two',
    });
    expect(within(holidays).getByText('25 Dec 2026')).toBeTruthy();

    const remove = group('Remove a bank holiday');
    fireEvent.change(within(remove).getByLabelText('Bank holiday'), {
      target: { value: '2026-12-25' },
    });
    fireEvent.click(within(remove).getByRole('button', { name: 'Remove this day' }));
    expect(
      await within(remove).findByRole('link', {
        name: 'Enter the reason this day is not a bank holiday.',
      }),
    ).toBeTruthy();
    fill(remove, 'Reason', 'Moved by proclamation');
    fireEvent.click(within(remove).getByRole('button', { name: 'Remove this day' }));
    expect(
      within(section).getByText(/25 Dec 2026: not a bank holiday here \(Moved by proclamation\)/),
    ).toBeTruthy();

    const add = group('Add a bank holiday');
    fill(add, 'Date', '2027-01-04');
    fill(add, 'Name', 'Jubilee holiday');
    fireEvent.click(within(add).getByRole('button', { name: 'Add this day' }));
    fill(add, 'Date', '2027-01-04');
    fill(add, 'Name', 'Again');
    fireEvent.click(within(add).getByRole('button', { name: 'Add this day' }));
    expect(
      await within(add).findByRole('link', { name: 'Each date can be overridden once.' }),
    ).toBeTruthy();

    fireEvent.click(within(section).getByRole('button', { name: 'Save bank-holiday changes' }));
    expect(await within(section).findByText('Bank-holiday changes saved.')).toBeTruthy();
    expect(inputsTo(invoke, 'calendar.saveOverrides')).toEqual([
      {
        overrides: [
          { kind: 'remove', date: '2026-12-25', name: 'Moved by proclamation' },
          { kind: 'add', date: '2027-01-04', name: 'Jubilee holiday' },
        ],
      },
    ]);
    const row = within(holidays).getByText('4 Jan 2027').closest('tr');
    expect(row?.textContent).toContain('Jubilee holidayAdded by the school');
    expect(within(holidays).queryByText('25 Dec 2026')).toBeNull();
  });

  it('offers the years already entered and undoes a change before saving', async () => {
    const earlier: TermYear = {
      academicYear: '2025/26',
      terms: [{ name: 'Summer 2', startsOn: '2026-06-01', endsOn: '2026-07-22' }],
      insetDays: [],
    };
    const { invoke, section } = await openCalendar('dsl', {
      'calendar.get': () =>
        ok(calendarInfo([earlier], [{ kind: 'add', date: '2027-01-04', name: 'Jubilee holiday' }])),
    });
    fireEvent.change(within(section).getByLabelText('Academic year'), {
      target: { value: '2025/26' },
    });
    expect(valueIn(group('Term 1'), 'Name')).toBe('Summer 2');
    fireEvent.click(
      within(section).getByRole('button', { name: 'Undo the change for 4 Jan 2027' }),
    );
    expect(within(section).getByText('None: Lantern’s list is used as it is.')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Save bank-holiday changes' }));
    expect(await within(section).findByText('Bank-holiday changes saved.')).toBeTruthy();
    expect(inputsTo(invoke, 'calendar.saveOverrides')).toEqual([{ overrides: [] }]);
  });
});
