import { formatDayTime } from '../../shared/duties/deadline';
import { legalForceLabels } from '../../shared/duties/rules';
import type { DutySummary } from '../../shared/duties/schema';
import { dutyStatusLabels } from '../../shared/duties/schema';
import type { Route } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { dueByText, isDutyOverdue } from './duty-text';

/** "Overdue" in words beside the red edge, so it never rests on colour alone. */
export function OverdueTag() {
  return <span className="tag tag--alert">Overdue</span>;
}

function closedText(duty: DutySummary): string {
  const status = dutyStatusLabels[duty.status];
  return duty.closedAt ? `${status}: ${formatDayTime(duty.closedAt)}` : status;
}

type DutyRowsProps = {
  items: readonly DutySummary[];
  /** The page the rows are on: the duty page's way back leads there. */
  from: Route;
  /** Leave the child out where the page is already about them. */
  showChild?: boolean;
  /** "Why?" after each title, for pages that are not about duties (the concern page). */
  whyLink?: boolean;
};

/**
 * Duties as a list: each title opens the duty, then its child, owner, when it is due (the
 * target and the deadline, with how far off they are) and how binding it is.
 */
export function DutyRows({ items, from, showChild = true, whyLink = false }: DutyRowsProps) {
  const navigate = useLantern((s) => s.navigate);
  const me = useLantern((s) => s.session?.user?.id ?? null);
  const now = new Date();
  return (
    <ul className="list duty-list">
      {items.map((duty) => {
        const overdue = isDutyOverdue(duty, now);
        const open = () => {
          navigate({ page: 'duty', id: duty.id, from });
        };
        return (
          <li key={duty.id} className={overdue ? 'duty-row duty-row--overdue' : 'duty-row'}>
            <p className="duty-row__title">
              <Button variant="link" onClick={open}>
                {duty.title}
              </Button>
              {overdue ? <OverdueTag /> : null}
              {duty.status === 'open' ? null : (
                <span className="tag tag--neutral">{dutyStatusLabels[duty.status]}</span>
              )}
            </p>
            <ul className="duty-row__facts">
              {showChild && duty.childName ? <li>Child: {duty.childName}</li> : null}
              <li>
                {duty.owner === 'person' && duty.ownerUserId === me ? (
                  <strong>
                    Your personal duty: you must do it yourself; telling the DSL does not discharge
                    it.
                  </strong>
                ) : (
                  <>Owner: {duty.ownerName}</>
                )}
              </li>
              <li>
                <strong>{duty.status === 'open' ? dueByText(duty, now) : closedText(duty)}</strong>
              </li>
              <li>{legalForceLabels[duty.legalForce]}</li>
            </ul>
            {whyLink ? (
              <Button variant="link" onClick={open}>
                Why? <span className="visually-hidden">{duty.title}</span>
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
