import { useState } from 'react';

import type { ChildSummary } from '../../shared/children/schema';
import { displayName, yearGroupLabel } from '../../shared/children/schema';
import type { ChildRole } from '../../shared/concerns/schema';
import { childRoleLabels, childRoles, MAX_CONCERN_CHILDREN } from '../../shared/concerns/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import type { ConcernChildValue } from './concern-values';

const roleOptions = childRoles.map((role) => ({ value: role, label: childRoleLabels[role] }));

export const ADD_CHILD_QUERY_ID = 'concern-add-child-query';
export const childRoleId = (index: number): string => `concern-child-${index}-role`;

type ConcernChildrenProps = {
  value: ConcernChildValue[];
  onChange: (children: ConcernChildValue[]) => void;
  errors: Record<string, string>;
};

/**
 * The children involved, each with their own role in what happened (a victim, an alleged
 * perpetrator, a witness), and a search of the register to add another.
 */
export function ConcernChildren({ value, onChange, errors }: ConcernChildrenProps) {
  const find = useLantern((s) => s.findChildrenForConcern);
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
    if (result.ok) {
      setFound(result.value);
      setSearchError(null);
    } else {
      setFound(null);
      setSearchError(result.error.message);
    }
  }

  const chosen = new Set(value.map((c) => c.childId));
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Children involved</legend>
      <ul className="concern-children">
        {value.map((child, index) => (
          <li key={child.childId} className="concern-child">
            <p className="concern-child__name">{child.name}</p>
            <SelectField
              id={childRoleId(index)}
              label={`Role of ${child.name}`}
              placeholder="Choose…"
              options={roleOptions}
              value={child.role}
              error={errors[`children.${index}`]}
              onChange={(role) => {
                onChange(
                  value.map((c, i) => (i === index ? { ...c, role: role as ChildRole | '' } : c)),
                );
              }}
            />
            {value.length > 1 ? (
              <Button
                className="concern-child__remove"
                onClick={() => {
                  onChange(value.filter((_, i) => i !== index));
                }}
              >
                Remove <span className="visually-hidden">{child.name}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {value.length < MAX_CONCERN_CHILDREN ? (
        <div className="register-search">
          <TextField
            id={ADD_CHILD_QUERY_ID}
            label="Add another child"
            hint="Search the register by name or UPN."
            autoComplete="off"
            value={query}
            error={searchError ?? errors.children}
            onChange={setQuery}
            onKeyDown={(event) => {
              // Enter searches here rather than submitting the whole concern.
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
      ) : null}
      {found ? (
        <div role="status">
          {found.length === 0 ? (
            <p>No pupil on roll matches “{query.trim()}”.</p>
          ) : (
            <ul className="list">
              {found.map((child) => (
                <li key={child.id}>
                  {chosen.has(child.id) ? (
                    <span>
                      {displayName(child)} ({yearGroupLabel(child.yearGroup)}), already added
                    </span>
                  ) : (
                    <Button
                      variant="link"
                      onClick={() => {
                        onChange([
                          ...value,
                          { childId: child.id, name: displayName(child), role: '' },
                        ]);
                        setFound(null);
                        setQuery('');
                      }}
                    >
                      Add {displayName(child)} ({yearGroupLabel(child.yearGroup)})
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </fieldset>
  );
}
