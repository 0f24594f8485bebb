import { useEffect, useState } from 'react';

import type { AttachmentMeta } from '../../shared/concerns/attachments';
import { attachmentTypeLabels, formatFileSize } from '../../shared/concerns/attachments';
import { useLantern } from '../store';
import { Button } from '../ui/Button';

/** An image attachment shown from its bytes, as a data: URL (the CSP allows data: images). */
function ImagePreview({ attachment }: { attachment: AttachmentMeta }) {
  const loadAttachment = useLantern((s) => s.loadAttachment);
  const [source, setSource] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void loadAttachment(attachment.id).then((result) => {
      if (!current || !result) return;
      if (result.ok) setSource(`data:${result.value.mediaType};base64,${result.value.dataBase64}`);
      else setFailed(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [attachment.id, loadAttachment]);

  if (failed) return <p className="field__error">{failed}</p>;
  if (!source) return <p>Loading the photo…</p>;
  return (
    <img className="attachment__image" src={source} alt={`Attached photo ${attachment.fileName}`} />
  );
}

/** A submitted concern's attachments: photos shown, every file can be saved as a copy. */
export function ConcernAttachments({ attachments }: { attachments: readonly AttachmentMeta[] }) {
  const saveCopy = useLantern((s) => s.saveAttachmentCopy);
  const [problem, setProblem] = useState<string | null>(null);

  if (attachments.length === 0) return <p>No photos or documents were attached.</p>;
  return (
    <>
      {problem ? <p className="field__error">{problem}</p> : null}
      <ul className="attachments">
        {attachments.map((a) => (
          <li key={a.id} className="attachment">
            <p>
              <strong>{a.fileName}</strong>, {attachmentTypeLabels[a.mediaType]},{' '}
              {formatFileSize(a.size)}
            </p>
            {a.mediaType === 'application/pdf' ? null : <ImagePreview attachment={a} />}
            <p className="attachment__hash">SHA-256: {a.sha256}</p>
            <Button
              aria-label={`Save a copy of ${a.fileName}`}
              onClick={() => {
                void saveCopy(a.id).then((result) => {
                  setProblem(result && !result.ok ? result.error.message : null);
                });
              }}
            >
              Save a copy
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
