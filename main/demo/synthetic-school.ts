/**
 * A synthetic secondary school with years of safeguarding history, for the benchmark and for
 * demonstration data: pupils who join, move up and leave, their families and designations, and
 * concerns (some about several children) with corrections, each with its chronology entries.
 *
 * The school is set up and its staff accounts are added through the real core; the history is
 * then written through the real repositories and chronology builders, in large transactions,
 * exactly as the handlers would have written it at the time. Everything but record ids (random,
 * as in the app) follows from the seed. Generated history is not user activity, so it leaves a
 * single audit row saying the school was generated.
 */
import { createApp } from '../app';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { newId } from '../ids';
import type { Store } from '../store';
import type { KdfParams } from '../vault/keyring';
import { createVault, storePaths } from '../vault/vault';
import {
  actionDoneEntries,
  actionEntries,
  addendumEntries,
  closureEntries,
  concernEntries,
  decisionEntries,
  designationEndEntry,
  designationStartEntry,
  encompassEntries,
  levelEntries,
} from '../chronology/entries';
import type { ConcernLevel } from '../../shared/casework/levels';
import type { DecisionKind } from '../../shared/casework/schema';
import type { Role } from '../../shared/auth/roles';
import type { CpCategory, DesignationKind } from '../../shared/children/designations';
import { cpCategories } from '../../shared/children/designations';
import type { AdultDraft, Relationship } from '../../shared/children/family';
import type { ChildDraft, Gender, YearGroup } from '../../shared/children/schema';
import { upnCheckLetter } from '../../shared/children/upn';
import type { BodyMark, MarkKind } from '../../shared/concerns/body-map';
import { bodyRegions, bodyViews } from '../../shared/concerns/body-map';
import type { ChildRole, ConcernDraft } from '../../shared/concerns/schema';
import { occurredInstant } from '../../shared/concerns/schema';
import { londonDate, londonInstant, londonMinute } from '../../shared/dates/calendar-date';
import type { EncompassDraft } from '../../shared/encompass/schema';
import type { Result } from '../../shared/result';
import type { SchoolInput } from '../../shared/school/schema';
import type { NameBackground } from './names';
import { knownAs, nameBackgrounds, staffForenames, staffSurnames, streets } from './names';
import type { Random } from './random';
import { seededRandom } from './random';
import type { Scenario } from './scenarios';
import {
  actionTexts,
  closureTexts,
  completionNotes,
  corrections,
  decisionRationales,
  encompassSummaries,
  levelRationales,
  scenarios,
} from './scenarios';

export type SchoolSize = {
  /** Pupils on roll today, Years 7 to 13 (a sixth of them in each of Years 7–11). */
  onRoll: number;
  /** Academic years of history, this one included. */
  years: number;
  /** Concerns over the whole history. */
  concerns: number;
  /** Chronology entries on the busiest child's file. */
  heaviestChildEntries: number;
  /** Staff accounts besides the DSL; each costs a key derivation. */
  staff: number;
};

export const schoolSizes = {
  /** For tests and a first look: a few seconds to generate. */
  small: { onRoll: 84, years: 3, concerns: 400, heaviestChildEntries: 400, staff: 3 },
  /** What the benchmark measures (issue 4, part 7). */
  full: { onRoll: 1500, years: 10, concerns: 40_000, heaviestChildEntries: 2_000, staff: 8 },
} as const satisfies Record<string, SchoolSize>;
export type SchoolSizeName = keyof typeof schoolSizes;

export const syntheticSchoolProfile: SchoolInput = {
  name: 'Riverside Academy',
  urn: '137042',
  localAuthority: 'Devon',
  laCode: '878',
  phase: 'secondary',
};

export type SyntheticSchoolOptions = {
  dataDir: string;
  seed: number;
  size: SchoolSize;
  /** "Today" for the school: its history runs back `size.years` academic years from here. */
  now: Date;
  dsl: { username: string; displayName: string; passphrase: string };
  kdf?: KdfParams;
  logger?: Logger;
};

export type SyntheticStaff = {
  username: string;
  displayName: string;
  role: Role;
  /** Issued when the account was added; to be changed at first sign-in. */
  oneTimePassphrase: string;
};

export type SyntheticCounts = {
  pupils: number;
  onRoll: number;
  concerns: number;
  multiChildConcerns: number;
  addenda: number;
  chronologyEntries: number;
  /** On the busiest child's file. */
  heaviestChronology: number;
  encompassNotifications: number;
  closedConcerns: number;
  designations: number;
  families: number;
  adults: number;
  keyContacts: number;
};

export type SyntheticSchool = {
  recoveryKey: string;
  staff: SyntheticStaff[];
  /** The child with the longest chronology. */
  heaviestChildId: string;
  counts: SyntheticCounts;
  milliseconds: number;
};

const DAY_MS = 86_400_000;

type Day = number;

function dayOf(date: string): Day {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)));
}

function dateOf(day: Day): string {
  return new Date(day).toISOString().slice(0, 10);
}

function addDays(day: Day, days: number): Day {
  return day + days * DAY_MS;
}

/** Weekends, the summer holiday and the Christmas fortnight have no school. */
function isSchoolDay(day: Day): boolean {
  const d = new Date(day);
  const weekday = d.getUTCDay();
  const month = d.getUTCMonth() + 1;
  const date = d.getUTCDate();
  if (weekday === 0 || weekday === 6) return false;
  if (month === 8 || (month === 7 && date > 21) || (month === 9 && date < 3)) return false;
  return !((month === 12 && date > 20) || (month === 1 && date < 4));
}

