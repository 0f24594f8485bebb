import type { ParsedInput } from '../../shared/api';
import { can } from '../../shared/auth/roles';
import type { SearchResults } from '../../shared/search/schema';
import { searchKinds, searchKindsForAll } from '../../shared/search/schema';
import { ApiFailure } from '../api-failure';
import type { HandlerContext, Handled } from '../handler';
import { roleOf } from '../handler';
import { ftsQuery } from './fts-query';

/**
 * Searches the text of concerns, corrections and casework notes. Without concerns.read a person
 * finds only the concerns they recorded (and corrections to them); casework notes only with
 * casework.manage. The audit row names every concern and child the results show.
 */
export function searchConcerns(
  ctx: HandlerContext,
  input: ParsedInput<'search.concerns'>,
): Handled<SearchResults> {
  const userId = ctx.session.user?.id;
  if (!userId) throw new ApiFailure('unauthenticated', 'Lantern is locked. Sign in to continue.');
  const match = ftsQuery(input.query);
  if (match === null)
    throw new ApiFailure('invalid_input', 'Some details need correcting.', {
      query: 'Search for a word or a number: punctuation alone finds nothing.',
    });
  const role = roleOf(ctx.session);
  const results = ctx.store.search.search({
    match,
    onlyConcernsOf: can(role, 'concerns.read') ? null : userId,
    kinds: can(role, 'casework.manage') ? searchKinds : searchKindsForAll,
    limit: input.limit,
    offset: input.offset,
    today: ctx.today,
  });
  const touched = new Set<string>();
  for (const hit of results.items) {
    touched.add(hit.sourceId);
    if (hit.concernId) touched.add(hit.concernId);
    for (const child of hit.children) touched.add(child.id);
  }
  return { value: results, recordIds: [...touched] };
}
