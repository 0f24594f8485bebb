import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import type { SarStatus } from '../../shared/sar/schema';
import { relativeDue } from '../duties/duty-text';

/** "due 28 Dec 2026 (due in 5 days)", "due 1 Mar 2027 (overdue by 3 days)", or the close. */
export function sarDueText(dueAt: string | null, status: SarStatus, now: Date): string {
  if (status === 'completed') return 'Answered';
  if (status === 'withdrawn') return 'Withdrawn';
  if (dueAt === null) return 'No deadline';
  const date = `due ${formatCalendarDate(londonDate(new Date(dueAt)))}`;
  if (status === 'paused') return `${date} so far: the clock is stopped`;
  return `${date} (${relativeDue(dueAt, now)})`;
}

export function isOverdue(dueAt: string | null, status: SarStatus, now: Date): boolean {
  return (
    dueAt !== null &&
    (status === 'open' || status === 'extended') &&
    Date.parse(dueAt) < now.getTime()
  );
}
