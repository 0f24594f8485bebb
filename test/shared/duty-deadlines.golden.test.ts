/**
 * Golden deadlines for every statutory duty rule (issue 5). Each expected instant was worked by
 * hand from the statute or guidance wording (domain.md §0–§6) and the conventions in
 * shared/duties/deadline.ts: a day-based deadline ends at 23:59 London time on its last day
 * (22:59Z in BST, 23:59Z in GMT); the trigger's own day is never counted; hours are elapsed
 * hours; months follow the corresponding-date rule. Nothing here was produced by running the
 * code. Weekdays and bank holidays are the published ones (gov.uk/bank-holidays).
 */
import { describe, expect, it } from 'vitest';

import { londonDate } from '../../shared/dates/calendar-date';
import { termYearInput } from '../../shared/dates/calendar-schema';
import type { SchoolCalendar, Term } from '../../shared/dates/school-calendar';
import { emptyCalendar } from '../../shared/dates/school-calendar';
import { dueFor } from '../../shared/duties/deadline';
import type { DutyRule, DutyRuleId } from '../../shared/duties/rules';
import {
  dutyRuleIds,
  dutyRules,
  latestRules,
  manualRules,
  ruleInForce,
} from '../../shared/duties/rules';
import type { DutySettings } from '../../shared/duties/settings';
import { defaultDutySettings, settingDeadline } from '../../shared/duties/settings';

/**
 * A realistic two-year calendar. Each half-term is its own term, so the half-term weeks are
 * gaps between terms (holidays).
 *
 * 2025/26: INSET Mon 1 and Tue 2 Sep 2025, Mon 5 Jan 2026.
 *   Autumn 1 Mon 1 Sep – Fri 24 Oct 2025   (half-term 27–31 Oct)
 *   Autumn 2 Mon 3 Nov – Fri 19 Dec 2025   (Christmas 22 Dec – 2 Jan)
 *   Spring 1 Mon 5 Jan – Fri 13 Feb 2026   (half-term 16–20 Feb)
 *   Spring 2 Mon 23 Feb – Fri 27 Mar 2026  (Easter 30 Mar – 10 Apr; Good Friday 3 Apr, Easter Monday 6 Apr)
 *   Summer 1 Mon 13 Apr – Fri 22 May 2026  (half-term 25–29 May; Spring bank holiday 25 May)
 *   Summer 2 Mon 1 Jun – Wed 22 Jul 2026   (summer holiday; Summer bank holiday 31 Aug)
 * 2026/27: INSET Wed 2 Sep 2026, Mon 4 Jan 2027.
 *   Autumn 1 Wed 2 Sep – Fri 23 Oct 2026   (half-term 26–30 Oct; clocks go back Sun 25 Oct)
 *   Autumn 2 Mon 2 Nov – Fri 18 Dec 2026   (Christmas 21 Dec – 1 Jan; 25 Dec, 28 Dec, 1 Jan)
 *   Spring 1 Mon 4 Jan – Fri 12 Feb 2027   (half-term 15–19 Feb)
 *   Spring 2 Mon 22 Feb – Thu 25 Mar 2027  (Easter 26 Mar – 9 Apr; Good Friday 26 Mar, Easter Monday 29 Mar)
 *   Summer 1 Mon 12 Apr – Fri 28 May 2027  (half-term 31 May – 4 Jun)
 *   Summer 2 Mon 7 Jun – Wed 21 Jul 2027
 */
const year2025 = {
  academicYear: '2025/26',
  terms: [
    { name: 'Autumn 1', startsOn: '2025-09-01', endsOn: '2025-10-24' },
    { name: 'Autumn 2', startsOn: '2025-11-03', endsOn: '2025-12-19' },
    { name: 'Spring 1', startsOn: '2026-01-05', endsOn: '2026-02-13' },
    { name: 'Spring 2', startsOn: '2026-02-23', endsOn: '2026-03-27' },
    { name: 'Summer 1', startsOn: '2026-04-13', endsOn: '2026-05-22' },
    { name: 'Summer 2', startsOn: '2026-06-01', endsOn: '2026-07-22' },
  ],
  insetDays: [
    { date: '2025-09-01', note: 'Training' },
    { date: '2025-09-02', note: 'Training' },
    { date: '2026-01-05', note: 'Safeguarding training' },
  ],
};
const year2026 = {
  academicYear: '2026/27',
  terms: [
    { name: 'Autumn 1', startsOn: '2026-09-02', endsOn: '2026-10-23' },
    { name: 'Autumn 2', startsOn: '2026-11-02', endsOn: '2026-12-18' },
    { name: 'Spring 1', startsOn: '2027-01-04', endsOn: '2027-02-12' },
    { name: 'Spring 2', startsOn: '2027-02-22', endsOn: '2027-03-25' },
    { name: 'Summer 1', startsOn: '2027-04-12', endsOn: '2027-05-28' },
    { name: 'Summer 2', startsOn: '2027-06-07', endsOn: '2027-07-21' },
  ],
  insetDays: [
    { date: '2026-09-02', note: 'Staff training' },
    { date: '2027-01-04', note: '' },
  ],
};

const schoolCalendar: SchoolCalendar = {
  terms: [...year2025.terms, ...year2026.terms],
  insetDays: [...year2025.insetDays, ...year2026.insetDays],
  bankHolidayOverrides: [],
};

/** Only 2025/26 entered: the school has not yet typed in next year's dates. */
const onlyThisYear: SchoolCalendar = {
  terms: year2025.terms satisfies Term[],
  insetDays: year2025.insetDays,
  bankHolidayOverrides: [],
};

type Expected = {
  dueAt: string | null;
  /** Exactly, when given. */
  basis?: string | null;
  /** Substrings the explanation must contain. */
  mentions: string[];
};

type GoldenCase = {
  name: string;
  rule: DutyRuleId;
  triggerAt: string;
  /** The edition `ruleInForce` must pick for the trigger's London date. */
  edition: string;
  settings?: Partial<DutySettings>;
  calendar?: SchoolCalendar;
  deadline: Expected;
  target: Expected | null;
};

