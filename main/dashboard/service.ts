import { can } from '../../shared/auth/roles';
import type { Dashboard } from '../../shared/dashboard/schema';
import { DUE_SOON_DAYS, OLDEST_AWAITING_SHOWN } from '../../shared/dashboard/schema';
import { addDays } from '../../shared/dates/calendar-date';
import { listEscalations } from '../casework/escalations';
import { triageInbox } from '../casework/service';
import type { Handled, HandlerContext } from '../handler';
import { roleOf } from '../handler';
import { policiesDue } from '../policies/service';
import { retentionDue } from '../retention/service';

/** What needs the safeguarding team today, in one read. */
export function dashboard(ctx: HandlerContext): Handled<Dashboard> {
  const horizon = addDays(ctx.today, DUE_SOON_DAYS);
  const inbox = triageInbox(ctx).value;
  const awaiting = inbox.filter((i) => i.status === 'new');
  const actions = ctx.store.dashboard.actionsDueBy(horizon);
  const escalations = listEscalations(ctx).value;
  const value: Dashboard = {
    today: ctx.today,
    awaitingTriage: { count: awaiting.length, oldest: awaiting.slice(0, OLDEST_AWAITING_SHOWN) },
    overdueActions: actions.filter((a) => a.dueDate < ctx.today),
    actionsDueSoon: actions.filter((a) => a.dueDate >= ctx.today),
    reviewsDue: ctx.store.dashboard.reviewsDueBy(horizon),
    escalations,
    policiesDue: policiesDue(ctx),
    recordsDue: can(roleOf(ctx.session), 'retention.manage') ? retentionDue(ctx) : [],
  };
  const recordIds = [
    ...value.awaitingTriage.oldest.flatMap((i) => [
      i.concernId,
      ...i.children.map((c) => c.childId),
    ]),
    ...actions.map((a) => a.concernId),
    ...value.reviewsDue.map((r) => r.concernId),
    ...escalations.map((e) => e.child.id),
    ...value.recordsDue.map((r) => r.childId),
  ];
  return { value, recordIds: [...new Set(recordIds)] };
}
