import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../../renderer/app/App';
import {
  emptyDashboard,
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

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('sign-in screen', () => {
  it('puts the cursor in the username field', async () => {
    installFakeLantern({ 'session.status': () => ok(lockedSession) });
    render(<App />);
    await screen.findByRole('heading', { name: 'Sign in to Lantern' });
    expect(document.activeElement).toBe(screen.getByLabelText('Username'));
  });

  it('asks for both fields without calling main', async () => {
    const invoke = installFakeLantern({ 'session.status': () => ok(lockedSession) });
    render(<App />);
    await screen.findByRole('heading', { name: 'Sign in to Lantern' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your username.')).toBeTruthy();
    expect(screen.getByText('Enter your passphrase.')).toBeTruthy();
    expect(inputsTo(invoke, 'auth.signIn')).toEqual([]);
  });

  it('shows a wrong passphrase in an alert and selects the attempt for retyping', async () => {
    const invoke = installFakeLantern({
      'session.status': () => ok(lockedSession),
      'auth.signIn': () =>
        fail('wrong_passphrase', 'That username or passphrase is not right. Try again.'),
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'Sign in to Lantern' });
    fill('Username', ' Dana.Lead ');
    fill('Passphrase', 'not the passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByText('That username or passphrase is not right. Try again.');
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    const field = screen.getByLabelText<HTMLInputElement>('Passphrase');
    expect(document.activeElement).toBe(field);
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe('not the passphrase'.length);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(inputsTo(invoke, 'auth.signIn')).toEqual([
      { username: 'Dana.Lead', passphrase: 'not the passphrase' },
    ]);
  });

  it('says when to try again after too many failures', async () => {
    const message =
      'Too many wrong passphrases. For safety, sign-in is paused: try again after 14:20.';
    installFakeLantern({
      'session.status': () => ok(lockedSession),
      'auth.signIn': () => fail('locked_out', message),
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'Sign in to Lantern' });
    fill('Username', 'dana');
    fill('Passphrase', 'maple river lantern cloud');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent).join(' ')).toContain(message);
    expect(document.activeElement).toBe(screen.getByLabelText('Passphrase'));
  });

  it.each([
    ['dsl', 'Dashboard'],
    ['staff', 'Pupils'],
  ] as const)('opens a %s on their first page (%s) once signed in', async (role, first) => {
    installFakeLantern({
      'session.status': () => ok(lockedSession),
      'auth.signIn': () => ok(unlockedAs(role)),
      'school.get': () => ok(school),
      'children.list': () => ok({ items: [], total: 0 }),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
    });
    render(<App />);
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: role } });
    fill('Passphrase', 'correct horse battery staple');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: first, level: 1 })).toBeTruthy();
    expect(await screen.findByText('Hillside Primary School')).toBeTruthy();
  });
});

describe('recovery key screen', () => {
  it('is reached from sign-in and leads back to it', async () => {
    installFakeLantern({ 'session.status': () => ok(lockedSession) });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Forgotten your passphrase?' }));
    const heading = await screen.findByRole('heading', { name: 'Use the recovery key' });
    expect(document.activeElement).toBe(heading);
    fireEvent.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Lantern' })).toBeTruthy();
  });

  it('checks the key’s shape and the passphrases before calling main', async () => {
    const invoke = installFakeLantern({ 'session.status': () => ok(lockedSession) });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Forgotten your passphrase?' }));
    await screen.findByRole('heading', { name: 'Use the recovery key' });
    fill('Recovery key', 'ABCDE-12345');
    fill('Username', 'dana');
    fill('New passphrase', 'maple river lantern cloud');
    fill('Confirm new passphrase', 'maple river lantern clod');
    fireEvent.click(screen.getByRole('button', { name: 'Reset passphrase and sign in' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /exactly as it is printed/ })).toBeTruthy();
    expect(
      within(summary).getByRole('link', { name: 'The passphrases do not match.' }),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'auth.recover')).toEqual([]);
  });

  it('resets the passphrase and signs in', async () => {
    const key = '7KQ2M-9XD4R-ABCDE-FGHJK-MNPQR-STVWX';
    const passphrase = 'maple river lantern cloud';
    const invoke = installFakeLantern({
      'session.status': () => ok(lockedSession),
      'auth.recover': () => ok(unlockedAs('dsl')),
      'school.get': () => ok(school),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
    });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Forgotten your passphrase?' }));
    await screen.findByRole('heading', { name: 'Use the recovery key' });
    fill('Recovery key', ` ${key.toLowerCase()} `);
    fill('Username', 'dana');
    fill('New passphrase', passphrase);
    expect(screen.getByText('Strong')).toBeTruthy();
    fill('Confirm new passphrase', passphrase);
    fireEvent.click(screen.getByRole('button', { name: 'Reset passphrase and sign in' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(inputsTo(invoke, 'auth.recover')).toEqual([
      { recoveryKey: key.toLowerCase(), username: 'dana', passphrase, confirmation: passphrase },
    ]);
  });
});
