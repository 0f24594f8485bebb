import type { Role } from '../../shared/auth/roles';
import type { ChronologyFilter } from '../../shared/chronology/schema';
import type { ChildRole } from '../../shared/concerns/schema';
import type { BuiltinFormId } from '../../shared/forms/builtin';
import { can } from '../../shared/auth/roles';
import type { SliceCreator } from './types';

/** Where the signed-in shell is. Kept in the store so a lock can send it home. */
/** Pages that list concerns and lead to one: the concern's way back returns there. */
export type ConcernListPage = 'inbox' | 'dashboard' | 'search';

export type Route =
  /** The DSL's dashboard (casework.manage). */
  | { page: 'dashboard' }
  | { page: 'pupils' }
  /** Concerns awaiting triage, then open ones (casework.manage). */
  | { page: 'inbox' }
  | { page: 'add-child' }
  | { page: 'import-pupils' }
  | { page: 'child'; id: string }
  | { page: 'edit-child'; id: string }
  /**
   * `child` is where the form starts: the child pre-selected, named without another call.
   * `draftId` continues one of the person's own drafts instead of starting afresh.
   */
  | { page: 'record-concern'; child: { id: string; name: string }; draftId?: string }
  /** `children`: everyone the concern names, with their part in it, in main's order. */
  | {
      page: 'concern-recorded';
      id: string;
      child: { id: string; name: string };
      children: { name: string; role: ChildRole }[];
    }
  /** `child` is the file the concern was opened from, when there is one (for the way back). */
  | {
      page: 'concern';
      id: string;
      child: { id: string; name: string } | null;
      /** Opened from the inbox, the dashboard or search: the way back leads there. */
      from?: ConcernListPage;
    }
  | { page: 'search' }
  /** Statutory duties due: the whole school's (duties.read) or one's own. */
  | { page: 'duties' }
  /** One statutory duty; `from` is the page it was opened from, for the way back. */
  | { page: 'duty'; id: string; from?: Route }
  /** `child` is pre-selected when the form is opened from a child's file. */
  | { page: 'record-encompass'; child: { id: string; name: string } | null }
  /** `child` is the file the notification was opened from, when there is one. */
  | { page: 'encompass'; id: string; child: { id: string; name: string } | null }
  | { page: 'chronology'; child: { id: string; name: string } }
  /** A page to print: the chronology as filtered on screen, or a saved curated version. */
  | {
      page: 'chronology-print';
      child: { id: string; name: string };
      what:
        | { kind: 'filtered'; scope: 'child' | 'family'; filter: ChronologyFilter }
        | { kind: 'curated'; id: string };
    }
  /** Choose a built-in form (and the concern it is about) to fill for a child. */
  | { page: 'choose-form'; child: { id: string; name: string } }
  /** A built-in form filled from the child's file, open for the DSL to complete and export. */
  | {
      page: 'fill-form';
      child: { id: string; name: string };
      formId: BuiltinFormId;
      concernId: string | null;
    }
  /** Map the fields of one of the local authority's own forms to Lantern data (Settings). */
  | { page: 'la-form-mapping'; id: string }
  /** Fill one of the local authority's own forms for a child: choose, preview, save. */
  | { page: 'fill-la-form'; child: { id: string; name: string } }
  /** Choose, preview and export a referral pack about a child. */
  | { page: 'pack'; child: { id: string; name: string } }
  /** Send a leaver's child protection file to the new school (bundle or printable PDF). */
  | { page: 'transfer-out'; child: { id: string; name: string } }
  /** Receive a child protection file from another school; record a receipt for one sent. */
  | { page: 'transfers' }
  | { page: 'school' }
  | { page: 'edit-school' }
  | { page: 'users' }
  /** `child` narrows the log to entries about one child (opened from the child's page). */
  | { page: 'audit'; child?: { id: string; name: string } }
  /** The annual safeguarding audit (s.175/s.157): governance.read. */
  | { page: 'safeguarding-audit' }
  /** The policy register and filtering and monitoring reviews (governance.manage). */
  | { page: 'policies' }
  /** Retention: the review queue, legal holds, destruction and its register (retention.manage). */
  | { page: 'retention' }
  /** Subject access requests: the list and the form for a new one (sar.manage). */
  | { page: 'sars'; child?: { id: string; name: string } }
  /** One subject access request: its items, redactions, clock and export (sar.manage). */
  | { page: 'sar'; id: string }
  | { page: 'settings' }
  /** Backup folders, schedule, back up now, checks and history (backup.manage). */
  | { page: 'backups' }
  /** The governors' view: aggregate statistics and the annual report (governance.read). */
  | { page: 'governance' }
  /** Safeguarding training records: the matrix, completions, KCSIE readings (governance.manage). */
  | { page: 'training' }
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

/**
 * The first page a role can use: the safeguarding team starts on its dashboard; governors on
 * their statistics; IT has no pupil register.
 */
export function homeRoute(role: Role | null): Route {
  if (can(role, 'casework.manage')) return { page: 'dashboard' };
  if (can(role, 'children.search')) return { page: 'pupils' };
  if (can(role, 'governance.read')) return { page: 'governance' };
  if (can(role, 'school.read')) return { page: 'school' };
  return { page: 'account' };
}

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set) => ({
  ...initialNavigation,
  navigate(route, notice) {
    set({ route, notice: notice ?? null });
  },
});
