import { createHash } from 'node:crypto';

import type { ParsedInput } from '../../shared/api';
import { displayName } from '../../shared/children/schema';
import type { AttachmentMeta } from '../../shared/concerns/attachments';
import {
  MAX_ATTACHMENT_BYTES,
  sanitiseFileName,
  sniffAttachmentType,
  TOO_LARGE,
  TOO_MANY,
  MAX_ATTACHMENTS,
  WRONG_TYPE,
} from '../../shared/concerns/attachments';
import type {
  DraftChild,
  DraftContent,
  DraftSummary,
  SavedDraft,
} from '../../shared/concerns/drafts';
import { draftContent } from '../../shared/concerns/drafts';
import { ApiFailure } from '../api-failure';
import type { Handled, HandlerContext } from '../handler';
import { newId } from '../ids';
import type { StoredDraft } from './drafts-repo';
import { signedInUserId } from '../handler';

/**
 * The caller's own draft. Anyone else's reads as missing, whatever their role: a draft is
 * private to its author until it is submitted (not even the DSL reads it).
 */
export function ownDraft(ctx: HandlerContext, id: string): StoredDraft {
  const draft = ctx.store.concernDrafts.get(id);
  if (!draft || draft.authorId !== signedInUserId(ctx))
    throw new ApiFailure(
      'not_found',
      'There is no such draft. It may have been submitted or discarded.',
    );
  return draft;
}

/** The children a draft names, as its author sees them (a child since removed is left out). */
function draftChildren(ctx: HandlerContext, content: DraftContent): DraftChild[] {
  return content.children.flatMap((c) => {
    const child = ctx.store.children.get(c.childId);
    return child ? [{ childId: c.childId, name: displayName(child), role: c.role }] : [];
  });
}

function savedDraft(ctx: HandlerContext, draft: StoredDraft): SavedDraft {
  const content = draftContent.parse(JSON.parse(draft.content));
  return {
    id: draft.id,
    savedAt: draft.savedAt,
    content,
    children: draftChildren(ctx, content),
    attachments: ctx.store.attachments.forDraft(draft.id),
  };
}

export function saveDraft(
  ctx: HandlerContext,
  input: ParsedInput<'concernDrafts.save'>,
): Handled<{ id: string; savedAt: string }> {
  const savedAt = ctx.now.toISOString();
  const content = JSON.stringify(input.content);
  if (input.id === null) {
    const id = newId(ctx.now);
    ctx.store.concernDrafts.insert({ id, authorId: signedInUserId(ctx), savedAt, content });
    return { value: { id, savedAt }, recordIds: [id] };
  }
  const { id } = ownDraft(ctx, input.id);
  ctx.store.concernDrafts.update({ id, savedAt, content });
  return { value: { id, savedAt }, recordIds: [id] };
}

export function listDrafts(ctx: HandlerContext): Handled<DraftSummary[]> {
  const list = ctx.store.concernDrafts.byAuthor(signedInUserId(ctx)).map((d) => ({
    id: d.id,
    savedAt: d.savedAt,
    children: draftChildren(ctx, draftContent.parse(JSON.parse(d.content))),
    attachments: d.attachments,
  }));
  return { value: list, recordIds: list.map((d) => d.id) };
}

export function getDraft(
  ctx: HandlerContext,
  input: ParsedInput<'concernDrafts.get'>,
): Handled<SavedDraft> {
  const draft = savedDraft(ctx, ownDraft(ctx, input.id));
  return { value: draft, recordIds: [draft.id, ...draft.children.map((c) => c.childId)] };
}

export function discardDraft(
  ctx: HandlerContext,
  input: ParsedInput<'concernDrafts.discard'>,
): Handled<null> {
  const { id } = ownDraft(ctx, input.id);
  ctx.store.concernDrafts.remove(id);
  return { value: null, recordIds: [id] };
}

function refuse(message: string): never {
  throw new ApiFailure('invalid_input', message, { file: message });
}

/** Adds a file to the author's draft, checked by its bytes: PNG, JPEG or PDF, 10 MB at most. */
export function attachToDraft(
  ctx: HandlerContext,
  input: ParsedInput<'concernDrafts.attach'>,
): Handled<AttachmentMeta> {
  const draft = ownDraft(ctx, input.draftId);
  if (ctx.store.attachments.countForDraft(draft.id) >= MAX_ATTACHMENTS) refuse(TOO_MANY);
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0) refuse('The file is empty. Choose another.');
  if (data.length > MAX_ATTACHMENT_BYTES) refuse(TOO_LARGE);
  const mediaType = sniffAttachmentType(data);
  if (!mediaType) refuse(WRONG_TYPE);
  const id = newId(ctx.now);
  ctx.store.attachments.addToDraft({
    id,
    draftId: draft.id,
    addedBy: signedInUserId(ctx),
    addedAt: ctx.now.toISOString(),
    fileName: sanitiseFileName(input.fileName, mediaType),
    mediaType,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
  });
  const added = ctx.store.attachments.forDraft(draft.id).find((a) => a.id === id);
  if (!added) throw new ApiFailure('internal', 'The file was not attached.');
  return { value: added, recordIds: [id, draft.id] };
}

export function detachFromDraft(
  ctx: HandlerContext,
  input: ParsedInput<'concernDrafts.detach'>,
): Handled<AttachmentMeta[]> {
  const draft = ownDraft(ctx, input.draftId);
  if (!ctx.store.attachments.removeFromDraft(input.attachmentId, draft.id))
    throw new ApiFailure('not_found', 'That file is not attached to this draft.');
  return {
    value: ctx.store.attachments.forDraft(draft.id),
    recordIds: [input.attachmentId, draft.id],
  };
}
