import type { SessionStatus } from '../../shared/api';
import { homeRoute } from './navigation-slice';
import type { LanternState } from './types';

/** The state a new session starts from: main's status, opened on the role's first page. */
export function openedState(session: SessionStatus): Partial<LanternState> {
  return { session, route: homeRoute(session.role), lockNotice: null };
}
