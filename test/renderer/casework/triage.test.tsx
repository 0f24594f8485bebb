import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { CaseAction, InboxItem, MyAction, TriageState } from '../../../shared/casework/schema';
import type { Concern } from '../../../shared/concerns/schema';
import { addDays, formatCalendarDate, londonDate } from '../../../shared/dates/calendar-date';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  emptyDashboard,
  inputsTo,
  installFakeLantern,
  ok,
  recordId,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const today = londonDate(new Date());
const concernId = recordId(7);
const noFlags = {
  possibleChildSexOffence: false,
  fgmKnownCase: false,
  allegationAboutAdult: false,
};

function inboxItem(n: number, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    concernId: recordId(n),
    status: 'new',
    level: null,
    occurredAt: '2026-11-20T12:40',
    occurredAtApprox: false,
    recordedAt: '2026-11-20T13:00:00.000Z',
    recordedByName: 'Sam Teacher',
    children: [{ childId: recordId(50 + n), name: 'Jane Doe', role: 'subject' }],
    categories: ['neglect'],
    flags: noFlags,
    openActions: 0,
    nextDue: '',
    ...overrides,
  };
}

const concern: Concern = {
  id: concernId,
  recordedBy: recordId(1),
  recordedByName: 'Sam Teacher',
  recordedAt: '2026-11-20T13:00:00.000Z',
  occurredAt: '2026-11-20T12:40',
  occurredAtUtc: '2026-11-20T12:40:00.000Z',
  occurredAtApprox: false,
  location: 'Playground',
  summary: 'Jane said she had not eaten since Friday.',
  childWords: '',
  opinion: '',
  actionsTaken: '',
  peopleTold: '',
  dslToldInPerson: true,
  status: 'submitted',
  children: [{ childId: recordId(57), name: 'Jane Doe', role: 'subject' }],
  categories: ['neglect'],
  flags: noFlags,
  bodyMap: [],
  attachments: [],
  addenda: [],
};

const fresh: TriageState = {
  concernId,
  status: 'new',
  level: null,
  levels: [],
  decisions: [],
  actions: [],
  closures: [],
};

/** An action still to do on the concern, given to Dee Deputy. */
function openAction(dueDate: string): CaseAction {
  return {
    id: recordId(30),
    description: 'Phone Jane’s mother',
    ownerId: recordId(3),
    ownerName: 'Dee Deputy',
    dueDate,
    createdByName: 'Dana Lead',
    createdAt: '2026-11-20T14:00:00.000Z',
    completedAt: null,
    completedByName: null,
    completionNote: null,
  };
}

