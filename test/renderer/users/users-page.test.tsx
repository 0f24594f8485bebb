import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { User } from '../../../shared/users/schema';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import type { Handlers } from '../fake-lantern';
import {
  aUser,
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  recordId,
  school,
  sessionUser,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const me = sessionUser('dsl');
const self: User = aUser({
  ...me,
  status: 'active',
  lastSignInAt: '2026-11-28T08:30:00.000Z',
});
const sam = aUser();
const ola = aUser({
  id: recordId(2),
  username: 'ola.governor',
  displayName: 'Ola Governor',
  role: 'governor',
  lastSignInAt: null,
});
const newcomer = aUser({
  id: recordId(3),
  username: 'kim.deputy',
  displayName: 'Kim Deputy',
  role: 'deputy_dsl',
  mustChangePassphrase: true,
  lastSignInAt: null,
});

async function openUsers(handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs('dsl')),
    'dashboard.get': () => ok(emptyDashboard),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'alerts.list': () => ok([]),
    'users.list': () => ok([self, sam, ola]),
    ...handlers,
  });
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Users' }));
  await screen.findByRole('heading', { name: 'Users' });
  return invoke;
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('users page', () => {
  it('lists everyone, and offers no way to disable yourself', async () => {
    await openUsers();
    const table = await screen.findByRole('table', { name: 'Users' });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Name', 'Username', 'Role', 'Status', 'Last signed in', 'Actions']);
    expect(within(rows[2]!).getByText('28 Nov 2026, 14:05')).toBeTruthy();
    expect(within(rows[3]!).getByText('Never')).toBeTruthy();
    expect(within(rows[3]!).getByText('Governor')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Disable Sam Teacher' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reset passphrase for Sam Teacher' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: `Disable ${me.displayName}` })).toBeNull();
  });

  it('disables and re-enables a user', async () => {
    const invoke = await openUsers({
      'users.setStatus': (input) => {
        const { status } = input as { status: User['status'] };
        return ok({ ...sam, status });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Disable Sam Teacher' }));
    expect(
      await screen.findByText('Sam Teacher has been disabled and can no longer sign in.'),
    ).toBeTruthy();
    const enable = screen.getByRole('button', { name: 'Enable Sam Teacher' });
    expect(within(enable.closest('tr')!).getByText('Disabled')).toBeTruthy();
    // Only an enabled account can be given a new passphrase.
    expect(screen.queryByRole('button', { name: 'Reset passphrase for Sam Teacher' })).toBeNull();
    fireEvent.click(enable);
    expect(await screen.findByRole('button', { name: 'Disable Sam Teacher' })).toBeTruthy();
    expect(inputsTo(invoke, 'users.setStatus')).toEqual([
      { id: sam.id, status: 'disabled' },
      { id: sam.id, status: 'active' },
    ]);
  });

  it('checks the new user’s details before calling main', async () => {
    const invoke = await openUsers();
    fireEvent.click(screen.getByRole('button', { name: 'Add a user' }));
    const heading = await screen.findByRole('heading', { name: 'Add a user' });
    expect(document.activeElement).toBe(heading);
    expect(
      within(screen.getByLabelText('Role'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Choose…',
      'Designated safeguarding lead',
      'Deputy DSL',
      'Headteacher',
      'Staff',
      'Governor',
      'IT administrator',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Enter the person’s full name.', 'Enter a username.', 'Choose a role.']);
    expect(inputsTo(invoke, 'users.add')).toEqual([]);
  });

  it('adds a user and shows their one-time passphrase until Done', async () => {
    const invoke = await openUsers({
      'users.add': () => ok({ user: newcomer, oneTimePassphrase: 'tulip-anchor-57-river' }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add a user' }));
    fill('Full name', ' Kim  Deputy ');
    fill('Username', 'Kim.Deputy');
    fill('Role', 'deputy_dsl');
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));

    const heading = await screen.findByRole('heading', {
      name: 'One-time passphrase for Kim Deputy',
    });
    expect(document.activeElement).toBe(heading);
    const panel = screen.getByRole('region', { name: 'One-time passphrase for Kim Deputy' });
    const secret = within(panel).getByText('tulip-anchor-57-river');
    expect(secret.className).toContain('secret__text');
    expect(panel.textContent).toMatch(/in person, not by email/);
    expect(panel.textContent).toMatch(/choose their own passphrase/);
    expect(panel.textContent).toMatch(/will not show this passphrase again/);
    expect(screen.queryByRole('heading', { name: 'Add a user' })).toBeNull();
    expect(
      within(screen.getByRole('table', { name: 'Users' })).getByText('Kim Deputy'),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'users.add')).toEqual([
      { displayName: 'Kim Deputy', username: 'kim.deputy', role: 'deputy_dsl' },
    ]);

    fireEvent.click(within(panel).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('tulip-anchor-57-river')).toBeNull();
    expect(useLantern.getState().issuedPassphrase).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Users' }));
  });

  it('shows main’s refusal of a username under the field', async () => {
    const message = 'Someone already has this username.';
    await openUsers({
      'users.add': () => fail('conflict', 'Check the details.', { username: message }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add a user' }));
    fill('Full name', 'Sam Teacher');
    fill('Username', 'sam.teacher');
    fill('Role', 'staff');
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
  });

  it('resets a passphrase and shows the new one-time passphrase once', async () => {
    const invoke = await openUsers({
      'users.resetPassphrase': () =>
        ok({ user: { ...sam, mustChangePassphrase: true }, oneTimePassphrase: 'kettle-ocean-42' }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reset passphrase for Sam Teacher' }));
    expect(
      await screen.findByRole('heading', { name: 'One-time passphrase for Sam Teacher' }),
    ).toBeTruthy();
    expect(screen.getByText('kettle-ocean-42')).toBeTruthy();
    expect(screen.getByText('Has a one-time passphrase')).toBeTruthy();
    expect(inputsTo(invoke, 'users.resetPassphrase')).toEqual([{ id: sam.id }]);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('kettle-ocean-42')).toBeNull();
    expect(useLantern.getState().issuedPassphrase).toBeNull();
  });

  it('forgets a one-time passphrase when the DSL leaves the page', async () => {
    await openUsers({
      'users.resetPassphrase': () => ok({ user: sam, oneTimePassphrase: 'kettle-ocean-42' }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reset passphrase for Sam Teacher' }));
    await screen.findByText('kettle-ocean-42');
    fireEvent.click(screen.getByRole('button', { name: 'School profile' }));
    await screen.findByRole('heading', { name: 'School profile' });
    expect(useLantern.getState().issuedPassphrase).toBeNull();
  });
});
