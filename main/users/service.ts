import type { IssuedPassphrase, ParsedInput } from '../../shared/api';
import type { User } from '../../shared/users/schema';
import { ApiFailure } from '../api-failure';
import { newOneTimePassphrase } from '../auth/service';
import type { Handled, HandlerContext } from '../handler';
import { newId } from '../ids';

function mustGet(ctx: HandlerContext, id: string): User {
  const user = ctx.store.users.get(id);
  if (!user) throw new ApiFailure('not_found', 'That account does not exist.');
  return user;
}

export function listUsers(ctx: HandlerContext): Handled<User[]> {
  const users = ctx.store.users.list();
  return { value: users, recordIds: users.map((u) => u.id) };
}

/** A new account with a one-time passphrase, shown once, to be changed at first sign-in. */
export async function addUser(
  ctx: HandlerContext,
  input: ParsedInput<'users.add'>,
): Promise<Handled<IssuedPassphrase>> {
  if (ctx.store.users.byUsername(input.username)) {
    const message = 'Someone already has this username. Choose another.';
    throw new ApiFailure('conflict', message, { username: message });
  }
  const id = newId(ctx.now);
  const oneTimePassphrase = newOneTimePassphrase();
  // Slot first: a crash before the account row leaves an unused slot, never an account that
  // cannot sign in.
  await ctx.vault.setUserSecret(id, input.username, oneTimePassphrase);
  ctx.commit([id], () => {
    ctx.store.users.add(
      {
        id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        mustChange: true,
      },
      ctx.now.toISOString(),
    );
  });
  return { value: { user: mustGet(ctx, id), oneTimePassphrase }, recordIds: [id] };
}

export async function resetPassphrase(
  ctx: HandlerContext,
  input: ParsedInput<'users.resetPassphrase'>,
): Promise<Handled<IssuedPassphrase>> {
  const user = mustGet(ctx, input.id);
  if (user.status !== 'active')
    throw new ApiFailure('conflict', 'Enable this account before resetting its passphrase.');
  const oneTimePassphrase = newOneTimePassphrase();
  await ctx.vault.setUserSecret(user.id, user.username, oneTimePassphrase);
  ctx.commit([user.id], () => {
    ctx.store.users.setMustChange(user.id, true, ctx.now.toISOString());
  });
  return { value: { user: mustGet(ctx, user.id), oneTimePassphrase }, recordIds: [user.id] };
}

/**
 * Disabling removes the account's key slot, so its passphrase no longer opens the store.
 * Re-enabling restores the account but not a way in: the DSL then resets its passphrase,
 * which issues a one-time passphrase to hand over in person.
 */
export function setStatus(
  ctx: HandlerContext,
  input: ParsedInput<'users.setStatus'>,
): Handled<User> {
  const user = mustGet(ctx, input.id);
  if (user.id === ctx.session.user?.id)
    throw new ApiFailure('conflict', 'You cannot disable your own account.');
  if (user.status === input.status) return { value: user, recordIds: [user.id] };
  if (input.status === 'disabled') {
    const otherDsl = ctx.store.users
      .list()
      .some((u) => u.id !== user.id && u.role === 'dsl' && u.status === 'active');
    if (user.role === 'dsl' && !otherDsl)
      throw new ApiFailure('conflict', 'Lantern needs at least one active DSL.');
    ctx.commit([user.id], () => {
      ctx.store.users.setStatus(user.id, 'disabled', ctx.now.toISOString());
      ctx.vault.removeUserSlot(user.id);
    });
  } else {
    ctx.commit([user.id], () => {
      const now = ctx.now.toISOString();
      ctx.store.users.setStatus(user.id, 'active', now);
      ctx.store.users.setMustChange(user.id, true, now);
    });
  }
  return { value: mustGet(ctx, user.id), recordIds: [user.id] };
}
