/**
 * Curated chronologies (anchors.md §4, §6): a selection of entries from a child's (or their
 * family's) chronology, in order, each with the DSL's analysis, for a conference, a court or a
 * professionals' meeting. The chronology stays whole; a curated version only points into it.
 */
import { z } from 'zod';

import { recordId } from '../record-id';
import type { FamilyChronologyEntry } from './schema';

export const MAX_CURATED_TITLE_CHARS = 120;
export const MAX_CURATED_PURPOSE_CHARS = 300;
export const MAX_ANALYSIS_CHARS = 2000;
export const MAX_CURATED_ENTRIES = 500;

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export const curatedSaveInput = z.strictObject({
  /** '' creates a new curated version; otherwise the one to replace. */
  id: z.union([z.literal(''), recordId]),
  childId: recordId,
  title: z
    .string()
    .max(MAX_CURATED_TITLE_CHARS, `A title must be ${MAX_CURATED_TITLE_CHARS} characters or fewer.`)
    .transform(oneLine)
    .refine((s) => s !== '', 'Give the curated version a title, such as “Chronology for ICPC”.'),
  purpose: z
    .string()
    .max(
      MAX_CURATED_PURPOSE_CHARS,
      `The purpose must be ${MAX_CURATED_PURPOSE_CHARS} characters or fewer.`,
    )
    .transform(oneLine),
  entries: z
    .array(
      z.strictObject({
        entryId: recordId,
        analysis: z
          .string()
          .max(MAX_ANALYSIS_CHARS, `Analysis must be ${MAX_ANALYSIS_CHARS} characters or fewer.`)
          .transform((s) => s.trim()),
      }),
    )
    .min(1, 'Tick at least one entry to include.')
    .max(MAX_CURATED_ENTRIES, `A curated version can hold at most ${MAX_CURATED_ENTRIES} entries.`)
    .refine(
      (entries) => new Set(entries.map((e) => e.entryId)).size === entries.length,
      'Each entry can be included only once.',
    ),
});
export type CuratedSaveInput = z.input<typeof curatedSaveInput>;

export type CuratedSummary = {
  id: string;
  childId: string;
  title: string;
  purpose: string;
  entryCount: number;
  createdByName: string;
  createdAt: string;
  updatedByName: string;
  updatedAt: string;
};

export type CuratedChronology = Omit<CuratedSummary, 'entryCount'> & {
  entries: { entry: FamilyChronologyEntry; analysis: string }[];
};
