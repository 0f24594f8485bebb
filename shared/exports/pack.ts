/**
 * The referral pack (issue 6; domain.md §8.1 "Attachments", §9): a PDF about one child for
 * another agency (MASH, police, LADO, a conference), made of what the DSL chooses: concerns,
 * a chronology (a curated version, the significant events or all of it), the family, the
 * designations, actions and decisions, statutory duties, body maps and attachments. Third
 * parties (other children and family adults) can be redacted by name; the preview shows the
 * pack exactly as the PDF will hold it, redactions included, before anything leaves Lantern.
 */
import { z } from 'zod';

import type { BodyMark, BodyView } from '../concerns/body-map';
import type { AttachmentType } from '../concerns/attachments';
import { recordId } from '../record-id';

export const MAX_PACK_CONCERNS = 200;
export const MAX_PACK_ATTACHMENTS = 100;
export const MAX_PACK_REDACTIONS = 200;
export const REDACTED_TEXT = '[redacted: third party]';

// eslint-disable-next-line no-control-regex -- a recipient or reference is one printable line
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const line = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} must be ${max} characters or fewer.`)
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .refine((s) => s !== '', `Enter the ${label.toLowerCase()}.`)
    .refine((s) => !CONTROL_CHARS.test(s), `${label} contains characters that are not allowed.`);

const uniqueIds = (label: string, max: number, tooMany: string) =>
  z
    .array(recordId)
    .max(max, tooMany)
    .refine((ids) => new Set(ids).size === ids.length, `Each ${label} can be chosen once.`);

/** Which chronology goes in: a curated version's id, the significant events, or all of it. */
export const packChronology = z.union([z.enum(['significant', 'all', 'none']), recordId]);
export type PackChronology = z.output<typeof packChronology>;

export const packSectionNames = [
  'family',
  'designations',
  'actions',
  'duties',
  'bodyMaps',
  'attachmentIndex',
] as const;
export type PackSectionName = (typeof packSectionNames)[number];
export const packSectionLabels: Record<PackSectionName, string> = {
  family: 'Family and professionals',
  designations: 'Designations (CP plan, CIN, looked after…)',
  actions: 'Actions and decisions',
  duties: 'Statutory duties and their status',
  bodyMaps: 'Body maps',
  attachmentIndex: 'Index of attachments',
};

export const packRequest = z.strictObject({
  childId: recordId,
  recipient: line('Recipient', 200),
  reference: line('Reference', 100),
  concernIds: uniqueIds(
    'concern',
    MAX_PACK_CONCERNS,
    `A pack can hold at most ${MAX_PACK_CONCERNS} concerns.`,
  ).min(1, 'Choose at least one concern to include.'),
  chronology: packChronology,
  sections: z.strictObject({
    family: z.boolean(),
    designations: z.boolean(),
    actions: z.boolean(),
    duties: z.boolean(),
    bodyMaps: z.boolean(),
    attachmentIndex: z.boolean(),
  }),
  /** Attachments of the chosen concerns to put in the pack itself (images shown, PDFs appended). */
  attachmentIds: uniqueIds(
    'attachment',
    MAX_PACK_ATTACHMENTS,
    `A pack can hold at most ${MAX_PACK_ATTACHMENTS} attachments.`,
  ),
  redactThirdParties: z.boolean(),
  /** The third parties (packs.options) whose names and details are redacted, when redacting. */
  redact: z
    .array(z.string().max(80))
    .max(MAX_PACK_REDACTIONS, `At most ${MAX_PACK_REDACTIONS} people can be redacted.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each person can be chosen once.'),
});
export type PackRequest = z.input<typeof packRequest>;
export type ParsedPackRequest = z.output<typeof packRequest>;

/** Someone other than the child and the professionals, whose name the DSL may redact. */
export type ThirdParty = {
  /** "adult:<id>" or "child:<id>". */
  id: string;
  name: string;
  /** "Mother", "Sibling", "Alleged perpetrator (concern of 27 Nov 2026)". */
  description: string;
};

/** What the pack form offers for one child. */
export type PackOptions = {
  childName: string;
  /** Newest first. */
  concerns: { id: string; occurredAt: string; categories: string[]; role: string }[];
  curated: { id: string; title: string; entryCount: number }[];
  attachments: {
    id: string;
    concernId: string;
    fileName: string;
    mediaType: AttachmentType;
    size: number;
  }[];
  thirdParties: ThirdParty[];
};

/** A piece of text; a redacted run holds REDACTED_TEXT, never what it replaced. */
export type PackRun = { text: string; redacted: boolean };
export type PackText = PackRun[];

export type PackBlock =
  | { kind: 'subheading'; text: PackText }
  | { kind: 'paragraph'; label: string; text: PackText; tone: 'plain' | 'words' | 'opinion' }
  | { kind: 'fields'; rows: { label: string; value: PackText }[] }
  | { kind: 'table'; columns: string[]; widths: number[]; rows: PackText[][] }
  | {
      kind: 'bodyMap';
      view: BodyView;
      marks: (Pick<BodyMark, 'x' | 'y' | 'kind'> & { n: number })[];
      legend: { n: number; text: PackText }[];
    }
  | { kind: 'image'; attachmentId: string; caption: string }
  | { kind: 'note'; text: string };

export type PackSection = { heading: string; blocks: PackBlock[] };

export type PackPreview = {
  title: string;
  cover: { label: string; value: string }[];
  sections: PackSection[];
  /** Chosen PDF attachments, whose pages follow the pack's own. */
  appended: { attachmentId: string; fileName: string; sha256: string }[];
  redactions: number;
  /** A rough count before the PDF is made; the export reports the real one. */
  pageEstimate: number;
};

export type PackExported = { savedTo: string | null; pages: number };

/** One line of the record of packs and forms sent about a child. */
export type PackHistoryItem = {
  id: string;
  kind: string;
  recipient: string;
  reference: string;
  concernCount: number;
  redacted: boolean;
  sha256: string;
  exportedAt: string;
  exportedByName: string;
};

/** Plain text of a run list, as a PDF or a test reads it. */
export function plainText(text: PackText): string {
  return text.map((r) => r.text).join('');
}
