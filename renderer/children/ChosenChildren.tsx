import type { ReactNode } from 'react';

import { displayName } from '../../shared/children/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { RegisterPicker } from './RegisterPicker';

/**
 * A search of the register to add one more child to a record's list of children; a pupil
 * already in the list is shown as already added.
 */
export function AddChildPicker({
  id,
  label,
  error,
  chosen,
  onAdd,
}: {
  /** The id of the search field. */
  id: string;
  label: string;
  error: string | undefined;
  chosen: readonly { childId: string }[];
  onAdd: (child: { childId: string; name: string }) => void;
}) {
  const find = useLantern((s) => s.findChildrenForConcern);
  const chosenIds = new Set(chosen.map((c) => c.childId));
  return (
    <RegisterPicker
      id={id}
      label={label}
      error={error}
      find={find}
      noMatch="pupil on roll"
      verb="Add"
      unavailable={(child) => (chosenIds.has(child.id) ? 'already added' : null)}
      onChoose={(child) => {
        onAdd({ childId: child.id, name: displayName(child) });
      }}
    />
  );
}

/** One child in a record's list: their name, what the record asks about them, and Remove. */
export function ChosenChild({
  name,
  children,
  onRemove,
}: {
  name: string;
  /** The control for what the record asks about this child (their role, whether present). */
  children: ReactNode;
  /** Null when the child cannot be removed (the last one left). */
  onRemove: (() => void) | null;
}) {
  return (
    <li className="concern-child">
      <p className="concern-child__name">{name}</p>
      {children}
      {onRemove ? (
        <Button className="concern-child__remove" onClick={onRemove}>
          Remove <span className="visually-hidden">{name}</span>
        </Button>
      ) : null}
    </li>
  );
}
