import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { DueView } from '../../../shared/duties/schema';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  emptyDueView,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  setUpRendererTests,
  typeInto,
} from '../fake-lantern';
import {
  atNow,
  signedInHandlers,
  aDuty,
  done,
  fgmDetail,
  followUp,
  prevent,
  sar,
} from './duty-fixtures';

setUpRendererTests();

atNow();

const overdue = aDuty();
const schoolView: DueView = {
  ...emptyDueView,
  overdue: [overdue],
  today: [followUp],
  later: [sar],
  noDeadline: [prevent],
  recentlyClosed: [done],
};

function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...signedInHandlers(role),
    'duties.due': (input) =>
      ok(
        (input as { scope: string }).scope === 'school'
          ? schoolView
          : { ...emptyDueView, overdue: [overdue] },
      ),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

function section(name: RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('the statutory duties page', () => {
  it('groups the school’s duties by when they are due, overdue first and in words', async () => {
    const invoke = openAs('dsl');
    await openSection('Statutory duties');
    const late = await screen.findByRole('region', { name: /^Overdue \(1\)/ });
    expect(inputsTo(invoke, 'duties.due')).toContainEqual({ scope: 'school' });
    // The row says "Overdue" in words, not by its red edge alone.
    const row = within(late).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(row).getByText('Overdue')).toBeTruthy();
    expect(
      within(late).getByText(
        'Target: Thu 26 Nov 2026, 10:00 (overdue by 2 days); legal deadline: Fri 25 Dec 2026, 10:00',
      ),
    ).toBeTruthy();
    expect(within(late).getByText('Child: Jane Doe')).toBeTruthy();
    expect(within(late).getByText('Owner: Sam Teacher (personal duty)')).toBeTruthy();
    expect(within(late).getByText('Must: statute or regulations')).toBeTruthy();

    const today = section(/^Due today \(1\)/);
    expect(
      within(today).getByText(
        'Deadline in statutory guidance: Sat 28 Nov 2026, 17:00 (due in 5 hours)',
      ),
    ).toBeTruthy();
    expect(within(today).queryByText('Overdue')).toBeNull();
    expect(
      within(section(/^Due this week \(0\)/)).getByText('Nothing else is due this week.'),
    ).toBeTruthy();
    expect(
      within(section(/^Later \(1\)/)).getByText(
        'Legal deadline: Mon 21 Dec 2026, 23:59 (due in 23 days)',
      ),
    ).toBeTruthy();
    expect(
      within(section(/^No fixed deadline \(1\)/)).getByText('No fixed deadline: act promptly'),
    ).toBeTruthy();
    expect(
      within(section(/^Recently done \(1\)/)).getByText('Done: Fri 27 Nov 2026, 15:30'),
    ).toBeTruthy();
  });

  it('switches between the whole school and my duties', async () => {
    const invoke = openAs('headteacher');
    await openSection('Statutory duties');
    const mine = screen.getByRole('button', { name: 'My duties' });
    expect(screen.getByRole('button', { name: 'Whole school' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    fireEvent.click(mine);
    expect(await screen.findByText('Nothing is due later.')).toBeTruthy();
    expect(mine.getAttribute('aria-pressed')).toBe('true');
    expect(inputsTo(invoke, 'duties.due')).toEqual([{ scope: 'school' }, { scope: 'mine' }]);
    // The head reads every duty but starts none.
    expect(screen.queryByRole('heading', { name: 'Record an event' })).toBeNull();
  });

  it('shows staff only their own duties, with no toggle and no way to start one', async () => {
    const invoke = openAs('staff');
    await openSection('Statutory duties');
    await screen.findByRole('region', { name: /Overdue \(1\)/ });
    expect(inputsTo(invoke, 'duties.due')).toEqual([{ scope: 'mine' }]);
    expect(screen.queryByRole('button', { name: 'Whole school' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Record an event' })).toBeNull();
  });

  it('opens a duty from its row', async () => {
    openAs('dsl', { 'duties.get': () => ok(fgmDetail()) });
    await openSection('Statutory duties');
    const late = await screen.findByRole('region', { name: /Overdue \(1\)/ });
    fireEvent.click(within(late).getByRole('button', { name: overdue.title }));
    expect(await screen.findByRole('heading', { name: overdue.title, level: 1 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to statutory duties' }));
    expect(await screen.findByRole('heading', { name: 'Statutory duties', level: 1 })).toBeTruthy();
  });
});

describe('recording an event by hand', () => {
  it('starts the duty with the event, the child and when, then opens it', async () => {
    const started = fgmDetail({ id: sar.id, title: 'Respond to the subject access request' });
    const invoke = openAs('dsl', {
      'duties.start': () => ok(started),
      'duties.get': () => ok(started),
    });
    await openSection('Statutory duties');
    const form = await screen.findByRole('form', { name: 'Record an event' });
    fireEvent.change(within(form).getByLabelText('What happened'), {
      target: { value: 'sar-response' },
    });
    expect(within(form).getByText('When the request was received')).toBeTruthy();
    typeInto('Child', 'Jane');
    fireEvent.click(within(form).getByRole('button', { name: 'Search' }));
    fireEvent.click(await within(form).findByRole('button', { name: 'Choose Jane Doe (Year 5)' }));
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2026-11-27' } });
    fireEvent.change(within(form).getByLabelText('Time', { exact: false }), {
      target: { value: '09:15' },
    });
    typeInto('Details (optional)', 'Letter from the mother, by hand.');
    fireEvent.click(within(form).getByRole('button', { name: 'Start the duty' }));
    expect(await screen.findByRole('heading', { name: started.title, level: 1 })).toBeTruthy();
    expect(inputsTo(invoke, 'duties.start')).toEqual([
      {
        ruleId: 'sar-response',
        childId: aChild().id,
        concernId: null,
        at: '2026-11-27T09:15',
        note: 'Letter from the mother, by hand.',
      },
    ]);
    expect(screen.getByText('Duty started. Its deadline is shown below.')).toBeTruthy();
  });

  it('asks for the event and the time before sending, and shows main’s field errors', async () => {
    const invoke = openAs('dsl', {
      'duties.start': () =>
        fail('invalid_input', 'Check the details.', { at: 'The date cannot be in the future.' }),
    });
    await openSection('Statutory duties');
    const form = await screen.findByRole('form', { name: 'Record an event' });
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2026-11-27' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start the duty' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getByText('Choose what happened.')).toBeTruthy();
    expect(within(summary).getByText('Enter the time, such as 14:30.')).toBeTruthy();
    expect(inputsTo(invoke, 'duties.start')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('What happened'), {
      target: { value: 'ico-breach' },
    });
    fireEvent.change(within(form).getByLabelText('Time', { exact: false }), {
      target: { value: '09:15' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Start the duty' }));
    expect(
      await within(form).findByText('The date cannot be in the future.', { selector: 'a' }),
    ).toBeTruthy();
    // A data breach is about the school: no child is asked for or sent.
    expect(within(form).queryByLabelText('Child')).toBeNull();
    expect(inputsTo(invoke, 'duties.start')).toMatchObject([
      { ruleId: 'ico-breach', childId: null, at: '2026-11-27T09:15' },
    ]);
    expect(screen.getByRole('heading', { name: 'Statutory duties', level: 1 })).toBeTruthy();
  });
});