const cases: GoldenCase[] = [
  // KCSIE Part one: a referral "immediately". Due at the trigger itself.
  // Tue 1 Sep 2026 09:15 BST = 08:15Z: the first day of KCSIE 2026.
  {
    name: 'csc-referral: immediately, under KCSIE 2026 from 1 Sep 2026',
    rule: 'csc-referral',
    triggerAt: '2026-09-01T08:15:00.000Z',
    edition: 'KCSIE 2026',
    deadline: {
      dueAt: '2026-09-01T08:15:00.000Z',
      basis: null,
      mentions: ['immediately', 'Tue 1 Sep 2026, 09:15'],
    },
    target: null,
  },
  // 23:30Z on Mon 31 Aug 2026 is 00:30 BST on Tue 1 Sep: the London date picks KCSIE 2026.
  {
    name: 'csc-referral: the London date, not the UTC one, picks the edition',
    rule: 'csc-referral',
    triggerAt: '2026-08-31T23:30:00.000Z',
    edition: 'KCSIE 2026',
    deadline: { dueAt: '2026-08-31T23:30:00.000Z', mentions: ['Tue 1 Sep 2026, 00:30'] },
    target: null,
  },
  // 22:30Z on Mon 31 Aug 2026 is 23:30 BST the same day: still KCSIE 2025.
  {
    name: 'csc-referral: 23:30 on 31 Aug 2026 is still KCSIE 2025',
    rule: 'csc-referral',
    triggerAt: '2026-08-31T22:30:00.000Z',
    edition: 'KCSIE 2025',
    deadline: { dueAt: '2026-08-31T22:30:00.000Z', mentions: ['Mon 31 Aug 2026, 23:30'] },
    target: null,
  },
  // Written confirmation, 24 hours (Lambeth): phoned Fri 22 May 2026 16:30 BST (15:30Z).
  // Elapsed hours ignore the weekend and the bank holiday: Sat 23 May 15:30Z = 16:30 BST.
  {
    name: 'csc-written-confirmation: 24 hours, over a weekend',
    rule: 'csc-written-confirmation',
    triggerAt: '2026-05-22T15:30:00.000Z',
    edition: 'Working Together 2023',
    settings: { writtenConfirmation: '24h', localAuthority: 'Lambeth' },
    deadline: {
      dueAt: '2026-05-23T15:30:00.000Z',
      basis: 'Lambeth’s timescale for written confirmation: within 24 hours',
      mentions: ['24 hours', 'Fri 22 May 2026, 16:30', 'Sat 23 May 2026, 16:30'],
    },
    target: null,
  },
  // 48 hours (Nottingham): phoned Sat 24 Oct 2026 10:00 BST = 09:00Z. The clocks go back at
  // 01:00Z on Sun 25 Oct. 09:00Z + 48h = Mon 26 Oct 09:00Z = 09:00 GMT (wall clock 47 hours on).
  {
    name: 'csc-written-confirmation: 48 hours across the October clock change',
    rule: 'csc-written-confirmation',
    triggerAt: '2026-10-24T09:00:00.000Z',
    edition: 'Working Together 2023',
    settings: { writtenConfirmation: '48h' },
    deadline: {
      dueAt: '2026-10-26T09:00:00.000Z',
      basis: 'the local authority’s timescale for written confirmation: within 48 hours',
      mentions: ['Sat 24 Oct 2026, 10:00', 'Mon 26 Oct 2026, 09:00', 'clocks change'],
    },
    target: null,
  },
  // 2 working days (Herefordshire): phoned Thu 2 Apr 2026 14:00 BST. Not counting Thu 2 Apr:
  // Fri 3 Apr Good Friday, Sat 4, Sun 5, Mon 6 Easter Monday are skipped; Tue 7 Apr is the 1st,
  // Wed 8 Apr the 2nd. End of Wed 8 Apr, 23:59 BST = 22:59Z.
  {
    name: 'csc-written-confirmation: 2 working days over Easter 2026',
    rule: 'csc-written-confirmation',
    triggerAt: '2026-04-02T13:00:00.000Z',
    edition: 'Working Together 2023',
    settings: { writtenConfirmation: '2wd', localAuthority: 'Herefordshire' },
    deadline: {
      dueAt: '2026-04-08T22:59:00.000Z',
      basis: 'Herefordshire’s timescale for written confirmation: within 2 working days',
      mentions: [
        'Thu 2 Apr 2026 is not counted',
        'Fri 3 Apr 2026',
        'Good Friday',
        'Mon 6 Apr 2026',
        'Easter Monday',
        'Wed 8 Apr 2026',
        '23:59',
      ],
    },
    target: null,
  },
  // WT 2023: the LA acknowledges "within one working day"; the referrer follows up after it.
  // Referral Fri 22 May 2026 15:00 BST. Sat 23, Sun 24 weekend; Mon 25 May Spring bank holiday;
  // Tue 26 May is the 1st working day. 23:59 BST = 22:59Z.
  {
    name: 'csc-follow-up: 1 working day over the Spring bank holiday',
    rule: 'csc-follow-up',
    triggerAt: '2026-05-22T14:00:00.000Z',
    edition: 'Working Together 2023',
    deadline: {
      dueAt: '2026-05-26T22:59:00.000Z',
      basis: null,
      mentions: ['weekend', 'Mon 25 May 2026', 'Spring bank holiday', 'Tue 26 May 2026'],
    },
    target: null,
  },
  // FGM Act 2003 s.5B(5)(c): "before the end of one month from the time" of discovery. Told on
  // Thu 24 Dec 2026 at 14:20 GMT: one month on is Sun 24 Jan 2027 at 14:20 GMT. No roll-forward
  // (the police take reports every day). Target, "close of the next working day": Fri 25 Dec
  // Christmas Day, Sat 26, Sun 27, Mon 28 Dec Boxing Day (substitute day) are skipped; Tue 29 Dec
  // 23:59 GMT.
  {
    name: 'fgm-notification: one month to the minute; next working day over Christmas',
    rule: 'fgm-notification',
    triggerAt: '2026-12-24T14:20:00.000Z',
    edition: 'In force from 31 Oct 2015; Home Office procedural information (22 Jan 2020)',
    deadline: {
      dueAt: '2027-01-24T14:20:00.000Z',
      basis: null,
      mentions: ['Thu 24 Dec 2026, 14:20', 'Sun 24 Jan 2027, 14:20'],
    },
    target: {
      dueAt: '2026-12-29T23:59:00.000Z',
      basis: 'Home Office procedural information: normally by the close of the next working day',
      mentions: ['Christmas Day', 'Boxing Day (substitute day)', 'Tue 29 Dec 2026'],
    },
  },
  // Discovered Tue 3 Mar 2026 10:00 GMT. One month: Fri 3 Apr 2026 at 10:00 wall-clock time,
  // now BST, = 09:00Z. Good Friday does not move a statutory "one month" measured to the time.
  // Target: Wed 4 Mar 23:59 GMT.
  {
    name: 'fgm-notification: one month across the March clock change keeps the wall time',
    rule: 'fgm-notification',
    triggerAt: '2026-03-03T10:00:00.000Z',
    edition: 'In force from 31 Oct 2015; Home Office procedural information (22 Jan 2020)',
    deadline: { dueAt: '2026-04-03T09:00:00.000Z', mentions: ['Fri 3 Apr 2026, 10:00'] },
    target: { dueAt: '2026-03-04T23:59:00.000Z', mentions: ['Wed 4 Mar 2026'] },
  },
  // Discovered Tue 31 Mar 2026 10:00 BST (09:00Z). April has no 31st: the corresponding date is
  // its last day, Thu 30 Apr 2026, 10:00 BST = 09:00Z. Target: Wed 1 Apr 23:59 BST = 22:59Z.
  {
    name: 'fgm-notification: from the 31st, the last day of a 30-day month',
    rule: 'fgm-notification',
    triggerAt: '2026-03-31T09:00:00.000Z',
    edition: 'In force from 31 Oct 2015; Home Office procedural information (22 Jan 2020)',
    deadline: {
      dueAt: '2026-04-30T09:00:00.000Z',
      mentions: ['Thu 30 Apr 2026', 'no 31st', 'last day'],
    },
    target: { dueAt: '2026-04-01T22:59:00.000Z', mentions: ['Wed 1 Apr 2026'] },
  },
  // Crime and Policing Act 2026 MRD, once commenced (here on 1 Jan 2027 in the settings):
  // "as soon as reasonably practicable", so no deadline; Lantern's 24-hour target. Told Sat
  // 27 Mar 2027 20:00 GMT; clocks go forward at 01:00Z on Sun 28 Mar. +24 elapsed hours =
  // Sun 28 Mar 20:00Z = 21:00 BST.
  {
    name: 'csa-report: no deadline, 24-hour target across the March 2027 clock change',
    rule: 'csa-report',
    triggerAt: '2027-03-27T20:00:00.000Z',
    edition: 'Royal Assent 29 Apr 2026; not commenced until a commencement date is set',
    settings: { csaCommencement: '2027-01-01' },
    deadline: { dueAt: null, basis: null, mentions: ['No fixed timescale'] },
    target: {
      dueAt: '2027-03-28T20:00:00.000Z',
      basis: 'Lantern’s target of 24 hours for "as soon as practicable"',
      mentions: ['Sat 27 Mar 2027, 20:00', 'Sun 28 Mar 2027, 21:00', 'clocks change'],
    },
  },
  // A school that sets a 6-hour target: Mon 1 Feb 2027 13:00 GMT + 6h = 19:00Z.
  {
    name: 'csa-report: the target follows the local setting',
    rule: 'csa-report',
    triggerAt: '2027-02-01T13:00:00.000Z',
    edition: 'Royal Assent 29 Apr 2026; not commenced until a commencement date is set',
    settings: { csaCommencement: '2027-01-01', csaTargetHours: 6 },
    deadline: { dueAt: null, mentions: ['No fixed timescale'] },
    target: {
      dueAt: '2027-02-01T19:00:00.000Z',
      basis: 'Lantern’s target of 6 hours for "as soon as practicable"',
      mentions: ['Mon 1 Feb 2027, 19:00'],
    },
  },
  // KCSIE Part four: the LADO "without delay"; local procedure 1 working day. Allegation Fri
  // 23 Oct 2026 15:45 BST. Half-term does not matter for working days: Sat 24, Sun 25 skipped,
  // Mon 26 Oct is the 1st. The clocks went back on the 25th: 23:59 GMT = 23:59Z.
  {
    name: 'lado-contact: 1 working day into half-term, after the clocks go back',
    rule: 'lado-contact',
    triggerAt: '2026-10-23T14:45:00.000Z',
    edition: 'KCSIE 2026',
    deadline: {
      dueAt: '2026-10-26T23:59:00.000Z',
      basis: 'the local authority’s procedure: contact the LADO within 1 working day',
      mentions: ['Sat 24 Oct 2026', 'Sun 25 Oct 2026', 'weekend', 'Mon 26 Oct 2026'],
    },
    target: null,
  },
  // 2 working days (Trafford's setting): allegation Thu 24 Dec 2026 11:00 GMT. Fri 25 Christmas
  // Day, Sat 26, Sun 27, Mon 28 Boxing Day (substitute day) skipped; Tue 29 1st, Wed 30 2nd.
  {
    name: 'lado-contact: 2 working days over Christmas',
    rule: 'lado-contact',
    triggerAt: '2026-12-24T11:00:00.000Z',
    edition: 'KCSIE 2026',
    settings: { ladoContactWorkingDays: 2, localAuthority: 'Trafford' },
    deadline: {
      dueAt: '2026-12-30T23:59:00.000Z',
      basis: 'Trafford’s procedure: contact the LADO within 2 working days',
      mentions: [
        'Christmas Day',
        'Boxing Day (substitute day)',
        'The 2nd working day is Wed 30 Dec',
      ],
    },
    target: null,
  },
  // On the Summer bank holiday, Mon 31 Aug 2026 10:00 BST: still KCSIE 2025. The 1st working
  // day after is Tue 1 Sep; 23:59 BST = 22:59Z.
  {
    name: 'lado-contact: on 31 Aug 2026 under KCSIE 2025',
    rule: 'lado-contact',
    triggerAt: '2026-08-31T09:00:00.000Z',
    edition: 'KCSIE 2025',
    deadline: { dueAt: '2026-09-01T22:59:00.000Z', mentions: ['Tue 1 Sep 2026'] },
    target: null,
  },
  // SVGA 2006 s.35: on removal from regulated activity; no fixed number of days.
  {
    name: 'dbs-referral: no fixed timescale',
    rule: 'dbs-referral',
    triggerAt: '2026-11-27T12:00:00.000Z',
    edition: 'SVGA 2006 as amended',
    deadline: { dueAt: null, basis: null, mentions: ['No fixed timescale'] },
    target: null,
  },
  // Prevent: no statutory timescale; Lantern's target is the next working day. Concern Fri 1 May
  // 2026 16:00 BST: Sat 2, Sun 3, Mon 4 May Early May bank holiday skipped; Tue 5 May 23:59 BST.
  {
    name: 'prevent-referral: next working day over the Early May bank holiday',
    rule: 'prevent-referral',
    triggerAt: '2026-05-01T15:00:00.000Z',
    edition: 'Prevent duty guidance 2023 (in force 31 Dec 2023)',
    deadline: { dueAt: null, basis: null, mentions: ['No fixed timescale'] },
    target: {
      dueAt: '2026-05-05T22:59:00.000Z',
      basis: 'Lantern’s default target for "promptly"; not set by law or guidance',
      mentions: ['Mon 4 May 2026', 'Early May bank holiday', 'Tue 5 May 2026'],
    },
  },
  // KCSIE: "within 5 days for an in-year transfer", counted in school days (the default). Left
  // Wed 21 Oct 2026; Autumn 1 runs to Fri 23 Oct, so in-year. Thu 22 (1), Fri 23 (2); weekend;
  // half-term Mon 26 – Fri 30 Oct; weekend; Mon 2 Nov (3), Tue 3 (4), Wed 4 Nov (5).
  // 23:59 GMT = 23:59Z.
  {
    name: 'cp-transfer: in-year, 5 school days across half-term',
    rule: 'cp-transfer',
    triggerAt: '2026-10-21T14:30:00.000Z',
    edition: 'KCSIE 2026',
    deadline: {
      dueAt: '2026-11-04T23:59:00.000Z',
      basis: '5 school days, as set in Lantern’s duty settings',
      mentions: [
        'Wed 21 Oct 2026',
        'in-year transfer',
        'Mon 26 Oct 2026',
        'school holiday',
        'The 5th school day is Wed 4 Nov 2026',
      ],
    },
    target: null,
  },
  // "Within the first 5 days of the start of a new term": left Wed 22 Jul 2026, the last day of
  // Summer 2. Autumn 1 2026 starts Wed 2 Sep with an INSET day, so the first school day is Thu
  // 3 Sep (1st), then Fri 4 (2nd), Mon 7 (3rd), Tue 8 (4th), Wed 9 Sep (5th). 23:59 BST = 22:59Z.
  // Left in 2025/26, so KCSIE 2025.
  {
    name: 'cp-transfer: end of the summer term, first 5 school days of autumn after an INSET day',
    rule: 'cp-transfer',
    triggerAt: '2026-07-22T14:00:00.000Z',
    edition: 'KCSIE 2025',
    deadline: {
      dueAt: '2026-09-09T22:59:00.000Z',
      basis: '5 school days, as set in Lantern’s duty settings',
      mentions: ['end of a term', 'Autumn 1', 'Thu 3 Sep 2026', 'Wed 9 Sep 2026'],
    },
    target: null,
  },
  // Calendar days: left Wed 21 Oct 2026. 22, 23, 24, 25, 26 Oct: Mon 26 Oct is the 5th day,
  // after the clocks go back: 23:59 GMT = 23:59Z.
  {
    name: 'cp-transfer: in-year in calendar days',
    rule: 'cp-transfer',
    triggerAt: '2026-10-21T14:30:00.000Z',
    edition: 'KCSIE 2026',
    settings: { cpTransferUnit: 'calendar' },
    deadline: {
      dueAt: '2026-10-26T23:59:00.000Z',
      basis: '5 calendar days, as set in Lantern’s duty settings',
      mentions: ['in-year', 'The 5th day is Mon 26 Oct 2026'],
    },
    target: null,
  },
  // Calendar days at the end of the summer term: the new term starts Wed 2 Sep (the INSET day is
  // a calendar day like any other): 2, 3, 4, 5, 6 Sep; Sun 6 Sep 23:59 BST = 22:59Z.
  {
    name: 'cp-transfer: end of the summer term in calendar days',
    rule: 'cp-transfer',
    triggerAt: '2026-07-22T14:00:00.000Z',
    edition: 'KCSIE 2025',
    settings: { cpTransferUnit: 'calendar' },
    deadline: {
      dueAt: '2026-09-06T22:59:00.000Z',
      mentions: ['Wed 2 Sep 2026', 'Sun 6 Sep 2026'],
    },
    target: null,
  },
  // No term dates entered: treated as in-year (the sooner), school days counted as working days.
  // Left Thu 27 Aug 2026: Fri 28 (1); weekend; Mon 31 Aug Summer bank holiday; Tue 1 Sep (2),
  // Wed 2 (3), Thu 3 (4), Fri 4 Sep (5). 23:59 BST = 22:59Z.
  {
    name: 'cp-transfer: no term dates entered falls back to working days, in-year',
    rule: 'cp-transfer',
    triggerAt: '2026-08-27T10:00:00.000Z',
    edition: 'KCSIE 2025',
    calendar: emptyCalendar,
    deadline: {
      dueAt: '2026-09-04T22:59:00.000Z',
      mentions: [
        'treated as in-year',
        'Summer bank holiday',
        'counted as working days',
        'Fri 4 Sep 2026',
      ],
    },
    target: null,
  },
  // Only 2025/26 entered, left at the end of Summer 2 (Wed 22 Jul 2026): the next term is not
  // entered, so 5 days from the day after leaving, school days read as working days: Thu 23 (1),
  // Fri 24 (2), Mon 27 (3), Tue 28 (4), Wed 29 Jul (5). 23:59 BST = 22:59Z.
  {
    name: 'cp-transfer: end of term with the next term not entered',
    rule: 'cp-transfer',
    triggerAt: '2026-07-22T14:00:00.000Z',
    edition: 'KCSIE 2025',
    calendar: onlyThisYear,
    deadline: {
      dueAt: '2026-07-29T22:59:00.000Z',
      mentions: ['next term’s dates are not entered', 'Wed 29 Jul 2026'],
    },
    target: null,
  },
  // Receipt: no deadline; Lantern's target 5 working days after sending. Sent Fri 18 Dec 2026
  // 12:00 GMT: Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4); Fri 25 Christmas Day, weekend,
  // Mon 28 Boxing Day (substitute day); Tue 29 Dec (5). 23:59 GMT.
  {
    name: 'cp-transfer-receipt: 5 working days over Christmas',
    rule: 'cp-transfer-receipt',
    triggerAt: '2026-12-18T12:00:00.000Z',
    edition: 'KCSIE 2022 onwards',
    deadline: { dueAt: null, mentions: ['No fixed timescale'] },
    target: {
      dueAt: '2026-12-29T23:59:00.000Z',
      basis: 'Lantern’s default target; not set by law or guidance',
      mentions: [
        'Christmas Day',
        'Boxing Day (substitute day)',
        'The 5th working day is Tue 29 Dec',
      ],
    },
  },
  // Pupil registration: notify "no later than the time the pupil's name is deleted", so the
  // deadline is the deletion time entered.
  {
    name: 'cme-deletion: no later than the deletion',
    rule: 'cme-deletion',
    triggerAt: '2026-07-22T11:00:00.000Z',
    edition: '2024 Regulations (detail unconfirmed; 2006 Regulations and 2016 guidance before)',
    deadline: {
      dueAt: '2026-07-22T11:00:00.000Z',
      mentions: ['immediately', 'Wed 22 Jul 2026, 12:00'],
    },
    target: null,
  },
  // "Within five days" of adding the pupil (school days, per the rule). Added Thu 26 Mar 2026
  // 10:00 GMT. Fri 27 Mar (1) is the end of Spring 2; weekend; Easter holiday Mon 30 Mar – Fri
  // 10 Apr (Good Friday 3 Apr and Easter Monday 6 Apr are bank holidays as well); weekend; Mon
  // 13 Apr (2), Tue 14 (3), Wed 15 (4), Thu 16 Apr (5). Now BST: 22:59Z.
  {
    name: 'cme-admission: 5 school days across the Easter holiday',
    rule: 'cme-admission',
    triggerAt: '2026-03-26T10:00:00.000Z',
    edition: '2024 Regulations (detail unconfirmed; 2006 Regulations and 2016 guidance before)',
    deadline: {
      dueAt: '2026-04-16T22:59:00.000Z',
      mentions: [
        'Mon 30 Mar 2026',
        'school holiday',
        'Good Friday',
        'Easter Monday',
        'The 5th school day is Thu 16 Apr 2026',
      ],
    },
    target: null,
  },
  // WT 2023: ICPC "within 15 working days of the strategy discussion". Strategy discussion Wed
  // 17 Mar 2027 16:00 GMT. Thu 18 (1), Fri 19 (2), Mon 22 (3), Tue 23 (4), Wed 24 (5), Thu 25
  // (6); Fri 26 Good Friday; weekend; Mon 29 Easter Monday; Tue 30 (7), Wed 31 (8), Thu 1 Apr
  // (9), Fri 2 (10), Mon 5 (11), Tue 6 (12), Wed 7 (13), Thu 8 (14), Fri 9 Apr (15). BST: 22:59Z.
  {
    name: 'icpc: 15 working days across Easter 2027',
    rule: 'icpc',
    triggerAt: '2027-03-17T16:00:00.000Z',
    edition: 'Working Together 2023',
    deadline: {
      dueAt: '2027-04-09T22:59:00.000Z',
      mentions: [
        'Fri 26 Mar 2027',
        'Good Friday',
        'Mon 29 Mar 2027',
        'Easter Monday',
        'The 15th working day is Fri 9 Apr 2027',
      ],
    },
    target: null,
  },
  // Strategy discussion Mon 14 Dec 2026: Tue 15 (1), Wed 16 (2), Thu 17 (3), Fri 18 (4), Mon 21
  // (5), Tue 22 (6), Wed 23 (7), Thu 24 (8); Fri 25 Christmas Day; weekend; Mon 28 Boxing Day
  // (substitute day); Tue 29 (9), Wed 30 (10), Thu 31 (11); Fri 1 Jan 2027 New Year's Day;
  // weekend; Mon 4 (12), Tue 5 (13), Wed 6 (14), Thu 7 Jan (15). GMT: 23:59Z.
  {
    name: 'icpc: 15 working days across Christmas and New Year',
    rule: 'icpc',
    triggerAt: '2026-12-14T15:00:00.000Z',
    edition: 'Working Together 2023',
    deadline: {
      dueAt: '2027-01-07T23:59:00.000Z',
      mentions: [
        'Christmas Day',
        'Boxing Day (substitute day)',
        'New Year’s Day',
        'Thu 7 Jan 2027',
      ],
    },
    target: null,
  },
  // Core group "within 10 working days" of the ICPC, Thu 21 May 2026: Fri 22 (1); weekend; Mon
  // 25 Spring bank holiday; Tue 26 (2) … Fri 29 (5), Mon 1 Jun (6) … Fri 5 Jun (10). BST.
  {
    name: 'core-group: 10 working days over the Spring bank holiday',
    rule: 'core-group',
    triggerAt: '2026-05-21T09:00:00.000Z',
    edition: 'Working Together 2023',
    deadline: {
      dueAt: '2026-06-05T22:59:00.000Z',
      mentions: ['Spring bank holiday', 'The 10th working day is Fri 5 Jun 2026'],
    },
    target: null,
  },
  // First review "within three months" of the ICPC on Mon 30 Nov 2026: Feb 2027 has no 30th, so
  // the corresponding date is its last day, Sun 28 Feb 2027 (no roll-forward for this rule).
  // 23:59 GMT = 23:59Z.
  {
    name: 'first-review-conference: 3 months from 30 Nov clamps to 28 Feb',
    rule: 'first-review-conference',
    triggerAt: '2026-11-30T14:00:00.000Z',
    edition: 'Working Together 2023',
    deadline: {
      dueAt: '2027-02-28T23:59:00.000Z',
      mentions: ['3 months', 'Sun 28 Feb 2027', 'no 30th'],
    },
    target: null,
  },
  // Tue 30 Nov 2027: 2028 is a leap year, so Tue 29 Feb 2028.
  {
    name: 'first-review-conference: 3 months from 30 Nov 2027 is 29 Feb 2028',
    rule: 'first-review-conference',
    triggerAt: '2027-11-30T14:00:00.000Z',
    edition: 'Working Together 2023',
    deadline: { dueAt: '2028-02-29T23:59:00.000Z', mentions: ['Tue 29 Feb 2028'] },
    target: null,
  },
  // Further reviews "at intervals of not more than six months": held Fri 26 Feb 2027 → Thu 26
  // Aug 2027, 23:59 BST = 22:59Z.
  {
    name: 'review-conference: 6 months',
    rule: 'review-conference',
    triggerAt: '2027-02-26T11:00:00.000Z',
    edition: 'Working Together 2023',
    deadline: { dueAt: '2027-08-26T22:59:00.000Z', mentions: ['6 months', 'Thu 26 Aug 2027'] },
    target: null,
  },
  // Held Wed 31 Mar 2027 → September has no 31st → Thu 30 Sep 2027, 22:59Z.
  {
    name: 'review-conference: 6 months from the 31st',
    rule: 'review-conference',
    triggerAt: '2027-03-31T09:00:00.000Z',
    edition: 'Working Together 2023',
    deadline: { dueAt: '2027-09-30T22:59:00.000Z', mentions: ['Thu 30 Sep 2027', 'no 31st'] },
    target: null,
  },
  // UK GDPR Art 12(3), one month, ICO reading: received Sat 31 Jan 2026. February has no 31st:
  // Sat 28 Feb 2026, a weekend, so the next working day, Mon 2 Mar 2026. 23:59 GMT.
  {
    name: 'sar-response: 31 Jan → 28 Feb (weekend) → Mon 2 Mar 2026',
    rule: 'sar-response',
    triggerAt: '2026-01-31T11:00:00.000Z',
    edition: 'UK GDPR as amended (DUAA 2025)',
    deadline: {
      dueAt: '2026-03-02T23:59:00.000Z',
      basis: null,
      mentions: ['Sat 28 Feb 2026', 'no 31st', 'weekend', 'Mon 2 Mar 2026'],
    },
    target: null,
  },
  // Received Fri 31 Jul 2026: Mon 31 Aug 2026 is the Summer bank holiday, so Tue 1 Sep,
  // 23:59 BST = 22:59Z.
  {
    name: 'sar-response: the corresponding date is a bank holiday',
    rule: 'sar-response',
    triggerAt: '2026-07-31T08:00:00.000Z',
    edition: 'UK GDPR as amended (DUAA 2025)',
    deadline: {
      dueAt: '2026-09-01T22:59:00.000Z',
      mentions: ['Mon 31 Aug 2026', 'Summer bank holiday', 'Tue 1 Sep 2026'],
    },
    target: null,
  },
  // Received Wed 25 Nov 2026: Fri 25 Dec is Christmas Day; Sat, Sun; Mon 28 Dec is the Boxing
  // Day substitute; the next working day is Tue 29 Dec 2026, 23:59 GMT.
  {
    name: 'sar-response: rolls past Christmas and the Boxing Day substitute',
    rule: 'sar-response',
    triggerAt: '2026-11-25T16:00:00.000Z',
    edition: 'UK GDPR as amended (DUAA 2025)',
    deadline: {
      dueAt: '2026-12-29T23:59:00.000Z',
      mentions: ['Fri 25 Dec 2026', 'Christmas Day', 'Tue 29 Dec 2026'],
    },
    target: null,
  },
  // Received Tue 10 Mar 2026 (GMT): Fri 10 Apr 2026 is a working day; 23:59 BST = 22:59Z.
  {
    name: 'sar-response: no roll when the corresponding date is a working day',
    rule: 'sar-response',
    triggerAt: '2026-03-10T09:00:00.000Z',
    edition: 'UK GDPR as amended (DUAA 2025)',
    deadline: { dueAt: '2026-04-10T22:59:00.000Z', mentions: ['Fri 10 Apr 2026'] },
    target: null,
  },
  // UK GDPR Art 33(1): "not later than 72 hours after having become aware". Aware Fri 23 Oct
  // 2026 17:30 BST = 16:30Z. +72h = Mon 26 Oct 16:30Z; the clocks went back on Sun 25 Oct, so
  // that is 16:30 GMT on the wall clock (71 wall-clock hours after 17:30 BST).
  {
    name: 'ico-breach: 72 elapsed hours across the 25 Oct 2026 clock change',
    rule: 'ico-breach',
    triggerAt: '2026-10-23T16:30:00.000Z',
    edition: 'UK GDPR as amended',
    deadline: {
      dueAt: '2026-10-26T16:30:00.000Z',
      basis: null,
      mentions: [
        '72 hours after Fri 23 Oct 2026, 17:30 is Mon 26 Oct 2026, 16:30',
        'clocks change',
      ],
    },
    target: null,
  },
  // Aware Fri 27 Mar 2026 12:00 GMT; clocks go forward Sun 29 Mar. +72h = Mon 30 Mar 12:00Z =
  // 13:00 BST.
  {
    name: 'ico-breach: 72 elapsed hours across the March 2026 clock change',
    rule: 'ico-breach',
    triggerAt: '2026-03-27T12:00:00.000Z',
    edition: 'UK GDPR as amended',
    deadline: { dueAt: '2026-03-30T12:00:00.000Z', mentions: ['Mon 30 Mar 2026, 13:00'] },
    target: null,
  },
  // Operation Encompass: support considered before the start of the next school day (08:30).
  // Received Fri 23 Oct 2026 19:40 BST, the last day of Autumn 1: weekend, half-term, weekend;
  // the next school day is Mon 2 Nov 2026, 08:30 GMT = 08:30Z.
  {
    name: 'encompass-support: received the evening before half-term',
    rule: 'encompass-support',
    triggerAt: '2026-10-23T18:40:00.000Z',
    edition: 'In force 7 Nov 2025',
    deadline: {
      dueAt: '2026-11-02T08:30:00.000Z',
      basis: null,
      mentions: ['Fri 23 Oct 2026, 19:40', 'Mon 2 Nov 2026, 08:30'],
    },
    target: null,
  },
  // Received 07:00 GMT on Wed 4 Nov 2026, a school day, before 08:30: the same day at 08:30.
  {
    name: 'encompass-support: received at 07:00 on a school day',
    rule: 'encompass-support',
    triggerAt: '2026-11-04T07:00:00.000Z',
    edition: 'In force 7 Nov 2025',
    deadline: { dueAt: '2026-11-04T08:30:00.000Z', mentions: ['Wed 4 Nov 2026, 08:30'] },
    target: null,
  },
  // Received 07:00 BST (06:00Z) on Tue 9 Jun 2026: 08:30 BST = 07:30Z the same day.
  {
    name: 'encompass-support: received at 07:00 BST on a school day',
    rule: 'encompass-support',
    triggerAt: '2026-06-09T06:00:00.000Z',
    edition: 'In force 7 Nov 2025',
    deadline: { dueAt: '2026-06-09T07:30:00.000Z', mentions: ['Tue 9 Jun 2026, 08:30'] },
    target: null,
  },
  // Received 07:00 on Mon 4 Jan 2027, an INSET day (no pupils): the next school day, Tue 5 Jan,
  // at 08:30 GMT.
  {
    name: 'encompass-support: received on an INSET day',
    rule: 'encompass-support',
    triggerAt: '2027-01-04T07:00:00.000Z',
    edition: 'In force 7 Nov 2025',
    deadline: { dueAt: '2027-01-05T08:30:00.000Z', mentions: ['Tue 5 Jan 2027, 08:30'] },
    target: null,
  },
  // A school day that starts at 08:45: received Thu 5 Nov 2026 08:40 GMT, before the start, so
  // the same day at 08:45.
  {
    name: 'encompass-support: the school day start comes from the settings',
    rule: 'encompass-support',
    triggerAt: '2026-11-05T08:40:00.000Z',
    edition: 'In force 7 Nov 2025',
    settings: { schoolDayStartsAt: '08:45' },
    deadline: { dueAt: '2026-11-05T08:45:00.000Z', mentions: ['08:45'] },
    target: null,
  },
  // No term dates: received Fri 22 May 2026 20:00 BST; weekend, Mon 25 May Spring bank holiday;
  // Tue 26 May 08:30 BST = 07:30Z, with the working-day assumption explained.
  {
    name: 'encompass-support: no term dates entered',
    rule: 'encompass-support',
    triggerAt: '2026-05-22T19:00:00.000Z',
    edition: 'In force 7 Nov 2025',
    calendar: emptyCalendar,
    deadline: {
      dueAt: '2026-05-26T07:30:00.000Z',
      mentions: ['counted as working days', 'Tue 26 May 2026, 08:30'],
    },
    target: null,
  },
];

