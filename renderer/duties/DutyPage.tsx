import { useEffect } from 'react';

import { formatDayTime } from '../../shared/duties/deadline';
import type { DutyDetail } from '../../shared/duties/schema';
import { dutyStatusLabels } from '../../shared/duties/schema';
import { useCan } from '../app/use-can';
import type { Route } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { DetailsList } from '../ui/DetailsList';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { DutyActions } from './DutyActions';
import { OverdueTag } from './DutyRows';
import { DutyHistory, DutyWhy } from './DutyWhy';
import { deadlineLabels, isDutyOverdue, whenText } from './duty-text';

/** The way back: to the page the duty was opened from, or the duties page. */
function backText(from: Route): string {
  switch (from.page) {
    case 'dashboard':
      return 'Back to the dashboard';
    case 'concern':
    case 'concern-recorded':
      return 'Back to the concern';
    case 'child':
      return 'Back to the child’s file';
    default:
      return 'Back to statutory duties';
  }
}

function ChildLink({ detail }: { detail: DutyDetail }) {
  const canOpen = useCan('children.read');
  const navigate = useLantern((s) => s.navigate);
  const { childId, childName } = detail;
  if (!childId || !childName) return <>{childName ?? 'Not about one child'}</>;
  if (!canOpen) return <>{childName}</>;
  return (
    <Button
      variant="link"
      onClick={() => {
        navigate({ page: 'child', id: childId });
      }}
    >
      {childName}
    </Button>
  );
}

function DutyFacts({ detail }: { detail: DutyDetail }) {
  const now = new Date();
  const open = detail.status === 'open';
  const deadline = deadlineLabels[detail.legalForce];
  const showTarget = detail.targetAt !== null && detail.targetAt !== detail.dueAt;
  return (
    <DetailsList
      details={[
        {
          term: 'Status',
          description: (
            <>
              {dutyStatusLabels[detail.status]}
              {detail.closedAt ? `, ${formatDayTime(detail.closedAt)}` : ''}
              {isDutyOverdue(detail, now) ? <OverdueTag /> : null}
            </>
          ),
        },
        { term: 'Owner', description: detail.ownerName },
        { term: 'Child', description: <ChildLink detail={detail} /> },
        {
          term: deadline,
          description: detail.dueAt
            ? whenText(detail.dueAt, open, now)
            : 'No fixed deadline: act promptly',
        },
        ...(showTarget && detail.targetAt
          ? [{ term: 'Target', description: whenText(detail.targetAt, open, now) }]
          : []),
        { term: 'Started', description: formatDayTime(detail.triggerAt) },
      ]}
    />
  );
}

/**
 * One statutory duty: what it is, by when, why it applies (the source, the edition and each
 * step of the deadline), what has been recorded on it and, for those who may, the forms to
 * record that it was done or that it does not apply.
 */
export function DutyPage({ id, from }: { id: string; from: Route | null }) {
  const opened = useLantern((s) => s.openedDuty);
  const open = useLantern((s) => s.openDuty);
  const navigate = useLantern((s) => s.navigate);

  useEffect(() => {
    void open(id);
  }, [id, open]);

  const detail = opened.id === id ? opened.detail : null;
  const back = from ?? { page: 'duties' };
  return (
    <>
      <Button
        variant="link"
        className="back-link"
        onClick={() => {
          navigate(back);
        }}
      >
        {backText(back)}
      </Button>
      {detail ? (
        <>
          <PageHeading>{detail.title}</PageHeading>
          <DutyFacts detail={detail} />
          <StatusMessage notice={opened.saved ? { tone: 'success', text: opened.saved } : null} />
          <DutyActions detail={detail} />
          <DutyWhy detail={detail} />
          <DutyHistory events={detail.events} />
        </>
      ) : opened.status === 'failed' && opened.error ? (
        <>
          <PageHeading>Statutory duty</PageHeading>
          <LoadFailure
            error={opened.error}
            onRetry={() => {
              void open(id);
            }}
          />
        </>
      ) : (
        <Loading text="Opening the duty…" />
      )}
    </>
  );
}
