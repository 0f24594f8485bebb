import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import type { Handlers } from '../fake-lantern';
import {
  fail,
  inputsTo,
  installFakeLantern,
  lockedSession,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const oneTime = 'tulip-anchor-57';
const chosen = 'maple river lantern cloud';

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function openGate(handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs('staff', { mustChangePassphrase: true })),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'auth.lock': () => ok(lockedSession),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

describe('must change passphrase', () => {
  it('lets nothing else open until the passphrase is changed', async () => {
    const invoke = openGate();
    const heading = await screen.findByRole('heading', { name: 'Choose a new passphrase' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/signed in with a one-time passphrase/)).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Lock' })).toBeTruthy();
    expect(inputsTo(invoke, 'children.list')).toEqual([]);
    expect(inputsTo(invoke, 'school.get')).toEqual([]);
  });

  it('checks the new passphrase before calling main', async () => {
    const invoke = openGate();
    await screen.findByRole('heading', { name: 'Choose a new passphrase' });
    fill('Current passphrase', oneTime);
    fill('New passphrase', 'short');
    expect(screen.getByText(/Too short/)).toBeTruthy();
    fill('Confirm new passphrase', 'shorter');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Use at least 12 characters: three or four random words work well.',
      'The passphrases do not match.',
    ]);
    expect(inputsTo(invoke, 'auth.changePassphrase')).toEqual([]);
  });

  it('shows a wrong current passphrase under that field', async () => {
    openGate({
      'auth.changePassphrase': () =>
        fail('wrong_passphrase', 'That is not your current passphrase.'),
    });
    await screen.findByRole('heading', { name: 'Choose a new passphrase' });
    fill('Current passphrase', 'wrong');
    fill('New passphrase', chosen);
    fill('Confirm new passphrase', chosen);
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    const summary = await screen.findByRole('alert');
    fireEvent.click(
      within(summary).getByRole('link', { name: 'That is not your current passphrase.' }),
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Current passphrase'));
  });

  it('opens the app once the passphrase is changed', async () => {
    const invoke = openGate({
      'auth.changePassphrase': () => ok(unlockedAs('staff')),
    });
    await screen.findByRole('heading', { name: 'Choose a new passphrase' });
    fill('Current passphrase', oneTime);
    fill('New passphrase', chosen);
    fill('Confirm new passphrase', chosen);
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(await screen.findByRole('heading', { name: 'Pupils' })).toBeTruthy();
    expect(inputsTo(invoke, 'auth.changePassphrase')).toEqual([
      { current: oneTime, passphrase: chosen, confirmation: chosen },
    ]);
  });

  it('can lock instead', async () => {
    openGate();
    await screen.findByRole('heading', { name: 'Choose a new passphrase' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
      await Promise.resolve();
    });
    expect(await screen.findByRole('heading', { name: 'Sign in to Lantern' })).toBeTruthy();
    expect(useLantern.getState().session?.unlocked).toBe(false);
  });
});
