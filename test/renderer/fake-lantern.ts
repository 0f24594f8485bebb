import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { Mock } from 'vitest';
import { afterEach, beforeEach, vi } from 'vitest';

import type { MethodName, MethodOutput, SessionStatus, SessionUser } from '../../shared/api';
import type { Role } from '../../shared/auth/roles';
import type { BackupStatus } from '../../shared/backup/schema';
import { roleLabels, roles } from '../../shared/auth/roles';
import type {
  ImportMapping,
  ImportPreview,
  SavedImportMapping,
} from '../../shared/children/import';
import { planImport, previewOf } from '../../shared/children/import';
import type { Child } from '../../shared/children/schema';
import type { Dashboard } from '../../shared/dashboard/schema';
import type { DueView } from '../../shared/duties/schema';
import { upnCheckLetter } from '../../shared/children/upn';
import type { ApiError, Result } from '../../shared/result';
import type { SchoolProfile } from '../../shared/school/schema';
import type { User } from '../../shared/users/schema';
import { useLantern } from '../../renderer/store';

type Answer<M extends MethodName> = Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;

/** A fake main: each method answers from its handler; a method without one is a test bug. */
export type Handlers = { [M in MethodName]?: (input: unknown) => Answer<M> };

export type FakeInvoke = Mock<(method: string, input: unknown) => Promise<Result<unknown>>>;

/** A due view with nothing in it. */
export const emptyDueView: DueView = {
  overdue: [],
  today: [],
  thisWeek: [],
  later: [],
  noDeadline: [],
  recentlyClosed: [],
};

/**
 * What main answers about statutory duties where there are none. The shell asks for the duty
 * reminders on every page, and the dashboard, a child's file and a concern list duties, so
 * every test gets these answers unless it gives its own.
 */
const noDuties: Handlers = {
  'duties.reminders': () => ok({ overdue: 0, dueToday: 0, mineOpen: 0 }),
  'duties.due': () => ok(emptyDueView),
  'duties.forChild': () => ok([]),
  'duties.forConcern': () => ok([]),
};

/** Settings lists the local authority's forms for the safeguarding team: none unless given. */
const noLaForms: Handlers = { 'templates.list': () => ok([]) };

/** The dashboard's training card (governance.manage): nothing due unless given. */
const noTrainingDue: Handlers = {
  'training.due': () => ok({ overdue: 0, dueSoon: 0, missing: 0, items: [] }),
};

/** Backups as the dashboard's card (backup.manage) sees them when all is well. */
export const healthyBackups: BackupStatus = {
  destinations: [],
  intervalHours: 24,
  keep: 14,
  lastGoodAt: '2026-11-07T06:00:00.000Z',
  nextDueAt: '2026-11-08T06:00:00.000Z',
  warnings: [],
  history: [],
};

const backupsHealthy: Handlers = { 'backup.status': () => ok(healthyBackups) };

/** A child's file shows its legal hold to the safeguarding leads: none unless given. */
const noLegalHolds: Handlers = {
  'retention.holds': (input) => ok({ childId: (input as { childId: string }).childId, holds: [] }),
};

export function installFakeLantern(given: Handlers): FakeInvoke {
  const handlers: Handlers = {
    ...noDuties,
    ...noLaForms,
    ...noTrainingDue,
    ...backupsHealthy,
    ...noLegalHolds,
    ...given,
  };
  const invoke: FakeInvoke = vi.fn(async (method: string, input: unknown) => {
    const handler = handlers[method as MethodName] as
      ((input: unknown) => Answer<MethodName>) | undefined;
    if (!handler) throw new Error(`The fake main has no handler for ${method}.`);
    return handler(input);
  });
  window.lantern = { invoke };
  return invoke;
}

/** The inputs the renderer sent to one method, in order. */
export function inputsTo(invoke: FakeInvoke, method: MethodName): unknown[] {
  return invoke.mock.calls.filter(([name]) => name === method).map(([, input]) => input);
}

/** A fresh store and an empty page for every test. */
export function setUpRendererTests(): void {
  beforeEach(() => {
    useLantern.setState(useLantern.getInitialState(), true);
  });
  afterEach(() => {
    cleanup();
    delete window.lantern;
    vi.restoreAllMocks();
  });
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ApiError['code'],
  message: string,
  fields?: Record<string, string>,
): Result<T> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

/** A record id in the form main issues (UUIDv7), distinct for each `n`. */
export function recordId(n: number): string {
  return `01890a5d-ac96-7${String(n).padStart(3, '0')}-8000-${String(n).padStart(12, '0')}`;
}

