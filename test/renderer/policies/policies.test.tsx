import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../../renderer/app/App';
import type { Role } from '../../../shared/auth/roles';
import type { Dashboard } from '../../../shared/dashboard/schema';
import { policyRegister } from '../../../shared/policies/register';
import type {
  FilteringReview,
  PolicyEntry,
  PolicyRegisterView,
} from '../../../shared/policies/schema';
import type { Handlers } from '../fake-lantern';
import {
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  recordId,
  school,
  setUpRendererTests,
  typeInto,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const TODAY = '2026-11-28';

function registerEntry(id: string, overrides: Partial<PolicyEntry> = {}): PolicyEntry {
  const p = policyRegister.find((r) => r.id === id)!;
  return {
    id: p.id,
    title: p.title,
    source: p.source,
    basis: p.basis,
    intervalMonths: p.intervalMonths,
    publicationRequired: p.publicationRequired,
    builtin: true,
    ownerName: '',
    notes: '',
    lastApprovedOn: null,
    lastReview: null,
    nextReview: null,
    overdue: true,
    publishedUrl: '',
    history: [],
    ...overrides,
  };
}

const cpReview = {
  id: recordId(1),
  policyId: 'child_protection',
  approvedOn: '2026-09-15',
  approvedBy: 'Full governing board',
  versionLabel: '2026.1',
  nextReview: '2027-09-15',
  publishedUrl: 'https://www.riverside.sch.uk/cp',
  document: { fileName: 'minutes.pdf', size: 2048 },
  recordedAt: '2026-09-16T09:00:00.000Z',
  recordedByName: 'Dana Lead',
};

const view: PolicyRegisterView = {
  today: TODAY,
  policies: [
    registerEntry('child_protection', {
      lastApprovedOn: cpReview.approvedOn,
      lastReview: cpReview,
      nextReview: '2027-09-15',
      overdue: false,
      publishedUrl: cpReview.publishedUrl,
      history: [
        cpReview,
        {
          ...cpReview,
          id: recordId(9),
          approvedOn: '2025-09-10',
          nextReview: '2026-09-10',
          versionLabel: '2025.1',
          document: { fileName: 'old minutes.pdf', size: 1024 },
        },
      ],
    }),
    registerEntry('behaviour', {
      lastApprovedOn: '2025-11-01',
      lastReview: {
        ...cpReview,
        id: recordId(2),
        policyId: 'behaviour',
        approvedOn: '2025-11-01',
        nextReview: '2026-11-01',
        publishedUrl: '',
        versionLabel: '',
        document: null,
      },
      nextReview: '2026-11-01',
    }),
    registerEntry('whistleblowing'),
  ],
  filtering: { lastReviewedOn: null, nextReview: null, overdue: true },
};

const filtering: FilteringReview = {
  id: recordId(3),
  reviewedOn: '2026-10-05',
  nextReview: '2027-10-05',
  participants: [
    { name: 'Priya Shah', role: 'slt' },
    { name: 'Tom Reed', role: 'governor' },
  ],
  systemsChecked: 'Web filter and laptop monitoring',
  findings: 'Alerts reach the DSL.',
  actions: [{ action: 'Test mobile hotspots', owner: 'IT provider', dueDate: '2026-12-01' }],
  recordedAt: '2026-10-05T15:00:00.000Z',
  recordedByName: 'Dana Lead',
};

function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'triage.inbox': () => ok([]),
    'dashboard.get': () => ok(emptyDashboard),
    'concernDrafts.list': () => ok([]),
    'policies.list': () => ok(view),
    'policies.filteringReviews': () => ok([]),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

function row(name: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Policy register' });
  return within(table).getByRole('row', { name: new RegExp(`^${name}`) });
}

describe('the policy register page', () => {
  it('lists each policy with its approval, next review in words and publication', async () => {
    openAs('dsl');
    await openSection('Policies');
    const cp = row('Child protection policy');
    expect(within(cp).getByText('15 Sep 2026')).toBeTruthy();
    expect(within(cp).getByText('by Full governing board, version 2026.1')).toBeTruthy();
    expect(within(cp).getByText('15 Sep 2027')).toBeTruthy();
    expect(within(cp).getByText('https://www.riverside.sch.uk/cp')).toBeTruthy();
    expect(
      within(cp).getByRole('button', { name: 'Save evidence for the Child protection policy' }),
    ).toBeTruthy();
    expect(within(row('Behaviour policy')).getByText('Overdue: was due 1 Nov 2026')).toBeTruthy();
    const whistle = row('Whistleblowing policy');
    expect(within(whistle).getByText('Overdue: never reviewed')).toBeTruthy();
    expect(within(whistle).getByText('Not yet recorded')).toBeTruthy();
    expect(screen.getByText('Overdue: no review recorded')).toBeTruthy();
    expect(screen.getByText('No filtering and monitoring review has been recorded.')).toBeTruthy();
  });

  it('refuses a child protection review without its web address, then records it', async () => {
    const invoke = openAs('dsl', {
      'policies.review': () => ok(view),
    });
    await openSection('Policies');
    fireEvent.click(
      screen.getByRole('button', { name: 'Record a review of the Whistleblowing policy' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(
      screen.getByRole('button', { name: 'Record a review of the Child protection policy' }),
    );
    await screen.findByRole('heading', { name: 'Record a review of the child protection policy' });
    typeInto('Date approved', '2026-11-20');
    typeInto('Where it is published (web address)', '');
    fireEvent.click(screen.getByRole('button', { name: 'Record the review' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(
      'The child protection policy must be published: enter the web address where it is published.',
    );
    typeInto('Date approved', '2026-11-29');
    typeInto('Where it is published (web address)', 'https://www.riverside.sch.uk/cp');
    fireEvent.click(screen.getByRole('button', { name: 'Record the review' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toContain(
        'The date it was approved cannot be in the future.',
      );
    });
    expect(inputsTo(invoke, 'policies.review')).toEqual([]);

    typeInto('Date approved', '2026-11-20');
    typeInto('Version (optional)', '2026.2');
    expect(
      screen.getByText(/Leave blank for 12 months after approval \(20 Nov 2027\)/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record the review' }));
    expect(
      await screen.findByText('The review of the child protection policy has been recorded.'),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'policies.review')).toEqual([
      {
        policyId: 'child_protection',
        approvedOn: '2026-11-20',
        approvedBy: 'Full governing board',
        versionLabel: '2026.2',
        nextReview: '',
        publishedUrl: 'https://www.riverside.sch.uk/cp',
        document: null,
      },
    ]);
  });

  it('adds a school policy, showing main’s refusal at the title', async () => {
    let calls = 0;
    const invoke = openAs('dsl', {
      'policies.add': () => {
        calls += 1;
        return calls === 1
          ? fail('conflict', 'That policy is already on the register.', {
              title: 'A policy with this title is already on the register.',
            })
          : ok(view);
      },
    });
    await openSection('Policies');
    fireEvent.click(screen.getByRole('button', { name: 'Add a policy' }));
    typeInto('Review every (months)', 'two');
    fireEvent.click(screen.getByRole('button', { name: 'Add the policy' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Enter the policy title.');
    expect(summary.textContent).toContain('Enter the review interval in whole months.');
    typeInto('Policy title', 'Intimate care policy');
    typeInto('Review every (months)', '24');
    fireEvent.click(screen.getByRole('button', { name: 'Add the policy' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toContain(
        'A policy with this title is already on the register.',
      );
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add the policy' }));
    expect(
      await screen.findByText('Intimate care policy has been added to the register.'),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'policies.add')[1]).toEqual({
      title: 'Intimate care policy',
      ownerName: '',
      notes: '',
      intervalMonths: 24,
    });
  });

  it('saves the evidence of any review from the policy’s history', async () => {
    const invoke = openAs('dsl', {
      'policies.document': () => ok({ savedTo: '/home/dana/old minutes.pdf' }),
    });
    await openSection('Policies');
    const cp = row('Child protection policy');
    fireEvent.click(within(cp).getByText('All 2 reviews'));
    expect(
      within(cp).getByText(/10 Sep 2025 by Full governing board, version 2025.1/),
    ).toBeTruthy();
    fireEvent.click(
      within(cp).getByRole('button', {
        name: 'Save evidence of 10 Sep 2025 for the Child protection policy',
      }),
    );
    expect(
      await screen.findByText('Saved a copy of the child protection policy evidence.'),
    ).toBeTruthy();
    fireEvent.click(
      within(cp).getByRole('button', { name: 'Save evidence for the Child protection policy' }),
    );
    await waitFor(() => {
      expect(inputsTo(invoke, 'policies.document')).toEqual([
        { reviewId: recordId(9) },
        { reviewId: recordId(1) },
      ]);
    });
  });

  it('edits the owner and notes of a register policy', async () => {
    const invoke = openAs('dsl', { 'policies.update': () => ok(view) });
    await openSection('Policies');
    fireEvent.click(screen.getByRole('button', { name: 'Edit details of the Behaviour policy' }));
    await screen.findByRole('heading', { name: 'Details of the behaviour policy' });
    typeInto('Owner (optional)', 'Deputy headteacher');
    typeInto('Notes (optional)', 'Shared with parents each September.');
    fireEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect(
      await screen.findByText('The details of the behaviour policy have been saved.'),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'policies.update')).toEqual([
      {
        policyId: 'behaviour',
        ownerName: 'Deputy headteacher',
        notes: 'Shared with parents each September.',
      },
    ]);
  });

  it('records a filtering and monitoring review with its people and actions', async () => {
    const invoke = openAs('dsl', {
      'policies.recordFilteringReview': () => ok([filtering]),
    });
    await openSection('Policies');
    fireEvent.click(
      screen.getByRole('button', { name: 'Record a filtering and monitoring review' }),
    );
    await screen.findByRole('heading', { name: 'Record a filtering and monitoring review' });
    // The four roles the standards expect are offered; two are not needed here.
    fireEvent.click(screen.getByRole('button', { name: 'Remove person 4' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove person 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record the review' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Enter the date of the review.');
    expect(summary.textContent).toContain('Enter the name.');
    expect(summary.textContent).toContain('Enter the systems checked.');
    expect(inputsTo(invoke, 'policies.recordFilteringReview')).toEqual([]);

    typeInto('Date of the review', '2026-10-05');
    const people = screen.getAllByLabelText('Name');
    fireEvent.change(people[0]!, { target: { value: 'Priya Shah' } });
    fireEvent.change(people[1]!, { target: { value: 'Tom Reed' } });
    typeInto('Systems checked', 'Web filter and laptop monitoring');
    typeInto('Findings', 'Alerts reach the DSL.');
    fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
    typeInto('Action', 'Test mobile hotspots');
    typeInto('Owner', 'IT provider');
    typeInto('Due', '2026-12-01');
    fireEvent.click(screen.getByRole('button', { name: 'Record the review' }));
    expect(
      await screen.findByText('The filtering and monitoring review has been recorded.'),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'policies.recordFilteringReview')).toEqual([
      {
        reviewedOn: '2026-10-05',
        participants: [
          { name: 'Priya Shah', role: 'slt' },
          { name: 'Tom Reed', role: 'governor' },
        ],
        systemsChecked: 'Web filter and laptop monitoring',
        findings: 'Alerts reach the DSL.',
        actions: [{ action: 'Test mobile hotspots', owner: 'IT provider', dueDate: '2026-12-01' }],
      },
    ]);
    expect(screen.getByRole('heading', { name: 'Review of 5 Oct 2026' })).toBeTruthy();
    expect(screen.getByText('Tom Reed (Governor)')).toBeTruthy();
    expect(screen.getByText('Test mobile hotspots · IT provider · due 1 Dec 2026')).toBeTruthy();
  });

  it.each(['governor', 'staff'] as const)('is not offered to a %s', async (role) => {
    openAs(role, { 'governance.stats': () => fail('internal', 'Not needed here.') });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Policies' })).toBeNull();
  });
});

describe('the dashboard’s policies card', () => {
  it('lists policies due with overdue in words and opens the register', async () => {
    const dashboard: Dashboard = {
      ...emptyDashboard,
      policiesDue: [
        { id: 'whistleblowing', title: 'Whistleblowing policy', nextReview: '', overdue: true },
        { id: 'behaviour', title: 'Behaviour policy', nextReview: '2026-11-01', overdue: true },
        {
          id: 'online_safety',
          title: 'Online safety policy',
          nextReview: '2026-12-20',
          overdue: false,
        },
      ],
    };
    const invoke = openAs('dsl', { 'dashboard.get': () => ok(dashboard) });
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    const card = await screen.findByRole('region', { name: 'Policies due (3)' });
    expect(within(card).getByText('Overdue: never reviewed')).toBeTruthy();
    expect(within(card).getByText('Overdue: was due 1 Nov 2026')).toBeTruthy();
    expect(within(card).getByText('Review due 20 Dec 2026')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Open the policy register' }));
    await screen.findByRole('heading', { name: 'Policies', level: 1 });
    expect(inputsTo(invoke, 'policies.list')).toEqual([{}]);
  });

  it('says when nothing is due', async () => {
    openAs('dsl');
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    const card = await screen.findByRole('region', { name: 'Policies due (0)' });
    expect(
      within(card).getByText('No policy review is overdue or due within a month.'),
    ).toBeTruthy();
  });
});
