import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { KeyRotation } from '../../../shared/api';
import type { Role } from '../../../shared/auth/roles';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import type { Handlers } from '../fake-lantern';
import {
  aUser,
  description,
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  lockedSession,
  ok,
  recordId,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';
import { dutySettingsHandlers } from './duty-fixtures';

setUpRendererTests();

const passphrase = 'maple river lantern cloud';
const recoveryKey = 'Q7K2M-9XD4R-ABCDE-FGHJK-MNPQR-STVWX';
const wrong = 'Your passphrase is not right.';

const sam = aUser({ mustChangePassphrase: true });
const ola = aUser({
  id: recordId(2),
  username: 'ola.governor',
  displayName: 'Ola Governor',
  role: 'governor',
  mustChangePassphrase: true,
});
const rotation: KeyRotation = {
  recoveryKey,
  // Not in name order: the table sorts them.
  issued: [
    { user: sam, oneTimePassphrase: 'tulip-anchor-57-river' },
    { user: ola, oneTimePassphrase: 'kestrel-oak-23-meadow' },
  ],
};
const secrets = [recoveryKey, 'tulip-anchor-57-river', 'kestrel-oak-23-meadow'];

async function openSettings(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'dashboard.get': () => ok(emptyDashboard),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'alerts.list': () => ok([]),
    'settings.get': () => ok({ autoLockMinutes: 5, escalationRules: [] }),
    'security.rotateKey': () => ok(rotation),
    'setup.confirmRecoveryKey': () => ok(unlockedAs(role)),
    'auth.lock': () => ok(lockedSession),
    ...dutySettingsHandlers,
    ...handlers,
  });
  render(<App />);
  await goTo('Settings');
  // The settings have loaded, as a form or read-only.
  await screen.findAllByText(/Lock after inactivity/);
  return invoke;
}

async function goTo(page: string): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: page }));
  await screen.findByRole('heading', { name: page, level: 1 });
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function click(name: string): void {
  fireEvent.click(screen.getByRole('button', { name }));
}

async function rotate(): Promise<HTMLElement> {
  const title = 'The encryption key has been changed';
  fill('Your passphrase', passphrase);
  click('Change the encryption key');
  await screen.findByRole('heading', { name: title });
  return screen.getByRole('region', { name: title });
}

function expectNoSecrets(): void {
  expect(useLantern.getState().keyRotation).toBeNull();
  for (const secret of secrets) expect(screen.queryByText(secret)).toBeNull();
  expect(screen.queryByRole('table', { name: 'One-time passphrases' })).toBeNull();
}

