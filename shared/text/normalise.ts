/**
 * Folds text for matching: lower case, accents removed, runs of white space collapsed.
 * "Zoë  O'Brien" and "zoe o'brien" fold to the same key.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
