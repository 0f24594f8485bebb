/**
 * Small helpers every export shares: who is sending it (for forms' referrer and DSL fields)
 * and a file name the save dialog can offer on any operating system.
 */
import { roleLabels } from '../../shared/auth/roles';
import type { FormContext } from '../../shared/forms/fields';
import type { HandlerContext } from '../handler';

/** The school's DSL: the signed-in person when they hold the role, else the first active one. */
export function dslName(ctx: HandlerContext): string {
  const me = ctx.session.user;
  if (me?.role === 'dsl') return me.displayName;
  return (
    ctx.store.users.list().find((u) => u.role === 'dsl' && u.status === 'active')?.displayName ?? ''
  );
}

/** The context formValues needs: the signed-in person as referrer, the DSL, now. */
export function formContext(ctx: HandlerContext, concernId: string | null): FormContext {
  const user = ctx.session.user;
  return {
    concernId,
    referrer: { name: user?.displayName ?? '', role: user ? roleLabels[user.role] : '' },
    dslName: dslName(ctx),
    now: ctx.now,
  };
}

/** A name without the characters Windows, macOS or Linux refuse in a file name. */
export function safeFileName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- control characters are what is being removed
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
