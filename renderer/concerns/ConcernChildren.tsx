import type { ChildRole } from '../../shared/concerns/schema';
import { childRoleLabels, childRoles, MAX_CONCERN_CHILDREN } from '../../shared/concerns/schema';
import { SelectField } from '../ui/SelectField';
import { AddChildPicker, ChosenChild } from '../children/ChosenChildren';
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
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Children involved</legend>
      <ul className="concern-children">
        {value.map((child, index) => (
          <ChosenChild
            key={child.childId}
            name={child.name}
            onRemove={
              value.length > 1
                ? () => {
                    onChange(value.filter((_, i) => i !== index));
                  }
                : null
            }
          >
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
          </ChosenChild>
        ))}
      </ul>
      {value.length < MAX_CONCERN_CHILDREN ? (
        <AddChildPicker
          id={ADD_CHILD_QUERY_ID}
          label="Add another child"
          error={errors.children}
          chosen={value}
          onAdd={(child) => {
            onChange([...value, { ...child, role: '' }]);
          }}
        />
      ) : null}
    </fieldset>
  );
}
