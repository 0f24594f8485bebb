/**
 * What each kind of source record contributes to the chronologies of the children it is about.
 * Pure: the handlers that write a source call these and append the result in the same
 * transaction, and migration 0006 used them to backfill records written before it.
 */
import type { NewChronologyEntry } from '../../shared/chronology/schema';
import { entryDetail } from '../../shared/chronology/schema';
import type { CpCategory, DesignationKind } from '../../shared/children/designations';
import { cpCategoryShort, designationLabels } from '../../shared/children/designations';
import type { ChildRole } from '../../shared/concerns/schema';
import { childRoleLabels } from '../../shared/concerns/schema';
import { formatCalendarDate, londonMinute } from '../../shared/dates/calendar-date';
import type { EncompassDraft } from '../../shared/encompass/schema';
import { encompassTitle } from '../../shared/encompass/schema';
import type { ConcernLevel } from '../../shared/casework/levels';
import { levelChangeTitle } from '../../shared/casework/levels';
import type { DecisionKind } from '../../shared/casework/schema';
import { decisionTitle } from '../../shared/casework/schema';

export type ConcernFacts = {
  id: string;
  occurredAt: string;
  recordedAt: string;
  recordedBy: string;
  summary: string;
  children: readonly { childId: string; role: ChildRole }[];
  categories: readonly string[];
};

/** One entry per child involved, titled for that child's role in it. */
export function concernEntries(concern: ConcernFacts): NewChronologyEntry[] {
  return concern.children.map((child) => ({
    childId: child.childId,
    source: 'concern',
    sourceId: concern.id,
    concernId: concern.id,
    occurredAt: concern.occurredAt,
    recordedAt: concern.recordedAt,
    recordedBy: concern.recordedBy,
    role: child.role,
    title:
      child.role === 'subject'
        ? 'Concern recorded'
        : `Concern recorded: ${childRoleLabels[child.role].toLowerCase()}`,
    detail: entryDetail(concern.summary),
    categories: concern.categories,
  }));
}

export type AddendumFacts = {
  id: string;
  concernId: string;
  addedAt: string;
  addedBy: string;
  reason: string;
  text: string;
};

export function addendumEntries(
  addendum: AddendumFacts,
  children: readonly { childId: string; role: ChildRole }[],
): NewChronologyEntry[] {
  return children.map((child) => ({
    childId: child.childId,
    source: 'addendum',
    sourceId: addendum.id,
    concernId: addendum.concernId,
    occurredAt: londonMinute(new Date(addendum.addedAt)),
    recordedAt: addendum.addedAt,
    recordedBy: addendum.addedBy,
    role: child.role,
    title: 'Correction added to a concern',
    detail: entryDetail(`${addendum.text} (Reason: ${addendum.reason})`),
    categories: [],
  }));
}

export type DesignationFacts = {
  id: string;
  childId: string;
  kind: DesignationKind;
  cpCategory: CpCategory | '';
  startDate: string;
  notes: string;
};

function designationName(d: DesignationFacts): string {
  const label = designationLabels[d.kind];
  return d.cpCategory === '' ? label : `${label} (${cpCategoryShort[d.cpCategory]})`;
}

export function designationStartEntry(
  d: DesignationFacts,
  recordedAt: string,
  recordedBy: string,
): NewChronologyEntry {
  return {
    childId: d.childId,
    source: 'designation',
    sourceId: d.id,
    concernId: null,
    occurredAt: d.startDate,
    recordedAt,
    recordedBy,
    role: null,
    title: `${designationName(d)} started`,
    detail: entryDetail(d.notes),
    categories: d.cpCategory === '' ? [] : [d.cpCategory],
  };
}

export function designationEndEntry(
  d: DesignationFacts,
  endDate: string,
  endedAt: string,
  endedBy: string,
): NewChronologyEntry {
  return {
    ...designationStartEntry(d, endedAt, endedBy),
    source: 'designation_end',
    occurredAt: endDate,
    title: `${designationName(d)} ended`,
    detail: '',
  };
}

type Children = readonly { childId: string; role: ChildRole }[];

/**
 * One triage event (level, decision, action, closure) as it appears on the file of each child in
 * the concern. `at` and `by` are when and by whom it was recorded; it happened at that London
 * minute.
 */
type CaseworkEvent = Pick<NewChronologyEntry, 'source' | 'sourceId' | 'title'> & {
  concernId: string;
  at: string;
  by: string;
  text: string;
};

function caseworkEntries(event: CaseworkEvent, children: Children): NewChronologyEntry[] {
  return children.map((child) => ({
    childId: child.childId,
    source: event.source,
    sourceId: event.sourceId,
    concernId: event.concernId,
    occurredAt: londonMinute(new Date(event.at)),
    recordedAt: event.at,
    recordedBy: event.by,
    role: child.role,
    title: event.title,
    detail: entryDetail(event.text),
    categories: [],
  }));
}

