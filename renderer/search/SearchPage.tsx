import type { SubmitEvent } from 'react';
import { Fragment, useState } from 'react';

import { splitOccurredAt } from '../../shared/concerns/schema';
import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import type { SearchHit } from '../../shared/search/schema';
import { MAX_SEARCH_CHARS, searchKindLabels } from '../../shared/search/schema';
import { useCan } from '../app/use-can';
import type { Route } from '../store';
import { useLantern } from '../store';
import type { SearchState } from '../store/search-slice';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { TextField } from '../ui/TextField';

/** The day it happened when known, otherwise the day it was written: "28 Nov 2026". */
function hitDate(hit: SearchHit): string {
  return formatCalendarDate(
    hit.occurredAt === null
      ? londonDate(new Date(hit.recordedAt))
      : splitOccurredAt(hit.occurredAt).date,
  );
}

function childrenText(hit: SearchHit): string {
  if (hit.children.length === 0) return 'No child named';
  return hit.children.map((c) => (c.left ? `${c.name} (left the school)` : c.name)).join(', ');
}

function Result({ hit, index }: { hit: SearchHit; index: number }) {
  const navigate = useLantern((s) => s.navigate);
  const title = `${searchKindLabels[hit.kind]}, ${hitDate(hit)}`;
  const aboutId = `search-result-${index}-about`;
  const concernId = hit.concernId;
  // A notification's texts (and its corrections) are indexed under the notification's id.
  const route: Route | null =
    hit.kind === 'encompass'
      ? { page: 'encompass', id: hit.sourceId, child: null }
      : concernId === null
        ? null
        : { page: 'concern', id: concernId, child: null, from: 'search' };
  return (
    <li className="search-result">
      <h2 className="search-result__title">
        {route === null ? (
          title
        ) : (
          <Button
            variant="link"
            aria-describedby={aboutId}
            onClick={() => {
              navigate(route);
            }}
          >
            {title}
          </Button>
        )}
      </h2>
      <p className="search-result__about" id={aboutId}>
        {childrenText(hit)}
      </p>
      <p className="search-result__snippet">
        {hit.snippet.map((segment, i) =>
          segment.hit ? (
            <mark key={i}>{segment.text}</mark>
          ) : (
            <Fragment key={i}>{segment.text}</Fragment>
          ),
        )}
      </p>
    </li>
  );
}

function countText(search: SearchState): string {
  const n = search.items.length;
  if (n === 0) return `Nothing matches “${search.query}”.`;
  const counted = n === 1 ? '1 result' : `${n.toLocaleString('en-GB')} results`;
  return `${search.more ? `The first ${counted}` : counted} for “${search.query}”, best match first.`;
}

/**
 * Full-text search of concerns, corrections and (for those who manage casework) casework
 * notes. Results come as plain-text segments; the matching words are shown in <mark>.
 */
export function SearchPage() {
  const search = useLantern((s) => s.search);
  const runSearch = useLantern((s) => s.runSearch);
  const showMore = useLantern((s) => s.showMoreResults);
  const readsAll = useCan('concerns.read');
  const casework = useCan('casework.manage');
  // Coming back to the page keeps the last search and its results.
  const [text, setText] = useState(() => useLantern.getState().search.query);
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Enter a word or phrase to search for.');
      return;
    }
    setError(undefined);
    void runSearch(text.trim()).then((refused) => {
      setError(refused ?? undefined);
    });
  };

  const searched = search.query !== '' && search.status !== 'idle';
  return (
    <>
      <PageHeading>Search concerns</PageHeading>
      <form role="search" className="search-form" onSubmit={submit} noValidate>
        <TextField
          id="concern-search"
          label="Words or a phrase to find"
          hint={
            <>
              {casework
                ? 'Searches what was recorded in every concern, the corrections to them and casework notes.'
                : readsAll
                  ? 'Searches what was recorded in every concern, and the corrections to them.'
                  : 'Searches what was recorded in the concerns you recorded, and the corrections to them.'}{' '}
              Words find any word they begin (“bruis” finds “bruised”); put words in double quotes
              to find that exact phrase.
            </>
          }
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_SEARCH_CHARS}
          error={error}
          errorRole="alert"
          value={text}
          onChange={setText}
        />
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>
      <p role="status" className="search-count">
        {searched &&
        search.status !== 'failed' &&
        !(search.status === 'loading' && search.items.length === 0)
          ? countText(search)
          : ''}
      </p>
      {search.status === 'loading' && search.items.length === 0 ? (
        <Loading text="Searching…" />
      ) : null}
      {searched && search.status === 'ready' && search.items.length === 0 ? (
        <p className="empty-state">
          Check the spelling, try fewer words or the start of a word
          {readsAll ? '.' : ', and remember that you can search only the concerns you recorded.'}
        </p>
      ) : null}
      {search.items.length > 0 ? (
        <ol className="search-results" aria-label="Search results">
          {search.items.map((hit, i) => (
            <Result key={`${hit.kind}-${hit.sourceId}`} hit={hit} index={i} />
          ))}
        </ol>
      ) : null}
      {search.more && search.status === 'ready' ? (
        <Button
          onClick={() => {
            void showMore();
          }}
        >
          Show more results
        </Button>
      ) : null}
      {search.status === 'failed' && search.error ? (
        <LoadFailure
          title={
            search.items.length === 0
              ? 'The search could not be run'
              : 'More results could not be loaded'
          }
          error={search.error}
          onRetry={() => {
            if (search.items.length === 0) void runSearch(search.query);
            else void showMore();
          }}
        />
      ) : null}
    </>
  );
}
