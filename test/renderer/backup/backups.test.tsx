import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { BackupRun, BackupStatus } from '../../../shared/backup/schema';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  emptyDashboard,
  fail,
  healthyBackups,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  recordId,
  school,
  setUpRendererTests,
  typeInto,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const drive = {
  id: recordId(1),
  label: 'External drive',
  path: '/media/dsl/BACKUP',
  offline: true,
};

const goodRun: BackupRun = {
  id: recordId(10),
  at: '2026-11-28T14:05:00.000Z',
  kind: 'backup',
  trigger: 'manual',
  destinationId: drive.id,
  destinationLabel: drive.label,
  folder: 'lantern-backup-20261128-140500',
  bytes: 2_500_000,
  sha256: 'a'.repeat(64),
  ok: true,
  problem: null,
  auditSeq: 42,
};

const noneConfigured: BackupStatus = {
  ...healthyBackups,
  lastGoodAt: null,
  nextDueAt: null,
  warnings: [
    {
      code: 'none_configured',
      message:
        'No backup folder is set up, so nothing is being backed up. Choose one under Backups.',
    },
  ],
};

const backedUp: BackupStatus = {
  ...healthyBackups,
  destinations: [{ ...drive, lastGood: goodRun, lastRun: goodRun, lastVerify: null }],
  lastGoodAt: goodRun.at,
  nextDueAt: '2026-11-29T14:05:00.000Z',
  history: [goodRun],
};

function openAs(role: Role, handlers: Handlers) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'alerts.list': () => ok([]),
    'dashboard.get': () => ok(emptyDashboard),
    'triage.inbox': () => ok([]),
    'concernDrafts.list': () => ok([]),
    'children.list': () => ok({ items: [], total: 0 }),
    'designations.current': () => ok({}),
    'settings.get': () => ok({ autoLockMinutes: 5, escalationRules: [] }),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

