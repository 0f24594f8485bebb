import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { SessionStatus } from '../../../shared/api';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import type { Handlers } from '../fake-lantern';
import {
  description,
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  noStore,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const recoveryKey = '7KQ2M-9XD4R-ABCDE-FGHJK-MNPQR-STVWX';
const passphrase = 'maple river lantern cloud';
const justCreated: SessionStatus = unlockedAs('dsl', { recoveryKeyPending: true });

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function click(name: string): void {
  fireEvent.click(screen.getByRole('button', { name }));
}

function openWizard(handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(noStore),
    'setup.create': () => ok({ status: justCreated, recoveryKey }),
    'school.get': () => ok(school),
    'dashboard.get': () => ok(emptyDashboard),
    'alerts.list': () => ok([]),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

async function fillSchool(urn = '123456'): Promise<void> {
  await screen.findByRole('heading', { name: 'About your school' });
  fill('School name', 'Hillside Primary School');
  fill('URN', urn);
  fill('Local authority', 'Northshire');
  fill('LA number (optional)', '878');
  fill('Phase', 'primary');
}

function fillDsl(confirmation = passphrase): void {
  fill('Your full name', 'Dana Lead');
  fill('Username', 'dana.lead');
  fill('Passphrase', passphrase);
  fill('Confirm passphrase', confirmation);
}

async function reachRecoveryKey(handlers: Handlers = {}) {
  const invoke = openWizard(handlers);
  await fillSchool();
  click('Continue');
  await screen.findByRole('heading', { name: 'Your DSL account' });
  fillDsl();
  click('Create encrypted store');
  await screen.findByRole('heading', { name: 'Your recovery key' });
  return invoke;
}

describe('set-up wizard', () => {
  it('checks the school on step 1 without calling main', async () => {
    const invoke = openWizard();
    expect(await screen.findByRole('heading', { name: 'Set up Lantern' })).toBeTruthy();
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    await fillSchool('12345');
    click('Continue');
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /A URN .* has 6 digits/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'About your school' })).toBeTruthy();
    expect(inputsTo(invoke, 'setup.create')).toEqual([]);
  });

  it('goes back to step 1 with what was typed, and forward again', async () => {
    openWizard();
    await fillSchool();
    click('Continue');
    const step2 = await screen.findByRole('heading', { name: 'Your DSL account' });
    expect(document.activeElement).toBe(step2);
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
    fill('Your full name', 'Dana Lead');
    click('Back');
    const step1 = await screen.findByRole('heading', { name: 'About your school' });
    expect(document.activeElement).toBe(step1);
    expect(screen.getByLabelText<HTMLInputElement>('URN').value).toBe('123456');
    click('Continue');
    await screen.findByRole('heading', { name: 'Your DSL account' });
    expect(screen.getByLabelText<HTMLInputElement>('Your full name').value).toBe('Dana Lead');
  });

  it('catches mismatched passphrases and shows the strength as they type', async () => {
    const invoke = openWizard();
    await fillSchool();
    click('Continue');
    const step = await screen.findByRole('heading', { name: 'Your DSL account' });
    // A person types once the new step has arrived and its heading has taken focus.
    await waitFor(() => {
      expect(document.activeElement).toBe(step);
    });
    fill('Passphrase', 'short');
    const field = screen.getByLabelText('Passphrase');
    expect(description(field)).toContain('Too short: use at least 12 characters');
    const live = screen.getByText('Too short: use at least 12 characters').closest('[aria-live]');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    fillDsl(`${passphrase}x`);
    expect(description(field)).toContain('Strong');
    click('Create encrypted store');
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('The passphrases do not match.');
    // The summary takes focus once it has rendered, so a screen reader announces it.
    await waitFor(() => {
      expect(document.activeElement).toBe(summary);
    });
    expect(inputsTo(invoke, 'setup.create')).toEqual([]);
  });

  it('sends the school and DSL together and shows the recovery key', async () => {
    const invoke = await reachRecoveryKey();
    expect(inputsTo(invoke, 'setup.create')).toEqual([
      {
        school: {
          name: 'Hillside Primary School',
          urn: '123456',
          localAuthority: 'Northshire',
          laCode: '878',
          phase: 'primary',
        },
        dsl: {
          displayName: 'Dana Lead',
          username: 'dana.lead',
          passphrase,
          confirmation: passphrase,
        },
      },
    ]);
    expect(screen.getByText('Step 3 of 3')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your recovery key' }));
    expect(screen.getByText(recoveryKey)).toBeTruthy();
    expect(screen.getByText(/shows it only this once/)).toBeTruthy();
    expect(screen.getByText(/keep it in the school safe, away from this computer/)).toBeTruthy();
    expect(
      screen.getByText(/Anyone who holds the recovery key can reset a passphrase/),
    ).toBeTruthy();
    expect(screen.getByText(/recovery key is lost, nobody can open the records/)).toBeTruthy();
  });

  it('sends server errors about the school back to step 1', async () => {
    const message = 'A URN (unique reference number) has 6 digits.';
    const invoke = openWizard({
      'setup.create': () =>
        fail('invalid_input', 'Some details need correcting.', { 'school.urn': message }),
    });
    await fillSchool();
    click('Continue');
    await screen.findByRole('heading', { name: 'Your DSL account' });
    fillDsl();
    click('Create encrypted store');
    await screen.findByRole('heading', { name: 'About your school' });
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    const summary = screen.getByRole('alert');
    // The summary takes focus once it has rendered, so a screen reader announces it.
    await waitFor(() => {
      expect(document.activeElement).toBe(summary);
    });
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
    expect(description(screen.getByLabelText('URN'))).toContain(message);
    expect(inputsTo(invoke, 'setup.create')).toHaveLength(1);
    // Fixing it and going on keeps what was typed for the DSL.
    fill('URN', '654321');
    click('Continue');
    await screen.findByRole('heading', { name: 'Your DSL account' });
    expect(screen.getByLabelText<HTMLInputElement>('Username').value).toBe('dana.lead');
  });

  it('shows server errors about the DSL account on step 2', async () => {
    const message = 'Use letters, digits, dots, hyphens or underscores.';
    openWizard({
      'setup.create': () =>
        fail('invalid_input', 'Some details need correcting.', { 'dsl.username': message }),
    });
    await fillSchool();
    click('Continue');
    await screen.findByRole('heading', { name: 'Your DSL account' });
    fillDsl();
    click('Create encrypted store');
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
    expect(description(screen.getByLabelText('Username'))).toContain(message);
  });

  it('saves the recovery sheet and says where', async () => {
    const paths = ['/home/dana/Documents/Lantern recovery sheet.pdf', null];
    await reachRecoveryKey({
      'setup.saveRecoverySheet': () => ok({ savedTo: paths.shift() ?? null }),
    });
    click('Save recovery sheet (PDF)');
    expect(
      await screen.findByText(
        'Recovery sheet saved to /home/dana/Documents/Lantern recovery sheet.pdf.',
      ),
    ).toBeTruthy();
    click('Save recovery sheet (PDF)');
    expect(await screen.findByText('Not saved.')).toBeTruthy();
  });

  it('needs the last group and the tick before going on', async () => {
    const invoke = await reachRecoveryKey();
    click('Continue to Lantern');
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Type the last 5 characters of the recovery key.',
      'Confirm that you have stored the recovery key safely.',
    ]);
    fill('Last group of the recovery key', 'STVWX');
    click('Continue to Lantern');
    await screen.findByRole('link', {
      name: 'Confirm that you have stored the recovery key safely.',
    });
    expect(inputsTo(invoke, 'setup.confirmRecoveryKey')).toEqual([]);
  });

  it('shows main’s answer to a wrong last group', async () => {
    const message = 'That is not the last group of the recovery key. Check what you wrote down.';
    await reachRecoveryKey({
      'setup.confirmRecoveryKey': () =>
        fail('invalid_input', 'Check the recovery key.', { lastGroup: message }),
    });
    fill('Last group of the recovery key', 'ABCDE');
    fireEvent.click(screen.getByLabelText('I have stored the recovery key safely'));
    click('Continue to Lantern');
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
    expect(useLantern.getState().recoveryKey).toBe(recoveryKey);
  });

  it('forgets the key once confirmed and opens Lantern', async () => {
    const invoke = await reachRecoveryKey({
      'setup.confirmRecoveryKey': () => ok(unlockedAs('dsl')),
    });
    fill('Last group of the recovery key', ' stvwx ');
    fireEvent.click(screen.getByLabelText('I have stored the recovery key safely'));
    click('Continue to Lantern');
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(inputsTo(invoke, 'setup.confirmRecoveryKey')).toEqual([{ lastGroup: 'stvwx' }]);
    expect(useLantern.getState().recoveryKey).toBeNull();
    expect(screen.queryByText(recoveryKey)).toBeNull();
  });

  it('forgets the key on lock', async () => {
    await reachRecoveryKey({ 'auth.lock': () => ok({ ...noStore, storeExists: true }) });
    click('Lock');
    expect(await screen.findByRole('heading', { name: 'Sign in to Lantern' })).toBeTruthy();
    expect(useLantern.getState().recoveryKey).toBeNull();
  });

  it('does not hold up a DSL whose key was issued before a reload', async () => {
    installFakeLantern({
      'session.status': () => ok(justCreated),
      'school.get': () => ok(school),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
    });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
  });
});
