import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import {
  aChild,
  emptyDashboard,
  inputsTo,
  installFakeLantern,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

function openAs(role: Role) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'dashboard.get': () => ok(emptyDashboard),
    'children.list': () => ok({ items: [aChild()], total: 1 }),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'designations.forChild': () => ok([]),
    'family.forChild': () => ok({ families: [], adults: [], contacts: [] }),
  });
  render(<App />);
  return invoke;
}

async function navLabels(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('button')
    .map((button) => button.textContent);
}

describe('main navigation by role', () => {
  it('gives the DSL every section, and opens on the dashboard', async () => {
    const invoke = openAs('dsl');
    await screen.findByRole('heading', { name: 'Dashboard' });
    expect(inputsTo(invoke, 'children.list')).toEqual([]);
    expect(await navLabels()).toEqual([
      'Dashboard',
      'Pupils',
      'Triage',
      'Statutory duties',
      'Operation Encompass',
      'Search concerns',
      'Governance',
      'Policies',
      'Subject access requests',
      'Retention',
      'Safeguarding audit',
      'Training',
      'Users',
      'Audit log',
      'Backups',
      'Settings',
      'School profile',
      'My account',
    ]);
  });

  it('opens the deputy DSL on the dashboard too', async () => {
    openAs('deputy_dsl');
    await screen.findByRole('heading', { name: 'Dashboard' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav).getByRole('button', { name: 'Dashboard' }).getAttribute('aria-current'),
    ).toBe('page');
  });

  it.each(['headteacher', 'staff'] as const)('opens %s on the pupil register', async (role) => {
    const invoke = openAs(role);
    expect(await screen.findByRole('heading', { name: 'Pupils' })).toBeTruthy();
    expect(inputsTo(invoke, 'dashboard.get')).toEqual([]);
  });

  it('shows a governor no pupils, users or audit log, and opens on the governors’ view', async () => {
    const invoke = openAs('governor');
    expect(await screen.findByRole('heading', { name: 'Governance', level: 1 })).toBeTruthy();
    expect(await navLabels()).toEqual([
      'Governance',
      'Safeguarding audit',
      'School profile',
      'My account',
    ]);
    expect(inputsTo(invoke, 'children.list')).toEqual([]);
    expect(inputsTo(invoke, 'alerts.list')).toEqual([]);
  });

  it('lets staff find pupils but not open a child’s file', async () => {
    openAs('staff');
    await screen.findByText('1 pupil');
    expect(await navLabels()).toEqual([
      'Pupils',
      'Statutory duties',
      'Search concerns',
      'School profile',
      'My account',
    ]);
    const table = screen.getByRole('table', { name: 'Pupil register' });
    expect(within(table).getByText('Jane Doe')).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Jane Doe' })).toBeNull();
    // Staff record a concern from the register row instead.
    expect(
      within(table).getByRole('button', { name: 'Record a concern about Jane Doe' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a child' })).toBeNull();
  });

  it('gives IT administrators settings but neither pupils nor the audit log', async () => {
    openAs('it_admin');
    await screen.findByRole('heading', { name: 'School profile' });
    expect(await navLabels()).toEqual(['Backups', 'Settings', 'School profile', 'My account']);
  });

  it('refuses a page the role cannot use, even if the route points there', async () => {
    openAs('staff');
    await screen.findByText('1 pupil');
    useLantern.getState().navigate({ page: 'child', id: aChild().id });
    expect(await screen.findByRole('heading', { name: 'You cannot open this page' })).toBeTruthy();
  });
});
