import { ApiFailure } from './api-failure';
import type { SessionStatus, SessionUser } from '../shared/api';
import type { Role } from '../shared/auth/roles';
import type { Logger } from './log';
import type { Platform } from './platform';
import type { Store } from './store';
import type { SignInThrottle } from './auth/throttle';
import type { Vault } from './vault/vault';

/** What main remembers about one window's session. Never sent anywhere as is. */
export type SessionState = {
  readonly id: string;
  user: SessionUser | null;
  mustChangePassphrase: boolean;
  /** The recovery key issued at set-up, held only until the DSL confirms it is recorded. */
  pendingRecoveryKey: string | null;
};

export function roleOf(session: SessionState): Role | null {
  return session.user?.role ?? null;
}

/** Opens and leaves the demonstration school (see app.ts); absent where there is none. */
export type DemoControl = {
  /** Builds the demo school if needed (or afresh), switches to it and signs in as its DSL. */
  explore(session: SessionState, fresh: boolean): Promise<SessionStatus>;
  /** Signs everyone out of the demo school and returns to the school's own store. */
  leave(session: SessionState): SessionStatus;
};

export type Services = {
  vault: Vault;
  clock: () => Date;
  logger: Logger;
  platform: Platform;
  throttle: SignInThrottle;
  /** Called after a session locks: closes the store when nobody is signed in any more. */
  closeStoreIfUnused: () => void;
  demo?: DemoControl;
};

/** What a handler gets: the services, its session, one clock reading for the whole call. */
export type HandlerContext = Services & {
  session: SessionState;
  now: Date;
  /** The calendar date in Europe/London at `now`, YYYY-MM-DD. */
  today: string;
  /** The open store; throws when locked. */
  store: Store;
  /**
   * Runs `write` in one immediate transaction together with this call's audit row, so a change
   * is never committed without its audit entry (security R2).
   */
  commit<T>(recordIds: readonly string[], write: () => T): T;
  /** For a handler that wrote its own audit row inside its own transaction (set-up). */
  markAudited(): void;
};

/** A handler's answer, and the ids of the records it touched (for the audit row). */
export type Handled<T> = { value: T; recordIds?: readonly string[] };

/** The signed-in person's id; a handler that needs one fails as locked without it. */
export function signedInUserId(ctx: HandlerContext): string {
  const id = ctx.session.user?.id;
  if (!id) throw new ApiFailure('unauthenticated', 'Lantern is locked. Sign in to continue.');
  return id;
}
