import type { SnippetSegment } from '../../shared/search/schema';

/** More terms than anyone types; bounds the work one search can ask of FTS5. */
const MAX_TERMS = 16;

/** A term FTS5's unicode61 tokenizer turns into at least one token: a letter or a digit. */
const SEARCHABLE = /[\p{L}\p{N}\p{Co}]/u;

/** A "quoted phrase" (its closing quote optional), or a run of anything but space and quotes. */
const TERM = /"([^"]*)"?|([^\s"]+)/g;

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * A person's search as an FTS5 query that cannot be read as FTS5 syntax: each word and each
 * "quoted phrase" becomes a quoted string, so AND, OR, NEAR, *, ^, column filters and stray
 * quotes are only text. Words match as prefixes ("bruis" finds "bruising"); a phrase matches
 * exactly those words in that order. Every term must match. Null when nothing is searchable.
 */
export function ftsQuery(input: string): string | null {
  const terms: string[] = [];
  // Control characters separate words anyway; a NUL would end the query string inside SQLite.
  for (const m of input.replace(/\p{Cc}/gu, ' ').matchAll(TERM)) {
    const phrase = m[1];
    const word = m[2];
    if (phrase !== undefined && SEARCHABLE.test(phrase)) terms.push(quote(phrase.trim()));
    else if (word !== undefined && SEARCHABLE.test(word)) terms.push(`${quote(word)}*`);
    if (terms.length === MAX_TERMS) break;
  }
  return terms.length > 0 ? terms.join(' ') : null;
}

/** Marks FTS5 puts around each matching word in a snippet (narrative text cannot hold them). */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';

/** A snippet marked with HIT_START/HIT_END, as plain-text segments (never HTML). */
export function snippetSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const [i, part] of marked.split(HIT_START).entries()) {
    const [hit, rest] = i === 0 ? ['', part] : splitOnce(part, HIT_END);
    if (hit !== '') segments.push({ text: hit, hit: true });
    if (rest !== '') segments.push({ text: rest, hit: false });
  }
  return segments;
}

function splitOnce(text: string, mark: string): [string, string] {
  const at = text.indexOf(mark);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + mark.length)];
}
