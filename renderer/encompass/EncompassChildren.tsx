import type { ChildPresence } from '../../shared/encompass/schema';
import {
  childPresenceLabels,
  childPresences,
  MAX_ENCOMPASS_CHILDREN,
} from '../../shared/encompass/schema';
import { AddChildPicker, ChosenChild } from '../children/ChosenChildren';
import { SelectField } from '../ui/SelectField';
import type { EncompassChildValue } from './encompass-values';

const presenceOptions = childPresences.map((p) => ({ value: p, label: childPresenceLabels[p] }));

export const FIND_CHILD_ID = 'encompass-find-child';
export const presenceId = (index: number): string => `encompass-child-${index}-presence`;

type Props = {
  value: EncompassChildValue[];
  onChange: (children: EncompassChildValue[]) => void;
  errors: Record<string, string>;
};

/**
 * The children the police named (siblings often come together), each with whether they were
 * present, found by searching the register (the search comes first: the DSL starts from the
 * names the police gave).
 */
export function EncompassChildren({ value, onChange, errors }: Props) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Children named by the police</legend>
      {value.length < MAX_ENCOMPASS_CHILDREN ? (
        <AddChildPicker
          id={FIND_CHILD_ID}
          label={value.length === 0 ? 'Find a child' : 'Add another child'}
          error={errors.children}
          chosen={value}
          onAdd={(child) => {
            onChange([...value, { ...child, presence: '' }]);
          }}
        />
      ) : null}
      <ul className="concern-children">
        {value.map((child, index) => (
          <ChosenChild
            key={child.childId}
            name={child.name}
            onRemove={() => {
              onChange(value.filter((_, i) => i !== index));
            }}
          >
            <SelectField
              id={presenceId(index)}
              label={`Was ${child.name} present?`}
              placeholder="Choose…"
              options={presenceOptions}
              value={child.presence}
              error={errors[`children.${index}`]}
              onChange={(presence) => {
                onChange(
                  value.map((c, i) =>
                    i === index ? { ...c, presence: presence as ChildPresence | '' } : c,
                  ),
                );
              }}
            />
          </ChosenChild>
        ))}
      </ul>
    </fieldset>
  );
}
