import { randomInt } from 'node:crypto';

import type { MethodOutput, ParsedInput, SessionStatus } from '../../shared/api';
import { AUTO_LOCK_MINUTES } from '../../shared/settings/schema';
import {
  formatRecoveryKey,
  lastRecoveryGroup,
  normaliseRecoveryKey,
  RECOVERY_ALPHABET,
  RECOVERY_GROUP_LENGTH,
  RECOVERY_GROUPS,
} from '../../shared/users/recovery-key';
import type { User } from '../../shared/users/schema';
import { ApiFailure } from '../api-failure';
import { demoInfo } from '../demo/demo-marker';
import type { Handled, HandlerContext, SessionState } from '../handler';
import { roleOf } from '../handler';
import { newId } from '../ids';
import type { Store } from '../store';
import { DeviceKeyError, WrongSecretError } from '../vault/keyring';
import { recoverySheetPdf } from '../vault/recovery-sheet';

const WRONG_SIGN_IN = 'The username or passphrase is not right. Check Caps Lock and try again.';
const MISMATCH = 'The passphrases do not match.';

export function newRecoveryKey(): string {
  let symbols = '';
  for (let i = 0; i < RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH; i += 1) {
    symbols += RECOVERY_ALPHABET.charAt(randomInt(RECOVERY_ALPHABET.length));
  }
  return formatRecoveryKey(symbols);
}

/** A one-time passphrase to hand over in person: 4 groups of 4, no look-alike characters. */
export function newOneTimePassphrase(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => alphabet.charAt(randomInt(alphabet.length))).join(''),
  );
  return groups.join('-');
}

export function sessionStatus(ctx: Pick<HandlerContext, 'vault' | 'session'>): SessionStatus {
  const { vault, session } = ctx;
  const store = vault.store();
  const signedIn = session.user !== null && store !== null;
  return {
    storeExists: vault.exists(),
    unlocked: signedIn,
    role: signedIn ? roleOf(session) : null,
    user: signedIn ? session.user : null,
    mustChangePassphrase: signedIn && session.mustChangePassphrase,
    schoolConfigured: signedIn && store.school.get() !== null,
    recoveryKeyPending: signedIn && session.pendingRecoveryKey !== null,
    autoLockMinutes: signedIn ? store.settings.get().autoLockMinutes : AUTO_LOCK_MINUTES.default,
    demo: demoInfo(vault.paths.dataDir),
  };
}

function signInAs(session: SessionState, user: User): void {
  session.user = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
  };
  session.mustChangePassphrase = user.mustChangePassphrase;
}

function activeUser(store: Store, username: string): User | null {
  const user = store.users.byUsername(username);
  return user?.status === 'active' ? user : null;
}

function lockedOut(seconds: number): ApiFailure {
  const wait =
    seconds >= 120
      ? `${Math.ceil(seconds / 60)} minutes`
      : `${seconds} second${seconds === 1 ? '' : 's'}`;
  return new ApiFailure('locked_out', `Too many wrong attempts. Wait ${wait}, then try again.`);
}

/** Failed attempts made while the store was locked go into the audit log once it opens. */
function flushPendingFailures(
  ctx: HandlerContext,
  pending: { at: string; account: string }[],
): void {
  for (const p of pending) {
    ctx.store.audit({
      at: p.at,
      sessionId: ctx.session.id,
      actorId: null,
      role: null,
      method: p.account === 'recovery' ? 'auth.recover' : 'auth.signIn',
      recordIds: [],
      outcome: 'failed',
      errorCode: 'wrong_passphrase',
    });
  }
}

export async function setupCreate(
  ctx: HandlerContext,
  input: ParsedInput<'setup.create'>,
): Promise<Handled<MethodOutput<'setup.create'>>> {
  const { dsl, school } = input;
  if (dsl.passphrase !== dsl.confirmation) {
    throw new ApiFailure('invalid_input', MISMATCH, { 'dsl.confirmation': MISMATCH });
  }
  if (dsl.passphrase.toLowerCase().includes(dsl.username)) {
    throw new ApiFailure('invalid_input', 'Some details need correcting.', {
      'dsl.passphrase': 'Your passphrase must not contain your username.',
    });
  }
  if (ctx.vault.exists()) {
    throw new ApiFailure(
      'conflict',
      'This computer already holds a Lantern store. Sign in instead.',
    );
  }
  const userId = newId(ctx.now);
  const recoveryKey = newRecoveryKey();
  const now = ctx.now.toISOString();
  await ctx.vault.create(
    { id: userId, username: dsl.username, passphrase: dsl.passphrase },
    normaliseRecoveryKey(recoveryKey) ?? recoveryKey,
    (store) => {
      store.school.save({ ...school, updatedAt: now });
      store.users.add(
        {
          id: userId,
          username: dsl.username,
          displayName: dsl.displayName,
          role: 'dsl',
          mustChange: false,
        },
        now,
      );
      store.users.recordSignIn(userId, now);
      store.settings.save({ autoLockMinutes: AUTO_LOCK_MINUTES.default }, now, userId);
      store.audit({
        at: now,
        sessionId: ctx.session.id,
        actorId: userId,
        role: 'dsl',
        method: 'setup.create',
        recordIds: [userId],
        outcome: 'ok',
        errorCode: null,
      });
    },
  );
  const user = ctx.store.users.get(userId);
  if (!user) throw new Error('set-up did not create the DSL');
  signInAs(ctx.session, user);
  ctx.session.pendingRecoveryKey = recoveryKey;
  // The set-up transaction wrote its own audit row; the router writes none for it.
  ctx.markAudited();
  return { value: { status: sessionStatus(ctx), recoveryKey }, recordIds: [userId] };
}

