import type { ParsedInput } from '../../shared/api';
import type { ChildFamily, FamilyAdult, KeyContact } from '../../shared/children/family';
import { designationDateProblems } from '../../shared/children/designations';
import type { Child } from '../../shared/children/schema';
import { displayName } from '../../shared/children/schema';
import { formatCalendarDate } from '../../shared/dates/calendar-date';
import { ApiFailure } from '../api-failure';
import type { HandlerContext, Handled } from '../handler';
import { newId } from '../ids';
import { signedInUserId } from '../handler';
import { registeredChild } from './service';
import { toSummary } from './repo';

function childOnRegister(ctx: HandlerContext, childId: string, field: string): Child {
  const child = ctx.store.children.get(childId);
  if (!child)
    throw new ApiFailure('not_found', 'That child is not on the register.', {
      [field]: 'That child is not on the register.',
    });
  return child;
}

function mustGetAdult(ctx: HandlerContext, id: string): FamilyAdult {
  const adult = ctx.store.families.adult(id);
  if (!adult) throw new ApiFailure('not_found', 'There is no such adult on a child’s file.');
  return adult;
}

function mustGetContact(ctx: HandlerContext, id: string): KeyContact {
  const contact = ctx.store.families.contact(id);
  if (!contact) throw new ApiFailure('not_found', 'There is no such key contact.');
  return contact;
}

function invalid(fields: Record<string, string>): void {
  if (Object.keys(fields).length > 0)
    throw new ApiFailure('invalid_input', 'Some details need correcting.', fields);
}

/** A child's families (with the other children in each), adults and key contacts. */
export function familyOf(ctx: HandlerContext, childId: string): ChildFamily {
  const repo = ctx.store.families;
  const families = repo.familiesOf(childId).map((family) => ({
    ...family,
    siblings: repo
      .membersOf(family.id)
      .filter((id) => id !== childId)
      .flatMap((id) => {
        const sibling = ctx.store.children.get(id);
        return sibling ? [toSummary(sibling)] : [];
      }),
  }));
  return { families, adults: repo.adultsFor(childId), contacts: repo.contactsFor(childId) };
}

export function familyForChild(
  ctx: HandlerContext,
  input: ParsedInput<'family.forChild'>,
): Handled<ChildFamily> {
  registeredChild(ctx, input.childId);
  const value = familyOf(ctx, input.childId);
  return {
    value,
    recordIds: [
      input.childId,
      ...value.families.map((f) => f.id),
      ...value.adults.map((a) => a.id),
      ...value.contacts.map((c) => c.id),
    ],
  };
}

export function linkSibling(
  ctx: HandlerContext,
  input: ParsedInput<'family.link'>,
): Handled<ChildFamily> {
  const child = childOnRegister(ctx, input.childId, 'childId');
  const sibling = childOnRegister(ctx, input.siblingId, 'siblingId');
  const repo = ctx.store.families;
  const by = signedInUserId(ctx);
  const at = ctx.now.toISOString();
  let familyId = input.familyId;
  if (familyId === '') {
    if (repo.siblingsOf(child.id).includes(sibling.id))
      throw new ApiFailure('conflict', 'Some details need correcting.', {
        siblingId: `${displayName(sibling)} is already linked to ${displayName(child)} as family.`,
      });
    familyId = newId(ctx.now);
    repo.createFamily({ id: familyId, label: input.label, createdBy: by, createdAt: at });
    repo.addMember({ familyId, childId: child.id, addedBy: by, addedAt: at });
  } else {
    const members = repo.family(familyId) ? repo.membersOf(familyId) : [];
    if (!members.includes(child.id))
      throw new ApiFailure('not_found', `That family is not on ${displayName(child)}’s file.`, {
        familyId: `Choose one of ${displayName(child)}’s families.`,
      });
    if (members.includes(sibling.id))
      throw new ApiFailure('conflict', 'Some details need correcting.', {
        siblingId: `${displayName(sibling)} is already in that family.`,
      });
  }
  repo.addMember({ familyId, childId: sibling.id, addedBy: by, addedAt: at });
  return {
    value: familyOf(ctx, child.id),
    recordIds: [child.id, sibling.id, familyId],
  };
}

export function unlinkSibling(
  ctx: HandlerContext,
  input: ParsedInput<'family.unlink'>,
): Handled<{ familyId: string; childIds: string[] }> {
  const repo = ctx.store.families;
  if (!repo.removeMember(input.familyId, input.childId))
    throw new ApiFailure('not_found', 'That child is not in that family.');
  return {
    value: { familyId: input.familyId, childIds: repo.membersOf(input.familyId) },
    recordIds: [input.childId, input.familyId],
  };
}

export function addAdult(
  ctx: HandlerContext,
  input: ParsedInput<'family.addAdult'>,
): Handled<FamilyAdult> {
  registeredChild(ctx, input.childId);
  const id = newId(ctx.now);
  ctx.store.families.addAdult(input.adult, {
    id,
    childId: input.childId,
    by: signedInUserId(ctx),
    at: ctx.now.toISOString(),
  });
  return { value: mustGetAdult(ctx, id), recordIds: [input.childId, id] };
}

export function updateAdult(
  ctx: HandlerContext,
  input: ParsedInput<'family.updateAdult'>,
): Handled<FamilyAdult> {
  const adult = mustGetAdult(ctx, input.id);
  ctx.store.families.updateAdult(input.adult, {
    id: input.id,
    by: signedInUserId(ctx),
    at: ctx.now.toISOString(),
  });
  return { value: mustGetAdult(ctx, input.id), recordIds: [adult.childId, input.id] };
}

export function addKeyContact(
  ctx: HandlerContext,
  input: ParsedInput<'family.addContact'>,
): Handled<KeyContact> {
  registeredChild(ctx, input.childId);
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(designationDateProblems(input.contact, ctx.today)))
    fields[`contact.${field}`] = message;
  invalid(fields);
  const id = newId(ctx.now);
  ctx.store.families.addContact(input.contact, {
    id,
    childId: input.childId,
    recordedBy: signedInUserId(ctx),
    recordedAt: ctx.now.toISOString(),
  });
  return { value: mustGetContact(ctx, id), recordIds: [input.childId, id] };
}

export function endKeyContact(
  ctx: HandlerContext,
  input: ParsedInput<'family.endContact'>,
): Handled<KeyContact> {
  const contact = mustGetContact(ctx, input.id);
  if (contact.endDate !== '')
    throw new ApiFailure('conflict', 'This key contact has already ended.');
  const { endDate } = designationDateProblems({ startDate: '', endDate: input.endDate }, ctx.today);
  if (endDate) invalid({ endDate });
  if (input.endDate < contact.startDate)
    invalid({
      endDate: `End date cannot be before the start date (${formatCalendarDate(contact.startDate)}).`,
    });
  ctx.store.families.endContact({
    id: input.id,
    endDate: input.endDate,
    endedBy: signedInUserId(ctx),
    endedAt: ctx.now.toISOString(),
  });
  return { value: mustGetContact(ctx, input.id), recordIds: [contact.childId, input.id] };
}
