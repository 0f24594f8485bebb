/**
 * The DSL's dashboard (issue 4, item 6): what needs the safeguarding team today. Each list is
 * short and says why an item is on it; the full lists are the triage inbox and the concerns.
 */
import type { EscalationItem } from '../casework/escalation';
import type { InboxItem } from '../casework/schema';

/** Actions and reviews due within this many days are "due soon". */
export const DUE_SOON_DAYS = 7;
/** How many of the oldest concerns awaiting triage the dashboard names. */
export const OLDEST_AWAITING_SHOWN = 5;

export type DashboardAction = {
  id: string;
  description: string;
  dueDate: string;
  ownerName: string;
  concernId: string;
  /** The names of the children in the concern. */
  children: string[];
};

export type DashboardReview = {
  decisionId: string;
  concernId: string;
  reviewDate: string;
  decidedByName: string;
  children: string[];
};

export type Dashboard = {
  /** The London date the dashboard was worked out for. */
  today: string;
  awaitingTriage: { count: number; oldest: InboxItem[] };
  /** Open actions due before today, most overdue first. */
  overdueActions: DashboardAction[];
  /** Open actions due from today to DUE_SOON_DAYS ahead. */
  actionsDueSoon: DashboardAction[];
  /** Concerns being monitored whose review date has come or comes within DUE_SOON_DAYS. */
  reviewsDue: DashboardReview[];
  escalations: EscalationItem[];
  /**
   * Policies whose review is overdue or falls within POLICY_DUE_SOON_MONTHS (main/policies);
   * `nextReview` is '' for a policy never reviewed.
   */
  policiesDue: { id: string; title: string; nextReview: string; overdue: boolean }[];
  /**
   * Children's files whose retention review date has come (main/retention), with whether a legal
   * hold stands; empty for a role without retention.manage.
   */
  recordsDue: { childId: string; displayName: string; reviewFrom: string; legalHold: boolean }[];
};
