import type { z } from 'zod';

import { londonInstant, londonMinute } from '../../shared/dates/calendar-date';
import { formatDayTime } from '../../shared/duties/deadline';
import type { DutyRuleId, EvidenceMethod, ExceptionId } from '../../shared/duties/rules';
import type { PeerChecks } from '../../shared/duties/schema';
import {
  delayInput,
  dischargeInput,
  exceptionInput,
  extendInput,
  notApplicableInput,
  startInput,
} from '../../shared/duties/schema';
import { dateTime } from '../encompass/encompass-values';
import type { FormErrors } from '../ui/form-errors';
import { issuesNamed } from '../ui/form-errors';

export type Check<Input> = { ok: true; input: Input } | { ok: false; errors: FormErrors };

/** A date-and-time field from main or zod → the form's date field; others keep their name. */
export function dutyFormField(path: string): string {
  if (path === 'at' || path === 'until') return 'date';
  return path;
}

/** Now, as the date and time inputs show it in London. */
export function nowInLondon(now: Date): { date: string; time: string } {
  const minute = londonMinute(now);
  return { date: minute.slice(0, 10), time: minute.slice(11) };
}

/** zod first, as main does, then the time: a duty's evidence needs the minute, not just the day. */
function checked<S extends z.ZodType>(
  schema: S,
  input: z.input<S>,
  when: { date: string; time: string } | null,
): Check<z.input<S>> {
  const parsed = schema.safeParse(input);
  const fields = parsed.success ? {} : issuesNamed(parsed.error.issues, dutyFormField);
  if (when && when.date !== '' && when.time === '' && !('date' in fields))
    fields.time = 'Enter the time, such as 14:30.';
  if (Object.keys(fields).length > 0) return { ok: false, errors: { fields, general: null } };
  return { ok: true, input };
}

export type DischargeValues = {
  date: string;
  time: string;
  recipient: string;
  method: EvidenceMethod | '';
  reference: string;
  actedBy: string;
  notes: string;
};

export function checkDischarge(dutyId: string, v: DischargeValues) {
  return checked(
    dischargeInput,
    {
      dutyId,
      at: dateTime(v.date, v.time),
      recipient: v.recipient,
      method: v.method === '' ? null : v.method,
      reference: v.reference,
      actedBy: v.actedBy === '' ? null : v.actedBy,
      notes: v.notes,
    },
    v,
  );
}

export function checkNotApplicable(dutyId: string, v: { reason: string }) {
  return checked(notApplicableInput, { dutyId, reason: v.reason }, null);
}

export function checkExtend(dutyId: string, v: { reason: string }) {
  return checked(extendInput, { dutyId, reason: v.reason }, null);
}

export type ExceptionValues = { exception: ExceptionId | ''; reason: string; checks: PeerChecks };

export const noPeerChecks: PeerChecks = {
  consensual: false,
  noSignificantDifference: false,
  noCoercionOrHarm: false,
  noPositionOfTrust: false,
};

export function checkException(dutyId: string, v: ExceptionValues) {
  return checked(
    exceptionInput,
    // An empty choice reaches zod as itself, so its message ("Choose the exception.") shows.
    { dutyId, exception: v.exception as ExceptionId, reason: v.reason, checks: v.checks },
    null,
  );
}

export type DelayValues = { date: string; time: string; reason: string };

/** The delay may run to the legal limit and no further: said here, and checked again by main. */
export function checkDelay(dutyId: string, latestDelay: string, v: DelayValues) {
  const result = checked(
    delayInput,
    { dutyId, until: dateTime(v.date, v.time), reason: v.reason },
    v,
  );
  if (!result.ok || londonInstant(v.date, v.time) <= latestDelay) return result;
  return {
    ok: false as const,
    errors: {
      fields: { date: `The delay can run to ${formatDayTime(latestDelay)} at the latest.` },
      general: null,
    },
  };
}

export type StartValues = {
  ruleId: DutyRuleId | '';
  child: { id: string; name: string } | null;
  date: string;
  time: string;
  note: string;
};

export function checkStart(v: StartValues) {
  return checked(
    startInput,
    {
      ruleId: v.ruleId as DutyRuleId,
      childId: v.child?.id ?? null,
      concernId: null,
      at: dateTime(v.date, v.time),
      note: v.note,
    },
    v,
  );
}
