import type { ParsedInput } from '../../shared/api';
import type { SchoolProfile } from '../../shared/school/schema';
import type { HandlerContext, Handled } from '../handler';

export function getSchool(ctx: HandlerContext): Handled<SchoolProfile | null> {
  return { value: ctx.store.school.get() };
}

export function saveSchool(
  ctx: HandlerContext,
  input: ParsedInput<'school.save'>,
): Handled<SchoolProfile> {
  const profile: SchoolProfile = { ...input, updatedAt: ctx.now.toISOString() };
  ctx.store.school.save(profile);
  return { value: profile, recordIds: [`school:${input.urn}`] };
}
