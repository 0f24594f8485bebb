/**
 * The school's local settings for statutory duties: timescales its local authority sets, the
 * commencement of the mandatory reporting duty, and the school day's start. They are versioned:
 * every duty records the version it was computed with, and a later change never moves an
 * existing deadline.
 */
import { z } from 'zod';

import { isCalendarDate } from '../dates/calendar-date';
import type { DayUnit } from '../dates/school-calendar';
import type { DeadlineSettingKey, DeadlineSpec } from './rules';

export const writtenConfirmationOptions = ['24h', '48h', '2wd'] as const;
export type WrittenConfirmation = (typeof writtenConfirmationOptions)[number];
export const writtenConfirmationLabels: Record<WrittenConfirmation, string> = {
  '24h': 'Within 24 hours (e.g. Lambeth, Shropshire, Sandwell)',
  '48h': 'Within 48 hours (e.g. Nottingham)',
  '2wd': 'Within 2 working days (e.g. Herefordshire)',
};

export const cpTransferUnits = ['school', 'calendar'] as const satisfies readonly DayUnit[];
export type CpTransferUnit = (typeof cpTransferUnits)[number];
export const cpTransferUnitLabels: Record<CpTransferUnit, string> = {
  school: 'School days (Lantern’s default; several local authorities read "5 days" this way)',
  calendar: 'Calendar days (the strictest reading of "5 days")',
};

export const MRD_MAX_DELAY_DAYS = 7;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const dutySettingsInput = z.strictObject({
  /** The local authority whose procedures set the timescales (shown in explanations). */
  localAuthority: z
    .string()
    .max(120, 'The local authority’s name must be 120 characters or fewer.')
    .transform((s) => s.trim()),
  writtenConfirmation: z.enum(writtenConfirmationOptions, 'Choose the written-referral timescale.'),
  ladoContactWorkingDays: z
    .number('Enter a number of working days.')
    .int('Enter a whole number of working days.')
    .min(1, 'The LADO timescale must be at least 1 working day.')
    .max(5, 'The LADO timescale must be at most 5 working days.'),
  cpTransferUnit: z.enum(cpTransferUnits, 'Choose how the 5 days of a file transfer are counted.'),
  /** The commencement date of the mandatory reporting duty, once regulations set one. */
  csaCommencement: z
    .string()
    .max(10)
    .refine((s) => s === '' || isCalendarDate(s), 'Enter the commencement date as a real date.'),
  csaTargetHours: z
    .number('Enter a number of hours.')
    .int('Enter a whole number of hours.')
    .min(1, 'The target must be at least 1 hour.')
    .max(72, 'The target must be at most 72 hours.'),
  csaMaxDelayDays: z
    .number('Enter a number of days.')
    .int('Enter a whole number of days.')
    .min(1, 'The longest delay must be at least 1 day.')
    .max(MRD_MAX_DELAY_DAYS, `The Act allows a delay of at most ${MRD_MAX_DELAY_DAYS} days.`),
  schoolDayStartsAt: z.string().regex(TIME, 'Enter the time the school day starts, such as 08:30.'),
});
export type DutySettings = z.output<typeof dutySettingsInput>;

export const defaultDutySettings: DutySettings = {
  localAuthority: '',
  writtenConfirmation: '24h',
  ladoContactWorkingDays: 1,
  cpTransferUnit: 'school',
  csaCommencement: '',
  csaTargetHours: 24,
  csaMaxDelayDays: MRD_MAX_DELAY_DAYS,
  schoolDayStartsAt: '08:30',
};

/** One saved version of the settings. Version 0 is the defaults, before anyone saved. */
export type DutySettingsVersion = {
  version: number;
  settings: DutySettings;
  savedAt: string | null;
  savedByName: string | null;
};

/** A local-setting deadline made concrete, with the words that explain it. */
export function settingDeadline(
  key: DeadlineSettingKey,
  settings: DutySettings,
): { spec: DeadlineSpec; basis: string } {
  const la = settings.localAuthority === '' ? 'the local authority' : settings.localAuthority;
  switch (key) {
    case 'writtenConfirmation': {
      const spec: DeadlineSpec =
        settings.writtenConfirmation === '2wd'
          ? { kind: 'days', unit: 'working', days: 2 }
          : { kind: 'hours', hours: settings.writtenConfirmation === '24h' ? 24 : 48 };
      return {
        spec,
        basis: `${la}’s timescale for written confirmation: ${writtenConfirmationLabels[settings.writtenConfirmation].replace(/ \(.*\)$/, '').toLowerCase()}`,
      };
    }
    case 'ladoContact': {
      const days = settings.ladoContactWorkingDays;
      return {
        spec: { kind: 'days', unit: 'working', days },
        basis: `${la}’s procedure: contact the LADO within ${days} working ${days === 1 ? 'day' : 'days'}`,
      };
    }
    case 'cpTransfer':
      return {
        spec: { kind: 'transfer', unit: settings.cpTransferUnit, days: 5 },
        basis: `5 ${settings.cpTransferUnit === 'school' ? 'school days' : 'calendar days'}, as set in Lantern’s duty settings`,
      };
    case 'csaTarget':
      return {
        spec: { kind: 'hours', hours: settings.csaTargetHours },
        basis: `Lantern’s target of ${settings.csaTargetHours} hours for "as soon as practicable"`,
      };
  }
}
