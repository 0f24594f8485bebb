import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../../renderer/app/App';
import {
  inputsTo,
  installFakeLantern,
  lockedSession,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

describe('unlock screen', () => {
  it('shows the wrong-passphrase message in an alert and keeps focus in the field', async () => {
    const invoke = installFakeLantern({
      'session.status': () => ok(lockedSession),
      'vault.unlock': () => ({
        ok: false,
        error: { code: 'wrong_passphrase', message: 'That passphrase is not right. Try again.' },
      }),
    });
    render(<App />);

    await screen.findByRole('heading', { name: 'Unlock Lantern' });
    const field = screen.getByLabelText('Passphrase');
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'not the passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That passphrase is not right. Try again.');
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(inputsTo(invoke, 'vault.unlock')).toEqual([{ passphrase: 'not the passphrase' }]);
  });

  it('opens the pupil register once the passphrase is right', async () => {
    installFakeLantern({
      'session.status': () => ok(lockedSession),
      'vault.unlock': () => ok(unlockedAs('dsl')),
      'school.get': () => ok(school),
      'children.list': () => ok({ items: [], total: 0 }),
    });
    render(<App />);
    fireEvent.change(await screen.findByLabelText('Passphrase'), {
      target: { value: 'correct horse battery staple' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { name: 'Pupils' })).toBeTruthy();
    expect(await screen.findByText('Hillside Primary School')).toBeTruthy();
  });
});

describe('set-up screen', () => {
  const noStore = { storeExists: false, unlocked: false, role: null, schoolConfigured: false };

  it('catches mismatched passphrases without asking main', async () => {
    const invoke = installFakeLantern({ 'session.status': () => ok(noStore) });
    render(<App />);
    await screen.findByRole('heading', { name: 'Set up Lantern' });
    fireEvent.change(screen.getByLabelText('Passphrase'), {
      target: { value: 'maple river lantern cloud' },
    });
    fireEvent.change(screen.getByLabelText('Confirm passphrase'), {
      target: { value: 'maple river lantern clod' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create encrypted store' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is a problem');
    expect(summary.textContent).toContain('The passphrases do not match.');
    expect(document.activeElement).toBe(summary);
    expect(inputsTo(invoke, 'vault.create')).toEqual([]);
  });

  it('hints how much longer a short passphrase needs to be', async () => {
    installFakeLantern({ 'session.status': () => ok(noStore) });
    render(<App />);
    const field = await screen.findByLabelText('Passphrase');
    fireEvent.change(field, { target: { value: 'short' } });
    expect(screen.getByText('Too short: 7 more characters needed.')).toBeTruthy();
  });

  it('moves on to the school details once the store is created', async () => {
    const invoke = installFakeLantern({
      'session.status': () => ok(noStore),
      'vault.create': () => ok({ ...unlockedAs('dsl'), schoolConfigured: false }),
    });
    render(<App />);
    const passphrase = 'maple river lantern cloud';
    fireEvent.change(await screen.findByLabelText('Passphrase'), { target: { value: passphrase } });
    fireEvent.change(screen.getByLabelText('Confirm passphrase'), {
      target: { value: passphrase },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create encrypted store' }));
    expect(await screen.findByRole('heading', { name: 'About your school' })).toBeTruthy();
    expect(inputsTo(invoke, 'vault.create')).toEqual([{ passphrase, confirmation: passphrase }]);
  });
});
