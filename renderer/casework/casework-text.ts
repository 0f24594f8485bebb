import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { isOverdue } from '../../shared/casework/schema';
import type { ConcernFlagName } from '../../shared/concerns/schema';

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** How long a concern has waited since it was recorded, in London calendar days. */
export function ageText(recordedAt: string, today: string): string {
  const days = dayNumber(today) - dayNumber(londonDate(new Date(recordedAt)));
  if (days <= 0) return 'Today';
  return days === 1 ? '1 day' : `${days} days`;
}

/** "Due 4 Dec 2026", or "Overdue: due 4 Dec 2026" once the day has passed (text, not colour). */
export function dueText(dueDate: string, today: string): string {
  const date = formatCalendarDate(dueDate);
  return isOverdue(dueDate, today) ? `Overdue: due ${date}` : `Due ${date}`;
}

/** "No open actions", "1 open action", "3 open actions". */
export function openActionsText(count: number): string {
  if (count === 0) return 'No open actions';
  return count === 1 ? '1 open action' : `${count} open actions`;
}

/** The statutory flags in a word or two, for tables where the full question will not fit. */
export const flagShortLabels: Record<ConcernFlagName, string> = {
  fgmKnownCase: 'FGM',
  possibleChildSexOffence: 'Possible child sex offence',
  allegationAboutAdult: 'Allegation about an adult',
};
