import { MAX_PASSPHRASE_LENGTH } from '../../shared/users/schema';
import type { TextFieldProps } from './TextField';
import { TextField } from './TextField';

/**
 * A passphrase input: hidden, never spell-checked (the spell-checker would send it to a
 * dictionary service), and named for the browser's password manager by what it is for.
 */
export function PassphraseField({
  purpose,
  ...props
}: TextFieldProps & { purpose: 'current' | 'new' }) {
  return (
    <TextField
      type="password"
      autoComplete={purpose === 'new' ? 'new-password' : 'current-password'}
      spellCheck={false}
      maxLength={MAX_PASSPHRASE_LENGTH}
      {...props}
    />
  );
}

/** A username input: no capitalisation or spell-checking of what is really an identifier. */
export function UsernameField(props: TextFieldProps) {
  return (
    <TextField
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      width="medium"
      maxLength={64}
      {...props}
    />
  );
}
