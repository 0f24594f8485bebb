import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../renderer/app/App';
import { ACTIVITY_THROTTLE_MS, useIdleLock } from '../../../renderer/app/use-idle-lock';
import { useLantern } from '../../../renderer/store';
import {
  emptyDashboard,
  installFakeLantern,
  lockedSession,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function withLockSpy() {
  const lock = vi.fn(() => Promise.resolve());
  useLantern.setState({ lock });
  return lock;
}

describe('idle lock', () => {
  it('locks after the set minutes without activity, saying why', () => {
    const lock = withLockSpy();
    renderHook(() => {
      useIdleLock(5);
    });
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(lock).toHaveBeenCalledTimes(1);
    expect(lock).toHaveBeenCalledWith({
      tone: 'info',
      text: 'Lantern locked after 5 minutes without activity.',
    });
  });

  it('says “1 minute” in the singular', () => {
    const lock = withLockSpy();
    renderHook(() => {
      useIdleLock(1);
    });
    vi.advanceTimersByTime(MINUTE);
    expect(lock).toHaveBeenCalledWith({
      tone: 'info',
      text: 'Lantern locked after 1 minute without activity.',
    });
  });

  it('starts again from each activity', () => {
    const lock = withLockSpy();
    renderHook(() => {
      useIdleLock(1);
    });
    for (const fire of [
      () => fireEvent.keyDown(window, { key: 'a' }),
      () => fireEvent.pointerDown(window),
      () => fireEvent.wheel(window),
      () => fireEvent.touchStart(window),
      () => fireEvent.pointerMove(window),
    ]) {
      vi.advanceTimersByTime(50_000);
      fire();
    }
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE - 1);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer however busy the pointer is', () => {
    withLockSpy();
    const setTimeoutSpy = vi.spyOn(window, 'setTimeout');
    renderHook(() => {
      useIdleLock(1);
    });
    const scheduled = setTimeoutSpy.mock.calls.length;
    for (let i = 0; i < 200; i += 1) {
      fireEvent.pointerMove(window);
      vi.advanceTimersByTime(5);
    }
    expect(vi.getTimerCount()).toBe(1);
    // 200 moves over one second restart the timer once, not 200 times.
    expect(setTimeoutSpy.mock.calls.length - scheduled).toBeLessThanOrEqual(2);
  });

  it('never locks early because of the throttle', () => {
    const lock = withLockSpy();
    renderHook(() => {
      useIdleLock(1);
    });
    // Activity inside the throttle window restarts nothing, but still counts.
    vi.advanceTimersByTime(ACTIVITY_THROTTLE_MS / 2);
    fireEvent.keyDown(window, { key: 'a' });
    vi.advanceTimersByTime(MINUTE - 1);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('stops when nobody is signed in', () => {
    const lock = withLockSpy();
    const signedIn: { minutes: number | null } = { minutes: 1 };
    const { rerender } = renderHook(
      ({ minutes }: { minutes: number | null }) => {
        useIdleLock(minutes);
      },
      { initialProps: signedIn },
    );
    rerender({ minutes: null });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * MINUTE);
    expect(lock).not.toHaveBeenCalled();
  });

  it('follows the school’s setting and shows the notice on the sign-in screen', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl', { autoLockMinutes: 2 })),
      'school.get': () => ok(school),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
      'auth.lock': () => ok(lockedSession),
    });
    render(<App />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(screen.getByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2 * MINUTE);
    });
    expect(screen.getByRole('heading', { name: 'Sign in to Lantern' })).toBeTruthy();
    expect(screen.getByText('Lantern locked after 2 minutes without activity.')).toBeTruthy();
  });
});
