/**
 * What identifies a child or tells their story, read straight from a store: for tests that a
 * governor's view or report holds none of it (security G8).
 */
import { expect } from 'vitest';

import { formatCalendarDate } from '../../shared/dates/calendar-date';
import { readStore } from './core';

export type ChildSecrets = { names: string[]; upns: string[]; births: string[]; texts: string[] };

type ChildRow = {
  legal_forename: string;
  legal_surname: string;
  preferred_forename: string;
  upn: string;
  date_of_birth: string;
};

export function childSecrets(dataDir: string): Promise<ChildSecrets> {
  return readStore(dataDir, (db) => {
    const children = db
      .prepare<[], ChildRow>(
        'SELECT legal_forename, legal_surname, preferred_forename, upn, date_of_birth FROM children',
      )
      .all();
    const concerns = db
      .prepare<[], Record<string, string>>(
        'SELECT summary, child_words, opinion, actions_taken, people_told, location FROM concerns',
      )
      .all();
    return {
      names: [
        ...new Set(
          children.flatMap((c) => [c.legal_forename, c.legal_surname, c.preferred_forename]),
        ),
      ].filter((n) => n !== ''),
      upns: children.map((c) => c.upn).filter((u) => u !== ''),
      births: children.flatMap((c) => [c.date_of_birth, formatCalendarDate(c.date_of_birth)]),
      // Short answers ("No", "Yes") are words anyone may write; longer ones are the record's.
      texts: [...new Set(concerns.flatMap((c) => Object.values(c)))].filter((t) => t.length >= 5),
    };
  });
}

/** No name as a whole word, no UPN, no date of birth, no concern's own words in `text`. */
export function expectNothingAboutAChild(text: string, secrets: ChildSecrets): void {
  for (const name of secrets.names)
    expect(new RegExp(`(^|[^\\p{L}])${name}($|[^\\p{L}])`, 'u').test(text), name).toBe(false);
  for (const upn of secrets.upns) expect(text).not.toContain(upn);
  for (const born of secrets.births) expect(text).not.toContain(born);
  for (const t of secrets.texts) expect(text).not.toContain(t);
}