describe('the Backups page', () => {
  it('sets up a folder chosen with the folder picker, backs up now and lists it', async () => {
    let status = noneConfigured;
    const invoke = openAs('dsl', {
      'backup.status': () => ok(status),
      'backup.chooseFolder': () => ok({ path: drive.path }),
      'backup.saveSettings': () => {
        status = {
          ...backedUp,
          destinations: [{ ...drive, lastGood: null, lastRun: null, lastVerify: null }],
          history: [],
          lastGoodAt: null,
        };
        return ok(status);
      },
      'backup.run': () => ok({ runs: [goodRun], status: backedUp }),
    });
    await openSection('Backups');
    expect(
      screen.getByText(/No backup folder is set up, so nothing is being backed up/),
    ).toBeTruthy();
    expect(screen.getAllByText('Warning:').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: 'Add a backup folder' }));
    typeInto('Name', 'External drive');
    fireEvent.click(screen.getByRole('button', { name: 'Choose folder for External drive' }));
    await waitFor(() => {
      expect(screen.getByLabelText<HTMLInputElement>('Folder').value).toBe(drive.path);
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Kept offline or off site' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save backup settings' }));
    await screen.findByText('Backup settings saved.');
    expect(inputsTo(invoke, 'backup.saveSettings')).toEqual([
      {
        destinations: [{ id: '', label: 'External drive', path: drive.path, offline: true }],
        intervalHours: 24,
        keep: 14,
      },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await screen.findByText('Backed up and checked.');
    expect(inputsTo(invoke, 'backup.run')).toEqual([{}]);
    const history = screen.getByRole('table', { name: 'Backups and checks, newest first' });
    const row = within(history).getAllByRole('row')[1];
    expect(row?.textContent).toContain('28 Nov 2026, 14:05');
    expect(row?.textContent).toContain('Succeeded');
    expect(row?.textContent).toContain('2.4 MB');
    expect(screen.getByText('Last good backup').nextSibling?.textContent).toBe(
      '28 Nov 2026, 14:05',
    );
  });

  it('refuses bad settings with specific messages and sends nothing', async () => {
    const invoke = openAs('it_admin', { 'backup.status': () => ok(noneConfigured) });
    await openSection('Backups');
    fireEvent.click(screen.getByRole('button', { name: 'Add a backup folder' }));
    typeInto('Folder', 'backups');
    typeInto('Back up every (hours)', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Save backup settings' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Give this backup folder a name');
    expect(summary.textContent).toContain('Choose a complete folder path');
    expect(summary.textContent).toContain('Back up at least once an hour at most.');
    expect(inputsTo(invoke, 'backup.saveSettings')).toEqual([]);
  });

  it('shows main’s refusal of a folder inside Lantern’s data beside the field', async () => {
    openAs('deputy_dsl', {
      'backup.status': () => ok(backedUp),
      'backup.saveSettings': () =>
        fail('invalid_input', 'Some backup folders need correcting.', {
          'destinations.0.path': 'A backup inside Lantern’s own data folder would be lost with it.',
        }),
    });
    await openSection('Backups');
    fireEvent.click(screen.getByRole('button', { name: 'Save backup settings' }));
    const field = await screen.findByLabelText('Folder');
    await waitFor(() => {
      expect(field.getAttribute('aria-invalid')).toBe('true');
    });
    expect(screen.getAllByText(/would be lost with it/).length).toBe(2);
  });

  it('checks the newest backup and says in words when it is damaged', async () => {
    const damaged: BackupRun = {
      ...goodRun,
      id: recordId(11),
      kind: 'verify',
      ok: false,
      problem: 'The backup’s database is damaged: its contents are not what was written.',
    };
    const invoke = openAs('dsl', {
      'backup.status': () => ok(backedUp),
      'backup.verify': () =>
        ok({ run: damaged, status: { ...backedUp, history: [damaged, goodRun] } }),
    });
    await openSection('Backups');
    fireEvent.click(
      screen.getByRole('button', { name: 'Check the newest backup in External drive' }),
    );
    await screen.findByText(/Check failed 28 Nov 2026, 14:05: The backup’s database is damaged/);
    expect(inputsTo(invoke, 'backup.verify')).toEqual([{ destinationId: drive.id }]);
  });

  it('is not offered to staff, governors or the headteacher', async () => {
    for (const role of ['staff', 'governor', 'headteacher'] as const) {
      openAs(role, {});
      const nav = await screen.findByRole('navigation', { name: 'Main' });
      expect(within(nav).queryByRole('button', { name: 'Backups' })).toBeNull();
      const { cleanup } = await import('@testing-library/react');
      cleanup();
    }
  });
});

describe('the dashboard’s backup card', () => {
  async function card(status: BackupStatus | null): Promise<HTMLElement> {
    openAs('dsl', {
      'backup.status': () =>
        status === null ? fail('store_error', 'The store could not be read.') : ok(status),
    });
    await openSection('Dashboard');
    return screen.getByRole('region', { name: 'Last good backup' });
  }

  it('shows when the last good backup was made', async () => {
    const region = await card(backedUp);
    expect(within(region).getByText('28 Nov 2026, 14:05')).toBeTruthy();
    expect(within(region).queryByText('Warning:')).toBeNull();
    expect(region.className).not.toContain('warning');
  });

  it('warns in words when there is none, or it is more than a day old', async () => {
    const none = await card(noneConfigured);
    expect(within(none).getByText('None yet')).toBeTruthy();
    expect(within(none).getByText('Warning:')).toBeTruthy();
    expect(none.className).toContain('dashboard__panel--warning');
  });

  it('names the stale warning and opens the Backups page', async () => {
    const stale = await card({
      ...backedUp,
      warnings: [
        {
          code: 'stale',
          message: 'The newest good backup is more than a day old (28 Nov 2026, 14:05).',
        },
      ],
    });
    expect(stale.textContent).toContain('Warning: The newest good backup is more than a day old');
    fireEvent.click(within(stale).getByRole('button', { name: 'Open backups' }));
    await screen.findByRole('heading', { name: 'Backups', level: 1 });
  });

  it('says when backups cannot be read, with a way to try again', async () => {
    const region = await card(null);
    expect(within(region).getByText(/The store could not be read/)).toBeTruthy();
  });
});
