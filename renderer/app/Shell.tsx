import { useEffect } from 'react';

import { roleLabels } from '../../shared/auth/roles';
import { SecurityAlerts } from '../alerts/SecurityAlerts';
import { DemoBanner } from '../demo/DemoBanner';
import { DutyReminderBanner } from '../duties/DutyReminderBanner';
import type { Route } from '../store';
import { useLantern } from '../store';
import { StatusMessage } from '../ui/StatusMessage';
import { CurrentPage } from './CurrentPage';
import { ErrorBoundary } from './ErrorBoundary';
import { LockButton } from './LockButton';
import { MainNav } from './MainNav';

/** A key per page, so a screen that failed gets a fresh start when the person moves on. */
export function routeKey(route: Route): string {
  if ('id' in route) return `${route.page}:${route.id}`;
  if (route.page === 'audit' && route.child) return `audit:${route.child.id}`;
  return route.page;
}

function SignedInAs() {
  const user = useLantern((s) => s.session?.user ?? null);
  if (!user) return null;
  return (
    <p className="app-header__person">
      <span className="visually-hidden">Signed in as </span>
      <span className="app-header__name">{user.displayName}</span>
      <span className="visually-hidden">, </span>
      <span className="app-header__role">{roleLabels[user.role]}</span>
    </p>
  );
}

/** The signed-in app: header (school, navigation, who is signed in, lock) and the page. */
export function Shell() {
  const schoolName = useLantern((s) => s.school?.name);
  const route = useLantern((s) => s.route);
  const notice = useLantern((s) => s.notice);
  const loadSchool = useLantern((s) => s.loadSchool);

  useEffect(() => {
    void loadSchool();
  }, [loadSchool]);

  return (
    <div className="layout">
      <header className="app-header">
        <p className="app-header__brand">
          Lantern
          {schoolName ? <span className="app-header__school">{schoolName}</span> : null}
        </p>
        <MainNav />
        <div className="app-header__actions">
          <SignedInAs />
          <LockButton />
        </div>
      </header>
      <DemoBanner />
      <main className="layout__main">
        <SecurityAlerts pageKey={routeKey(route)} />
        <DutyReminderBanner />
        <StatusMessage notice={notice} />
        <ErrorBoundary key={routeKey(route)}>
          <CurrentPage />
        </ErrorBoundary>
      </main>
    </div>
  );
}
