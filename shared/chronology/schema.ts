/**
 * A child's chronology (domain.md §9; anchors.md §8): one entry per event on the child's file,
 * each derived from and linked to its source record (a concern, a correction, a triage
 * decision, an action, a designation, a notification). Entries are written when the source is
 * written, never typed in by hand; the DSL may flag an entry as significant and give it a
 * headline, which is the only part of an entry that changes.
 */
import { z } from 'zod';

import { isCalendarDate } from '../dates/calendar-date';
import { isCategoryId } from '../concerns/taxonomy';
import { recordId } from '../record-id';

export const chronologySources = [
  'concern',
  'addendum',
  'level',
  'decision',
  'action',
  'action_done',
  'closure',
  'designation',
  'designation_end',
  'encompass',
  'duty',
  'export',
  'transfer_in',
] as const;
export type ChronologySource = (typeof chronologySources)[number];

export const chronologySourceLabels: Record<ChronologySource, string> = {
  concern: 'Concern',
  addendum: 'Correction',
  level: 'Level of concern',
  decision: 'Decision',
  action: 'Action',
  action_done: 'Action completed',
  closure: 'Concern closed',
  designation: 'Designation started',
  designation_end: 'Designation ended',
  encompass: 'Operation Encompass',
  duty: 'Statutory duty',
  export: 'Sent to another agency',
  transfer_in: 'From the previous school',
};

/** The longest detail kept on an entry; the source record holds the full text. */
export const MAX_ENTRY_DETAIL_CHARS = 600;
export const MAX_HEADLINE_CHARS = 200;

/** What a source contributes to one child's chronology. */
export type NewChronologyEntry = {
  childId: string;
  source: ChronologySource;
  sourceId: string;
  /** The concern the entry belongs to, when it belongs to one (for the link back). */
  concernId: string | null;
  /** When it happened: YYYY-MM-DD or YYYY-MM-DDTHH:MM, London wall-clock time. */
  occurredAt: string;
  recordedAt: string;
  recordedBy: string;
  /** The child's role in the concern, for concern-derived entries. */
  role: string | null;
  title: string;
  detail: string;
  categories: readonly string[];
};

export type ChronologyEntry = {
  id: string;
  childId: string;
  source: ChronologySource;
  sourceId: string;
  concernId: string | null;
  occurredAt: string;
  /** The source gave the time as a guess (a concern's "approximately"). */
  approx: boolean;
  recordedAt: string;
  recordedByName: string;
  role: string | null;
  title: string;
  detail: string;
  categories: string[];
  significant: boolean;
  headline: string;
};

/** An entry of a family's chronology: whose file it is on, named. */
export type FamilyChronologyEntry = ChronologyEntry & { childName: string };

/** Cut a long text to the length an entry keeps, at a word boundary, marked with an ellipsis. */
export function entryDetail(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_ENTRY_DETAIL_CHARS) return flat;
  const cut = flat.slice(0, MAX_ENTRY_DETAIL_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_ENTRY_DETAIL_CHARS * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A significant event's headline: one line, shown in bold above the entry. */
export const markInput = z.strictObject({
  entryId: recordId,
  significant: z.boolean(),
  headline: z
    .string()
    .max(MAX_HEADLINE_CHARS, `A headline must be ${MAX_HEADLINE_CHARS} characters or fewer.`)
    .transform((s) => s.replace(/\s+/g, ' ').trim()),
});

const dateFilter = z
  .string()
  .max(10)
  .refine((s) => s === '' || isCalendarDate(s), 'Enter a real date.');

export const chronologyFilter = z
  .strictObject({
    from: dateFilter,
    to: dateFilter,
    categories: z.array(z.string().max(60).refine(isCategoryId, 'Not a known category.')).max(60),
    sources: z.array(z.enum(chronologySources)).max(chronologySources.length),
    significantOnly: z.boolean(),
  })
  .refine((f) => f.from === '' || f.to === '' || f.from <= f.to, {
    message: 'The end date cannot be before the start date.',
    path: ['to'],
  });
export type ChronologyFilter = z.output<typeof chronologyFilter>;

export const noChronologyFilter: ChronologyFilter = {
  from: '',
  to: '',
  categories: [],
  sources: [],
  significantOnly: false,
};
