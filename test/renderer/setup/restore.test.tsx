import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { BackupToRestore } from '../../../shared/api';
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

const chosen: BackupToRestore = {
  folder: '/media/usb/Lantern backups/lantern-backup-20261127-180000',
  createdAt: '2026-11-27T18:00:00.000Z',
  schemaVersion: 21,
};

function open(handlers: Parameters<typeof installFakeLantern>[0]) {
  const invoke = installFakeLantern({
    'session.status': () => ok(noStore),
    'school.get': () => ok(school),
    'dashboard.get': () => ok(emptyDashboard),
    'alerts.list': () => ok([]),
    'triage.inbox': () => ok([]),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

describe('restore from a backup at first run', () => {
  it('names the backup found and when it was made, then restores and opens the app', async () => {
    const invoke = open({
      'setup.chooseBackup': () => ok(chosen),
      'setup.restore': () => ok(unlockedAs('dsl')),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from a backup' }));
    expect((await screen.findByText(/^Backup made/)).textContent).toContain('27 Nov 2026, 18:00');

    // Blank fields are caught here, with nothing sent.
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(await screen.findByText('Enter your username.')).toBeTruthy();
    expect(inputsTo(invoke, 'setup.restore')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Your Lantern username'), {
      target: { value: 'dlead' },
    });
    fireEvent.change(screen.getByLabelText('Your Lantern passphrase'), {
      target: { value: 'correct horse battery staple' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await screen.findByRole('heading', { name: 'Dashboard' });
    expect(inputsTo(invoke, 'setup.restore')).toEqual([
      {
        folder: chosen.folder,
        secret: {
          kind: 'passphrase',
          username: 'dlead',
          passphrase: 'correct horse battery staple',
        },
      },
    ]);
  });

  it('says why a chosen folder cannot be restored from', async () => {
    open({
      'setup.chooseBackup': () =>
        fail(
          'invalid_input',
          'The backup has no manifest.json: it is incomplete or not a Lantern backup.',
        ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from a backup' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not a Lantern backup');
    expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull();
  });

  it('restores with the recovery key and sends the DSL to choose a new passphrase', async () => {
    const invoke = open({
      'setup.chooseBackup': () => ok(chosen),
      'setup.restore': () => ok(lockedSession),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from a backup' }));
    fireEvent.click(
      await screen.findByLabelText('I have the recovery key instead of a passphrase'),
    );
    fireEvent.change(screen.getByLabelText('Recovery key'), {
      target: { value: '7KQ2M-9XD4R-ABCDE-FGHJK-MNPQR-STVWX' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await screen.findByRole('heading', { name: 'Sign in to Lantern' });
    expect(screen.getByText(/The backup was checked and restored/)).toBeTruthy();
    await waitFor(() => {
      expect(inputsTo(invoke, 'setup.restore')).toEqual([
        {
          folder: chosen.folder,
          secret: { kind: 'recovery', recoveryKey: '7KQ2M-9XD4R-ABCDE-FGHJK-MNPQR-STVWX' },
        },
      ]);
    });
  });
});
