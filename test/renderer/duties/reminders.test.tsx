import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { DutyReminders } from '../../../shared/duties/schema';
import { App } from '../../../renderer/app/App';
import { REMINDER_INTERVAL_MS } from '../../../renderer/duties/DutyReminderBanner';
import { signedInHandlers } from './duty-fixtures';
import { inputsTo, installFakeLantern, ok, setUpRendererTests } from '../fake-lantern';

setUpRendererTests();

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The web Notification, as Electron gives it: permission already granted. */
function stubNotifications() {
  const shown: { title: string; options: NotificationOptions | undefined }[] = [];
  class FakeNotification {
    static permission: NotificationPermission = 'granted';
    static requestPermission = vi.fn(() => Promise.resolve('granted' as NotificationPermission));
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options });
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return shown;
}

function openAs(role: Role, answers: DutyReminders[]) {
  let call = 0;
  const invoke = installFakeLantern({
    ...signedInHandlers(role),
    'duties.reminders': () => {
      const answer = answers[Math.min(call, answers.length - 1)] as DutyReminders;
      call += 1;
      return ok(answer);
    },
  });
  render(<App />);
  return invoke;
}

async function tenMinutesPass() {
  await act(async () => {
    vi.advanceTimersByTime(REMINDER_INTERVAL_MS);
    await Promise.resolve();
  });
}

describe('statutory duty reminders', () => {
  it('shows the overdue count, asks again every 10 minutes and tells the OS once when it rises', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const shown = stubNotifications();
    const invoke = openAs('dsl', [
      { overdue: 1, dueToday: 2, mineOpen: 3 },
      { overdue: 1, dueToday: 2, mineOpen: 3 },
      { overdue: 2, dueToday: 2, mineOpen: 3 },
      { overdue: 2, dueToday: 1, mineOpen: 3 },
    ]);
    expect(await screen.findByText('1 statutory duty is overdue.')).toBeTruthy();
    expect(screen.getByText(/2 due today\./)).toBeTruthy();
    // The count at sign-in is the baseline: the person is looking at Lantern already.
    expect(shown).toEqual([]);

    await tenMinutesPass();
    expect(inputsTo(invoke, 'duties.reminders')).toHaveLength(2);
    expect(shown).toEqual([]);

    await tenMinutesPass();
    expect(await screen.findByText('2 statutory duties are overdue.')).toBeTruthy();
    expect(shown).toEqual([
      {
        title: 'Lantern: 2 statutory duties are overdue',
        options: { tag: 'lantern-duties-overdue' },
      },
    ]);

    await tenMinutesPass();
    expect(inputsTo(invoke, 'duties.reminders')).toHaveLength(4);
    expect(await screen.findByText(/1 due today\./)).toBeTruthy();
    // Still two overdue: no second notification.
    expect(shown).toHaveLength(1);
    // Never a child's name: only the count.
    expect(JSON.stringify(shown)).not.toMatch(/Jane|Doe/);

    fireEvent.click(screen.getByRole('button', { name: 'See statutory duties' }));
    expect(await screen.findByRole('heading', { name: 'Statutory duties', level: 1 })).toBeTruthy();
  });

  it('tells staff how many of their own duties are open', async () => {
    openAs('staff', [{ overdue: 0, dueToday: 0, mineOpen: 1 }]);
    expect(await screen.findByText('You have 1 open statutory duty.')).toBeTruthy();
  });

  it('shows nothing when nothing is open, and asks nothing of a governor', async () => {
    const invoke = openAs('governor', [{ overdue: 3, dueToday: 0, mineOpen: 0 }]);
    await screen.findByRole('heading', { name: 'Governance', level: 1 });
    expect(inputsTo(invoke, 'duties.reminders')).toEqual([]);
    expect(screen.queryByText(/statutory dut/)).toBeNull();
  });

  it('keeps working where there is no Notification API', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    vi.stubGlobal('Notification', undefined);
    openAs('dsl', [
      { overdue: 0, dueToday: 0, mineOpen: 1 },
      { overdue: 1, dueToday: 0, mineOpen: 1 },
    ]);
    expect(await screen.findByText('You have 1 open statutory duty.')).toBeTruthy();
    await tenMinutesPass();
    expect(await screen.findByText('1 statutory duty is overdue.')).toBeTruthy();
  });
});
