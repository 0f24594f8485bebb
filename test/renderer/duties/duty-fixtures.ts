import { afterEach, beforeEach, vi } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { DutyDetail, DutyEvent, DutySummary } from '../../../shared/duties/schema';
import { dutyRules } from '../../../shared/duties/rules';
import type { DutyRuleId } from '../../../shared/duties/rules';
import type { Handlers } from '../fake-lantern';
import { aChild, emptyDashboard, ok, recordId, school, unlockedAs } from '../fake-lantern';

/** "Now" in these tests: Saturday 28 Nov 2026, 12:00 in London (GMT). */
export const NOW = new Date('2026-11-28T12:00:00.000Z');

/** Sets the clock to NOW; only the clock, so the app's timers and the test library's waits run. */
export function atNow(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** What main answers to an unlocked school's first pages, whoever signs in. */
export function signedInHandlers(role: Role): Handlers {
  return {
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'dashboard.get': () => ok(emptyDashboard),
    'children.list': () => ok({ items: [aChild()], total: 1 }),
    'concernDrafts.list': () => ok([]),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'triage.inbox': () => ok([]),
  };
}

export function aDuty(overrides: Partial<DutySummary> = {}): DutySummary {
  return {
    id: recordId(200),
    ruleId: 'fgm-notification',
    title: 'Report the known case of FGM to the police',
    legalForce: 'must',
    childId: recordId(57),
    childName: 'Jane Doe',
    concernId: recordId(7),
    owner: 'person',
    ownerUserId: recordId(1),
    ownerName: 'Sam Teacher (personal duty)',
    triggerAt: '2026-11-25T10:00:00.000Z',
    dueAt: '2026-12-25T10:00:00.000Z',
    targetAt: '2026-11-26T10:00:00.000Z',
    dueBy: '2026-11-26T10:00:00.000Z',
    status: 'open',
    closedAt: null,
    ...overrides,
  };
}

/** Due later today, with a deadline in statutory guidance and no target. */
export const followUp = aDuty({
  id: recordId(201),
  ruleId: 'csc-follow-up',
  title: 'Follow up if the local authority has not responded',
  legalForce: 'should',
  owner: 'dsl',
  ownerUserId: null,
  ownerName: 'DSL',
  concernId: null,
  triggerAt: '2026-11-27T09:00:00.000Z',
  dueAt: '2026-11-28T17:00:00.000Z',
  targetAt: null,
  dueBy: '2026-11-28T17:00:00.000Z',
});

export const sar = aDuty({
  id: recordId(202),
  ruleId: 'sar-response',
  title: 'Respond to the subject access request',
  legalForce: 'must',
  childId: null,
  childName: null,
  concernId: null,
  owner: 'school',
  ownerUserId: null,
  ownerName: 'The school',
  triggerAt: '2026-11-20T09:00:00.000Z',
  dueAt: '2026-12-21T23:59:00.000Z',
  targetAt: null,
  dueBy: '2026-12-21T23:59:00.000Z',
});

export const prevent = aDuty({
  id: recordId(203),
  ruleId: 'prevent-referral',
  title: 'Make a Prevent referral',
  legalForce: 'should',
  owner: 'dsl',
  ownerUserId: null,
  ownerName: 'DSL',
  dueAt: null,
  targetAt: null,
  dueBy: null,
});

export const done = aDuty({
  id: recordId(204),
  ruleId: 'lado-contact',
  title: 'Contact the LADO',
  owner: 'dsl',
  ownerUserId: null,
  ownerName: 'DSL',
  status: 'discharged',
  closedAt: '2026-11-27T15:30:00.000Z',
});

function rule(id: DutyRuleId) {
  const found = dutyRules.find((r) => r.id === id);
  if (!found) throw new Error(`No rule ${id}`);
  return found;
}

const created: DutyEvent = {
  id: recordId(300),
  kind: 'created',
  recordedAt: '2026-11-25T10:05:00.000Z',
  recordedByName: 'Sam Teacher',
  at: '2026-11-25T10:00',
  recipient: '',
  method: null,
  reference: '',
  actedByName: '',
  exception: null,
  text: 'Started by the concern of 25 Nov 2026 (known case of FGM).',
};

/** The FGM duty as its page shows it to the teacher who owes it. */
export function fgmDetail(overrides: Partial<DutyDetail> = {}): DutyDetail {
  const fgm = rule('fgm-notification');
  return {
    ...aDuty(),
    summary: fgm.summary,
    sourceDocument: fgm.sourceDocument,
    edition: fgm.edition,
    section: fgm.section,
    deadlineText: fgm.deadlineText,
    confidence: fgm.confidence,
    ruleStatus: 'in_force',
    ownerNote: fgm.ownerNote,
    recipient: fgm.recipient,
    triggerNote: 'The concern of Wed 25 Nov 2026, 10:00 recorded a known case of FGM.',
    deadline: {
      dueAt: '2026-12-25T10:00:00.000Z',
      basis: null,
      steps: [
        '1 month from Wed 25 Nov 2026, 10:00: the corresponding date is Fri 25 Dec 2026.',
        'Due before Fri 25 Dec 2026, 10:00: the same time of day as the trigger.',
      ],
    },
    target: {
      dueAt: '2026-11-26T23:59:00.000Z',
      basis: 'Home Office procedural information: normally by the close of the next working day',
      steps: ['Wed 25 Nov 2026 is not counted; the count starts the day after.'],
    },
    settingsVersion: 3,
    events: [created],
    canDischarge: true,
    canManage: false,
    exceptions: ['already_notified'],
    latestDelay: null,
    canExtend: false,
    ...overrides,
  };
}

/** The mandatory report of suspected child sexual abuse, not yet in force, as the DSL sees it. */
export function csaDetail(overrides: Partial<DutyDetail> = {}): DutyDetail {
  const csa = rule('csa-report');
  return {
    ...fgmDetail(),
    id: recordId(210),
    ruleId: 'csa-report',
    title: csa.title,
    summary: csa.summary,
    sourceDocument: csa.sourceDocument,
    edition: csa.edition,
    section: csa.section,
    deadlineText: csa.deadlineText,
    confidence: 'unconfirmed',
    ruleStatus: 'prospective',
    exceptions: ['peer_consensual_13plus', 'confidential_service'],
    latestDelay: '2026-12-02T10:00:00.000Z',
    canManage: true,
    ...overrides,
  };
}
