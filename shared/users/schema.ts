import { z } from 'zod';

import type { Role } from '../auth/roles';
import { roles } from '../auth/roles';

export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

export const passphraseField = z
  .string()
  .max(MAX_PASSPHRASE_LENGTH, `Passphrase must be ${MAX_PASSPHRASE_LENGTH} characters or fewer.`);

/** A new passphrase: long enough to resist guessing, and not the username. */
export const newPassphraseField = passphraseField.min(
  MIN_PASSPHRASE_LENGTH,
  `Use at least ${MIN_PASSPHRASE_LENGTH} characters: three or four random words work well.`,
);

export const usernameField = z
  .string()
  .max(64, 'Username must be 64 characters or fewer.')
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s.length >= 2, 'Enter a username of at least 2 characters.')
  .refine(
    (s) => s === '' || /^[a-z0-9][a-z0-9._-]*$/.test(s),
    'Use letters, digits, dots, hyphens or underscores, starting with a letter or digit.',
  );

export const displayNameField = z
  .string()
  .max(100, 'Name must be 100 characters or fewer.')
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .refine((s) => s.length > 0, 'Enter the person’s full name.');

export const roleField = z.enum(roles, 'Choose a role.');

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

/** A person's account as others may see it: never a secret. */
export type User = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  mustChangePassphrase: boolean;
  createdAt: string;
  lastSignInAt: string | null;
};

/** Strength as a person can act on it: length is what matters most for passphrases. */
export type PassphraseStrength = 'too_short' | 'fair' | 'good' | 'strong';

export function passphraseStrength(passphrase: string): PassphraseStrength {
  // Count what a person sees as characters, so an accented letter or emoji counts once.
  const length = Array.from(
    new Intl.Segmenter('en-GB', { granularity: 'grapheme' }).segment(passphrase),
  ).length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'too_short';
  const words = passphrase
    .trim()
    .split(/[\s\-_.]+/)
    .filter(Boolean).length;
  if (length >= 24 || (length >= 20 && words >= 4)) return 'strong';
  if (length >= 16 || words >= 3) return 'good';
  return 'fair';
}

export const passphraseStrengthLabels: Record<PassphraseStrength, string> = {
  too_short: `Too short: use at least ${MIN_PASSPHRASE_LENGTH} characters`,
  fair: 'Fair: longer is stronger',
  good: 'Good',
  strong: 'Strong',
};
