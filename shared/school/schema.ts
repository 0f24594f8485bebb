import { z } from 'zod';

export const phases = [
  'nursery',
  'primary',
  'middle',
  'secondary',
  'all_through',
  'sixteen_plus',
  'special',
  'alternative_provision',
] as const;
export type Phase = (typeof phases)[number];
export const phaseLabels: Record<Phase, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  middle: 'Middle',
  secondary: 'Secondary',
  all_through: 'All-through',
  sixteen_plus: '16 plus',
  special: 'Special',
  alternative_provision: 'Alternative provision / PRU',
};

export const schoolInput = z.strictObject({
  name: z
    .string()
    .max(200, 'School name must be 200 characters or fewer.')
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .refine((s) => s.length > 0, 'Enter the school’s name.'),
  urn: z
    .string()
    .max(10, 'A URN has 6 digits.')
    .transform((s) => s.trim())
    .refine(
      (s) => /^[1-9]\d{5}$/.test(s),
      'A URN (unique reference number) has 6 digits, as shown on Get Information about Schools.',
    ),
  localAuthority: z
    .string()
    .max(100, 'Local authority must be 100 characters or fewer.')
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .refine(
      (s) => s.length > 0,
      'Enter the local authority whose safeguarding partnership covers the school.',
    ),
  laCode: z
    .string()
    .max(5, 'An LA number has 3 digits.')
    .transform((s) => s.trim())
    .refine((s) => s === '' || /^\d{3}$/.test(s), 'An LA number has 3 digits, for example 878.'),
  phase: z.enum(phases, 'Choose the school’s phase.'),
});
export type SchoolInput = z.input<typeof schoolInput>;
export type SchoolProfile = z.output<typeof schoolInput> & { updatedAt: string };
