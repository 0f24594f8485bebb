import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { SecurityAlert } from '../../../shared/api';
import type { Role } from '../../../shared/auth/roles';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  aUser,
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  recordId,
  safeguardingTeam,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const sam = aUser();
const first: SecurityAlert = {
  id: recordId(40),
  kind: 'recovery_key_used',
  at: '2026-11-28T14:05:00.000Z',
  userId: sam.id,
  displayName: 'Sam Teacher',
};
const second: SecurityAlert = { ...first, id: recordId(41), displayName: 'Ola Governor' };
const firstText =
  'The recovery key was used to reset the passphrase of Sam Teacher on 28 Nov 2026, 14:05. If this was not expected, treat it as a security incident.';

async function open(role: Role, handlers: Handlers) {
  const invoke = installFakeLantern({
    'dashboard.get': () => ok(emptyDashboard),
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    ...handlers,
  });
  render(<App />);
  if (safeguardingTeam.includes(role)) await openSection('Pupils');
  return invoke;
}

describe('security alerts', () => {
  it('warns the DSL on every page until acknowledged', async () => {
    let remaining = [first];
    const invoke = await open('dsl', {
      'alerts.list': () => ok(remaining),
      'alerts.acknowledge': () => {
        remaining = [];
        return ok([]);
      },
    });
    const region = await screen.findByRole('region', { name: 'Security alert' });
    expect(within(region).getByText(firstText)).toBeTruthy();
    // A region, not an alert: it is not announced again on every page.
    expect(region.closest('[role="alert"]')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'School profile' }));
    await screen.findByRole('heading', { name: 'School profile' });
    expect(screen.getByRole('region', { name: 'Security alert' })).toBeTruthy();
    expect(inputsTo(invoke, 'alerts.list').length).toBeGreaterThanOrEqual(2);

    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    await screen.findByRole('heading', { name: 'School profile' });
    await expect.poll(() => screen.queryByRole('region', { name: 'Security alert' })).toBeNull();
    expect(inputsTo(invoke, 'alerts.acknowledge')).toEqual([{ id: first.id }]);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'School profile' }));
  });

  it('moves to the next alert after acknowledging one', async () => {
    await open('dsl', {
      'alerts.list': () => ok([first, second]),
      'alerts.acknowledge': () => ok([second]),
    });
    const region = await screen.findByRole('region', { name: 'Security alerts' });
    expect(within(region).getAllByRole('button', { name: 'Acknowledge' })).toHaveLength(2);
    fireEvent.click(within(region).getAllByRole('button', { name: 'Acknowledge' })[0]!);
    await screen.findByRole('region', { name: 'Security alert' });
    const button = screen.getByRole('button', { name: 'Acknowledge' });
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-describedby')).toBe(`security-alert-${second.id}`);
  });

  it('says when an acknowledgement fails and keeps the alert', async () => {
    await open('dsl', {
      'alerts.list': () => ok([first]),
      'alerts.acknowledge': () => fail('store_error', 'The store could not be written.'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    expect(
      await screen.findByText(
        'The alert could not be acknowledged: The store could not be written.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(firstText)).toBeTruthy();
  });

  it('is neither shown to nor checked for roles without security duties', async () => {
    const invoke = await open('deputy_dsl', {});
    await screen.findByRole('heading', { name: 'Pupils' });
    expect(screen.queryByRole('region', { name: 'Security alert' })).toBeNull();
    expect(inputsTo(invoke, 'alerts.list')).toEqual([]);
  });
});
