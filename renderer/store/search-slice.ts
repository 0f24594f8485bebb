import type { SearchHit } from '../../shared/search/schema';
import type { ApiError } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** How many results the search page asks for at a time ("Show more results" gets the next). */
export const SEARCH_PAGE_SIZE = 20;

export type SearchState = {
  /** The search the results answer ('' before the first one). */
  query: string;
  items: SearchHit[];
  more: boolean;
  status: LoadStatus;
  error: ApiError | null;
};

export type SearchSlice = {
  search: SearchState;
  /** Resolves to main's message about the search text when it refused it, else null. */
  runSearch: (query: string) => Promise<string | null>;
  showMoreResults: () => Promise<void>;
};

export const initialSearch: Pick<SearchSlice, 'search'> = {
  search: { query: '', items: [], more: false, status: 'idle', error: null },
};

export const createSearchSlice: SliceCreator<SearchSlice> = (set, get) => {
  let latest = 0;

  return {
    ...initialSearch,

    async runSearch(query) {
      const ticket = (latest += 1);
      set({ search: { query, items: [], more: false, status: 'loading', error: null } });
      const result = await sessionCall(get, 'search.concerns', {
        query,
        limit: SEARCH_PAGE_SIZE,
        offset: 0,
      });
      if (!result || ticket !== latest) return null;
      const refused = !result.ok && result.error.code === 'invalid_input';
      set({
        search: result.ok
          ? { query, ...result.value, status: 'ready', error: null }
          : {
              query,
              items: [],
              more: false,
              status: refused ? 'idle' : 'failed',
              error: result.error,
            },
      });
      return refused ? (result.error.fields?.query ?? result.error.message) : null;
    },

    async showMoreResults() {
      const { search } = get();
      if (search.status === 'loading' || !search.more) return;
      const ticket = (latest += 1);
      set({ search: { ...search, status: 'loading', error: null } });
      const result = await sessionCall(get, 'search.concerns', {
        query: search.query,
        limit: SEARCH_PAGE_SIZE,
        offset: search.items.length,
      });
      if (!result || ticket !== latest) return;
      set((s) => ({
        search: result.ok
          ? {
              ...s.search,
              items: [...s.search.items, ...result.value.items],
              more: result.value.more,
              status: 'ready',
            }
          : { ...s.search, status: 'failed', error: result.error },
      }));
    },
  };
};