function openAs(role: 'dsl' | 'staff', handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'dashboard.get': () => ok(emptyDashboard),
    'children.list': () => ok({ items: [], total: 0 }),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'triage.inbox': () =>
      ok([
        inboxItem(7, { flags: { ...noFlags, fgmKnownCase: true } }),
        inboxItem(8, { recordedAt: '2026-11-21T09:00:00.000Z' }),
        inboxItem(9, { status: 'open', level: 2, openActions: 1, nextDue: '2026-11-22' }),
      ]),
    'concerns.get': () => ok(concern),
    'triage.get': () => ok(fresh),
    'actions.owners': () =>
      ok([{ id: recordId(3), displayName: 'Dee Deputy', role: 'deputy_dsl' as const }]),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

function choose(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function openConcernFromInbox() {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(await within(nav).findByRole('button', { name: 'Triage 2 awaiting triage' }));
  const table = await screen.findByRole('table', { name: 'Concerns to triage' });
  fireEvent.click(within(table).getAllByRole('button')[0] as HTMLElement);
  await screen.findByRole('heading', { name: 'Triage' });
}

describe('the triage inbox', () => {
  it('counts concerns awaiting triage in the navigation and lists them oldest first, flags in words', async () => {
    openAs('dsl');
    await openConcernFromInbox();
    fireEvent.click(screen.getByRole('button', { name: 'Back to triage' }));
    const table = await screen.findByRole('table', { name: 'Concerns to triage' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[3]?.textContent)).toEqual([
      'FGM',
      'None',
      'None',
    ]);
    expect(rows[0]?.textContent).toContain('Awaiting triage');
    expect(rows[2]?.textContent).toContain('Level 2 Early help');
    expect(rows[2]?.textContent).toContain('Overdue: due 22 Nov 2026');
    expect(screen.getByText(/2 concerns are awaiting triage/)).toBeTruthy();
  });

  it('is not offered to a teacher', async () => {
    const invoke = openAs('staff', { 'concernDrafts.list': () => ok([]) });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('button', { name: 'My account' });
    expect(within(nav).queryByRole('button', { name: /Triage/ })).toBeNull();
    expect(inputsTo(invoke, 'triage.inbox')).toEqual([]);
  });
});

describe('the triage panel on a concern', () => {
  it('asks for a review date only for monitoring, and refuses one that is not after today', async () => {
    const invoke = openAs('dsl', {
      'triage.decide': () =>
        ok({
          ...fresh,
          status: 'open',
          decisions: [
            {
              id: recordId(20),
              kind: 'monitor',
              description: '',
              reviewDate: addDays(today, 14),
              rationale: 'Below threshold; watch lunchtimes for a fortnight.',
              decidedByName: 'Dana Lead',
              decidedAt: new Date().toISOString(),
            },
          ],
        }),
    });
    await openConcernFromInbox();
    expect(screen.queryByLabelText('Review date')).toBeNull();
    choose('Decision', 'monitor');
    choose('Review date', today);
    choose('Rationale for the decision', 'Below threshold; watch lunchtimes for a fortnight.');
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findAllByText('The review date must be after today.')).toHaveLength(2);
    expect(inputsTo(invoke, 'triage.decide')).toEqual([]);

    choose('Review date', addDays(today, 14));
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    const decisions = await screen.findByRole('list', { name: 'Decisions' });
    expect(decisions.textContent).toContain(
      `Monitor, with a review date (review ${formatCalendarDate(addDays(today, 14))})`,
    );
    expect(inputsTo(invoke, 'triage.decide')).toEqual([
      {
        concernId,
        kind: 'monitor',
        description: '',
        reviewDate: addDays(today, 14),
        rationale: 'Below threshold; watch lunchtimes for a fortnight.',
      },
    ]);
    choose('Decision', 'police');
    expect(screen.queryByLabelText('Review date')).toBeNull();
  });

  it('lists exactly what stops a close, naming the open action, and sends nothing', async () => {
    const invoke = openAs('dsl', {
      'triage.get': () =>
        ok({
          ...fresh,
          status: 'open',
          actions: [openAction(addDays(today, -1))],
        }),
    });
    await openConcernFromInbox();
    const actions = screen.getByRole('list', { name: 'Actions' });
    expect(actions.textContent).toContain(`Overdue: due ${formatCalendarDate(addDays(today, -1))}`);
    choose('Summary of the concern', 'Jane came in hungry.');
    fireEvent.click(screen.getByRole('button', { name: 'Close concern' }));
    const summary = await screen.findByRole('alert');
    const problems = within(summary)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(problems.sort()).toEqual(
      [
        'Complete the open action first: “Phone Jane’s mother”.',
        'Record at least one decision, with its rationale, before closing.',
        'Record the outcome.',
        'Say how the concern was followed up and resolved.',
      ].sort(),
    );
    expect(inputsTo(invoke, 'triage.close')).toEqual([]);
  });

  it('says under the heading where the triage stands, with a way straight to it', async () => {
    openAs('dsl', {
      'triage.get': () =>
        ok({
          ...fresh,
          status: 'open',
          level: 2,
          actions: [openAction(addDays(today, 2))],
        }),
    });
    await openConcernFromInbox();
    const line = await screen.findByText(/^Triage:/);
    expect(line.textContent).toBe('Triage: Open · Level 2 Early help · 1 open action Go to triage');
    const facts = screen.getByRole('heading', { name: 'What happened (facts)' });
    // Near the top: before the record, not after it with the triage section.
    expect(line.compareDocumentPosition(facts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(within(line).getByRole('link', { name: 'Go to triage' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Triage', level: 2 }));
  });

  it('confirms each save beside the form that made it, politely, not at the top', async () => {
    const levelled: TriageState = {
      ...fresh,
      status: 'open',
      level: 3,
      levels: [
        {
          id: recordId(21),
          level: 3,
          previous: null,
          rationale: 'Repeated hunger; a child in need assessment is needed.',
          setByName: 'Dana Lead',
          setAt: new Date().toISOString(),
        },
      ],
    };
    openAs('dsl', { 'triage.setLevel': () => ok(levelled) });
    await openConcernFromInbox();
    expect(screen.getByText(/^Triage:/).textContent).toContain('Awaiting triage');
    choose('Level', '3');
    choose('Rationale for the level', 'Repeated hunger; a child in need assessment is needed.');
    fireEvent.click(screen.getByRole('button', { name: 'Save level' }));
    const level = screen.getByRole('region', { name: 'Level of concern' });
    const status = await within(level).findByRole('status');
    expect(status.textContent).toBe('Level saved.');
    // Only beside the level form: not in the page's status region, nor beside the other forms.
    const others = screen.getAllByRole('status').filter((s) => s !== status);
    expect(others.length).toBeGreaterThan(1);
    expect(others.map((s) => s.textContent)).toEqual(others.map(() => ''));
    expect(screen.getByText(/^Triage:/).textContent).toContain('Level 3');
  });

  it('adds an action for a chosen owner with a due date', async () => {
    const invoke = openAs('dsl', { 'actions.add': () => ok({ ...fresh, status: 'open' }) });
    await openConcernFromInbox();
    choose('What needs doing', 'Phone Jane’s mother');
    await waitFor(() => {
      expect(screen.getByRole('option', { name: 'Dee Deputy (Deputy DSL)' })).toBeTruthy();
    });
    choose('Who will do it', recordId(3));
    choose('Due date', addDays(today, 3));
    fireEvent.click(screen.getByRole('button', { name: 'Add action' }));
    await waitFor(() => {
      expect(inputsTo(invoke, 'actions.add')).toEqual([
        {
          concernId,
          description: 'Phone Jane’s mother',
          ownerId: recordId(3),
          dueDate: addDays(today, 3),
        },
      ]);
    });
    const actions = screen.getByRole('region', { name: 'Actions' });
    expect((await within(actions).findByRole('status')).textContent).toBe('Action added.');
  });
});

describe('my actions', () => {
  const mine: MyAction = {
    id: recordId(31),
    description: 'Check in with the pupil each morning',
    dueDate: addDays(today, -2),
    concernOccurredAt: '2026-11-20T12:40',
    concernId: null,
    children: [],
  };

  it('shows a teacher what to do and by when, the concern only by its date, and completes it', async () => {
    const invoke = openAs('staff', {
      'concernDrafts.list': () => ok([]),
      'actions.mine': () => ok([mine]),
      'actions.complete': () => ok(null),
    });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('button', { name: 'My account' }));
    const list = await screen.findByRole('list', { name: 'My open actions' });
    expect(list.textContent).toContain('Check in with the pupil each morning');
    expect(list.textContent).toContain(`Overdue: due ${formatCalendarDate(mine.dueDate)}`);
    expect(list.textContent).toContain('About the concern of 20 Nov 2026, 12:40.');
    expect(within(list).queryByRole('button', { name: /Open the concern/ })).toBeNull();

    fireEvent.click(
      within(list).getByRole('button', { name: 'Complete “Check in with the pupil each morning”' }),
    );
    choose('What was done', 'Checked in every morning this week.');
    fireEvent.click(screen.getByRole('button', { name: 'Complete action' }));
    await waitFor(() => {
      expect(inputsTo(invoke, 'actions.complete')).toEqual([
        { actionId: mine.id, note: 'Checked in every morning this week.' },
      ]);
    });
    // "My actions" is a short page: the confirmation is the page's own, at its top.
    expect(await screen.findByText('Action completed.')).toBeTruthy();
  });
});
