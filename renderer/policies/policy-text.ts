import { formatCalendarDate } from '../../shared/dates/calendar-date';

/**
 * A policy's next review in words: "31 Jan 2027", "Overdue: was due 1 Nov 2026", or
 * "Overdue: never reviewed" (text, not colour). `nextReview` is null or '' when never reviewed.
 */
export function nextReviewText(nextReview: string | null, today: string): string {
  if (nextReview === null || nextReview === '') return 'Overdue: never reviewed';
  const date = formatCalendarDate(nextReview);
  return nextReview < today ? `Overdue: was due ${date}` : date;
}
