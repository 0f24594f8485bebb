import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';

import type { DueView } from '../../shared/duties/schema';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import type { DueScope } from '../store/duties-slice';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { DutyRows } from './DutyRows';
import { StartDutyForm } from './StartDutyForm';

type Group = { key: keyof DueView; title: string; empty: string };

const groups: readonly Group[] = [
  { key: 'overdue', title: 'Overdue', empty: 'Nothing is overdue.' },
  { key: 'today', title: 'Due today', empty: 'Nothing else is due today.' },
  { key: 'thisWeek', title: 'Due this week', empty: 'Nothing else is due this week.' },
  { key: 'later', title: 'Later', empty: 'Nothing is due later.' },
  {
    key: 'noDeadline',
    title: 'No fixed deadline',
    empty: 'No open duty is without a deadline.',
  },
  {
    key: 'recentlyClosed',
    title: 'Recently done',
    empty: 'Nothing was closed in the last 7 days.',
  },
];

function GroupSection({ group, view }: { group: Group; view: DueView }) {
  const items = view[group.key];
  const id = `duties-${group.key}`;
  const overdue = group.key === 'overdue' && items.length > 0;
  return (
    <section
      className={overdue ? 'duty-group duty-group--overdue' : 'duty-group'}
      aria-labelledby={id}
    >
      <h2 id={id}>
        {overdue ? (
          <span className="duty-group__icon" aria-hidden="true">
            !
          </span>
        ) : null}
        {group.title} <span className="dashboard__count">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="empty-state">{group.empty}</p>
      ) : (
        <DutyRows items={items} from={{ page: 'duties' }} />
      )}
    </section>
  );
}

function ScopeToggle({ scope, onChange }: { scope: DueScope; onChange: (s: DueScope) => void }) {
  const options: { value: DueScope; label: string }[] = [
    { value: 'school', label: 'Whole school' },
    { value: 'mine', label: 'My duties' },
  ];
  return (
    <div className="button-row button-row--tight" role="group" aria-label="Whose duties to show">
      {options.map((o) => (
        <Button
          key={o.value}
          variant={scope === o.value ? 'primary' : 'secondary'}
          aria-pressed={scope === o.value}
          onClick={() => {
            onChange(o.value);
          }}
        >
          {o.label}
        </Button>
      ))}
    </div>
  );
}

/**
 * The statutory duties that are due: overdue first, then today, this week, later, those with no
 * fixed timescale and what was closed recently. The safeguarding team and the head see the whole
 * school (or their own); everyone else sees their own, such as a teacher's FGM report.
 */
export function DutiesPage() {
  const canReadAll = useCan('duties.read');
  const canManage = useCan('duties.manage');
  const [scope, setScope] = useState<DueScope>(canReadAll ? 'school' : 'mine');
  const view = useLantern((s) => s.dueView);
  const load = useLantern((s) => s.loadDueView);

  useEffect(() => {
    void load(scope);
  }, [scope, load]);

  const value = view.scope === scope ? view.value : null;
  let body: ReactNode;
  if (value) body = groups.map((g) => <GroupSection key={g.key} group={g} view={value} />);
  else if (view.status === 'failed' && view.error)
    body = (
      <LoadFailure
        error={view.error}
        onRetry={() => {
          void load(scope);
        }}
      />
    );
  else body = <Loading text="Loading statutory duties…" />;

  return (
    <>
      <PageHeading>Statutory duties</PageHeading>
      <p>
        What the law and statutory guidance require, by when, and who owes it. Open a duty to see
        why it applies and to record that it was done.
      </p>
      {canReadAll ? <ScopeToggle scope={scope} onChange={setScope} /> : null}
      {body}
      {canManage ? <StartDutyForm /> : null}
    </>
  );
}
