import type { Role } from '../../shared/auth/roles';
import { can } from '../../shared/auth/roles';
import type { SliceCreator } from './types';

/** Where the signed-in shell is. Kept in the store so a lock can send it home. */
export type Route =
  | { page: 'pupils' }
  | { page: 'add-child' }
  | { page: 'import-pupils' }
  | { page: 'child'; id: string }
  | { page: 'edit-child'; id: string }
  /** `child` is where the form starts: the child pre-selected, named without another call. */
  | { page: 'record-concern'; child: { id: string; name: string } }
  | { page: 'concern-recorded'; id: string; child: { id: string; name: string } }
  /** `child` is the file the concern was opened from, when there is one (for the way back). */
  | { page: 'concern'; id: string; child: { id: string; name: string } | null }
  | { page: 'school' }
  | { page: 'edit-school' }
  | { page: 'users' }
  /** `child` narrows the log to entries about one child (opened from the child's page). */
  | { page: 'audit'; child?: { id: string; name: string } }
  | { page: 'settings' }
  | { page: 'account' };

/** A message that confirms what just happened, shown on the page navigated to. */
export type Notice = { tone: 'success' | 'info' | 'warning'; text: string };

export type NavigationSlice = {
  /** May name a child, so it counts as record data and is cleared on lock. */
  route: Route;
  /** May name a child, so it counts as record data and is cleared on lock. */
  notice: Notice | null;
  navigate: (route: Route, notice?: Notice) => void;
};

export const initialNavigation: Pick<NavigationSlice, 'route' | 'notice'> = {
  route: { page: 'pupils' },
  notice: null,
};

/** The first page a role can use: governors and IT have no pupil register. */
export function homeRoute(role: Role | null): Route {
  if (can(role, 'children.search')) return { page: 'pupils' };
  if (can(role, 'school.read')) return { page: 'school' };
  return { page: 'account' };
}

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set) => ({
  ...initialNavigation,
  navigate(route, notice) {
    set({ route, notice: notice ?? null });
  },
});
