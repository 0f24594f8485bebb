import type { EscalationItem } from '../../shared/casework/escalation';
import {
  describeRule,
  escalations,
  lookbackDays,
  windowStart,
} from '../../shared/casework/escalation';
import { displayName } from '../../shared/children/schema';
import type { Handled, HandlerContext } from '../handler';

/** The children whose recent concerns meet one of the school's escalation rules. */
export function listEscalations(ctx: HandlerContext): Handled<EscalationItem[]> {
  const { escalationRules: rules } = ctx.store.settings.get();
  const days = lookbackDays(rules);
  if (days === null) return { value: [] };
  const concerns = ctx.store.escalations.concernsSince(windowStart(ctx.today, days), ctx.today);
  const items = escalations(concerns, rules, ctx.today).flatMap((match): EscalationItem[] => {
    const child = ctx.store.children.get(match.childId);
    if (!child) return [];
    return [
      {
        child: { id: child.id, name: displayName(child) },
        rule: describeRule(match.rule),
        concernIds: match.concernIds,
        dates: match.dates,
        latest: match.latest,
      },
    ];
  });
  return { value: items, recordIds: items.map((i) => i.child.id) };
}
