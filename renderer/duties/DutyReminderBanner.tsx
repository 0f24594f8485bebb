import { useEffect, useRef } from 'react';

import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { dutiesCount } from './duty-text';

/** How often the counts are asked for again while Lantern is open. */
export const REMINDER_INTERVAL_MS = 10 * 60_000;

/**
 * An OS notification (Electron shows the web Notification as the system's own). Its text is
 * content-free: a count, never a child's name, since it appears over other windows and on the
 * lock screen.
 */
function notifyOverdue(count: number, onOpen: () => void): void {
  if (typeof Notification === 'undefined') return;
  const show = () => {
    const notification = new Notification(`Lantern: ${dutiesCount(count)} overdue`, {
      tag: 'lantern-duties-overdue',
    });
    notification.onclick = () => {
      window.focus();
      onOpen();
    };
  };
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default')
    void Notification.requestPermission().then((permission) => {
      if (permission === 'granted') show();
    });
}

/**
 * The reminder under the header: how many statutory duties are overdue (or, when none is, how
 * many of one's own are open), asked for at sign-in and every 10 minutes. When the overdue count
 * rises while Lantern is open, the operating system is told too, once per rise.
 */
export function DutyReminderBanner() {
  const allowed = useCan('duties.own');
  const reminders = useLantern((s) => s.dutyReminders);
  const load = useLantern((s) => s.loadDutyReminders);
  const navigate = useLantern((s) => s.navigate);
  /** The overdue count last seen; null until the first answer, which is only a baseline. */
  const lastOverdue = useRef<number | null>(null);

  useEffect(() => {
    if (!allowed) return;
    void load();
    const timer = window.setInterval(() => {
      void load();
    }, REMINDER_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
    };
  }, [allowed, load]);

  useEffect(() => {
    if (!reminders) return;
    const before = lastOverdue.current;
    lastOverdue.current = reminders.overdue;
    if (before !== null && reminders.overdue > before)
      notifyOverdue(reminders.overdue, () => {
        navigate({ page: 'duties' });
      });
  }, [reminders, navigate]);

  if (!allowed || !reminders) return null;
  const { overdue, dueToday, mineOpen } = reminders;
  if (overdue === 0 && mineOpen === 0) return null;
  const today = dueToday > 0 ? ` ${dueToday} due today.` : '';
  return (
    <div className={overdue > 0 ? 'duty-banner duty-banner--overdue' : 'duty-banner'}>
      <p className="duty-banner__text">
        {overdue > 0 ? (
          <strong>{`${dutiesCount(overdue)} overdue.`}</strong>
        ) : (
          `You have ${mineOpen === 1 ? '1 open statutory duty' : `${mineOpen} open statutory duties`}.`
        )}
        {today}
      </p>
      <Button
        variant="link"
        onClick={() => {
          navigate({ page: 'duties' });
        }}
      >
        See statutory duties
      </Button>
    </div>
  );
}
