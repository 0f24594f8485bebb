import { useState } from 'react';

import type { ChildSummary } from '../../shared/children/schema';
import { displayName, yearGroupLabel } from '../../shared/children/schema';
import type { Result } from '../../shared/result';
import { Button } from '../ui/Button';
import { TextField } from '../ui/TextField';

type RegisterPickerProps = {
  /** The id of the search field. */
  id: string;
  label: string;
  /** A problem found elsewhere, shown on the search field. */
  error?: string | undefined;
  /** Searches the register; resolves to null when the session ended first. */
  find: (query: string) => Promise<Result<ChildSummary[]> | null>;
  /** Completes "No … matches “query”.": "pupil on roll". */
  noMatch: string;
  /** The word on each result's button: "Add", "Choose". */
  verb: string;
  /** Why a pupil found cannot be chosen ("already added"), or null when they can. */
  unavailable?: (child: ChildSummary) => string | null;
  onChoose: (child: ChildSummary) => void;
};

/** A search of the register by name or UPN, each pupil found offered as a button to choose. */
export function RegisterPicker({
  id,
  label,
  error,
  find,
  noMatch,
  verb,
  unavailable = () => null,
  onChoose,
}: RegisterPickerProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ChildSummary[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);

  async function search(): Promise<void> {
    if (query.trim() === '') {
      setSearchError('Enter a name or UPN to search for.');
      setFound(null);
      return;
    }
    const result = await find(query);
    if (!result) return;
    setFound(result.ok ? result.value : null);
    setSearchError(result.ok ? null : result.error.message);
  }

  return (
    <>
      <div className="register-search">
        <TextField
          id={id}
          label={label}
          hint="Search the register by name or UPN."
          autoComplete="off"
          value={query}
          error={searchError ?? error}
          onChange={setQuery}
          onKeyDown={(event) => {
            // Enter searches here rather than submitting a form around the picker.
            if (event.key === 'Enter') {
              event.preventDefault();
              void search();
            }
          }}
        />
        <Button
          onClick={() => {
            void search();
          }}
        >
          Search
        </Button>
      </div>
      {found ? (
        <div role="status">
          {found.length === 0 ? (
            <p>
              No {noMatch} matches “{query.trim()}”.
            </p>
          ) : (
            <ul className="list">
              {found.map((child) => {
                const name = `${displayName(child)} (${yearGroupLabel(child.yearGroup)})`;
                const reason = unavailable(child);
                return (
                  <li key={child.id}>
                    {reason ? (
                      <span>
                        {name}, {reason}
                      </span>
                    ) : (
                      <Button
                        variant="link"
                        onClick={() => {
                          onChoose(child);
                          setFound(null);
                          setQuery('');
                        }}
                      >
                        {verb} {name}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ) : null}
    </>
  );
}
