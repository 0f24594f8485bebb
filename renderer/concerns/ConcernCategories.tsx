import { statutoryCategories, tagGroups } from '../../shared/concerns/taxonomy';
import { CheckboxField } from '../ui/CheckboxField';

export const CATEGORIES_ID = 'concern-category-physical';

type ConcernCategoriesProps = {
  value: string[];
  onChange: (categories: string[]) => void;
  error: string | undefined;
};

/**
 * The four statutory categories, then the specific issues in their groups, each group its own
 * fieldset so a screen reader names the group with every box in it.
 */
export function ConcernCategories({ value, onChange, error }: ConcernCategoriesProps) {
  const chosen = new Set(value);
  function box(id: string, label: string, hint?: string) {
    return (
      <CheckboxField
        key={id}
        id={`concern-category-${id}`}
        label={label}
        {...(hint ? { hint } : {})}
        checked={chosen.has(id)}
        onChange={(checked) => {
          onChange(checked ? [...value, id] : value.filter((c) => c !== id));
        }}
      />
    );
  }
  return (
    <fieldset className="fieldset" aria-describedby="concern-categories-hint">
      <legend className="fieldset__legend">What kind of concern is it?</legend>
      <p className="field__hint" id="concern-categories-hint">
        Choose any that fit. If you are not sure, leave them: the DSL will decide.
      </p>
      {error ? (
        <p className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <fieldset className="fieldset">
        <legend className="fieldset__legend fieldset__legend--small">Type of abuse</legend>
        <div className="checkbox-group">
          {statutoryCategories.map((c) => box(c.id, c.label, c.hint))}
        </div>
      </fieldset>
      {tagGroups.map((group) => (
        <fieldset className="fieldset" key={group.id}>
          <legend className="fieldset__legend fieldset__legend--small">{group.label}</legend>
          <div className="checkbox-group">{group.tags.map((t) => box(t.id, t.label))}</div>
        </fieldset>
      ))}
    </fieldset>
  );
}
