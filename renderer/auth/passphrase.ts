import { newPassphraseField } from '../../shared/users/schema';

/**
 * The checks main makes on a new passphrase and its confirmation, with friendlier words for
 * blank fields. Keyed `passphrase` and `confirmation`, as main keys its own.
 */
export function newPassphraseProblems(
  passphrase: string,
  confirmation: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (passphrase === '') {
    fields.passphrase = 'Enter a passphrase.';
  } else {
    const parsed = newPassphraseField.safeParse(passphrase);
    if (!parsed.success)
      fields.passphrase = parsed.error.issues[0]?.message ?? 'Choose a longer passphrase.';
  }
  if (confirmation === '') fields.confirmation = 'Enter the passphrase again to confirm it.';
  else if (confirmation !== passphrase) fields.confirmation = 'The passphrases do not match.';
  return fields;
}
