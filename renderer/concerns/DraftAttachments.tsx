import { useState } from 'react';

import type { AttachmentMeta } from '../../shared/concerns/attachments';
import {
  formatFileSize,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  TOO_LARGE,
  TOO_MANY,
} from '../../shared/concerns/attachments';
import { Button } from '../ui/Button';
import { FileField } from '../ui/FileField';

const ATTACHMENT_FIELD_ID = 'concern-attachment';

/** The file's bytes as base64 (what crosses to main), without the data: URL prefix. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result;
      if (typeof url === 'string') resolve(url.slice(url.indexOf(',') + 1));
      else reject(new Error('The file was not read as a data URL.'));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read.'));
    };
    reader.readAsDataURL(file);
  });
}

type DraftAttachmentsProps = {
  attachments: readonly AttachmentMeta[];
  /** Sends the file; resolves to a message when it was refused, null once attached. */
  onAttach: (file: { name: string; dataBase64: string }) => Promise<string | null>;
  onRemove: (id: string) => void;
};

/**
 * Photos and PDFs attached to the concern being written. They are kept with the draft, inside
 * the encrypted store, and become part of the concern when it is submitted.
 */
export function DraftAttachments({ attachments, onAttach, onRemove }: DraftAttachmentsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function attach(file: File): Promise<void> {
    if (attachments.length >= MAX_ATTACHMENTS) {
      setProblem(TOO_MANY);
      return;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setProblem(TOO_LARGE);
      return;
    }
    setPending(true);
    try {
      const dataBase64 = await readBase64(file);
      setProblem(await onAttach({ name: file.name, dataBase64 }));
    } catch (err) {
      console.error('Reading an attachment failed:', err);
      setProblem('The file could not be read. Choose it again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <fieldset className="fieldset" aria-describedby="concern-attachments-hint">
      <legend className="fieldset__legend">Photos and documents (optional)</legend>
      <p id="concern-attachments-hint" className="field__hint">
        Up to {MAX_ATTACHMENTS} files, each a photo (PNG or JPEG) or a PDF of{' '}
        {formatFileSize(MAX_ATTACHMENT_BYTES)} or less. They are kept encrypted with the concern.
      </p>
      {attachments.length > 0 ? (
        <ul className="list attachment-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <span>
                {a.fileName} ({formatFileSize(a.size)})
              </span>
              <Button
                variant="link"
                aria-label={`Remove ${a.fileName}`}
                onClick={() => {
                  onRemove(a.id);
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <FileField
        id={ATTACHMENT_FIELD_ID}
        label="Attach a photo or PDF"
        accept="image/png,image/jpeg,application/pdf"
        disabled={pending || attachments.length >= MAX_ATTACHMENTS}
        error={problem ?? undefined}
        onFile={(file) => {
          void attach(file);
        }}
      />
      {pending ? <p role="status">Attaching the file…</p> : null}
    </fieldset>
  );
}