export async function saveRecoverySheet(
  ctx: HandlerContext,
): Promise<Handled<MethodOutput<'setup.saveRecoverySheet'>>> {
  const key = ctx.session.pendingRecoveryKey;
  if (!key || !ctx.session.user) {
    throw new ApiFailure(
      'conflict',
      'The recovery key is only available during set-up, before you confirm it.',
    );
  }
  const school = ctx.store.school.get();
  const pdf = await recoverySheetPdf({
    schoolName: school?.name ?? 'Your school',
    urn: school?.urn ?? '',
    recoveryKey: key,
    createdAt: ctx.now.toISOString(),
    createdBy: ctx.session.user.displayName,
  });
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: 'Lantern recovery sheet.pdf',
      title: 'Save the recovery sheet',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    },
    pdf,
  );
  return { value: { savedTo } };
}

export function confirmRecoveryKey(
  ctx: HandlerContext,
  input: ParsedInput<'setup.confirmRecoveryKey'>,
): Handled<SessionStatus> {
  const key = ctx.session.pendingRecoveryKey;
  if (!key) return { value: sessionStatus(ctx) };
  const typed = input.lastGroup.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (typed !== lastRecoveryGroup(key)) {
    const message = 'That is not the last group of the recovery key. Check what you wrote down.';
    throw new ApiFailure('invalid_input', message, { lastGroup: message });
  }
  ctx.session.pendingRecoveryKey = null;
  return { value: sessionStatus(ctx) };
}

export async function signIn(
  ctx: HandlerContext,
  input: ParsedInput<'auth.signIn'>,
): Promise<Handled<SessionStatus>> {
  const account = input.username.trim().toLowerCase();
  if (!ctx.vault.exists())
    throw new ApiFailure('not_found', 'There is no Lantern store here yet. Set one up first.');
  const wait = ctx.throttle.waitSeconds(account, ctx.now);
  if (wait > 0) throw lockedOut(wait);
  let opened: { userId: string; upgrade: boolean };
  try {
    opened = await ctx.vault.unlockUser(account, input.passphrase);
  } catch (err) {
    if (err instanceof DeviceKeyError) {
      ctx.logger.warn('sign-in refused: slot sealed to another computer', {
        session: ctx.session.id,
      });
      throw new ApiFailure(
        'forbidden',
        'This account opens only on the computer where its passphrase was set. Here, use the recovery key, or ask your designated safeguarding lead to reset your passphrase on this computer.',
      );
    }
    if (!(err instanceof WrongSecretError)) throw err;
    ctx.throttle.recordFailure(account, ctx.now);
    ctx.logger.warn('sign-in refused', { session: ctx.session.id });
    throw new ApiFailure('wrong_passphrase', WRONG_SIGN_IN, { passphrase: WRONG_SIGN_IN });
  }
  const user = ctx.store.users.get(opened.userId);
  if (!user || user.status !== 'active') {
    ctx.closeStoreIfUnused();
    throw new ApiFailure(
      'forbidden',
      'This account is disabled. Ask your designated safeguarding lead.',
    );
  }
  if (opened.upgrade) await ctx.vault.setUserSecret(user.id, user.username, input.passphrase);
  const pending = ctx.throttle.succeed(account);
  signInAs(ctx.session, user);
  ctx.commit([user.id], () => {
    flushPendingFailures(ctx, pending);
    ctx.store.users.recordSignIn(user.id, ctx.now.toISOString());
  });
  return { value: sessionStatus(ctx), recordIds: [user.id] };
}

