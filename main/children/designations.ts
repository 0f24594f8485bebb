import type { ParsedInput } from '../../shared/api';
import type { Designation, DesignationBadge } from '../../shared/children/designations';
import {
  designationDateProblems,
  designationLabels,
  periodsOverlap,
} from '../../shared/children/designations';
import { formatCalendarDate } from '../../shared/dates/calendar-date';
import { ApiFailure } from '../api-failure';
import type { HandlerContext, Handled } from '../handler';
import { signedInUserId } from '../handler';
import { registeredChild } from './service';
import { newId } from '../ids';
import { designationEndEntry, designationStartEntry } from '../chronology/entries';

function mustGet(ctx: HandlerContext, id: string): Designation {
  const designation = ctx.store.designations.get(id);
  if (!designation) throw new ApiFailure('not_found', 'There is no such designation.');
  return designation;
}

function period(d: Pick<Designation, 'startDate' | 'endDate'>): string {
  return d.endDate === ''
    ? `since ${formatCalendarDate(d.startDate)}`
    : `from ${formatCalendarDate(d.startDate)} to ${formatCalendarDate(d.endDate)}`;
}

export function designationsForChild(
  ctx: HandlerContext,
  input: ParsedInput<'designations.forChild'>,
): Handled<Designation[]> {
  registeredChild(ctx, input.childId);
  const list = ctx.store.designations.forChild(input.childId);
  return { value: list, recordIds: [input.childId, ...list.map((d) => d.id)] };
}

export function currentDesignations(
  ctx: HandlerContext,
  input: ParsedInput<'designations.current'>,
): Handled<Record<string, DesignationBadge[]>> {
  const value = ctx.store.designations.currentFor(input.childIds);
  const recordIds = Object.entries(value).flatMap(([childId, list]) => [
    childId,
    ...list.map((d) => d.id),
  ]);
  return { value, recordIds };
}

export function addDesignation(
  ctx: HandlerContext,
  input: ParsedInput<'designations.add'>,
): Handled<Designation> {
  registeredChild(ctx, input.childId);
  const draft = input.designation;
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(designationDateProblems(draft, ctx.today)))
    fields[`designation.${field}`] = message;
  if (Object.keys(fields).length > 0)
    throw new ApiFailure('invalid_input', 'Some details need correcting.', fields);
  const clash = ctx.store.designations
    .ofKind(input.childId, draft.kind)
    .find((d) => periodsOverlap(d, draft));
  if (clash) {
    const label = designationLabels[draft.kind].toLowerCase();
    const field = clash.endDate === '' ? 'designation.kind' : 'designation.startDate';
    const message =
      clash.endDate === ''
        ? `This child already has a current ${label}, ${period(clash)}. End it before adding another.`
        : `This overlaps the child’s ${label} ${period(clash)}. Check the dates.`;
    throw new ApiFailure('conflict', 'Some details need correcting.', { [field]: message });
  }
  const id = newId(ctx.now);
  ctx.store.designations.add(draft, {
    id,
    childId: input.childId,
    recordedBy: signedInUserId(ctx),
    recordedAt: ctx.now.toISOString(),
  });
  const added = mustGet(ctx, id);
  ctx.store.chronology.append(
    [designationStartEntry(added, added.recordedAt, added.recordedBy)],
    ctx.now,
  );
  return { value: added, recordIds: [input.childId, id] };
}

export function endDesignation(
  ctx: HandlerContext,
  input: ParsedInput<'designations.end'>,
): Handled<Designation> {
  const designation = mustGet(ctx, input.id);
  if (designation.endDate !== '')
    throw new ApiFailure('conflict', 'This designation has already ended.');
  const fields: Record<string, string> = {};
  const { endDate } = designationDateProblems({ startDate: '', endDate: input.endDate }, ctx.today);
  if (endDate) fields.endDate = endDate;
  else if (input.endDate < designation.startDate)
    fields.endDate = `End date cannot be before the start date (${formatCalendarDate(designation.startDate)}).`;
  if (Object.keys(fields).length > 0)
    throw new ApiFailure('invalid_input', 'Some details need correcting.', fields);
  const ended = {
    id: input.id,
    endDate: input.endDate,
    endedBy: signedInUserId(ctx),
    endedAt: ctx.now.toISOString(),
  };
  ctx.store.designations.end(ended);
  ctx.store.chronology.append(
    [designationEndEntry(designation, ended.endDate, ended.endedAt, ended.endedBy)],
    ctx.now,
  );
  return { value: mustGet(ctx, input.id), recordIds: [designation.childId, input.id] };
}
