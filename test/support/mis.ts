import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MIS_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mis');

/**
 * A MIS export from test/fixtures/mis, decoded as the renderer's File.text() decodes a file:
 * UTF-8, with any byte order mark kept for the parser to deal with.
 */
export function misFixture(
  name: 'sims.csv' | 'arbor.csv' | 'bromcom.csv' | 'sims-contacts.csv' | 'arbor-contacts.csv',
): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    readFileSync(join(MIS_FIXTURES, name)),
  );
}