export async function recover(
  ctx: HandlerContext,
  input: ParsedInput<'auth.recover'>,
): Promise<Handled<SessionStatus>> {
  const key = normaliseRecoveryKey(input.recoveryKey);
  if (!key) {
    const message = 'A recovery key has 30 letters and digits, in six groups of five.';
    throw new ApiFailure('invalid_input', message, { recoveryKey: message });
  }
  if (input.passphrase !== input.confirmation)
    throw new ApiFailure('invalid_input', MISMATCH, { confirmation: MISMATCH });
  if (!ctx.vault.exists())
    throw new ApiFailure('not_found', 'There is no Lantern store here yet. Set one up first.');
  const wait = ctx.throttle.waitSeconds('recovery', ctx.now);
  if (wait > 0) throw lockedOut(wait);
  try {
    await ctx.vault.unlockRecovery(key);
  } catch (err) {
    if (!(err instanceof WrongSecretError)) throw err;
    ctx.throttle.recordFailure('recovery', ctx.now);
    const message = 'That recovery key does not open this school’s store.';
    throw new ApiFailure('wrong_passphrase', message, { recoveryKey: message });
  }
  const user = activeUser(ctx.store, input.username.trim().toLowerCase());
  if (!user) {
    ctx.closeStoreIfUnused();
    const message = 'No active account has this username.';
    throw new ApiFailure('not_found', message, { username: message });
  }
  await ctx.vault.setUserSecret(user.id, user.username, input.passphrase);
  const pending = ctx.throttle.succeed('recovery');
  signInAs(ctx.session, { ...user, mustChangePassphrase: false });
  ctx.commit([user.id], () => {
    flushPendingFailures(ctx, pending);
    const now = ctx.now.toISOString();
    ctx.store.users.setMustChange(user.id, false, now);
    ctx.store.users.recordSignIn(user.id, now);
    ctx.store.alerts.raise({
      id: newId(ctx.now),
      kind: 'recovery_key_used',
      at: now,
      userId: user.id,
    });
  });
  ctx.logger.warn('recovery key used', { session: ctx.session.id });
  return { value: sessionStatus(ctx), recordIds: [user.id] };
}

export async function changePassphrase(
  ctx: HandlerContext,
  input: ParsedInput<'auth.changePassphrase'>,
): Promise<Handled<SessionStatus>> {
  const user = ctx.session.user;
  if (!user) throw new ApiFailure('unauthenticated', 'Lantern is locked. Sign in to continue.');
  if (input.passphrase !== input.confirmation)
    throw new ApiFailure('invalid_input', MISMATCH, { confirmation: MISMATCH });
  if (input.passphrase === input.current) {
    const message = 'Choose a passphrase different from the current one.';
    throw new ApiFailure('invalid_input', message, { passphrase: message });
  }
  if (input.passphrase.toLowerCase().includes(user.username)) {
    const message = 'Your passphrase must not contain your username.';
    throw new ApiFailure('invalid_input', message, { passphrase: message });
  }
  if (!(await ctx.vault.checkUserSecret(user.id, input.current))) {
    const message = 'Your current passphrase is not right.';
    throw new ApiFailure('wrong_passphrase', message, { current: message });
  }
  await ctx.vault.setUserSecret(user.id, user.username, input.passphrase);
  ctx.commit([user.id], () => {
    ctx.store.users.setMustChange(user.id, false, ctx.now.toISOString());
  });
  ctx.session.mustChangePassphrase = false;
  return { value: sessionStatus(ctx), recordIds: [user.id] };
}

export function listAlerts(ctx: HandlerContext): Handled<MethodOutput<'alerts.list'>> {
  return { value: ctx.store.alerts.open() };
}

export function acknowledgeAlert(
  ctx: HandlerContext,
  input: ParsedInput<'alerts.acknowledge'>,
): Handled<MethodOutput<'alerts.acknowledge'>> {
  const by = ctx.session.user?.id ?? '';
  if (!ctx.store.alerts.acknowledge(input.id, by, ctx.now.toISOString())) {
    throw new ApiFailure('not_found', 'That alert has already been acknowledged.');
  }
  return { value: ctx.store.alerts.open(), recordIds: [input.id] };
}

/**
 * Replaces the data key, e.g. after a laptop is lost or someone leaves under a cloud. Other
 * people's slots cannot be re-wrapped without their passphrases, so each gets a one-time
 * passphrase; the old recovery key stops working and a new one is issued.
 */
export async function rotateKey(
  ctx: HandlerContext,
  input: ParsedInput<'security.rotateKey'>,
): Promise<Handled<MethodOutput<'security.rotateKey'>>> {
  const me = ctx.session.user;
  if (!me) throw new ApiFailure('unauthenticated', 'Lantern is locked. Sign in to continue.');
  if (!(await ctx.vault.checkUserSecret(me.id, input.passphrase))) {
    const message = 'Your passphrase is not right.';
    throw new ApiFailure('wrong_passphrase', message, { passphrase: message });
  }
  const others = ctx.store.users.list().filter((u) => u.status === 'active' && u.id !== me.id);
  const issued = others.map((user) => ({ user, oneTimePassphrase: newOneTimePassphrase() }));
  const recoveryKey = newRecoveryKey();
  await ctx.vault.rotate(
    [
      { id: me.id, username: me.username, passphrase: input.passphrase },
      ...issued.map((i) => ({
        id: i.user.id,
        username: i.user.username,
        passphrase: i.oneTimePassphrase,
      })),
    ],
    normaliseRecoveryKey(recoveryKey) ?? recoveryKey,
  );
  const ids = [me.id, ...others.map((u) => u.id)];
  ctx.commit(ids, () => {
    for (const u of others) ctx.store.users.setMustChange(u.id, true, ctx.now.toISOString());
  });
  ctx.session.pendingRecoveryKey = recoveryKey;
  const refreshed = issued.map((i) => ({ ...i, user: ctx.store.users.get(i.user.id) ?? i.user }));
  return { value: { recoveryKey, issued: refreshed }, recordIds: ids };
}
