import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { DemoInfo, SessionStatus } from '../../../shared/api';
import { App } from '../../../renderer/app/App';
import {
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  lockedSession,
  noStore,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const demo: DemoInfo = {
  passphrase: 'explore the demo school',
  accounts: [
    { username: 'demo.dsl', displayName: 'Alex Morgan (demo DSL)', role: 'dsl' },
    { username: 'demo.governor', displayName: 'Jo Patel (demo governor)', role: 'governor' },
  ],
};
const inDemo: SessionStatus = unlockedAs('dsl', { demo });
const common = {
  'school.get': () => ok({ ...school, name: 'Riverside Academy' }),
  'dashboard.get': () => ok(emptyDashboard),
  'alerts.list': () => ok([]),
  'triage.inbox': () => ok([]),
};

describe('demo mode in the app', () => {
  it('offers "Explore with demo data" on the first-run screen and opens the DEMO school', async () => {
    const invoke = installFakeLantern({
      ...common,
      'session.status': () => ok(noStore),
      'demo.explore': () => ok(inDemo),
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'Not ready to set up yet?' });
    expect(screen.queryByText('DEMO')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Explore with demo data' }));

    const banner = await screen.findByRole('region', { name: 'DEMO' });
    expect(banner.textContent).toContain('synthetic demonstration school');
    expect(inputsTo(invoke, 'demo.explore')).toEqual([{ fresh: false }]);
    // The app itself is open behind the banner.
    expect(await screen.findByRole('button', { name: 'Lock' })).toBeTruthy();
  });

  it('says why when the demo school cannot be built, and stays on set-up', async () => {
    installFakeLantern({
      ...common,
      'session.status': () => ok(noStore),
      'demo.explore': () => fail('store_error', 'The disk is full.'),
    });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Explore with demo data' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The demo school could not be opened: The disk is full.',
    );
    expect(screen.getByRole('heading', { name: 'About your school' })).toBeTruthy();
  });

  it('lists the demo accounts on the demo sign-in screen and signs in with one click', async () => {
    const invoke = installFakeLantern({
      ...common,
      'session.status': () => ok({ ...lockedSession, demo }),
      'auth.signIn': () => ok(unlockedAs('governor', { demo })),
      'governance.stats': () => fail('not_found', 'No statistics in this test.'),
    });
    render(<App />);
    const accounts = await screen.findByRole('region', { name: 'Demo accounts' });
    expect(accounts.textContent).toContain('explore the demo school');
    expect(within(accounts).getByText(/Governor · username demo.governor/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'DEMO' })).toBeTruthy();
    fireEvent.click(
      within(accounts).getByRole('button', { name: 'Sign in as Jo Patel (demo governor)' }),
    );
    await waitFor(() => {
      expect(inputsTo(invoke, 'auth.signIn')).toEqual([
        { username: 'demo.governor', passphrase: 'explore the demo school' },
      ]);
    });
  });

  it('leaves the demo for the school’s own sign-in, forgetting the demo records', async () => {
    const invoke = installFakeLantern({
      ...common,
      'session.status': () => ok(inDemo),
      'demo.leave': () => ok(lockedSession),
    });
    render(<App />);
    const banner = await screen.findByRole('region', { name: 'DEMO' });
    fireEvent.click(within(banner).getByRole('button', { name: 'Leave the demo' }));
    await screen.findByRole('heading', { name: 'Sign in to Lantern' });
    expect(screen.queryByRole('region', { name: 'DEMO' })).toBeNull();
    expect(inputsTo(invoke, 'demo.leave')).toEqual([{}]);
  });
});
