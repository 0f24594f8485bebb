import type { ChildPresence, EncompassInput } from '../../shared/encompass/schema';
import { encompassDateProblems, encompassInput } from '../../shared/encompass/schema';
import type { FormErrors } from '../ui/form-errors';
import { fieldsNamed, issuesNamed } from '../ui/form-errors';

/** A child in the form: the name shown, whether they were present ('' until chosen). */
export type EncompassChildValue = { childId: string; name: string; presence: ChildPresence | '' };

/** What the form holds while someone types: dates and times apart, as the inputs give them. */
export type EncompassValues = {
  children: EncompassChildValue[];
  incidentDate: string;
  incidentTime: string;
  notifiedDate: string;
  notifiedTime: string;
  policeForce: string;
  policeReference: string;
  notifiedBy: string;
  summary: string;
  keyAdultId: string;
  informedDate: string;
  informedTime: string;
  supportPlanned: string;
};

export function blankEncompass(
  child: { id: string; name: string } | null,
  today: string,
  keyAdultId: string,
): EncompassValues {
  return {
    children: child ? [{ childId: child.id, name: child.name, presence: '' }] : [],
    incidentDate: '',
    incidentTime: '',
    notifiedDate: today,
    notifiedTime: '',
    policeForce: '',
    policeReference: '',
    notifiedBy: '',
    summary: '',
    keyAdultId,
    informedDate: today,
    informedTime: '',
    supportPlanned: '',
  };
}

/** A date and an optional time, as the `occurredAtField` inputs take them. */
export function dateTime(date: string, time: string): string {
  return time === '' ? date : `${date}T${time}`;
}

export function encompassInputFrom(values: EncompassValues): EncompassInput {
  return {
    children: values.children.map((c) => ({
      childId: c.childId,
      presence: c.presence as ChildPresence,
    })),
    incidentAt: dateTime(values.incidentDate, values.incidentTime),
    notifiedAt: dateTime(values.notifiedDate, values.notifiedTime),
    policeForce: values.policeForce,
    policeReference: values.policeReference,
    notifiedBy: values.notifiedBy,
    summary: values.summary,
    keyAdultId: values.keyAdultId,
    keyAdultInformedAt: dateTime(values.informedDate, values.informedTime),
    supportPlanned: values.supportPlanned,
  };
}

/** A field path from main or zod → the form's field name (a date-and-time goes to its date). */
export function formField(path: string): string {
  if (path === 'incidentAt') return 'incidentDate';
  if (path === 'notifiedAt') return 'notifiedDate';
  if (path === 'keyAdultInformedAt') return 'informedDate';
  if (/^children\.\d+\./.test(path)) return path.split('.').slice(0, 2).join('.');
  return path;
}

type Check = { ok: true; input: EncompassInput } | { ok: false; errors: FormErrors };

/** The checks main makes, first, for instant feedback: the shared schema, then the clock. */
export function checkEncompass(values: EncompassValues, now: Date): Check {
  const input = encompassInputFrom(values);
  const parsed = encompassInput.safeParse(input);
  if (!parsed.success) {
    const fields = issuesNamed(parsed.error.issues, formField);
    // A date given without its time: point at the time, which is what is missing.
    const moved = new Set<string>();
    for (const [date, time, what] of [
      ['notifiedDate', 'notifiedTime', 'the police notified the school'],
      ['informedDate', 'informedTime', 'the key adult was told'],
    ] as const) {
      if (values[date] !== '' && values[time] === '' && date in fields) {
        moved.add(date);
        fields[time] = `Enter the time ${what}, such as 07:45.`;
      }
    }
    const shown = Object.fromEntries(Object.entries(fields).filter(([name]) => !moved.has(name)));
    return { ok: false, errors: { fields: shown, general: null } };
  }
  const dates = fieldsNamed(Object.entries(encompassDateProblems(parsed.data, now)), formField);
  if (Object.keys(dates).length > 0) return { ok: false, errors: { fields: dates, general: null } };
  return { ok: true, input };
}
