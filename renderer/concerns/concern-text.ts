import type { ChildRole } from '../../shared/concerns/schema';
import { childRoleLabels, splitOccurredAt } from '../../shared/concerns/schema';
import { categoryLabel } from '../../shared/concerns/taxonomy';
import { formatCalendarDate } from '../../shared/dates/calendar-date';

/** "27 Nov 2026, 12:40" (London time, as recorded), with "approximately" when it was a guess. */
export function occurredText(occurredAt: string, approx: boolean): string {
  const { date, time } = splitOccurredAt(occurredAt);
  const when = time === '' ? formatCalendarDate(date) : `${formatCalendarDate(date)}, ${time}`;
  return approx ? `About ${when} (approximate)` : when;
}

export function categoriesText(categories: readonly string[]): string {
  return categories.length === 0 ? 'Not chosen' : categories.map(categoryLabel).join('; ');
}

/** "Amara Okafor (victim)": a child named with their part in a concern. */
export function childWithRole(child: { name: string; role: ChildRole }): string {
  return `${child.name} (${childRoleLabels[child.role].toLowerCase()})`;
}
