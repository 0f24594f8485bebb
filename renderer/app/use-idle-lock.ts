import { useEffect } from 'react';

import { useLantern } from '../store';

/** What counts as someone at the computer. */
export const ACTIVITY_EVENTS = [
  'keydown',
  'pointerdown',
  'pointermove',
  'wheel',
  'touchstart',
] as const;

/** Activity restarts the timer at most this often: a moving mouse fires many events a second. */
export const ACTIVITY_THROTTLE_MS = 1000;

export function idleLockNotice(minutes: number): string {
  return `Lantern locked after ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} without activity.`;
}

/**
 * Locks Lantern after `minutes` without keyboard, pointer or touch activity. One timer runs; each
 * burst of activity restarts it (at most once a second), and when it fires it checks for any
 * activity the throttle let through without a restart, so the lock never comes early.
 * `minutes` null turns the timer off (nobody is signed in).
 */
export function useIdleLock(minutes: number | null): void {
  const lock = useLantern((s) => s.lock);
  useEffect(() => {
    if (minutes === null || minutes <= 0) return;
    const limit = minutes * 60_000;
    const notice = { tone: 'info', text: idleLockNotice(minutes) } as const;
    let lastActivity = Date.now();
    let lastRestart = lastActivity;
    let timer: ReturnType<typeof setTimeout> | undefined;

    function schedule(delay: number): void {
      clearTimeout(timer);
      timer = setTimeout(fire, delay);
    }
    function fire(): void {
      const idle = Date.now() - lastActivity;
      if (idle < limit) {
        lastRestart = Date.now();
        schedule(limit - idle);
        return;
      }
      timer = undefined;
      void lock(notice);
    }
    function onActivity(): void {
      const now = Date.now();
      lastActivity = now;
      if (now - lastRestart < ACTIVITY_THROTTLE_MS) return;
      lastRestart = now;
      schedule(limit);
    }

    schedule(limit);
    const options = { capture: true, passive: true };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options);
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options);
    };
  }, [minutes, lock]);
}
