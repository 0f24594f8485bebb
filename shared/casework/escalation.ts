/**
 * The escalation pattern prompt (domain.md §9: "a 'cumulative neglect' prompt when N
 * neglect-tagged events fall within a window, threshold configurable, local"). Repeated concerns
 * that each look minor are how cumulative harm, especially neglect, is missed.
 *
 * A rule says: prompt the DSL when a child has at least `count` concerns in the categories named
 * (none named: any category) that happened within the last `windowDays` days. The defaults below
 * are local practice, not statute: no law or statutory guidance sets a number, and each school
 * sets its own in Settings.
 *
 * To keep the prompt worth reading (anchors.md §3, alert overload), a child appears once, under
 * the first rule in the school's list that they meet, and only concerns in which the child is the
 * subject or a victim count: a witness to a fight, or the alleged perpetrator, is not the child
 * the concern is worried about.
 */
import { z } from 'zod';

import type { ChildRole } from '../concerns/schema';
import { categoryLabel, concernTags, isCategoryId } from '../concerns/taxonomy';
import { addDays } from '../dates/calendar-date';

export const ESCALATION_LIMITS = {
  rules: 20,
  count: { min: 2, max: 50 },
  windowDays: { min: 1, max: 366 },
} as const;

export const escalationRule = z.strictObject({
  /** Taxonomy ids (shared/concerns/taxonomy.ts); empty means any category. */
  categories: z
    .array(z.string().max(60).refine(isCategoryId, 'Not a known category.'))
    .max(60)
    .refine((list) => new Set(list).size === list.length, 'Each category can be chosen once.'),
  count: z
    .int('Enter a whole number of concerns.')
    .min(
      ESCALATION_LIMITS.count.min,
      `A rule needs at least ${ESCALATION_LIMITS.count.min} concerns.`,
    )
    .max(
      ESCALATION_LIMITS.count.max,
      `A rule can count at most ${ESCALATION_LIMITS.count.max} concerns.`,
    ),
  windowDays: z
    .int('Enter a whole number of days.')
    .min(
      ESCALATION_LIMITS.windowDays.min,
      `The period must be at least ${ESCALATION_LIMITS.windowDays.min} day.`,
    )
    .max(
      ESCALATION_LIMITS.windowDays.max,
      `The period can be at most ${ESCALATION_LIMITS.windowDays.max} days.`,
    ),
  enabled: z.boolean(),
});
export type EscalationRule = z.output<typeof escalationRule>;

export const escalationRules = z
  .array(escalationRule)
  .max(ESCALATION_LIMITS.rules, `Keep to ${ESCALATION_LIMITS.rules} rules or fewer.`);

/** Local practice, not statute (see above): a starting point each school adjusts. */
export const defaultEscalationRules: readonly EscalationRule[] = [
  { categories: ['neglect'], count: 3, windowDays: 90, enabled: true },
  { categories: [], count: 4, windowDays: 30, enabled: true },
];

/** The roles in which a concern counts towards a child's pattern. */
export const countedRoles: readonly ChildRole[] = ['subject', 'victim'];

/** One child's part in one concern: what the prompt reads. */
export type EscalationConcern = {
  concernId: string;
  childId: string;
  role: ChildRole;
  /** As recorded: YYYY-MM-DD or YYYY-MM-DDTHH:MM, London. */
  occurredAt: string;
  categories: readonly string[];
};

export type EscalationMatch = {
  childId: string;
  rule: EscalationRule;
  /** The concerns that met the rule, oldest first, and when each happened. */
  concernIds: string[];
  dates: string[];
  /** When the most recent of them happened. */
  latest: string;
};

const cpCategoryOfTag = new Map(concernTags.map((t) => [t.id, t.cpCategory]));

/** Whether a concern's categories fall under a rule's: a tag counts under its CP category. */
export function inCategories(
  rule: Pick<EscalationRule, 'categories'>,
  categories: readonly string[],
) {
  if (rule.categories.length === 0) return true;
  const wanted = new Set(rule.categories);
  return categories.some((id) => {
    const cp = cpCategoryOfTag.get(id);
    return wanted.has(id) || (cp !== undefined && cp !== null && wanted.has(cp));
  });
}

/** The first date in a rule's window: a concern exactly `windowDays` days ago still counts. */
export function windowStart(today: string, windowDays: number): string {
  return addDays(today, -windowDays);
}

/** How far back the enabled rules look (the days of concerns to read), or null if none is on. */
export function lookbackDays(rules: readonly EscalationRule[]): number | null {
  const days = rules.filter((r) => r.enabled).map((r) => r.windowDays);
  return days.length === 0 ? null : Math.max(...days);
}

function byWhen(a: EscalationConcern, b: EscalationConcern): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
  return a.concernId < b.concernId ? -1 : a.concernId > b.concernId ? 1 : 0;
}

/**
 * The children whose concerns meet a rule on `today`, each under the first enabled rule (in the
 * school's order) they meet, most recent concern first.
 */
export function escalations(
  concerns: readonly EscalationConcern[],
  rules: readonly EscalationRule[],
  today: string,
): EscalationMatch[] {
  const byChild = new Map<string, EscalationConcern[]>();
  for (const c of concerns) {
    const date = c.occurredAt.slice(0, 10);
    if (!countedRoles.includes(c.role) || date > today) continue;
    const list = byChild.get(c.childId) ?? [];
    list.push(c);
    byChild.set(c.childId, list);
  }
  const matches: EscalationMatch[] = [];
  for (const [childId, list] of byChild) {
    list.sort(byWhen);
    for (const rule of rules) {
      if (!rule.enabled) continue;
      const from = windowStart(today, rule.windowDays);
      const hits = list.filter(
        (c) => c.occurredAt.slice(0, 10) >= from && inCategories(rule, c.categories),
      );
      const last = hits.at(-1);
      if (hits.length >= rule.count && last) {
        matches.push({
          childId,
          rule,
          concernIds: hits.map((c) => c.concernId),
          dates: hits.map((c) => c.occurredAt),
          latest: last.occurredAt,
        });
        break;
      }
    }
  }
  return matches.sort((a, b) =>
    a.latest !== b.latest ? (a.latest > b.latest ? -1 : 1) : a.childId < b.childId ? -1 : 1,
  );
}

/** "Neglect" → "neglect"; "FGM…" stays as it is. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function orList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

/** A rule in words: "3 neglect concerns in 90 days", "4 concerns of any category in 30 days". */
export function describeRule(rule: Pick<EscalationRule, 'categories' | 'count' | 'windowDays'>) {
  const days = `${rule.windowDays} ${rule.windowDays === 1 ? 'day' : 'days'}`;
  const labels = rule.categories.map((id) => lowerFirst(categoryLabel(id)));
  const [only] = labels;
  if (labels.length === 0) return `${rule.count} concerns of any category in ${days}`;
  if (labels.length === 1 && only !== undefined && !only.includes(','))
    return `${rule.count} ${only} concerns in ${days}`;
  return `${rule.count} concerns about ${orList(labels)} in ${days}`;
}

/** One line of the DSL's list (the output of casework.escalations). */
export type EscalationItem = {
  child: { id: string; name: string };
  /** The rule met, in words (describeRule). */
  rule: string;
  concernIds: string[];
  /** When each of those concerns happened, oldest first. */
  dates: string[];
  latest: string;
};
