import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Dashboard } from '../../../shared/dashboard/schema';
import type { Role } from '../../../shared/auth/roles';
import { App } from '../../../renderer/app/App';
import {
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  recordId,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const dashboard: Dashboard = {
  today: '2026-11-07',
  awaitingTriage: {
    count: 7,
    oldest: [
      {
        concernId: recordId(1),
        status: 'new',
        level: null,
        occurredAt: '2026-11-02T08:30',
        occurredAtApprox: false,
        recordedAt: '2026-11-02T10:00:00.000Z',
        recordedByName: 'Sam Teacher',
        children: [{ childId: recordId(50), name: 'Tomasz Nowak', role: 'subject' }],
        categories: ['neglect'],
        flags: { possibleChildSexOffence: false, fgmKnownCase: true, allegationAboutAdult: false },
        openActions: 0,
        nextDue: '',
      },
    ],
  },
  overdueActions: [
    {
      id: recordId(2),
      description: 'Speak to both sets of parents',
      dueDate: '2026-11-05',
      ownerName: 'Dee Deputy',
      concernId: recordId(3),
      children: ['Amara Okafor', 'Tomasz Nowak'],
    },
  ],
  actionsDueSoon: [],
  reviewsDue: [
    {
      decisionId: recordId(4),
      concernId: recordId(3),
      reviewDate: '2026-11-10',
      decidedByName: 'Dana Lead',
      children: ['Amara Okafor'],
    },
  ],
  escalations: [
    {
      child: { id: recordId(50), name: 'Tomasz Nowak' },
      rule: '3 neglect concerns in 90 days',
      concernIds: [recordId(5), recordId(6), recordId(1)],
      dates: ['2026-10-01', '2026-10-20', '2026-11-02T08:30'],
      latest: '2026-11-02T08:30',
    },
  ],
  policiesDue: [
    { id: 'child_protection', title: 'Child protection policy', nextReview: '', overdue: true },
    {
      id: 'online_safety',
      title: 'Online safety policy',
      nextReview: '2026-12-10',
      overdue: false,
    },
  ],
  recordsDue: [],
};

function openAs(role: Role, answer = () => ok(dashboard)) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'triage.inbox': () => ok([]),
    'dashboard.get': answer,
    'concernDrafts.list': () => ok([]),
  });
  render(<App />);
  return invoke;
}

async function openDashboard() {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Dashboard' }));
  await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
}

describe('the DSL’s dashboard', () => {
  it('shows each panel with its count, and says why each item is there in words', async () => {
    openAs('dsl');
    await openDashboard();
    const triage = screen.getByRole('region', { name: 'Awaiting triage (7)' });
    expect(within(triage).getByText(/7 concerns have not been triaged/)).toBeTruthy();
    expect(
      within(triage).getByRole('button', { name: 'Tomasz Nowak (subject of the concern)' }),
    ).toBeTruthy();
    expect(within(triage).getByText('FGM')).toBeTruthy();
    const overdue = screen.getByRole('region', { name: 'Overdue actions (1)' });
    expect(within(overdue).getByText('Overdue: due 5 Nov 2026')).toBeTruthy();
    expect(within(overdue).getByText(/Dee Deputy · Amara Okafor, Tomasz Nowak/)).toBeTruthy();
    const soon = screen.getByRole('region', { name: 'Actions due in the next 7 days (0)' });
    expect(within(soon).getByText('No action falls due in the next 7 days.')).toBeTruthy();
    const reviews = screen.getByRole('region', { name: 'Monitoring reviews due (1)' });
    expect(within(reviews).getByText('Review due 10 Nov 2026')).toBeTruthy();
    const patterns = screen.getByRole('region', { name: 'Patterns to look at again (1)' });
    expect(
      within(patterns).getByText(/Meets “3 neglect concerns in 90 days”: 3 concerns/),
    ).toBeTruthy();
  });

  it('opens the concern an action belongs to, with the way back to the dashboard', async () => {
    const invoke = openAs('dsl');
    await openDashboard();
    fireEvent.click(screen.getByRole('button', { name: 'Speak to both sets of parents' }));
    expect(await screen.findByRole('button', { name: 'Back to the dashboard' })).toBeTruthy();
    expect(inputsTo(invoke, 'concerns.get')).toEqual([{ id: recordId(3) }]);
  });

  it('says what went wrong and offers to try again when main refuses', async () => {
    openAs('dsl', () => fail('internal', 'The dashboard could not be read.'));
    await openDashboard();
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The dashboard could not be read.',
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('is not offered to staff', async () => {
    const invoke = openAs('staff');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Dashboard' })).toBeNull();
    expect(inputsTo(invoke, 'dashboard.get')).toEqual([]);
  });
});
