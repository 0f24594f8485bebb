/**
 * Everything Lantern holds about one child, gathered in one place for the exports of issue 6:
 * the referral pack, the built-in and the local authority's forms, and the child protection
 * file transfer. Main builds it (main/exports/case-file.ts) for a person allowed to read it;
 * each export then chooses, redacts and lays out what it needs.
 */
import type { TriageState } from '../casework/schema';
import type { ChildFamily } from '../children/family';
import type { Designation } from '../children/designations';
import type { Child } from '../children/schema';
import type { ChronologyEntry } from '../chronology/schema';
import type { Concern } from '../concerns/schema';
import type { DutySummary } from '../duties/schema';
import type { EncompassNotification } from '../encompass/schema';
import type { SchoolProfile } from '../school/schema';

/** A concern about the child, with the triage that followed it and the child's role in it. */
export type CaseConcern = { concern: Concern; triage: TriageState };

export type CaseFile = {
  school: SchoolProfile | null;
  child: Child;
  designations: Designation[];
  family: ChildFamily;
  /** Oldest first. */
  concerns: CaseConcern[];
  /** The child's whole chronology, oldest first. */
  chronology: ChronologyEntry[];
  encompass: EncompassNotification[];
  duties: DutySummary[];
};
