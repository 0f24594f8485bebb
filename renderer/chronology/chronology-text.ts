import type { ChronologyFilter, FamilyChronologyEntry } from '../../shared/chronology/schema';
import { chronologySourceLabels } from '../../shared/chronology/schema';
import { categoryLabel } from '../../shared/concerns/taxonomy';
import { formatCalendarDate } from '../../shared/dates/calendar-date';

/** An entry's categories as the chronology lists them; an entry may have none. */
export function entryCategories(entry: FamilyChronologyEntry): string {
  return entry.categories.length === 0 ? 'None' : entry.categories.map(categoryLabel).join('; ');
}

export function entrySource(entry: FamilyChronologyEntry): string {
  return chronologySourceLabels[entry.source];
}

/** "Showing 12 of 340 entries", or "Showing all 340 entries" when nothing is filtered out. */
export function countText(shown: number, total: number): string {
  const noun = total === 1 ? 'entry' : 'entries';
  return shown === total ? `Showing all ${total} ${noun}` : `Showing ${shown} of ${total} ${noun}`;
}

/** Oldest first, as the chronology reads: by when it happened, then when it was recorded. */
export function chronologicalOrder(a: FamilyChronologyEntry, b: FamilyChronologyEntry): number {
  return (
    a.occurredAt.localeCompare(b.occurredAt) ||
    a.recordedAt.localeCompare(b.recordedAt) ||
    a.id.localeCompare(b.id)
  );
}

/** How many filters are in use, for the filter panel's summary. */
export function filtersInUse(filter: ChronologyFilter): number {
  return (
    (filter.from === '' ? 0 : 1) +
    (filter.to === '' ? 0 : 1) +
    filter.categories.length +
    filter.sources.length +
    (filter.significantOnly ? 1 : 0)
  );
}

/** The filters in words, for the header of a printed chronology. */
export function filterSummary(filter: ChronologyFilter): string {
  const parts: string[] = [];
  if (filter.from !== '') parts.push(`from ${formatCalendarDate(filter.from)}`);
  if (filter.to !== '') parts.push(`to ${formatCalendarDate(filter.to)}`);
  if (filter.significantOnly) parts.push('significant events only');
  if (filter.sources.length > 0)
    parts.push(`sources: ${filter.sources.map((s) => chronologySourceLabels[s]).join(', ')}`);
  if (filter.categories.length > 0)
    parts.push(`categories: ${filter.categories.map(categoryLabel).join(', ')}`);
  return parts.length === 0 ? 'All entries' : parts.join('; ');
}
