/**
 * Redaction of third parties in a referral pack: each chosen person's full name, each part of
 * it that is not also part of the child's own name (a first name alone, a surname alone), and
 * their phone, email and address (the whole address and each line of it that holds a number:
 * a house number or a postcode). Matching ignores case and runs of spaces, and only whole words
 * match, so "Sam" is redacted in "Sam's" but not in "Samuel" or "sample".
 */
import type { PackText } from '../../shared/exports/pack';
import { REDACTED_TEXT } from '../../shared/exports/pack';

export type RedactionTarget = { names: readonly string[]; details: readonly string[] };

const escape = (s: string): string =>
  s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** Words of a name: "Mary-Jane O'Neil" → "Mary-Jane", "O'Neil". */
function words(name: string): string[] {
  return name.split(/\s+/).filter((w) => w !== '');
}

function variants(target: RedactionTarget, keep: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const name of target.names) {
    const trimmed = name.trim();
    if (trimmed === '') continue;
    out.push(trimmed);
    for (const word of words(trimmed))
      if (word.length >= 2 && !keep.has(word.toLocaleLowerCase('en-GB'))) out.push(word);
  }
  for (const detail of target.details) {
    const trimmed = detail.trim();
    if (trimmed === '') continue;
    out.push(trimmed);
    for (const part of trimmed.split(/[\n,]+/).map((p) => p.trim()))
      if (part.length >= 4 && /\d/.test(part)) out.push(part);
  }
  return out;
}

export type Redactor = {
  (text: string): PackText;
  /** How many spans it has replaced so far. */
  count(): number;
};

/**
 * A function that splits text into plain and redacted runs. `keepNames` are the child's own
 * names: words of a third party's name that are also the child's (a shared surname) are only
 * redacted as part of the full name.
 */
export function redactor(
  targets: readonly RedactionTarget[],
  keepNames: readonly string[],
): Redactor {
  const keep = new Set(keepNames.flatMap(words).map((w) => w.toLocaleLowerCase('en-GB')));
  const all = [...new Set(targets.flatMap((t) => variants(t, keep)))].sort(
    (a, b) => b.length - a.length,
  );
  let count = 0;
  const pattern =
    all.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const redact = (text: string): PackText => {
    if (pattern === null || text === '') return [{ text, redacted: false }];
    const runs: PackText = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const at = match.index;
      if (at > last) runs.push({ text: text.slice(last, at), redacted: false });
      runs.push({ text: REDACTED_TEXT, redacted: true });
      count += 1;
      last = at + match[0].length;
    }
    if (last < text.length) runs.push({ text: text.slice(last), redacted: false });
    return runs.length === 0 ? [{ text: '', redacted: false }] : runs;
  };
  return Object.assign(redact, { count: () => count });
}
