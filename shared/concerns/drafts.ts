/**
 * A concern being written: saved as the author types so nothing is lost when they are called
 * away. Only its author can read it. Its content is checked leniently (any field may still be
 * blank or unfinished) but bounded like the concern it will become; the full checks run on
 * submit.
 */
import { z } from 'zod';

import { recordId } from '../record-id';
import type { AttachmentMeta } from './attachments';
import { bodyViews, MAX_BODY_MARKS, MAX_MARK_DESCRIPTION_CHARS, markKinds } from './body-map';
import type { ChildRole } from './schema';
import { childRoles, MAX_CONCERN_CHILDREN, MAX_NARRATIVE_CHARS, MAX_SUMMARY_CHARS } from './schema';

const text = (max: number) => z.string().max(max);

/** A mark still being described: its description may be blank. */
const draftMark = z.strictObject({
  view: z.enum(bodyViews),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  region: text(40),
  kind: z.enum(markKinds),
  description: text(MAX_MARK_DESCRIPTION_CHARS),
});

export const draftContent = z.strictObject({
  children: z
    .array(
      z.strictObject({ childId: recordId, role: z.union([z.literal(''), z.enum(childRoles)]) }),
    )
    .max(MAX_CONCERN_CHILDREN),
  date: text(10),
  time: text(5),
  approx: z.boolean(),
  location: text(200),
  categories: z.array(text(60)).max(60),
  summary: text(MAX_SUMMARY_CHARS),
  childWords: text(MAX_NARRATIVE_CHARS),
  opinion: text(MAX_NARRATIVE_CHARS),
  actionsTaken: text(MAX_NARRATIVE_CHARS),
  peopleTold: text(2000),
  dslToldInPerson: z.boolean(),
  flags: z.strictObject({
    possibleChildSexOffence: z.boolean(),
    fgmKnownCase: z.boolean(),
    allegationAboutAdult: z.boolean(),
  }),
  bodyMap: z.array(draftMark).max(MAX_BODY_MARKS),
});
export type DraftContent = z.output<typeof draftContent>;

export const draftSaveInput = z.strictObject({
  /** null for a new draft. */
  id: recordId.nullable(),
  content: draftContent,
});

export type DraftChild = { childId: string; name: string; role: ChildRole | '' };

/** A saved draft as its author gets it back: children named, attachments listed. */
export type SavedDraft = {
  id: string;
  savedAt: string;
  content: DraftContent;
  children: DraftChild[];
  attachments: AttachmentMeta[];
};

/** One line of the author's list of drafts. */
export type DraftSummary = {
  id: string;
  savedAt: string;
  children: DraftChild[];
  attachments: number;
};
