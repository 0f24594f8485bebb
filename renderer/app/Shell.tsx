import { useEffect } from 'react';

import { roleLabels } from '../../shared/auth/roles';
import type { Route } from '../store';
import { useLantern } from '../store';
import { StatusMessage } from '../ui/StatusMessage';
import { CurrentPage } from './CurrentPage';
import { ErrorBoundary } from './ErrorBoundary';
import { LockButton } from './LockButton';
import { MainNav } from './MainNav';

/** A key per page, so a screen that failed gets a fresh start when the person moves on. */
function routeKey(route: Route): string {
  return 'id' in route ? `${route.page}:${route.id}` : route.page;
}

/** The unlocked app: header (school, navigation, lock) and the current page. */
export function Shell() {
  const schoolName = useLantern((s) => s.school?.name);
  const role = useLantern((s) => s.session?.role ?? null);
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
          {role ? <span className="app-header__role">{roleLabels[role]}</span> : null}
          <LockButton />
        </div>
      </header>
      <main className="layout__main">
        <StatusMessage notice={notice} />
        <ErrorBoundary key={routeKey(route)}>
          <CurrentPage />
        </ErrorBoundary>
      </main>
    </div>
  );
}