describe('changing the encryption key', () => {
  it('explains when to change it and what follows', async () => {
    await openSettings('dsl');
    const section = screen.getByRole('region', { name: 'Change the encryption key' });
    const text = section.textContent;
    expect(text).toMatch(/laptop or a backup with Lantern on it has been lost or stolen/);
    expect(text).toMatch(/left the school on bad terms/);
    expect(text).toMatch(/someone else may know a passphrase/);
    expect(text).toMatch(/new one-time passphrase from you: Lantern shows them once/);
    expect(text).toMatch(/old recovery key stops working/);
    expect(text).toMatch(/print a new recovery sheet/);
    const field = within(section).getByLabelText<HTMLInputElement>('Your passphrase');
    expect(field.type).toBe('password');
    expect(within(section).getByRole('button', { name: 'Change the encryption key' })).toBeTruthy();
  });

  it.each(['it_admin', 'headteacher', 'deputy_dsl'] as const)(
    'is not offered to a role without security.manage (%s)',
    async (role) => {
      await openSettings(role);
      expect(screen.queryByRole('heading', { name: 'Change the encryption key' })).toBeNull();
      expect(screen.queryByLabelText('Your passphrase')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Change the encryption key' })).toBeNull();
    },
  );

  it('asks for the passphrase without calling main', async () => {
    const invoke = await openSettings('dsl');
    click('Change the encryption key');
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByRole('link', { name: 'Enter your passphrase.' })).toBeTruthy();
    expect(description(screen.getByLabelText('Your passphrase'))).toContain(
      'Enter your passphrase.',
    );
    expect(inputsTo(invoke, 'security.rotateKey')).toEqual([]);
  });

  it('shows a wrong passphrase under the field and changes nothing', async () => {
    const invoke = await openSettings('dsl', {
      'security.rotateKey': () => fail('wrong_passphrase', wrong, { passphrase: wrong }),
    });
    fill('Your passphrase', 'not my passphrase');
    click('Change the encryption key');
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByRole('link', { name: wrong })).toBeTruthy();
    const field = screen.getByLabelText('Your passphrase');
    expect(description(field)).toContain(wrong);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(inputsTo(invoke, 'security.rotateKey')).toEqual([{ passphrase: 'not my passphrase' }]);
    expect(
      screen.queryByRole('heading', { name: 'The encryption key has been changed' }),
    ).toBeNull();
    expect(useLantern.getState().keyRotation).toBeNull();
  });

  it('shows the new recovery key and everyone’s one-time passphrase once', async () => {
    const invoke = await openSettings('dsl');
    const panel = await rotate();
    expect(inputsTo(invoke, 'security.rotateKey')).toEqual([{ passphrase }]);
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'The encryption key has been changed' }),
    );
    // Still the settings page: a rotation's key must not reopen the set-up wizard.
    expect(screen.getByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy();
    expect(screen.queryByLabelText('Your passphrase')).toBeNull();

    const key = within(panel).getByText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
    expect(key.textContent).toBe(recoveryKey);
    expect(key.className).toContain('recovery-key__text');
    expect(panel.textContent).toMatch(/old recovery key\s+no longer works/);
    expect(panel.textContent).toMatch(/keep it in the school safe, away from this computer/);

    const table = within(panel).getByRole('table', { name: 'One-time passphrases' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Name', 'Username', 'One-time passphrase']);
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([
      'Ola Governorola.governorkestrel-oak-23-meadow',
      'Sam Teachersam.teachertulip-anchor-57-river',
    ]);
    expect(panel.textContent).toMatch(/in person, not by email or message/);
    expect(panel.textContent).toMatch(/choose their own passphrase/);
    expect(panel.textContent).toMatch(/will not show these passphrases again/);
    expect(useLantern.getState().session?.recoveryKeyPending).toBe(true);
  });

  it('saves the new recovery sheet and says where', async () => {
    const paths = ['/home/dana/Documents/Lantern recovery sheet.pdf', null];
    await openSettings('dsl', {
      'setup.saveRecoverySheet': () => ok({ savedTo: paths.shift() ?? null }),
    });
    await rotate();
    click('Save recovery sheet (PDF)');
    expect(
      await screen.findByText(
        'Recovery sheet saved to /home/dana/Documents/Lantern recovery sheet.pdf.',
      ),
    ).toBeTruthy();
    click('Save recovery sheet (PDF)');
    expect(await screen.findByText('Not saved.')).toBeTruthy();
  });

  it('keeps the secrets until the recovery key is confirmed', async () => {
    const message = 'That is not the last group of the recovery key. Check what you wrote down.';
    const invoke = await openSettings('dsl', {
      'setup.confirmRecoveryKey': () =>
        fail('invalid_input', 'Check the recovery key.', { lastGroup: message }),
    });
    await rotate();
    click('Done');
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Type the last 5 characters of the recovery key.',
      'Confirm that you have stored the recovery key safely.',
    ]);
    expect(inputsTo(invoke, 'setup.confirmRecoveryKey')).toEqual([]);

    fill('Last group of the recovery key', 'ABCDE');
    fireEvent.click(screen.getByLabelText('I have stored the recovery key safely'));
    click('Done');
    expect(await screen.findByRole('link', { name: message })).toBeTruthy();
    expect(useLantern.getState().keyRotation).toEqual(rotation);
    expect(screen.getByText(recoveryKey)).toBeTruthy();
  });

  it('forgets every secret once the new key is confirmed', async () => {
    const invoke = await openSettings('dsl');
    await rotate();
    fill('Last group of the recovery key', ' stvwx ');
    fireEvent.click(screen.getByLabelText('I have stored the recovery key safely'));
    click('Done');
    const done = await screen.findByText('New recovery key confirmed.');
    expect(done.closest('[role="status"]')).not.toBeNull();
    expect(inputsTo(invoke, 'setup.confirmRecoveryKey')).toEqual([{ lastGroup: 'stvwx' }]);
    expectNoSecrets();
    expect(
      screen.queryByRole('heading', { name: 'The encryption key has been changed' }),
    ).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'Change the encryption key' }),
    );
    expect(useLantern.getState().session?.recoveryKeyPending).toBe(false);
    // The form is back, empty, for another time.
    expect(screen.getByLabelText<HTMLInputElement>('Your passphrase').value).toBe('');
  });

  it('forgets every secret on leaving the page', async () => {
    await openSettings('dsl');
    await rotate();
    await goTo('My account');
    expectNoSecrets();
    await goTo('Settings');
    expect(await screen.findByLabelText('Your passphrase')).toBeTruthy();
    expectNoSecrets();
  });

  it('forgets every secret on lock', async () => {
    await openSettings('dsl');
    await rotate();
    click('Lock');
    expect(await screen.findByRole('heading', { name: 'Sign in to Lantern' })).toBeTruthy();
    expectNoSecrets();
  });

  it('shows users the one-time passphrases the change gave them', async () => {
    await openSettings('dsl', {
      'users.list': () => ok([{ ...sam, mustChangePassphrase: false }]),
    });
    await useLantern.getState().loadUsers();
    await rotate();
    expect(useLantern.getState().userList.items).toEqual([sam]);
  });

  it('says so when there is nobody else to hand a passphrase to', async () => {
    await openSettings('dsl', {
      'security.rotateKey': () => ok({ recoveryKey, issued: [] }),
    });
    const panel = await rotate();
    expect(within(panel).queryByRole('table')).toBeNull();
    expect(panel.textContent).toMatch(/no one-time passphrases to hand over/);
  });
});
