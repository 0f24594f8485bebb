import type { ReactNode } from 'react';

import { DemoBanner } from '../demo/DemoBanner';

type PlainLayoutProps = {
  children: ReactNode;
  /** Controls for the header's right-hand side (the Lock button once unlocked). */
  actions?: ReactNode;
};

/** The frame for screens before the full app opens: opening, set-up, unlock, school set-up. */
export function PlainLayout({ children, actions }: PlainLayoutProps) {
  return (
    <div className="layout">
      <header className="app-header">
        <p className="app-header__brand">Lantern</p>
        {actions ? <div className="app-header__actions">{actions}</div> : null}
      </header>
      <DemoBanner />
      <main className="layout__main layout__main--narrow">{children}</main>
    </div>
  );
}
