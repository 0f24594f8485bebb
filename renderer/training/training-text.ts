import { formatCalendarDate } from '../../shared/dates/calendar-date';
import type { TrainingStatus } from '../../shared/governance/training';

/**
 * A standing in words, so that it never rests on colour alone: "Overdue since 28 Oct 2026",
 * "Due by 28 Dec 2026", "In date", "Not recorded".
 */
export function standingText(status: TrainingStatus, nextDue: string | null): string {
  switch (status) {
    case 'overdue':
      return nextDue ? `Overdue since ${formatCalendarDate(nextDue)}` : 'Overdue';
    case 'due_soon':
      return nextDue ? `Due by ${formatCalendarDate(nextDue)}` : 'Due soon';
    case 'in_date':
      return 'In date';
    case 'missing':
      return 'Not recorded';
  }
}

/** "1 person", "3 people" */
export function peopleCount(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}
