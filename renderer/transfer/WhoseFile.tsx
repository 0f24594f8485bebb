import type { ReactNode } from 'react';

import { displayName } from '../../shared/children/schema';
import { formatCalendarDate } from '../../shared/dates/calendar-date';
import type { TransferPreview } from '../../shared/transfer/format';
import { RegisterPicker } from '../children/RegisterPicker';
import { useLantern } from '../store';
import { Button } from '../ui/Button';

/** Whose file the transferred one joins: the pupil with the same UPN, another, or a new pupil. */
export type Decision =
  { kind: 'upn' } | { kind: 'other'; child: { id: string; name: string } | null } | { kind: 'new' };

/** The import's decision, or a message saying what is still to choose. */
export function decisionInput(
  decision: Decision | null,
  preview: TransferPreview,
): { kind: 'match'; childId: string } | { kind: 'new' } | string {
  if (decision === null) return 'Choose the pupil this file is about, or add a new pupil.';
  switch (decision.kind) {
    case 'upn':
      return preview.match
        ? { kind: 'match', childId: preview.match.childId }
        : 'Choose the pupil this file is about, or add a new pupil.';
    case 'other':
      return decision.child
        ? { kind: 'match', childId: decision.child.id }
        : 'Search the register and choose the pupil this file is about.';
    case 'new':
      return { kind: 'new' };
  }
}

function Choice({
  id,
  checked,
  onChoose,
  children,
}: {
  id: string;
  checked: boolean;
  onChoose: () => void;
  children: ReactNode;
}) {
  return (
    <div className="checkbox">
      <input
        id={id}
        type="radio"
        name="receive-decision"
        className="checkbox__input"
        checked={checked}
        onChange={onChoose}
      />
      <label className="checkbox__label" htmlFor={id}>
        {children}
      </label>
    </div>
  );
}

export function WhoseFile({
  preview,
  decision,
  error,
  onChange,
}: {
  preview: TransferPreview;
  decision: Decision | null;
  error: string | undefined;
  onChange: (decision: Decision) => void;
}) {
  const find = useLantern((s) => s.findChildrenForConcern);
  const other = decision?.kind === 'other' ? decision : null;
  return (
    <fieldset
      className={error ? 'fieldset field field--error' : 'fieldset field'}
      aria-describedby={error ? 'receive-decision-error' : undefined}
    >
      <legend className="fieldset__legend">Whose file is it on this register?</legend>
      <div id="receive-decision-error">
        {error ? (
          <p className="field__error">
            <span className="visually-hidden">Error: </span>
            <span>{error}</span>
          </p>
        ) : null}
      </div>
      {preview.match ? (
        <Choice
          id="receive-match"
          checked={decision?.kind === 'upn'}
          onChoose={() => {
            onChange({ kind: 'upn' });
          }}
        >
          {preview.match.name}, born {formatCalendarDate(preview.match.dateOfBirth)} (same UPN)
        </Choice>
      ) : (
        <p>No pupil on this register has this UPN.</p>
      )}
      <Choice
        id="receive-other"
        checked={other !== null}
        onChoose={() => {
          onChange({ kind: 'other', child: null });
        }}
      >
        {preview.match ? 'Another pupil on this register' : 'A pupil on this register'}
      </Choice>
      {other === null ? null : other.child ? (
        <p>
          {other.child.name}{' '}
          <Button
            onClick={() => {
              onChange({ kind: 'other', child: null });
            }}
          >
            Change <span className="visually-hidden">the pupil</span>
          </Button>
        </p>
      ) : (
        <RegisterPicker
          id="receive-pupil"
          label="Pupil"
          find={find}
          noMatch="pupil on roll"
          verb="Choose"
          onChoose={(child) => {
            onChange({ kind: 'other', child: { id: child.id, name: displayName(child) } });
          }}
        />
      )}
      <Choice
        id="receive-new"
        checked={decision?.kind === 'new'}
        onChoose={() => {
          onChange({ kind: 'new' });
        }}
      >
        Add {preview.child.name} to the register as a new pupil
      </Choice>
    </fieldset>
  );
}
