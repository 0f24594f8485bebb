/**
 * Files attached to a concern: photographs (PNG, JPEG) and PDFs. The type is decided by the
 * file's first bytes, never by its name; sizes and counts are bounded. An attachment is added to
 * the author's draft and becomes part of the concern, unchangeable, when the concern is submitted.
 */
import { z } from 'zod';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
export const MAX_FILE_NAME_CHARS = 120;
/** Base64 carries 3 bytes in 4 characters. */
export const MAX_ATTACHMENT_BASE64_CHARS = 4 * Math.ceil(MAX_ATTACHMENT_BYTES / 3);

export const attachmentTypes = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];
export const attachmentTypeLabels: Record<AttachmentType, string> = {
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'application/pdf': 'PDF document',
};
export const attachmentExtensions: Record<AttachmentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
};

export const TOO_LARGE = `Each file must be ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB or smaller.`;
export const WRONG_TYPE = 'Attach a photo (PNG or JPEG) or a PDF.';
export const TOO_MANY = `A concern can have at most ${MAX_ATTACHMENTS} attachments.`;

const SIGNATURES: readonly (readonly [AttachmentType, readonly number[]])[] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
];

/** The file's type from its first bytes, or null when it is none Lantern accepts. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  for (const [type, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

/**
 * A file name safe to show and to suggest when saving: the last path segment, without control
 * characters or characters Windows, macOS or Linux refuse, without leading dots, bounded, and
 * ending in the extension of the type the bytes really are.
 */
export function sanitiseFileName(name: string, type: AttachmentType): string {
  const extension = attachmentExtensions[type];
  const base = (name.split(/[/\\]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[\s.]+$/, '')
    .slice(0, MAX_FILE_NAME_CHARS - extension.length - 1);
  return `${base === '' ? 'attachment' : base}.${extension}`;
}

export type AttachmentMeta = {
  id: string;
  fileName: string;
  mediaType: AttachmentType;
  size: number;
  sha256: string;
  addedAt: string;
};

/** One attachment's bytes, base64 encoded, for a preview or a saved copy. */
export type AttachmentContent = AttachmentMeta & { dataBase64: string };

export const attachmentUpload = {
  fileName: z.string().max(1000, 'The file name is too long.'),
  dataBase64: z
    .string()
    .max(MAX_ATTACHMENT_BASE64_CHARS, TOO_LARGE)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read. Choose it again.'),
};

/** "2.4 MB", "830 KB", "120 bytes" */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
