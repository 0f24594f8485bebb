import { displayName } from '../../shared/children/schema';
import type { ChildRole } from '../../shared/concerns/schema';
import { childRoleLabels, childRoles, MAX_CONCERN_CHILDREN } from '../../shared/concerns/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/SelectField';
import { RegisterPicker } from '../children/RegisterPicker';
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
        <RegisterPicker
          id={ADD_CHILD_QUERY_ID}
          label="Add another child"
          error={errors.children}
          find={find}
          noMatch="pupil on roll"
          verb="Add"
          unavailable={(child) => (chosen.has(child.id) ? 'already added' : null)}
          onChoose={(child) => {
            onChange([...value, { childId: child.id, name: displayName(child), role: '' }]);
          }}
        />
      ) : null}
    </fieldset>
  );
}
