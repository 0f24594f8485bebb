import type { ParsedInput, SavedFile } from '../../shared/api';
import type { AttachmentContent } from '../../shared/concerns/attachments';
import { attachmentExtensions, attachmentTypeLabels } from '../../shared/concerns/attachments';
import { ApiFailure } from '../api-failure';
import type { Handled, HandlerContext } from '../handler';
import type { StoredAttachment } from './attachments-repo';
import { ownDraft } from './drafts';
import { readable, touched } from './service';

/**
 * An attachment the caller may read: on a concern they may read (the rules of concerns.get), or
 * on their own draft. Anything else reads as missing or forbidden, as the concern would.
 */
function readableAttachment(
  ctx: HandlerContext,
  id: string,
): { attachment: StoredAttachment; recordIds: string[] } {
  const attachment = ctx.store.attachments.get(id);
  if (attachment?.concernId) {
    const concern = readable(ctx, attachment.concernId);
    return { attachment, recordIds: [id, ...touched(concern)] };
  }
  if (attachment?.draftId) {
    ownDraft(ctx, attachment.draftId);
    return { attachment, recordIds: [id, attachment.draftId] };
  }
  throw new ApiFailure('not_found', 'There is no such attachment.');
}

export function getAttachment(
  ctx: HandlerContext,
  input: ParsedInput<'concerns.attachment'>,
): Handled<AttachmentContent> {
  const { attachment, recordIds } = readableAttachment(ctx, input.id);
  return {
    value: { ...attachment.meta, dataBase64: attachment.data.toString('base64') },
    recordIds,
  };
}

/** Saves a copy of an attachment where the person chooses (to open a PDF in their viewer). */
export async function saveAttachment(
  ctx: HandlerContext,
  input: ParsedInput<'concerns.saveAttachment'>,
): Promise<Handled<SavedFile>> {
  const { attachment, recordIds } = readableAttachment(ctx, input.id);
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: attachment.meta.fileName,
      title: 'Save a copy of the attachment',
      filters: [
        {
          name: attachmentTypeLabels[attachment.meta.mediaType],
          extensions: [attachmentExtensions[attachment.meta.mediaType]],
        },
      ],
    },
    attachment.data,
  );
  return { value: { savedTo }, recordIds };
}
