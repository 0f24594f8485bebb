import type { ReactNode } from 'react';
import { useEffect } from 'react';

import type { DashboardAction, DashboardReview } from '../../shared/dashboard/schema';
import { DUE_SOON_DAYS } from '../../shared/dashboard/schema';
import { formatCalendarDate } from '../../shared/dates/calendar-date';
import { concernFlagNames } from '../../shared/concerns/schema';
import { ageText, dueText, flagShortLabels } from '../casework/casework-text';
import { EscalationList } from '../casework/EscalationList';
import { childWithRole, occurredText } from '../concerns/concern-text';
import { useCan } from '../app/use-can';
import { DutiesCard } from '../duties/DutiesCard';
import { TrainingDueCard } from '../training/TrainingDueCard';
import { LastBackupCard } from '../backup/LastBackupCard';
import { PoliciesDuePanel } from '../policies/PoliciesDuePanel';
import { RecordsDuePanel } from '../retention/RecordsDuePanel';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { DashboardPanel as Panel } from './DashboardPanel';

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

function OpenConcern({ concernId, children }: { concernId: string; children: ReactNode }) {
  const navigate = useLantern((s) => s.navigate);
  return (
    <Button
      variant="link"
      onClick={() => {
        navigate({ page: 'concern', id: concernId, child: null, from: 'dashboard' });
      }}
    >
      {children}
    </Button>
  );
}

function ActionList({ items, today }: { items: readonly DashboardAction[]; today: string }) {
  return (
    <ul className="list dashboard__list">
      {items.map((a) => (
        <li key={a.id}>
          <OpenConcern concernId={a.concernId}>{a.description}</OpenConcern>
          <p>
            <strong>{dueText(a.dueDate, today)}</strong> · {a.ownerName} · {a.children.join(', ')}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ReviewList({ items, today }: { items: readonly DashboardReview[]; today: string }) {
  return (
    <ul className="list dashboard__list">
      {items.map((r) => (
        <li key={r.decisionId}>
          <OpenConcern concernId={r.concernId}>{r.children.join(', ')}</OpenConcern>
          <p>
            <strong>
              {r.reviewDate < today ? 'Review overdue: was due' : 'Review due'}{' '}
              {formatCalendarDate(r.reviewDate)}
            </strong>{' '}
            · monitoring decided by {r.decidedByName}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * The DSL's first screen: what needs the safeguarding team today. Concerns awaiting triage,
 * overdue and soon-due actions, monitoring reviews that have come round, and children whose
 * recent concerns meet an escalation rule. Each item opens the record it is about.
 */
export function DashboardPage() {
  const dashboard = useLantern((s) => s.dashboard);
  const load = useLantern((s) => s.loadDashboard);
  const navigate = useLantern((s) => s.navigate);
  const canReadDuties = useCan('duties.read');
  const canManageGovernance = useCan('governance.manage');
  const canManageBackups = useCan('backup.manage');
  const mayManageRetention = useCan('retention.manage');
  useEffect(() => {
    void load();
  }, [load]);
  const d = dashboard.value;
  return (
    <>
      <PageHeading>Dashboard</PageHeading>
      {dashboard.status === 'failed' && dashboard.error ? (
        <LoadFailure
          error={dashboard.error}
          onRetry={() => {
            void load();
          }}
        />
      ) : d === null ? (
        <Loading text="Loading the dashboard…" />
      ) : (
        <div className="dashboard">
          <Panel
            id="dashboard-triage"
            title="Awaiting triage"
            total={d.awaitingTriage.count}
            empty="Every concern has been triaged."
          >
            <p>
              {count(d.awaitingTriage.count, 'concern has', 'concerns have')} not been triaged. The
              oldest:
            </p>
            <ul className="list dashboard__list">
              {d.awaitingTriage.oldest.map((item) => {
                const flags = concernFlagNames.filter((f) => item.flags[f]);
                return (
                  <li key={item.concernId}>
                    <OpenConcern concernId={item.concernId}>
                      {item.children.map(childWithRole).join(', ')}
                    </OpenConcern>
                    <p>
                      Happened {occurredText(item.occurredAt, item.occurredAtApprox)} · waiting{' '}
                      {ageText(item.recordedAt, d.today).toLowerCase()}
                      {flags.length > 0 ? (
                        <>
                          {' '}
                          · <strong>{flags.map((f) => flagShortLabels[f]).join(', ')}</strong>
                        </>
                      ) : null}
                    </p>
                  </li>
                );
              })}
            </ul>
            <Button
              variant="secondary"
              onClick={() => {
                navigate({ page: 'inbox' });
              }}
            >
              Open the triage inbox
            </Button>
          </Panel>
          {canReadDuties ? <DutiesCard /> : null}
          {canManageGovernance ? <TrainingDueCard /> : null}
          {canManageBackups ? <LastBackupCard /> : null}
          <Panel
            id="dashboard-overdue"
            title="Overdue actions"
            total={d.overdueActions.length}
            empty="No action is overdue."
          >
            <ActionList items={d.overdueActions} today={d.today} />
          </Panel>
          <Panel
            id="dashboard-due-soon"
            title={`Actions due in the next ${DUE_SOON_DAYS} days`}
            total={d.actionsDueSoon.length}
            empty={`No action falls due in the next ${DUE_SOON_DAYS} days.`}
          >
            <ActionList items={d.actionsDueSoon} today={d.today} />
          </Panel>
          <Panel
            id="dashboard-reviews"
            title="Monitoring reviews due"
            total={d.reviewsDue.length}
            empty={`No concern being monitored has a review due in the next ${DUE_SOON_DAYS} days.`}
          >
            <ReviewList items={d.reviewsDue} today={d.today} />
          </Panel>
          <Panel
            id="dashboard-escalations"
            title="Patterns to look at again"
            total={d.escalations.length}
            empty="No child’s recent concerns meet an escalation rule."
          >
            <p>
              These children’s recent concerns meet one of the school’s escalation rules (set in
              Settings). It is a prompt to review the chronology, not a finding.
            </p>
            <EscalationList items={d.escalations} />
          </Panel>
          <PoliciesDuePanel items={d.policiesDue} today={d.today} />
          {mayManageRetention ? <RecordsDuePanel items={d.recordsDue} /> : null}
        </div>
      )}
    </>
  );
}
