import { MIN_PASSPHRASE_LENGTH, methods } from '../../shared/api';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromIssues } from '../ui/form-errors';

type Strength = { level: 'short' | 'fair' | 'strong'; text: string };

/**
 * Length is what makes a passphrase hard to guess, so the hint counts characters and no more.
 * Null before anything is typed: a warning on an empty field would only alarm.
 */
export function passphraseStrength(passphrase: string): Strength | null {
  if (passphrase === '') return null;
  const missing = MIN_PASSPHRASE_LENGTH - passphrase.length;
  if (missing > 0) {
    return {
      level: 'short',
      text: `Too short: ${missing} more ${missing === 1 ? 'character' : 'characters'} needed.`,
    };
  }
  if (passphrase.length < 20) return { level: 'fair', text: 'Long enough. Longer is stronger.' };
  return { level: 'strong', text: 'Strong: a long passphrase is hard to guess.' };
}

/** The same rules main applies to vault.create, plus friendlier words for blank fields. */
export function setUpProblems(passphrase: string, confirmation: string): FormErrors {
  const parsed = methods['vault.create'].input.safeParse({ passphrase, confirmation });
  const fields = parsed.success ? {} : errorsFromIssues(parsed.error.issues);
  if (passphrase === '') fields.passphrase = 'Enter a passphrase.';
  if (confirmation === '') fields.confirmation = 'Enter the passphrase again to confirm it.';
  else if (confirmation !== passphrase) fields.confirmation = 'The passphrases do not match.';
  return { fields, general: null };
}