function ruleFor(c: GoldenCase, settings: DutySettings): DutyRule {
  const commencement = settings.csaCommencement === '' ? null : settings.csaCommencement;
  const rule = ruleInForce(c.rule, londonDate(new Date(c.triggerAt)), commencement);
  if (!rule) throw new Error(`no edition of ${c.rule} in force at ${c.triggerAt}`);
  return rule;
}

function expectResult(
  actual: { dueAt: string | null; basis: string | null; steps: string[] },
  expected: Expected,
): void {
  expect(actual.dueAt).toBe(expected.dueAt);
  if (expected.basis !== undefined) expect(actual.basis).toBe(expected.basis);
  const text = actual.steps.join('\n');
  for (const fact of expected.mentions) expect(text).toContain(fact);
}

describe('golden statutory deadlines', () => {
  it('has at least one case for every rule', () => {
    const covered = new Set(cases.map((c) => c.rule));
    expect(dutyRuleIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('uses a calendar the settings form would accept', () => {
    expect(termYearInput.safeParse(year2025).success).toBe(true);
    expect(termYearInput.safeParse(year2026).success).toBe(true);
  });

  it.each(cases)('$name', (c) => {
    const settings = { ...defaultDutySettings, ...c.settings };
    const rule = ruleFor(c, settings);
    expect(rule.edition).toBe(c.edition);
    const result = dueFor(rule, c.triggerAt, c.calendar ?? schoolCalendar, settings);
    expectResult(result.deadline, c.deadline);
    if (c.target === null) expect(result.target).toBeNull();
    else {
      expect(result.target).not.toBeNull();
      if (result.target) expectResult(result.target, c.target);
    }
  });

  it('gives the same answer every time (pure)', () => {
    const c = cases.find((x) => x.rule === 'icpc');
    if (!c) throw new Error('no icpc case');
    const rule = ruleFor(c, defaultDutySettings);
    const first = dueFor(rule, c.triggerAt, schoolCalendar, defaultDutySettings);
    expect(dueFor(rule, c.triggerAt, schoolCalendar, defaultDutySettings)).toEqual(first);
  });

  it('honours a school’s bank-holiday override', () => {
    // A newly proclaimed holiday on Wed 3 Jun 2026 that Lantern does not know: the follow-up of
    // a referral on Tue 2 Jun moves from Wed 3 Jun to Thu 4 Jun (23:59 BST = 22:59Z).
    const rule = ruleInForce('csc-follow-up', '2026-06-02', null);
    if (!rule) throw new Error('csc-follow-up not in force');
    const calendar: SchoolCalendar = {
      ...schoolCalendar,
      bankHolidayOverrides: [{ kind: 'add', date: '2026-06-03', name: 'Proclaimed holiday' }],
    };
    const trigger = '2026-06-02T09:00:00.000Z';
    expect(dueFor(rule, trigger, schoolCalendar, defaultDutySettings).deadline.dueAt).toBe(
      '2026-06-03T22:59:00.000Z',
    );
    const moved = dueFor(rule, trigger, calendar, defaultDutySettings).deadline;
    expect(moved.dueAt).toBe('2026-06-04T22:59:00.000Z');
    expect(moved.steps.join('\n')).toContain('Proclaimed holiday');
  });
});

describe('rule editions in force', () => {
  it('switches KCSIE 2025 to KCSIE 2026 between 31 Aug and 1 Sep 2026', () => {
    for (const id of ['csc-referral', 'lado-contact', 'cp-transfer'] as const) {
      expect(ruleInForce(id, '2025-09-01', null)?.edition).toBe('KCSIE 2025');
      expect(ruleInForce(id, '2026-08-31', null)?.edition).toBe('KCSIE 2025');
      expect(ruleInForce(id, '2026-09-01', null)?.edition).toBe('KCSIE 2026');
      expect(ruleInForce(id, '2030-01-01', null)?.edition).toBe('KCSIE 2026');
    }
  });

  it('never has two editions of a rule in force on the same day', () => {
    for (const id of dutyRuleIds) {
      const editions = dutyRules.filter((r) => r.id === id);
      for (const a of editions)
        for (const b of editions) {
          if (a === b) continue;
          const aEnd = a.effectiveTo ?? '9999-12-31';
          const bEnd = b.effectiveTo ?? '9999-12-31';
          const overlap = (a.effectiveFrom ?? '') <= bEnd && (b.effectiveFrom ?? '') <= aEnd;
          expect(overlap, `${id}: ${a.edition} and ${b.edition}`).toBe(false);
        }
    }
  });

  it('keeps the mandatory reporting duty out of force until a commencement date is set', () => {
    expect(ruleInForce('csa-report', '2026-11-28', null)).toBeNull();
    expect(ruleInForce('csa-report', '2027-03-31', '2027-04-01')).toBeNull();
    expect(ruleInForce('csa-report', '2027-04-01', '2027-04-01')?.id).toBe('csa-report');
    expect(ruleInForce('csa-report', '2028-01-01', '2027-04-01')?.status).toBe('prospective');
  });

  it('starts the statutory rules on their commencement dates', () => {
    expect(ruleInForce('fgm-notification', '2015-10-30', null)).toBeNull();
    expect(ruleInForce('fgm-notification', '2015-10-31', null)?.legalForce).toBe('must');
    expect(ruleInForce('encompass-support', '2025-11-06', null)).toBeNull();
    expect(ruleInForce('encompass-support', '2025-11-07', null)?.id).toBe('encompass-support');
    expect(ruleInForce('icpc', '2023-12-14', null)).toBeNull();
    expect(ruleInForce('icpc', '2023-12-15', null)?.edition).toBe('Working Together 2023');
  });

  it('lists the latest edition of every rule once, in catalogue order', () => {
    const latest = latestRules();
    expect(latest.map((r) => r.id)).toEqual([...dutyRuleIds]);
    expect(latest.find((r) => r.id === 'csc-referral')?.edition).toBe('KCSIE 2026');
    expect(latest.find((r) => r.id === 'csa-report')?.effectiveFrom).toBeNull();
  });

  it('offers the manually started rules', () => {
    expect(manualRules().map((r) => r.id)).toEqual([
      'dbs-referral',
      'cme-deletion',
      'cme-admission',
      'icpc',
      'sar-response',
      'ico-breach',
    ]);
  });
});

describe('local settings as deadlines', () => {
  it('turns the written-confirmation choice into a timescale with its basis', () => {
    const s = (writtenConfirmation: DutySettings['writtenConfirmation']) =>
      settingDeadline('writtenConfirmation', {
        ...defaultDutySettings,
        writtenConfirmation,
        localAuthority: 'Shropshire',
      });
    expect(s('24h')).toEqual({
      spec: { kind: 'hours', hours: 24 },
      basis: 'Shropshire’s timescale for written confirmation: within 24 hours',
    });
    expect(s('48h').spec).toEqual({ kind: 'hours', hours: 48 });
    expect(s('2wd')).toEqual({
      spec: { kind: 'days', unit: 'working', days: 2 },
      basis: 'Shropshire’s timescale for written confirmation: within 2 working days',
    });
  });

  it('counts the LADO contact in working days, singular or plural', () => {
    expect(settingDeadline('ladoContact', defaultDutySettings)).toEqual({
      spec: { kind: 'days', unit: 'working', days: 1 },
      basis: 'the local authority’s procedure: contact the LADO within 1 working day',
    });
    expect(
      settingDeadline('ladoContact', { ...defaultDutySettings, ladoContactWorkingDays: 3 }).basis,
    ).toBe('the local authority’s procedure: contact the LADO within 3 working days');
  });

  it('counts the file transfer in the chosen unit', () => {
    expect(settingDeadline('cpTransfer', defaultDutySettings)).toEqual({
      spec: { kind: 'transfer', unit: 'school', days: 5 },
      basis: '5 school days, as set in Lantern’s duty settings',
    });
    expect(
      settingDeadline('cpTransfer', { ...defaultDutySettings, cpTransferUnit: 'calendar' }).spec,
    ).toEqual({ kind: 'transfer', unit: 'calendar', days: 5 });
  });

  it('sets the mandatory-reporting target in hours', () => {
    expect(settingDeadline('csaTarget', { ...defaultDutySettings, csaTargetHours: 12 })).toEqual({
      spec: { kind: 'hours', hours: 12 },
      basis: 'Lantern’s target of 12 hours for "as soon as practicable"',
    });
  });
});