/** The person signed in by `unlockedAs(role)`: named after the role, so tests can tell. */
export function sessionUser(role: Role): SessionUser {
  return {
    id: recordId(100 + roles.indexOf(role)),
    username: role.replace('_', '.'),
    displayName: `${roleLabels[role]} Person`,
    role,
  };
}

export function unlockedAs(role: Role, overrides: Partial<SessionStatus> = {}): SessionStatus {
  return {
    storeExists: true,
    unlocked: true,
    role,
    user: sessionUser(role),
    mustChangePassphrase: false,
    schoolConfigured: true,
    recoveryKeyPending: false,
    autoLockMinutes: 5,
    demo: null,
    ...overrides,
  };
}

export const lockedSession: SessionStatus = {
  storeExists: true,
  unlocked: false,
  role: null,
  user: null,
  mustChangePassphrase: false,
  schoolConfigured: true,
  recoveryKeyPending: false,
  autoLockMinutes: 5,
  demo: null,
};

export const noStore: SessionStatus = {
  ...lockedSession,
  storeExists: false,
  schoolConfigured: false,
};

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: recordId(1),
    username: 'sam.teacher',
    displayName: 'Sam Teacher',
    role: 'staff',
    status: 'active',
    mustChangePassphrase: false,
    createdAt: '2026-09-01T08:00:00.000Z',
    lastSignInAt: '2026-11-28T14:05:00.000Z',
    ...overrides,
  };
}

/** A UPN whose check letter is right, built the way the DfE defines it. */
export function validUpn(body = '801200005001'): string {
  return `${upnCheckLetter(body)}${body}`;
}

export const school: SchoolProfile = {
  name: 'Hillside Primary School',
  urn: '123456',
  localAuthority: 'Northshire',
  laCode: '878',
  phase: 'primary',
  updatedAt: '2026-09-01T08:00:00.000Z',
};

export function aChild(overrides: Partial<Child> = {}): Child {
  return {
    id: '01890a5d-ac96-774b-bcce-b302099a8057',
    legalForename: 'Jane',
    legalSurname: 'Doe',
    preferredForename: '',
    preferredSurname: '',
    dateOfBirth: '2016-03-12',
    upn: validUpn(),
    yearGroup: '5',
    gender: 'female',
    admissionDate: '',
    leavingDate: '',
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-01T08:00:00.000Z',
    ...overrides,
  };
}

/** The text of everything an element's aria-describedby points at. */
export function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/**
 * What main would answer to `children.importPreview`, worked out by the real planner (shared)
 * against a register of `register`, on 28 Nov 2026.
 */
export function previewFor(
  csv: string,
  mapping: ImportMapping | null = null,
  register: readonly Child[] = [],
  saved: readonly SavedImportMapping[] = [],
): ImportPreview {
  return previewOf(
    planImport({
      csv,
      mapping,
      saved,
      today: '2026-11-28',
      findByUpn: (upn) => register.find((c) => c.upn === upn) ?? null,
    }),
  );
}

/**
 * What main answers to `dashboard.get` when nothing needs the DSL's attention: the safeguarding
 * team lands on the dashboard, so every test that signs one of them in needs an answer.
 */
export const emptyDashboard: Dashboard = {
  today: '2026-11-28',
  awaitingTriage: { count: 0, oldest: [] },
  overdueActions: [],
  actionsDueSoon: [],
  reviewsDue: [],
  escalations: [],
  policiesDue: [],
  recordsDue: [],
};

/**
 * What main answers on an unlocked school whose register holds `first` and `others`, `first`
 * being the child whose file opens, with nothing yet on any child's file: the base a test of a
 * child's page adds to, or replaces, with the methods it is about.
 */
export function childFileHandlers(role: Role, first: Child, ...others: Child[]): Handlers {
  return {
    'dashboard.get': () => ok(emptyDashboard),
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [first, ...others], total: others.length + 1 }),
    'children.get': () => ok(first),
    'concerns.forChild': () => ok([]),
    'concernDrafts.list': () => ok([]),
    'encompass.forChild': () => ok([]),
    'designations.forChild': () => ok([]),
    'designations.current': () => ok({}),
    'family.forChild': () => ok({ families: [], adults: [], contacts: [] }),
    'triage.inbox': () => ok([]),
    'alerts.list': () => ok([]),
  };
}

/** Types into the field with this label, as a person would. */
export function typeInto(label: string | RegExp, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** Opens a section from the main navigation, as a person would, and waits for its heading. */
export async function openSection(name: string, heading: string = name): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name }));
  await screen.findByRole('heading', { name: heading, level: 1 });
}

/** The roles that land on the dashboard after signing in: an expectation, not `can(...)`. */
export const safeguardingTeam: readonly Role[] = ['dsl', 'deputy_dsl'];
