/**
 * Full-text search across concerns, corrections and casework notes (issue 4, part 5): what a
 * search asks for and what each result carries. main/db/migrations/0007-search.ts builds the
 * index; main/search/ runs the search.
 */
import { z } from 'zod';

export const MAX_SEARCH_CHARS = 200;
export const MAX_SEARCH_RESULTS = 50;

export const searchInput = z.strictObject({
  query: z
    .string()
    .max(MAX_SEARCH_CHARS, `Search text must be ${MAX_SEARCH_CHARS} characters or fewer.`)
    .refine((s) => s.trim() !== '', 'Enter a word or phrase to search for.'),
  limit: z.int().min(1).max(MAX_SEARCH_RESULTS),
  offset: z.int().min(0).max(10_000),
});
export type SearchInput = z.input<typeof searchInput>;

/** What an indexed text is. Only `searchKindsForAll` are shown without casework.manage. */
export const searchKinds = [
  'concern',
  'addendum',
  'decision',
  'action',
  'action_done',
  'encompass',
] as const;
export type SearchKind = (typeof searchKinds)[number];
export const searchKindsForAll: readonly SearchKind[] = ['concern', 'addendum'];
export const searchKindLabels: Record<SearchKind, string> = {
  concern: 'Concern',
  addendum: 'Correction to a concern',
  decision: 'Triage decision',
  action: 'Action',
  action_done: 'Action completed',
  encompass: 'Operation Encompass notification',
};

/** A piece of a snippet: `hit` pieces are the words that matched (shown marked). */
export type SnippetSegment = { text: string; hit: boolean };

export type SearchChild = {
  id: string;
  name: string;
  /** The pupil's leaving date has passed (results include leavers). */
  left: boolean;
};

export type SearchHit = {
  kind: SearchKind;
  /** The id of the matching record in its own table. */
  sourceId: string;
  /** The concern to open, or null for a record that belongs to none. */
  concernId: string | null;
  children: SearchChild[];
  /** When it happened, as recorded (YYYY-MM-DD or YYYY-MM-DDTHH:MM, London), when known. */
  occurredAt: string | null;
  /** When it was written (ISO instant). */
  recordedAt: string;
  snippet: SnippetSegment[];
};

/** A page of results, best match first; `more` when a further page exists. */
export type SearchResults = { items: SearchHit[]; more: boolean };
