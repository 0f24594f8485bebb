import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import type { Handlers } from '../fake-lantern';
import {
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';
import { dutySettingsHandlers } from './duty-fixtures';

setUpRendererTests();

async function openSettings(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'dashboard.get': () => ok(emptyDashboard),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'alerts.list': () => ok([]),
    'settings.get': () => ok({ autoLockMinutes: 5, escalationRules: [] }),
    ...dutySettingsHandlers,
    ...handlers,
  });
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Settings' });
  return invoke;
}

describe('settings page', () => {
  it('saves the auto-lock time and the idle timer follows it', async () => {
    const invoke = await openSettings('it_admin', {
      'settings.save': (input) =>
        ok({ ...(input as { autoLockMinutes: number }), escalationRules: [] }),
    });
    const field = await screen.findByLabelText<HTMLInputElement>('Lock after inactivity (minutes)');
    expect(field.value).toBe('5');
    fireEvent.change(field, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(inputsTo(invoke, 'settings.save')).toEqual([{ autoLockMinutes: 12 }]);
    expect(useLantern.getState().session?.autoLockMinutes).toBe(12);
  });

  it('keeps the time within 1 to 30 minutes', async () => {
    const invoke = await openSettings('dsl');
    const field = await screen.findByLabelText('Lock after inactivity (minutes)');
    fireEvent.change(field, { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Auto-lock can be at most 30 minutes.');
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText(/Enter a whole number of minutes, from 1 to 30\./, {
        selector: 'a',
      }),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'settings.save')).toEqual([]);
  });

  it('shows the setting read-only to a role that cannot change it', async () => {
    await openSettings('headteacher');
    expect(await screen.findByText('5 minutes')).toBeTruthy();
    expect(screen.queryByLabelText('Lock after inactivity (minutes)')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
  });
});

describe('exporting all data', () => {
  const TITLE = 'Export all data';

  it('warns that the file is not encrypted, then saves it and says where', async () => {
    const invoke = await openSettings('dsl', {
      'data.exportSchool': () => ok({ savedTo: '/media/usb/lantern-export-123456.json' }),
    });
    const section = await screen.findByRole('region', { name: TITLE });
    expect(section.textContent).toMatch(/The file is not encrypted\./);
    expect(section.textContent).toMatch(/delete it once it has served its purpose/);
    fireEvent.click(within(section).getByRole('button', { name: 'Export all data (JSON)' }));
    await within(section).findByText(
      'Exported every record to /media/usb/lantern-export-123456.json.',
    );
    expect(inputsTo(invoke, 'data.exportSchool')).toEqual([{}]);
  });

  it('says when nothing was exported', async () => {
    await openSettings('dsl', {
      'data.exportSchool': () => fail('store_error', 'The disk is full.'),
    });
    const section = await screen.findByRole('region', { name: TITLE });
    fireEvent.click(within(section).getByRole('button', { name: 'Export all data (JSON)' }));
    await within(section).findByText('Nothing was exported: The disk is full.');
  });

  it.each(['deputy_dsl', 'headteacher', 'it_admin'] as const)(
    'is not offered without data.export (%s)',
    async (role) => {
      await openSettings(role);
      await screen.findAllByText(/Lock after inactivity/);
      expect(screen.queryByRole('heading', { name: TITLE })).toBeNull();
    },
  );
});
