import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Concern } from '../../../shared/concerns/schema';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import {
  aChild,
  childFileHandlers,
  emptyDueView,
  inputsTo,
  installFakeLantern,
  ok,
  recordId,
  sessionUser,
  setUpRendererTests,
} from '../fake-lantern';
import { atNow, signedInHandlers, aDuty, fgmDetail, followUp } from './duty-fixtures';

setUpRendererTests();

atNow();

const concern: Concern = {
  id: recordId(7),
  recordedBy: sessionUser('staff').id,
  recordedByName: 'Staff Person',
  recordedAt: '2026-11-25T10:05:00.000Z',
  occurredAt: '2026-11-25T10:00',
  occurredAtUtc: '2026-11-25T10:00:00.000Z',
  occurredAtApprox: false,
  location: 'Classroom',
  summary: 'Jane told me she had been cut over the summer.',
  childWords: '',
  opinion: '',
  actionsTaken: '',
  peopleTold: '',
  dslToldInPerson: true,
  status: 'submitted',
  children: [{ childId: recordId(57), name: 'Jane Doe', role: 'subject' }],
  categories: [],
  flags: { possibleChildSexOffence: false, fgmKnownCase: true, allegationAboutAdult: false },
  bodyMap: [],
  attachments: [],
  addenda: [],
};

/** The teacher's own FGM duty, as main lists it for the concern that started it. */
const personal = aDuty({
  ownerUserId: sessionUser('staff').id,
  ownerName: 'Staff Person (personal duty)',
});

async function signedIn(heading: string) {
  await screen.findByRole('heading', { name: heading, level: 1 });
}

describe('statutory duties beside the records that started them', () => {
  it('shows a teacher their personal FGM duty on their concern, with its deadline and why', async () => {
    const invoke = installFakeLantern({
      ...signedInHandlers('staff'),
      'concerns.get': () => ok(concern),
      'duties.forConcern': () => ok([personal]),
      'duties.get': () => ok(fgmDetail()),
    });
    render(<App />);
    await signedIn('Pupils');
    act(() => {
      useLantern.getState().navigate({ page: 'concern', id: concern.id, child: null });
    });
    const panel = await screen.findByRole('region', { name: 'Statutory duties' });
    await within(panel).findByText(/^Your personal duty: you must do it yourself/);
    expect(inputsTo(invoke, 'duties.forConcern')).toEqual([{ concernId: concern.id }]);
    expect(
      within(panel).getByText(
        'Target: Thu 26 Nov 2026, 10:00 (overdue by 2 days); legal deadline: Fri 25 Dec 2026, 10:00',
      ),
    ).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: `Why? ${personal.title}` }));
    expect(await screen.findByRole('region', { name: 'Why this applies' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the concern' }));
    expect(await screen.findByRole('heading', { name: /^Concern of/, level: 1 })).toBeTruthy();
  });

  it('shows it straight after the concern is recorded, and nothing there when there is none', async () => {
    let duties = [personal];
    installFakeLantern({
      ...signedInHandlers('staff'),
      'duties.forConcern': () => ok(duties),
    });
    render(<App />);
    await signedIn('Pupils');
    const recorded = {
      page: 'concern-recorded' as const,
      id: concern.id,
      child: { id: recordId(57), name: 'Jane Doe' },
      children: [{ name: 'Jane Doe', role: 'subject' as const }],
    };
    act(() => {
      useLantern.getState().navigate(recorded);
    });
    const panel = await screen.findByRole('region', { name: 'Statutory duties' });
    expect(await within(panel).findByText(/^Your personal duty/)).toBeTruthy();

    duties = [];
    act(() => {
      useLantern.getState().navigate({ ...recorded, id: recordId(8) });
    });
    await waitFor(() => {
      expect(useLantern.getState().dutyList).toMatchObject({
        key: `concern:${recordId(8)}`,
        status: 'ready',
      });
    });
    expect(screen.queryByRole('region', { name: 'Statutory duties' })).toBeNull();
  });

  it('lists every duty on a child’s file for those who read duties', async () => {
    const child = aChild({ id: recordId(57) });
    const invoke = installFakeLantern({
      ...childFileHandlers('dsl', child),
      'duties.forChild': () => ok([aDuty(), { ...followUp, childId: child.id }]),
    });
    render(<App />);
    await signedIn('Dashboard');
    act(() => {
      useLantern.getState().navigate({ page: 'child', id: child.id });
    });
    const section = await screen.findByRole('region', { name: 'Statutory duties' });
    expect(await within(section).findByRole('button', { name: aDuty().title })).toBeTruthy();
    expect(within(section).getByRole('button', { name: followUp.title })).toBeTruthy();
    // The page is about Jane already.
    expect(within(section).queryByText('Child: Jane Doe')).toBeNull();
    expect(inputsTo(invoke, 'duties.forChild')).toEqual([{ childId: child.id }]);
  });

  it('puts overdue and due-today counts on the DSL’s dashboard, with the first few overdue', async () => {
    const late = [1, 2, 3, 4].map((n) =>
      aDuty({ id: recordId(220 + n), title: `Overdue duty ${n}` }),
    );
    const invoke = installFakeLantern({
      ...signedInHandlers('dsl'),
      'duties.due': () => ok({ ...emptyDueView, overdue: late, today: [followUp] }),
      'duties.get': () => ok(fgmDetail({ id: recordId(221), title: 'Overdue duty 1' })),
    });
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Statutory duties (5)' });
    expect(inputsTo(invoke, 'duties.due')).toEqual([{ scope: 'school' }]);
    expect(within(card).getByText('4 overdue')).toBeTruthy();
    expect(within(card).getByText(/, 1 due today\./)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Overdue duty 3' })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Overdue duty 4' })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Overdue duty 1' }));
    await screen.findByRole('heading', { name: 'Overdue duty 1', level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Back to the dashboard' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeTruthy();
  });
});
