import { useEffect, useState } from 'react';

import type { Family } from '../../shared/children/family';
import { familyLabel } from '../../shared/children/family';
import type { Child, ChildSummary } from '../../shared/children/schema';
import { displayName, yearGroupLabel } from '../../shared/children/schema';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import { FamilyAdults } from './FamilyAdults';
import { KeyContacts } from './KeyContacts';
import { RegisterPicker } from './RegisterPicker';

const HEADING_ID = 'child-family-title';
const NEW_FAMILY = 'new';

function familyName(family: Family, index: number): string {
  return family.label || `Family ${index + 1}`;
}

const linkFieldIds = { familyId: 'sibling-family', label: 'sibling-family-label' };

/** Links one chosen child as a sibling: into one of this child's families, or a new one. */
function LinkChosenSibling({
  child,
  sibling,
  families,
  onDone,
}: {
  child: Child;
  sibling: ChildSummary;
  families: readonly Family[];
  onDone: () => void;
}) {
  const linkSibling = useLantern((s) => s.linkSibling);
  const { field, formProps, errors, values, pending } = useForm(
    { familyId: families.length === 0 ? NEW_FAMILY : '', label: '' },
    linkFieldIds,
    async (values) => {
      if (values.familyId === '')
        return { fields: { familyId: 'Choose a family.' }, general: null };
      const isNew = values.familyId === NEW_FAMILY;
      const label = familyLabel.safeParse(isNew ? values.label : '');
      if (!label.success)
        return { fields: { label: label.error.issues[0]?.message ?? '' }, general: null };
      const result = await linkSibling({
        childId: child.id,
        siblingId: sibling.id,
        familyId: isNew ? '' : values.familyId,
        label: label.data,
      });
      if (!result) return null;
      if (result.ok) {
        onDone();
        return null;
      }
      return errorsFromApi(result.error);
    },
  );
  const options = [
    ...families.map((f, i) => ({ value: f.id, label: familyName(f, i) })),
    { value: NEW_FAMILY, label: 'A new family' },
  ];
  return (
    <form
      {...formProps}
      aria-label={`Link ${displayName(sibling)} as a sibling`}
      className="family-form"
    >
      <h4>
        Link {displayName(sibling)} as a sibling of {displayName(child)}
      </h4>
      <ErrorSummary errors={errors} fieldIds={linkFieldIds} />
      {families.length > 0 ? (
        <SelectField
          label="Which family?"
          hint="Children in the same family are shown as siblings of each other."
          placeholder="Choose a family"
          options={options}
          {...field('familyId')}
        />
      ) : null}
      {values.familyId === NEW_FAMILY ? (
        <TextField
          label="Name of the new family (optional)"
          hint="For example, “Mother’s household”."
          {...field('label')}
        />
      ) : null}
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          Link sibling
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

/** Finds a brother or sister on the register, then links them. */
function LinkSibling({ child, families }: { child: Child; families: readonly Family[] }) {
  const find = useLantern((s) => s.findSiblingCandidates);
  const [chosen, setChosen] = useState<ChildSummary | null>(null);
  return chosen ? (
    <LinkChosenSibling
      child={child}
      sibling={chosen}
      families={families}
      onDone={() => {
        setChosen(null);
      }}
    />
  ) : (
    <div className="family-form">
      <RegisterPicker
        id="sibling-search"
        label="Link a brother or sister"
        find={find}
        noMatch="pupil"
        verb="Choose"
        unavailable={(c) => (c.id === child.id ? 'whose file this is' : null)}
        onChoose={setChosen}
      />
    </div>
  );
}

function Siblings({
  child,
  families,
  canWrite,
}: {
  child: Child;
  families: readonly Family[];
  canWrite: boolean;
}) {
  const navigate = useLantern((s) => s.navigate);
  const unlink = useLantern((s) => s.unlinkSibling);
  const withSiblings = families.filter((f) => f.siblings.length > 0);
  return (
    <div className="family-part">
      <h3>Brothers and sisters</h3>
      {withSiblings.length === 0 ? (
        <p className="empty-state">No brothers or sisters on the register are linked.</p>
      ) : (
        families.map((family, index) =>
          family.siblings.length === 0 ? null : (
            <div key={family.id} className="family-group">
              <h4>{familyName(family, index)}</h4>
              <ul className="list" aria-label={familyName(family, index)}>
                {family.siblings.map((s) => (
                  <li key={s.id}>
                    <Button
                      variant="link"
                      onClick={() => {
                        navigate({ page: 'child', id: s.id });
                      }}
                    >
                      {displayName(s)}
                    </Button>{' '}
                    ({yearGroupLabel(s.yearGroup)})
                    {canWrite ? (
                      <Button
                        variant="link"
                        className="family-unlink"
                        onClick={() => {
                          void unlink({ familyId: family.id, childId: s.id });
                        }}
                      >
                        Remove{' '}
                        <span className="visually-hidden">
                          {displayName(s)} from {familyName(family, index)}
                        </span>
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ),
        )
      )}
      {canWrite ? <LinkSibling child={child} families={families} /> : null}
    </div>
  );
}

/**
 * The child's family and the professionals around them: brothers and sisters on the register
 * (links to their files), the adults in their life with parental responsibility and any contact
 * restriction shown prominently, and dated key contacts. Read-only without children.write.
 */
export function ChildFamily({ child }: { child: Child }) {
  const state = useLantern((s) => s.childFamily);
  const load = useLantern((s) => s.loadChildFamily);
  const canWrite = useCan('children.write');

  useEffect(() => {
    void load(child.id);
  }, [child.id, load]);

  const family = state.childId === child.id ? state.family : null;
  return (
    <section className="page-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID}>Family and key contacts</h2>
      {state.childId === child.id && state.status === 'failed' && state.error ? (
        <LoadFailure
          error={state.error}
          onRetry={() => {
            void load(child.id);
          }}
        />
      ) : family ? (
        <>
          <Siblings child={child} families={family.families} canWrite={canWrite} />
          <FamilyAdults
            childId={child.id}
            childName={displayName(child)}
            adults={family.adults}
            canWrite={canWrite}
          />
          <KeyContacts childId={child.id} contacts={family.contacts} canWrite={canWrite} />
        </>
      ) : (
        <Loading text="Loading family and key contacts…" />
      )}
    </section>
  );
}
