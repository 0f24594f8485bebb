import type { Role } from '../../shared/auth/roles';
import { can } from '../../shared/auth/roles';
import type { SliceCreator } from './types';

/** Where the unlocked shell is. Kept in the store so a lock can send it home. */
export type Route =
  | { page: 'pupils' }
  | { page: 'add-child' }
  | { page: 'child'; id: string }
  | { page: 'edit-child'; id: string }
  | { page: 'school' }
  | { page: 'edit-school' };

/** A message that confirms what just happened, shown on the page navigated to. */
export type Notice = { tone: 'success' | 'info' | 'warning'; text: string };

export type NavigationSlice = {
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
  return can(role, 'children.read') ? { page: 'pupils' } : { page: 'school' };
}

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set) => ({
  ...initialNavigation,
  navigate(route, notice) {
    set({ route, notice: notice ?? null });
  },
});
