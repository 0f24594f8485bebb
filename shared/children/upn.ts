/**
 * The Unique Pupil Number (DfE, "Unique pupil numbers (UPNs)" guidance): 13 characters,
 * a check letter, the 3-digit LA number, the 4-digit establishment number, 2 digits for the
 * year of issue and a 3-character serial. A temporary UPN ends with a letter instead of its
 * last digit.
 *
 * The check letter: weight characters 2–13 by their position (2…13), add the products, take
 * the remainder on division by 23 and map 0…22 to the letters below. Letters inside the UPN
 * (the temporary marker) count as their index in the same alphabet; digits count as themselves.
 */
const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const UPN_SHAPE = /^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/;

export type UpnProblem = 'length' | 'format' | 'check_letter';

function characterValue(ch: string): number {
  const digit = '0123456789'.indexOf(ch);
  return digit >= 0 ? digit : CHECK_ALPHABET.indexOf(ch);
}

/** The check letter for the 12 characters that follow it. */
export function upnCheckLetter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) sum += (i + 2) * characterValue(body.charAt(i));
  return CHECK_ALPHABET.charAt(sum % 23);
}

/** Upper case with spaces removed: what people type is often "b801 2000 05001". */
export function normaliseUpn(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function upnProblem(upn: string): UpnProblem | null {
  if (upn.length !== 13) return 'length';
  if (!UPN_SHAPE.test(upn)) return 'format';
  return upnCheckLetter(upn.slice(1)) === upn.charAt(0) ? null : 'check_letter';
}

export function isTemporaryUpn(upn: string): boolean {
  return /[A-Z]$/.test(upn);
}

export const upnProblemMessages: Record<UpnProblem, string> = {
  length: 'A UPN has 13 characters: a letter, then 12 digits (a temporary UPN ends in a letter).',
  format:
    'A UPN starts with a check letter (not I, O or S), then 11 digits, then a digit or a letter.',
  check_letter:
    'This UPN’s check letter does not match its digits. Check it against the MIS or the pupil’s previous school.',
};
