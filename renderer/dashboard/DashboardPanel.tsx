import type { ReactNode } from 'react';

/** One panel of the dashboard: a heading with its count, then the list or what "none" means. */
export function DashboardPanel({
  id,
  title,
  total,
  empty,
  children,
}: {
  id: string;
  title: string;
  total: number;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section className="dashboard__panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="dashboard__count">({total})</span>
      </h2>
      {total === 0 ? <p className="empty-state">{empty}</p> : children}
    </section>
  );
}