type LevelFacts = {
  id: string;
  concernId: string;
  level: ConcernLevel;
  previous: ConcernLevel | null;
  rationale: string;
  setBy: string;
  setAt: string;
};

export function levelEntries(l: LevelFacts, children: Children): NewChronologyEntry[] {
  const title = levelChangeTitle(l.previous, l.level);
  return caseworkEntries(
    {
      source: 'level',
      sourceId: l.id,
      concernId: l.concernId,
      at: l.setAt,
      by: l.setBy,
      title,
      text: l.rationale,
    },
    children,
  );
}

type DecisionFacts = {
  id: string;
  concernId: string;
  kind: DecisionKind;
  description: string;
  reviewDate: string;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
};

export function decisionEntries(d: DecisionFacts, children: Children): NewChronologyEntry[] {
  const title = decisionTitle(d);
  return caseworkEntries(
    {
      source: 'decision',
      sourceId: d.id,
      concernId: d.concernId,
      at: d.decidedAt,
      by: d.decidedBy,
      title,
      text: d.rationale,
    },
    children,
  );
}

type ActionFacts = {
  id: string;
  concernId: string;
  description: string;
  ownerName: string;
  dueDate: string;
};

/**
 * An action sits in the chronology when it was set (a chronology records what happened, never a
 * future date); its due date is in the title, and its completion is an entry of its own.
 */
export function actionEntries(
  a: ActionFacts & { createdBy: string; createdAt: string },
  children: Children,
): NewChronologyEntry[] {
  const title = `Action set for ${a.ownerName}, due ${formatCalendarDate(a.dueDate)}`;
  return caseworkEntries(
    {
      source: 'action',
      sourceId: a.id,
      concernId: a.concernId,
      at: a.createdAt,
      by: a.createdBy,
      title,
      text: a.description,
    },
    children,
  );
}

export function actionDoneEntries(
  a: ActionFacts & { completedBy: string; completedAt: string; note: string },
  children: Children,
): NewChronologyEntry[] {
  const title = `Action completed: ${entryDetail(a.description)}`;
  return caseworkEntries(
    {
      source: 'action_done',
      sourceId: a.id,
      concernId: a.concernId,
      at: a.completedAt,
      by: a.completedBy,
      title,
      text: a.note,
    },
    children,
  );
}

type ClosureFacts = {
  id: string;
  concernId: string;
  summary: string;
  outcome: string;
  closedBy: string;
  closedAt: string;
};

export function closureEntries(c: ClosureFacts, children: Children): NewChronologyEntry[] {
  const text = `Outcome: ${c.outcome} Summary: ${c.summary}`;
  return caseworkEntries(
    {
      source: 'closure',
      sourceId: c.id,
      concernId: c.concernId,
      at: c.closedAt,
      by: c.closedBy,
      title: 'Concern closed',
      text,
    },
    children,
  );
}

type ReopeningFacts = {
  id: string;
  concernId: string;
  reason: string;
  reopenedBy: string;
  reopenedAt: string;
};

/** A reopening is a closure event too: it undoes one, and says why. */
export function reopenEntries(r: ReopeningFacts, children: Children): NewChronologyEntry[] {
  return caseworkEntries(
    {
      source: 'closure',
      sourceId: r.id,
      concernId: r.concernId,
      at: r.reopenedAt,
      by: r.reopenedBy,
      title: 'Concern reopened',
      text: r.reason,
    },
    children,
  );
}

/** An Operation Encompass notification, on the file of each child it names. */
export function encompassEntries(
  n: Pick<EncompassDraft, 'incidentAt' | 'summary' | 'policeForce' | 'policeReference'> & {
    id: string;
    recordedAt: string;
    recordedBy: string;
    childIds: readonly string[];
  },
): NewChronologyEntry[] {
  return n.childIds.map((childId) => ({
    childId,
    source: 'encompass',
    sourceId: n.id,
    concernId: null,
    occurredAt: n.incidentAt,
    recordedAt: n.recordedAt,
    recordedBy: n.recordedBy,
    role: null,
    title: encompassTitle(n),
    detail: entryDetail(n.summary),
    categories: ['domestic_abuse'],
  }));
}

export function encompassAddendumEntries(
  addendum: { id: string; addedAt: string; addedBy: string; reason: string; text: string },
  childIds: readonly string[],
): NewChronologyEntry[] {
  return childIds.map((childId) => ({
    childId,
    source: 'addendum',
    sourceId: addendum.id,
    concernId: null,
    occurredAt: londonMinute(new Date(addendum.addedAt)),
    recordedAt: addendum.addedAt,
    recordedBy: addendum.addedBy,
    role: null,
    title: 'Correction added to an Operation Encompass notification',
    detail: entryDetail(`${addendum.text} (Reason: ${addendum.reason})`),
    categories: [],
  }));
}