function schoolDayBetween(r: Random, from: Day, to: Day): Day | null {
  if (to < from) return null;
  const span = Math.round((to - from) / DAY_MS);
  for (let tries = 0; tries < 25; tries += 1) {
    const day = addDays(from, r.int(0, span));
    if (isSchoolDay(day)) return day;
  }
  return null;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant of a London wall-clock time on a day, as a Date. */
function at(day: Day, minutes: number): Date {
  return new Date(londonInstant(dateOf(day), hhmm(minutes)));
}

type Pupil = {
  id: string;
  draft: ChildDraft;
  /** The academic year (September) in which the pupil's cohort started Year 7. */
  cohort: number;
  /** On roll from this day to `to`, both included (clipped to the history). */
  from: Day;
  to: Day;
  /** How often concerns are raised about this pupil, relative to others. */
  weight: number;
  background: NameBackground;
  name: string;
};

type Staffer = { id: string; role: Role; displayName: string; username: string };

type Timeline = {
  now: Date;
  today: Day;
  /** The September of the current academic year. */
  currentYear: number;
  firstYear: number;
  start: Day;
};

function timeline(now: Date, years: number): Timeline {
  const today = dayOf(now.toISOString().slice(0, 10));
  const d = new Date(today);
  const currentYear = d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  const firstYear = currentYear - years + 1;
  return { now, today, currentYear, firstYear, start: dayOf(`${firstYear}-09-01`) };
}

function yearGroupIn(pupil: Pupil, academicYear: number): YearGroup {
  return String(Math.min(13, academicYear - pupil.cohort + 7)) as YearGroup;
}

/** Makes unique, valid UPNs as primary schools in a few local authorities would issue them. */
function upnIssuer(r: Random) {
  const issued = new Set<string>();
  const authorities = ['878', '879', '880', '865'];
  return (receptionYear: number): string => {
    for (;;) {
      const yy = String(receptionYear % 100).padStart(2, '0');
      const school = String(r.int(2000, 2999));
      const serial = String(r.int(0, 999)).padStart(3, '0');
      // About one in a hundred pupils still has a temporary UPN (its last digit a letter).
      const marks = 'ABCDEFGHJKLMNPQRTUVWXYZ';
      const last = r.chance(0.01) ? marks.charAt(r.int(0, marks.length - 1)) : serial.charAt(2);
      const body = `${r.pick(authorities)}${school}${yy}${serial.slice(0, 2)}${last}`;
      const upn = `${upnCheckLetter(body)}${body}`;
      if (!issued.has(upn)) {
        issued.add(upn);
        return upn;
      }
    }
  };
}

function needWeight(r: Random): number {
  return r.weighted<number>([
    [0.15, 55],
    [1, 30],
    [4, 12],
    [15, 3],
  ]);
}

/** The register over the years: Year 7 intakes, in-year joiners and leavers, the sixth form. */
function makePupils(r: Random, size: SchoolSize, t: Timeline): Pupil[] {
  const perYear = size.onRoll / 6;
  const upn = upnIssuer(r);
  const pupils: Pupil[] = [];

  function add(cohort: number, grade: number, admission: Day): void {
    let g = grade;
    let leaving: Day | null = null;
    for (let year = cohort + g - 7; year <= t.currentYear; year += 1, g += 1) {
      const end = dayOf(`${year + 1}-07-21`);
      const midYear = r.chance(0.03)
        ? schoolDayBetween(r, Math.max(admission, dayOf(`${year}-09-01`)) + DAY_MS, end)
        : null;
      if (midYear !== null && midYear < t.today) {
        leaving = midYear;
        break;
      }
      const stays = g === 11 ? r.chance(0.55) : g < 13;
      if (!stays && end < t.today) {
        leaving = end;
        break;
      }
      if (!stays) break;
    }
    if (leaving !== null && leaving < t.start) return;
    const background = r.weighted(nameBackgrounds.map((b) => [b, b.weight] as const));
    const gender = r.weighted<Gender>([
      ['female', 49],
      ['male', 49],
      ['other', 1],
      ['not_known', 1],
    ]);
    const forename = r.pick(
      gender === 'female' || (gender !== 'male' && r.chance(0.5))
        ? background.girls
        : background.boys,
    );
    const surname = r.pick(background.surnames);
    const short = knownAs[forename];
    const preferred = short !== undefined && r.chance(0.4) ? short : '';
    const born = addDays(dayOf(`${cohort - 12}-09-01`), r.int(0, 364));
    const leftIn = leaving === null ? t.currentYear : academicYearOf(leaving);
    pupils.push({
      id: '',
      draft: {
        legalForename: forename,
        legalSurname: surname,
        preferredForename: preferred,
        preferredSurname: '',
        dateOfBirth: dateOf(born),
        upn: upn(cohort - 7),
        yearGroup: String(Math.min(13, leftIn - cohort + 7)) as YearGroup,
        gender,
        admissionDate: dateOf(admission),
        leavingDate: leaving === null ? '' : dateOf(leaving),
      },
      cohort,
      from: Math.max(admission, t.start),
      to: leaving ?? t.today,
      weight: needWeight(r),
      background,
      name: `${preferred || forename} ${surname}`,
    });
  }

  for (let cohort = t.firstYear - 6; cohort <= t.currentYear; cohort += 1) {
    const intake = Math.round(perYear * (0.95 + r.next() * 0.1));
    const september = dayOf(`${cohort}-09-01`);
    for (let i = 0; i < intake; i += 1) add(cohort, 7, september);
    for (let grade = 8; grade <= 13; grade += 1) {
      const year = cohort + grade - 7;
      if (year > t.currentYear) break;
      const joiners = Math.round(intake * (grade === 12 ? 0.12 : 0.03));
      for (let i = 0; i < joiners; i += 1) {
        const day = schoolDayBetween(
          r,
          dayOf(`${year}-09-01`),
          Math.min(dayOf(`${year + 1}-07-21`), t.today - DAY_MS),
        );
        if (day !== null) add(cohort, grade, day);
      }
    }
  }
  return pupils;
}

function academicYearOf(day: Day): number {
  const d = new Date(day);
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

/** Sets up the school and its staff through the core, as the DSL would on the first day. */
async function setUp(
  options: SyntheticSchoolOptions,
  r: Random,
  firstDay: Date,
): Promise<{ recoveryKey: string; staff: SyntheticStaff[] }> {
  const core = createApp({
    dataDir: options.dataDir,
    clock: () => firstDay,
    logger: options.logger ?? silentLogger(),
    ...(options.kdf ? { kdf: options.kdf } : {}),
  });
  const session = core.createSession();
  const ok = async <T>(result: Promise<Result<unknown>>): Promise<T> => {
    const out = await result;
    if (!out.ok) throw new Error(`synthetic school set-up failed: ${out.error.message}`);
    return out.value as T;
  };
  try {
    const { dsl } = options;
    const created = await ok<{ recoveryKey: string }>(
      core.invoke(session, 'setup.create', {
        school: syntheticSchoolProfile,
        dsl: { ...dsl, confirmation: dsl.passphrase },
      }),
    );
    await ok(
      core.invoke(session, 'setup.confirmRecoveryKey', {
        lastGroup: created.recoveryKey.slice(-5),
      }),
    );
    const roles: Role[] = ['deputy_dsl', 'headteacher', 'deputy_dsl'];
    const names = r.sample(
      staffForenames.flatMap((f) => staffSurnames.map((s) => `${f} ${s}`)),
      options.size.staff,
    );
    const staff: SyntheticStaff[] = [];
    for (const [i, displayName] of names.entries()) {
      const role = roles[i] ?? 'staff';
      const username = displayName.toLowerCase().replace(' ', '.');
      const issued = await ok<{ oneTimePassphrase: string }>(
        core.invoke(session, 'users.add', { displayName, username, role }),
      );
      staff.push({ username, displayName, role, oneTimePassphrase: issued.oneTimePassphrase });
    }
    return { recoveryKey: created.recoveryKey, staff };
  } finally {
    core.close();
  }
}

type PlannedAction = {
  description: string;
  owner: Staffer;
  dueDate: string;
  createdAt: Date;
  done: { at: Date; note: string } | null;
};

/** The DSL's work on a concern: whatever of it had happened by "now". */
type Casework = {
  by: string;
  level: { level: ConcernLevel; rationale: string; at: Date } | null;
  decision: { kind: DecisionKind; reviewDate: string; rationale: string; at: Date } | null;
  actions: PlannedAction[];
  closure: { summary: string; followUp: string; outcome: string; at: Date } | null;
};

type PlannedConcern = {
  draft: ConcernDraft;
  id: string;
  recordedBy: string;
  recordedAt: Date;
  addendum: { addedBy: string; addedAt: Date; reason: string; text: string } | null;
  casework: Casework;
  /** How many chronology entries the concern gives each of its children. */
  entriesPerChild: number;
};

function dslOf(staff: readonly Staffer[]): string {
  const dsl = staff.find((s) => s.role === 'dsl');
  if (!dsl) throw new Error('a synthetic school needs its DSL');
  return dsl.id;
}

/** Writes concerns, designations and families; holds the seeded choices in one place. */
function historian(store: Store, r: Random, t: Timeline, staff: readonly Staffer[]) {
  const recorders = staff.map(
    (s) =>
      [
        s,
        s.role === 'staff' ? 10 : s.role === 'headteacher' ? 1 : s.role === 'dsl' ? 3 : 2,
      ] as const,
  );
  const dslId = dslOf(staff);
  const caseworkers = staff.filter((s) => s.role === 'dsl' || s.role === 'deputy_dsl');
  const completions: { id: string; by: string; at: string; note: string }[] = [];
  const MINUTE = 60_000;

  /** The time `minutes` after `from`, or null when that is not yet past. */
  function later(from: Date, minutes: number): Date | null {
    const when = new Date(from.getTime() + minutes * MINUTE);
    return when < t.now ? when : null;
  }

  function decisionFor(scenario: Scenario, level: ConcernLevel): DecisionKind {
    if (scenario.decision) return scenario.decision;
    const options: Record<ConcernLevel, readonly (readonly [DecisionKind, number])[]> = {
      1: [
        ['no_further_action', 7],
        ['monitor', 3],
      ],
      2: [
        ['early_help', 5],
        ['monitor', 5],
      ],
      3: [
        ['referral_csc', 8],
        ['early_help', 2],
      ],
      4: [
        ['referral_csc', 7],
        ['police', 3],
      ],
    };
    return r.weighted(options[level]);
  }

  /**
   * Triage within two days: a level (above 1 only: low-level concerns rarely get one), one
   * decision, up to two actions, and closure once the actions are done. Anything not yet due by now is left
   * undone, so recent concerns wait in the inbox as they would.
   */
  function casework(scenario: Scenario, recordedAt: Date): Casework {
    const by = r.pick(caseworkers).id;
    const plan: Casework = { by, level: null, decision: null, actions: [], closure: null };
    const triaged = later(recordedAt, r.int(10, 2 * 24 * 60));
    if (!triaged) return plan;
    const level = Math.min(
      4,
      Math.max(
        1,
        scenario.level +
          r.weighted([
            [-1, 1],
            [0, 6],
            [1, 1],
          ] as const),
      ),
    ) as ConcernLevel;
    if (level > 1) plan.level = { level, rationale: r.pick(levelRationales[level]), at: triaged };
    const decidedAt = new Date(triaged.getTime() + 5 * MINUTE);
    const kind = decisionFor(scenario, level);
    plan.decision = {
      kind,
      reviewDate:
        kind === 'monitor' ? dateOf(addDays(dayOf(londonDate(decidedAt)), r.int(14, 42))) : '',
      rationale: decisionRationales[kind],
      at: decidedAt,
    };
    let lastDone = decidedAt;
    const actions =
      level === 1 ? (r.chance(0.1) ? 1 : 0) : level === 2 ? (r.chance(0.5) ? 1 : 0) : r.int(1, 2);
    for (let i = 0; i < actions; i += 1) {
      const createdAt = new Date(decidedAt.getTime() + (i + 1) * 5 * MINUTE);
      const due = r.int(3, 21);
      const doneAt = later(createdAt, r.int(60, due * 24 * 60));
      plan.actions.push({
        description: r.pick(actionTexts),
        owner: r.pick(staff),
        dueDate: dateOf(addDays(dayOf(londonDate(createdAt)), due)),
        createdAt,
        done: doneAt && { at: doneAt, note: r.pick(completionNotes) },
      });
      if (doneAt && doneAt > lastDone) lastDone = doneAt;
    }
    const reviewed = kind === 'monitor' ? r.int(14, 42) : r.int(1, 21);
    const closedAt = later(lastDone, reviewed * 24 * 60);
    if (closedAt && plan.actions.every((a) => a.done !== null))
      plan.closure = { ...r.pick(closureTexts), at: closedAt };
    return plan;
  }

  /** Writes the casework as the triage handlers do, each step with its chronology entries. */
  function writeCasework(
    concernId: string,
    work: Casework,
    children: ConcernDraft['children'],
  ): void {
    if (work.level) {
      const change = {
        id: newId(work.level.at),
        concernId,
        level: work.level.level,
        rationale: work.level.rationale,
        setBy: work.by,
        setAt: work.level.at.toISOString(),
      };
      store.casework.addLevel(change);
      store.chronology.append(levelEntries({ ...change, previous: null }, children), work.level.at);
    }
    if (work.decision) {
      const decision = {
        id: newId(work.decision.at),
        concernId,
        kind: work.decision.kind,
        description: '',
        reviewDate: work.decision.reviewDate,
        rationale: work.decision.rationale,
        decidedBy: work.by,
        decidedAt: work.decision.at.toISOString(),
      };
      store.casework.addDecision({
        ...decision,
        reviewDate: decision.reviewDate === '' ? null : decision.reviewDate,
      });
      store.chronology.append(decisionEntries(decision, children), work.decision.at);
    }
    for (const a of work.actions) {
      const action = {
        id: newId(a.createdAt),
        concernId,
        description: a.description,
        ownerId: a.owner.id,
        dueDate: a.dueDate,
        createdBy: work.by,
        createdAt: a.createdAt.toISOString(),
      };
      store.casework.addAction(action);
      store.chronology.append(
        actionEntries({ ...action, ownerName: a.owner.displayName }, children),
        a.createdAt,
      );
      if (!a.done) continue;
      const completedAt = a.done.at.toISOString();
      completions.push({ id: action.id, by: a.owner.id, at: completedAt, note: a.done.note });
      store.chronology.append(
        actionDoneEntries(
          {
            ...action,
            ownerName: a.owner.displayName,
            completedBy: a.owner.id,
            completedAt,
            note: a.done.note,
          },
          children,
        ),
        a.done.at,
      );
    }
    if (work.closure) {
      const closure = {
        id: newId(work.closure.at),
        concernId,
        summary: work.closure.summary,
        followUp: work.closure.followUp,
        outcome: work.closure.outcome,
        closedBy: work.by,
        closedAt: work.closure.at.toISOString(),
      };
      store.casework.addClosure(closure);
      store.chronology.append(closureEntries(closure, children), work.closure.at);
    }
  }

  function bodyMarks(scenario: Scenario): BodyMark[] {
    if (!scenario.bodyMap || !r.chance(scenario.bodyMap)) return [];
    const kinds: readonly MarkKind[] =
      scenario.id === 'self_harm' ? ['cut'] : ['bruise', 'bruise', 'cut', 'mark', 'burn'];
    return Array.from({ length: r.int(1, 3) }, () => {
      const view = r.pick(bodyViews);
      const region = r.pick(bodyRegions[view]);
      const kind = r.pick(kinds);
      return {
        view,
        x: region.x,
        y: region.y,
        region: region.id,
        kind,
        description: `${kind === 'cut' ? 'Cut' : 'Mark'}, about ${r.int(1, 6)}cm, ${r.pick(['red', 'purple', 'yellow-green', 'fading'])}`,
      };
    });
  }

  /** A concern on `day` about `subject` (and classmates from `classmates` when it involves several). */
  function plan(
    subject: Pupil,
    day: Day,
    classmates: readonly Pupil[],
    scenario: Scenario,
  ): PlannedConcern {
    const others: Pupil[] = [];
    const wantsOthers = scenario.roles[0] === 'victim' ? 1 : r.chance(0.25) ? 1 : 0;
    if (scenario.maxOthers > 0 && wantsOthers > 0) {
      const count = r.weighted([
        [1, 7],
        [2, 2],
        [3, 1],
      ] as const);
      for (
        let tries = 0;
        others.length < Math.min(count, scenario.maxOthers) && tries < 12;
        tries += 1
      ) {
        const other = r.pick(classmates);
        if (other !== subject && other.from <= day && other.to >= day && !others.includes(other))
          others.push(other);
      }
    }
    const roles: ChildRole[] = [scenario.roles[0] ?? 'subject'];
    others.forEach((_, i) => {
      roles.push(scenario.roles[Math.min(i + 1, scenario.roles.length - 1)] ?? 'witness');
    });
    // A scenario about someone else needs another child; without one, it is about the subject.
    if (others.length === 0) roles[0] = 'subject';
    const text = scenario.text(r, { subject: subject.name, others: others.map((o) => o.name) });
    const dateOnly = scenario.id === 'attendance' || r.chance(0.08);
    const minute = r.int(8 * 60 + 15, 15 * 60 + 30);
    const occurredAt = dateOnly ? dateOf(day) : `${dateOf(day)}T${hhmm(minute)}`;
    const occurred = dateOnly ? at(day, 16 * 60) : at(day, minute);
    const delay = r.chance(0.1) ? r.int(16 * 60, 24 * 60) : r.int(5, 240);
    const recordedAt = new Date(
      Math.min(occurred.getTime() + delay * 60_000, t.now.getTime() - 60_000),
    );
    const recorder = r.weighted(recorders);
    const flags = {
      possibleChildSexOffence: false,
      fgmKnownCase: false,
      allegationAboutAdult: false,
      ...scenario.flags?.(r),
    };
    const correction = r.chance(0.03) ? r.pick(corrections) : null;
    const addedAt = new Date(
      Math.min(recordedAt.getTime() + r.int(1, 7 * 24 * 60) * 60_000, t.now.getTime() - 1_000),
    );
    const work = casework(scenario, recordedAt);
    return {
      casework: work,
      entriesPerChild:
        1 +
        (correction ? 1 : 0) +
        (work.level ? 1 : 0) +
        (work.decision ? 1 : 0) +
        work.actions.reduce((n, a) => n + (a.done ? 2 : 1), 0) +
        (work.closure ? 1 : 0),
      id: newId(recordedAt),
      recordedBy: recorder.id,
      recordedAt,
      draft: {
        children: [subject, ...others].map((p, i) => ({
          childId: p.id,
          role: roles[i] ?? 'witness',
        })),
        occurredAt,
        occurredAtApprox: r.chance(0.2),
        location: text.location,
        categories: [...scenario.categories],
        summary: text.summary,
        childWords: text.childWords,
        opinion: text.opinion,
        actionsTaken: text.actionsTaken,
        peopleTold: text.peopleTold,
        dslToldInPerson: text.peopleTold.includes('DSL in person') || r.chance(0.1),
        flags,
        bodyMap: bodyMarks(scenario),
        draftId: null,
      },
      addendum: correction && {
        ...correction,
        addedBy: r.chance(0.7) ? recorder.id : dslId,
        addedAt,
      },
    };
  }

  /** Inserts as concerns.submit, concerns.addAddendum and the triage handlers do. */
  function write(c: PlannedConcern): void {
    const recordedAt = c.recordedAt.toISOString();
    store.concerns.add(c.draft, {
      id: c.id,
      recordedBy: c.recordedBy,
      recordedAt,
      occurredAtUtc: occurredInstant(c.draft.occurredAt),
    });
    const facts = {
      id: c.id,
      occurredAt: c.draft.occurredAt,
      recordedAt,
      recordedBy: c.recordedBy,
      summary: c.draft.summary,
      children: c.draft.children,
      categories: c.draft.categories,
    };
    store.chronology.append(concernEntries(facts), c.recordedAt);
    if (c.addendum) {
      const addendum = {
        id: newId(c.addendum.addedAt),
        concernId: c.id,
        addedBy: c.addendum.addedBy,
        addedAt: c.addendum.addedAt.toISOString(),
        reason: c.addendum.reason,
        text: c.addendum.text,
      };
      store.concerns.addAddendum(addendum);
      store.chronology.append(addendumEntries(addendum, c.draft.children), c.addendum.addedAt);
    }
    writeCasework(c.id, c.casework, c.draft.children);
  }

  /** Adds (and, when `end` is given, later ends) a designation as the DSL would; returns entries. */
  function designate(
    pupil: Pupil,
    kind: DesignationKind,
    start: Day,
    end: Day | null,
    cpCategory: CpCategory | '' = '',
  ): number {
    const recordedAt = at(start, 10 * 60);
    const d = {
      id: newId(recordedAt),
      childId: pupil.id,
      kind,
      cpCategory,
      startDate: dateOf(start),
      notes: kind === 'cp_plan' ? 'Initial child protection conference decision.' : '',
    };
    store.designations.add(
      { kind, cpCategory, startDate: d.startDate, endDate: '', notes: d.notes },
      { id: d.id, childId: pupil.id, recordedBy: dslId, recordedAt: recordedAt.toISOString() },
    );
    store.chronology.append(
      [designationStartEntry(d, recordedAt.toISOString(), dslId)],
      recordedAt,
    );
    if (end === null) return 1;
    const endedAt = at(end, 11 * 60);
    const endDate = dateOf(end);
    store.designations.end({ id: d.id, endDate, endedBy: dslId, endedAt: endedAt.toISOString() });
    store.chronology.append(
      [designationEndEntry(d, endDate, endedAt.toISOString(), dslId)],
      endedAt,
    );
    return 2;
  }

  /** A period of a few months within the pupil's time on roll, or null if there is none. */
  function period(pupil: Pupil, minDays: number, maxDays: number): [Day, Day | null] | null {
    const start = schoolDayBetween(r, pupil.from, Math.min(pupil.to, t.today - DAY_MS));
    if (start === null) return null;
    const end = addDays(start, r.int(minDays, maxDays));
    return [start, end < Math.min(pupil.to + DAY_MS, t.today) ? end : null];
  }

  /** The designations a pupil's circumstances suggest; returns chronology entries added. */
  function designations(pupil: Pupil, high: boolean): number {
    let entries = 0;
    const whole = (kind: DesignationKind) => {
      entries += designate(pupil, kind, pupil.from, null);
    };
    if (r.chance(high ? 0.6 : 0.22)) whole('pupil_premium');
    if (r.chance(pupil.background.ealLikely ? 0.45 : 0.02)) whole('eal');
    if (r.chance(high ? 0.25 : 0.1)) whole('sen_support');
    else if (r.chance(high ? 0.1 : 0.02)) whole('ehcp');
    if (!high) return entries;
    const timed: [DesignationKind, number, number, number][] = [
      ['early_help', 0.4, 90, 270],
      ['child_in_need', 0.35, 180, 540],
      ['cp_plan', 0.15, 270, 720],
      ['young_carer', 0.08, 365, 1000],
    ];
    for (const [kind, chance, min, max] of timed) {
      if (!r.chance(chance)) continue;
      const p = period(pupil, min, max);
      if (!p) continue;
      entries += designate(pupil, kind, p[0], p[1], kind === 'cp_plan' ? r.pick(cpCategories) : '');
      if (kind === 'child_in_need' || kind === 'cp_plan') socialWorker(pupil, p[0], p[1]);
    }
    if (r.chance(0.05)) {
      const start = schoolDayBetween(r, pupil.from, Math.min(pupil.to, t.today - DAY_MS));
      if (start !== null) {
        entries += designate(pupil, 'looked_after', start, null);
        socialWorker(pupil, start, null);
      }
    }
    return entries;
  }

  function socialWorker(pupil: Pupil, start: Day, end: Day | null): void {
    const name = `${r.pick(staffForenames)} ${r.pick(staffSurnames)}`;
    const recordedAt = at(start, 12 * 60).toISOString();
    const id = newId(new Date(recordedAt));
    store.families.addContact(
      {
        role: 'social_worker',
        roleDetail: '',
        name,
        organisation: 'Devon Children’s Services',
        phone: `01392 ${r.int(100_000, 999_999)}`,
        email: `${name.toLowerCase().replace(' ', '.')}@example.org`,
        startDate: dateOf(start),
        endDate: '',
        notes: '',
      },
      { id, childId: pupil.id, recordedBy: dslId, recordedAt },
    );
    // Ended later, as the DSL would when the plan or case closes.
    if (end !== null)
      store.families.endContact({
        id,
        endDate: dateOf(end),
        endedBy: dslId,
        endedAt: at(end, 12 * 60).toISOString(),
      });
  }

  function adult(
    pupil: Pupil,
    relationship: Relationship,
    forename: string,
    surname: string,
    livesWithChild: boolean,
    priority: number,
  ): void {
    const draft: AdultDraft = {
      name: `${forename} ${surname}`,
      relationship,
      relationshipDetail: '',
      parentalResponsibility: 'yes',
      livesWithChild: livesWithChild ? 'yes' : 'no',
      // Ofcom keeps 07700 900000–900999 for drama: never a real person's number.
      phone: `07700 900${String(r.int(0, 999)).padStart(3, '0')}`,
      email: '',
      address: livesWithChild ? `${r.int(1, 120)} ${r.pick(streets)}, Riverside` : '',
      contactRestrictions: !livesWithChild && r.chance(0.1) ? 'No contact: court order.' : '',
      notes: '',
      priority,
    };
    const added = new Date(pupil.from + 10 * 3_600_000);
    store.families.addAdult(draft, {
      id: newId(added),
      childId: pupil.id,
      by: dslId,
      at: added.toISOString(),
    });
  }

  /**
   * Operation Encompass: the police tell the school, the next morning, of a domestic incident at
   * a child's home; siblings at the school are named in the same notification.
   */
  function encompass(pupil: Pupil, siblings: readonly Pupil[]): void {
    const incidentDay = schoolDayBetween(r, pupil.from, Math.min(pupil.to, t.today - DAY_MS));
    if (incidentDay === null) return;
    const incidentMinute = r.int(19 * 60, 23 * 60 + 30);
    const notified = at(addDays(incidentDay, 1), r.int(7 * 60 + 15, 8 * 60 + 30));
    const keyAdultTold = later(notified, r.int(10, 60));
    const recorded = keyAdultTold && later(keyAdultTold, r.int(5, 30));
    if (!keyAdultTold || !recorded) return;
    const notifiedDay = dayOf(londonDate(notified));
    const children = [
      pupil,
      ...siblings.filter((s) => s.from <= notifiedDay && s.to >= notifiedDay),
    ];
    const keyAdult = r.pick(caseworkers);
    const draft: EncompassDraft = {
      children: children.map((c) => ({
        childId: c.id,
        presence: r.pick(['witnessed', 'present', 'not_present', 'not_known'] as const),
      })),
      incidentAt: `${dateOf(incidentDay)}T${hhmm(incidentMinute)}`,
      notifiedAt: londonMinute(notified),
      policeForce: 'Devon and Cornwall Police',
      policeReference: `DC-${r.int(100_000, 999_999)}`,
      notifiedBy: 'Operation Encompass officer, by secure email',
      summary: r.pick(encompassSummaries),
      keyAdultId: keyAdult.id,
      keyAdultInformedAt: londonMinute(keyAdultTold),
      supportPlanned: r.pick([
        'Key adult to check in at registration.',
        'Quiet space offered at break.',
        '',
      ]),
    };
    const id = newId(recorded);
    const recordedAt = recorded.toISOString();
    store.encompass.add(draft, { id, recordedBy: keyAdult.id, recordedAt });
    store.chronology.append(
      encompassEntries({
        ...draft,
        id,
        recordedAt,
        recordedBy: keyAdult.id,
        childIds: children.map((c) => c.id),
      }),
      recorded,
    );
  }

  /** Parents on each file; siblings (same surname, other cohorts) linked as a family. */
  function families(pupils: readonly Pupil[]): Map<Pupil, Pupil[]> {
    const siblings = new Map<Pupil, Pupil[]>();
    for (const pupil of pupils) {
      const surname = pupil.draft.legalSurname;
      adult(pupil, 'mother', r.pick(pupil.background.girls), surname, true, 1);
      if (r.chance(0.7))
        adult(pupil, 'father', r.pick(pupil.background.boys), surname, r.chance(0.6), 2);
    }
    const bySurname = new Map<string, Pupil[]>();
    for (const p of pupils) {
      const group = bySurname.get(p.draft.legalSurname);
      if (group) group.push(p);
      else bySurname.set(p.draft.legalSurname, [p]);
    }
    for (const group of bySurname.values()) {
      // Siblings are a few years apart: pair pupils of one surname from nearby cohorts.
      group.sort((x, y) => x.cohort - y.cohort);
      for (let i = 0; i + 1 < group.length; i += 1) {
        const [a, b] = [group[i], group[i + 1]];
        const gap = a && b ? b.cohort - a.cohort : 0;
        if (!a || !b || gap < 1 || gap > 4 || !r.chance(0.35)) continue;
        i += 1;
        const createdAt = new Date(Math.max(a.from, b.from) + 11 * 3_600_000);
        const familyId = newId(createdAt);
        const linkedAt = createdAt.toISOString();
        store.families.createFamily({
          id: familyId,
          label: `${a.draft.legalSurname} family`,
          createdBy: dslId,
          createdAt: linkedAt,
        });
        for (const p of [a, b])
          store.families.addMember({ familyId, childId: p.id, addedBy: dslId, addedAt: linkedAt });
        siblings.set(a, [b]);
        siblings.set(b, [a]);
      }
    }
    return siblings;
  }

  /** Completes the actions done by now, in one transaction. */
  function completeActions(): void {
    store.db.transaction(() => {
      for (const c of completions) store.casework.completeAction(c.id, c.by, c.at, c.note);
    })();
  }

  return { plan, write, designations, families, encompass, completeActions };
}

function scenarioPicker(r: Random): () => Scenario {
  const table = scenarios.map((s) => [s, s.weight] as const);
  return () => r.weighted(table);
}

/** Picks pupils in proportion to their weight (cumulative sums and a binary search). */
function weightedPupils(r: Random, pupils: readonly Pupil[]): () => Pupil {
  const cumulative: number[] = [];
  let total = 0;
  for (const p of pupils) cumulative.push((total += p.weight));
  return () => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    const pupil = pupils[lo];
    if (!pupil) throw new RangeError('no pupils to choose from');
    return pupil;
  };
}

function counts(store: Store, t: Timeline): SyntheticCounts {
  const count = (sql: string, ...params: string[]): number =>
    (store.db
      .prepare(sql)
      .pluck()
      .get(...params) as number | undefined) ?? 0;
  return {
    pupils: count('SELECT count(*) FROM children'),
    onRoll: count(
      'SELECT count(*) FROM children WHERE leaving_date IS NULL OR leaving_date >= ?',
      dateOf(t.today),
    ),
    concerns: count('SELECT count(*) FROM concerns'),
    multiChildConcerns: count(
      'SELECT count(*) FROM (SELECT concern_id FROM concern_children GROUP BY concern_id HAVING count(*) > 1)',
    ),
    addenda: count('SELECT count(*) FROM concern_addenda'),
    chronologyEntries: count('SELECT count(*) FROM chronology_entries'),
    heaviestChronology: count(
      'SELECT max(n) FROM (SELECT count(*) AS n FROM chronology_entries GROUP BY child_id)',
    ),
    encompassNotifications: count('SELECT count(*) FROM encompass_notifications'),
    closedConcerns: count('SELECT count(DISTINCT concern_id) FROM concern_closures'),
    designations: count('SELECT count(*) FROM designations'),
    families: count('SELECT count(*) FROM families'),
    adults: count('SELECT count(*) FROM family_adults'),
    keyContacts: count('SELECT count(*) FROM key_contacts'),
  };
}

/**
 * Creates a synthetic school in an empty data directory: set-up and staff accounts through the
 * core, then the history through the repositories. Deterministic for a seed and `now`, apart
 * from record ids and key material.
 */
export async function createSyntheticSchool(
  options: SyntheticSchoolOptions,
): Promise<SyntheticSchool> {
  const started = performance.now();
  const r = seededRandom(options.seed);
  const t = timeline(options.now, options.size.years);
  const setUpDay = at(t.start, 8 * 60);
  const { recoveryKey, staff } = await setUp(options, r, setUpDay);

  const vault = createVault(storePaths(options.dataDir), options.kdf);
  await vault.unlockUser(options.dsl.username, options.dsl.passphrase);
  const store = vault.store();
  if (!store) throw new Error('the synthetic school did not open');
  try {
    const accounts: Staffer[] = store.users
      .list()
      .map((u) => ({ id: u.id, role: u.role, displayName: u.displayName, username: u.username }))
      // Created in the same instant, so listed in id order, which is random: sort by username.
      .sort((a, b) => a.username.localeCompare(b.username));
    const history = historian(store, r, t, accounts);
    const pupils = makePupils(r, options.size, t);
    const heaviest = pupils.find(
      (p) =>
        p.draft.leavingDate === '' &&
        p.cohort === t.currentYear - Math.min(6, options.size.years - 1),
    );
    if (!heaviest) throw new Error('the synthetic school has no pupil to carry the longest file');

    const siblings = store.db.transaction(() => {
      for (const pupil of pupils) {
        const created = new Date(Math.max(pupil.from, t.start) + 9 * 3_600_000);
        pupil.id = newId(created);
        store.children.add(pupil.id, pupil.draft, created.toISOString());
      }
      return history.families(pupils);
    })();

    let heavyEntries = 0;
    store.db.transaction(() => {
      for (const pupil of pupils) {
        const entries = history.designations(pupil, pupil === heaviest || pupil.weight >= 4);
        if (pupil === heaviest) heavyEntries += entries;
      }
      // The busiest file has entries enough from its own concerns; siblings are left off too.
      for (const pupil of pupils) {
        if (pupil.weight < 4 || pupil === heaviest || !r.chance(0.25)) continue;
        const family = (siblings.get(pupil) ?? []).filter((s) => s !== heaviest);
        for (let n = r.int(1, 3); n > 0; n -= 1) history.encompass(pupil, family);
      }
    })();

    const pickScenario = scenarioPicker(r);
    const yearShare = (year: number): number =>
      year < t.currentYear
        ? 1
        : Math.min(1, Math.max(0.05, (t.today - dayOf(`${year}-09-01`)) / (320 * DAY_MS)));
    const shares = Array.from({ length: options.size.years }, (_, i) => yearShare(t.firstYear + i));
    const totalShare = shares.reduce((a, b) => a + b, 0);

    // The heaviest file: its own concerns, spread over its years, until it has enough entries.
    const heavyPlans: PlannedConcern[] = [];
    const yearMates = (year: number): Pupil[] =>
      pupils.filter(
        (p) =>
          p !== heaviest &&
          p.cohort === heaviest.cohort &&
          p.from <= dayOf(`${year + 1}-07-21`) &&
          p.to >= dayOf(`${year}-09-01`),
      );
    const heavyMates = new Map<number, Pupil[]>();
    while (heavyEntries < options.size.heaviestChildEntries) {
      const day = schoolDayBetween(r, heaviest.from, t.today - DAY_MS);
      if (day === null) continue;
      const year = academicYearOf(day);
      const mates = heavyMates.get(year) ?? yearMates(year);
      heavyMates.set(year, mates);
      const planned = history.plan(heaviest, day, mates, pickScenario());
      heavyPlans.push(planned);
      heavyEntries += planned.entriesPerChild;
    }

    let remaining = Math.max(0, options.size.concerns - heavyPlans.length);
    for (const [i, share] of shares.entries()) {
      const year = t.firstYear + i;
      const from = dayOf(`${year}-09-01`);
      const to = Math.min(dayOf(`${year + 1}-07-21`), t.today - DAY_MS);
      const inYear = pupils.filter((p) => p !== heaviest && p.from <= to && p.to >= from);
      const byGrade = new Map<YearGroup, Pupil[]>();
      for (const p of inYear) {
        const g = yearGroupIn(p, year);
        const grade = byGrade.get(g);
        if (grade) grade.push(p);
        else byGrade.set(g, [p]);
      }
      const pick = weightedPupils(r, inYear);
      const target =
        i === shares.length - 1
          ? remaining
          : Math.round((options.size.concerns - heavyPlans.length) * (share / totalShare));
      remaining -= target;
      const plans = heavyPlans.filter((c) => academicYearOf(c.recordedAt.getTime()) === year);
      for (let n = 0; n < target;) {
        const subject = pick();
        const day = schoolDayBetween(r, Math.max(from, subject.from), Math.min(to, subject.to));
        if (day === null) continue;
        plans.push(
          history.plan(subject, day, byGrade.get(yearGroupIn(subject, year)) ?? [], pickScenario()),
        );
        n += 1;
      }
      plans.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
      store.db.transaction(() => {
        for (const c of plans) history.write(c);
      })();
    }
    history.completeActions();
    const generated = counts(store, t);
    const busiest = store.db
      .prepare(
        'SELECT child_id AS childId, count(*) AS n FROM chronology_entries GROUP BY child_id ORDER BY n DESC LIMIT 1',
      )
      .get() as { childId: string; n: number };
    store.audit({
      at: options.now.toISOString(),
      sessionId: newId(options.now),
      actorId: dslOf(accounts),
      role: 'dsl',
      method: 'demo.generate',
      recordIds: [],
      outcome: 'ok',
      errorCode: null,
    });
    return {
      recoveryKey,
      staff,
      heaviestChildId: busiest.childId,
      counts: generated,
      milliseconds: Math.round(performance.now() - started),
    };
  } finally {
    vault.lock();
  }
}
