import type { DutySummary } from '../../shared/duties/schema';
import type { LegalForce } from '../../shared/duties/rules';
import { formatDayTime } from '../../shared/duties/deadline';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function amount(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** A span of time in the largest whole unit that fits: "40 minutes", "5 hours", "2 days". */
function span(ms: number): string {
  if (ms < HOUR_MS) return amount(Math.max(1, Math.floor(ms / MINUTE_MS)), 'minute');
  if (ms < DAY_MS) return amount(Math.floor(ms / HOUR_MS), 'hour');
  return amount(Math.floor(ms / DAY_MS), 'day');
}

/** "overdue by 2 days", "due in 5 hours": how `at` stands against `now`. */
export function relativeDue(at: string, now: Date): string {
  const ms = Date.parse(at) - now.getTime();
  return ms < 0 ? `overdue by ${span(-ms)}` : `due in ${span(ms)}`;
}

/** Whether an open duty has passed the sooner of its target and deadline. */
export function isDutyOverdue(duty: DutySummary, now: Date): boolean {
  return duty.status === 'open' && duty.dueBy !== null && Date.parse(duty.dueBy) < now.getTime();
}

/** What the deadline is called, by how binding its source is. */
export const deadlineLabels: Record<LegalForce, string> = {
  must: 'Legal deadline',
  should: 'Deadline in statutory guidance',
  good_practice: 'Deadline',
};

/** One line of when: the time, its relative phrase while open, and what kind of time it is. */
export function whenText(at: string, open: boolean, now: Date): string {
  const time = formatDayTime(at);
  return open ? `${time} (${relativeDue(at, now)})` : time;
}

/**
 * The due line of a list row: by when it is due, saying whether that is a sooner target or
 * the deadline itself, with the deadline beside a target that differs from it.
 */
export function dueByText(duty: DutySummary, now: Date): string {
  if (duty.dueBy === null) return 'No fixed deadline: act promptly';
  const open = duty.status === 'open';
  const deadline = deadlineLabels[duty.legalForce];
  const byTarget = duty.dueBy === duty.targetAt && duty.targetAt !== duty.dueAt;
  if (!byTarget) return `${deadline}: ${whenText(duty.dueBy, open, now)}`;
  const target = `Target: ${whenText(duty.dueBy, open, now)}`;
  return duty.dueAt === null
    ? target
    : `${target}; ${deadline.toLowerCase()}: ${formatDayTime(duty.dueAt)}`;
}

/** "1 statutory duty is", "3 statutory duties are". */
export function dutiesCount(n: number): string {
  return n === 1 ? '1 statutory duty is' : `${n} statutory duties are`;
}
