/**
 * The recovery key printed at set-up: 30 characters of Crockford base32 (150 bits) in six
 * groups of five, e.g. "7KQ2M-9XD4R-…". Crockford's alphabet leaves out I, L, O and U, and
 * reading it back forgives the usual confusions (O for 0, I and L for 1) and any spacing.
 */
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_GROUPS = 6;
export const RECOVERY_GROUP_LENGTH = 5;
const LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;

/** Formats 30 symbols as groups separated by hyphens. */
export function formatRecoveryKey(symbols: string): string {
  return symbols.match(new RegExp(`.{1,${RECOVERY_GROUP_LENGTH}}`, 'g'))?.join('-') ?? '';
}

/** The canonical 30 symbols, or null when what was typed cannot be a recovery key. */
export function normaliseRecoveryKey(typed: string): string | null {
  const symbols = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (symbols.length !== LENGTH) return null;
  for (const ch of symbols) if (!RECOVERY_ALPHABET.includes(ch)) return null;
  return symbols;
}

export function lastRecoveryGroup(formatted: string): string {
  return formatted.slice(-RECOVERY_GROUP_LENGTH);
}
