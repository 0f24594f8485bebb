import { useState } from 'react';

import type { ChronologyFilter } from '../../shared/chronology/schema';
import {
  chronologyFilter,
  chronologySourceLabels,
  chronologySources,
  noChronologyFilter,
} from '../../shared/chronology/schema';
import { statutoryCategories, tagGroups } from '../../shared/concerns/taxonomy';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { DateField } from '../ui/DateField';
import { errorsFromIssues } from '../ui/form-errors';
import { filtersInUse } from './chronology-text';

type ChronologyFiltersProps = {
  filter: ChronologyFilter;
  onApply: (filter: ChronologyFilter) => void;
};

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

/**
 * Dates, sources, categories and "significant events only". Applied together with one button,
 * so a half-typed date never sends a request; the same schema as main checks the dates first.
 */
export function ChronologyFilters({ filter, onApply }: ChronologyFiltersProps) {
  const [draft, setDraft] = useState<ChronologyFilter>(filter);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const categoryCount = draft.categories.length;

  function apply(next: ChronologyFilter) {
    const parsed = chronologyFilter.safeParse(next);
    if (!parsed.success) {
      setErrors(errorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    onApply(parsed.data);
  }

  function categoryBox(id: string, label: string) {
    return (
      <CheckboxField
        key={id}
        id={`chronology-category-${id}`}
        label={label}
        checked={draft.categories.includes(id)}
        onChange={(on) => {
          setDraft({ ...draft, categories: toggled(draft.categories, id, on) });
        }}
      />
    );
  }

  return (
    <form
      className="filters chronology-filters no-print"
      aria-label="Filter the chronology"
      onSubmit={(event) => {
        event.preventDefault();
        apply(draft);
      }}
    >
      <div className="filters__fields">
        <DateField
          id="chronology-from"
          label="From"
          value={draft.from}
          error={errors.from}
          onChange={(from) => {
            setDraft({ ...draft, from });
          }}
        />
        <DateField
          id="chronology-to"
          label="To"
          value={draft.to}
          error={errors.to}
          onChange={(to) => {
            setDraft({ ...draft, to });
          }}
        />
        <CheckboxField
          id="chronology-significant-only"
          label="Significant events only"
          checked={draft.significantOnly}
          onChange={(significantOnly) => {
            setDraft({ ...draft, significantOnly });
          }}
        />
      </div>
      <details className="chronology-filters__more">
        <summary>
          Sources{draft.sources.length > 0 ? ` (${draft.sources.length} chosen)` : ''}
        </summary>
        <fieldset className="fieldset">
          <legend className="fieldset__legend fieldset__legend--small">
            Show entries from these sources (none ticked shows all)
          </legend>
          <div className="checkbox-group">
            {chronologySources.map((source) => (
              <CheckboxField
                key={source}
                id={`chronology-source-${source}`}
                label={chronologySourceLabels[source]}
                checked={draft.sources.includes(source)}
                onChange={(on) => {
                  setDraft({ ...draft, sources: toggled(draft.sources, source, on) });
                }}
              />
            ))}
          </div>
        </fieldset>
      </details>
      <details className="chronology-filters__more">
        <summary>Categories{categoryCount > 0 ? ` (${categoryCount} chosen)` : ''}</summary>
        <p className="field__hint">An entry shows when it has any of the categories ticked.</p>
        <fieldset className="fieldset">
          <legend className="fieldset__legend fieldset__legend--small">Type of abuse</legend>
          <div className="checkbox-group">
            {statutoryCategories.map((c) => categoryBox(c.id, c.label))}
          </div>
        </fieldset>
        {tagGroups.map((group) => (
          <fieldset className="fieldset" key={group.id}>
            <legend className="fieldset__legend fieldset__legend--small">{group.label}</legend>
            <div className="checkbox-group">
              {group.tags.map((t) => categoryBox(t.id, t.label))}
            </div>
          </fieldset>
        ))}
      </details>
      <div className="button-row">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {filtersInUse(filter) > 0 ? (
          <Button
            onClick={() => {
              setDraft(noChronologyFilter);
              apply(noChronologyFilter);
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
