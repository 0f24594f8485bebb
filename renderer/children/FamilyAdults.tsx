import { useState } from 'react';

import type { FamilyAdult } from '../../shared/children/family';
import {
  adultInput,
  livesWithChildAnswers,
  livesWithChildLabels,
  MAX_CONTACT_PRIORITY,
  parentalResponsibilities,
  parentalResponsibilityLabels,
  relationshipLabels,
  relationshipName,
  relationships,
} from '../../shared/children/family';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DetailsList } from '../ui/DetailsList';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

const relationshipOptions = relationships.map((r) => ({ value: r, label: relationshipLabels[r] }));
const responsibilityOptions = parentalResponsibilities.map((p) => ({
  value: p,
  label: parentalResponsibilityLabels[p],
}));
const livesWithOptions = livesWithChildAnswers.map((l) => ({
  value: l,
  label: livesWithChildLabels[l],
}));
const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th'];
const priorityOptions = Array.from({ length: MAX_CONTACT_PRIORITY }, (_, i) => ({
  value: String(i + 1),
  label: `${ORDINALS[i] ?? String(i + 1)} to contact`,
}));

const FIELDS = [
  'name',
  'relationship',
  'relationshipDetail',
  'parentalResponsibility',
  'livesWithChild',
  'priority',
  'phone',
  'email',
  'address',
  'contactRestrictions',
  'notes',
] as const;
type AdultField = (typeof FIELDS)[number];

function fieldIdsFor(key: string): Record<AdultField, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, `adult-${key}-${f}`])) as Record<
    AdultField,
    string
  >;
}

function valuesOf(adult: FamilyAdult | null, nextPriority: number): Record<AdultField, string> {
  if (!adult)
    return {
      name: '',
      relationship: '',
      relationshipDetail: '',
      parentalResponsibility: '',
      livesWithChild: '',
      priority: String(Math.min(nextPriority, MAX_CONTACT_PRIORITY)),
      phone: '',
      email: '',
      address: '',
      contactRestrictions: '',
      notes: '',
    };
  return {
    name: adult.name,
    relationship: adult.relationship,
    relationshipDetail: adult.relationshipDetail,
    parentalResponsibility: adult.parentalResponsibility,
    livesWithChild: adult.livesWithChild,
    priority: String(adult.priority),
    phone: adult.phone,
    email: adult.email,
    address: adult.address,
    contactRestrictions: adult.contactRestrictions,
    notes: adult.notes,
  };
}

/** Adds an adult to a child's file, or corrects one already there. */
export function AdultForm({
  childId,
  adult,
  nextPriority,
  onDone,
}: {
  childId: string;
  /** null to add a new adult. */
  adult: FamilyAdult | null;
  nextPriority: number;
  onDone: () => void;
}) {
  const addAdult = useLantern((s) => s.addAdult);
  const updateAdult = useLantern((s) => s.updateAdult);
  const fieldIds = fieldIdsFor(adult?.id ?? 'new');
  const { field, formProps, errors, values, pending } = useForm(
    valuesOf(adult, nextPriority),
    fieldIds,
    async (values) => {
      const parsed = adultInput.safeParse({
        ...values,
        priority: values.priority === '' ? undefined : Number(values.priority),
      });
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const result = adult
        ? await updateAdult({ id: adult.id, adult: parsed.data })
        : await addAdult({ childId, adult: parsed.data });
      if (!result) return null;
      if (result.ok) {
        onDone();
        return null;
      }
      return errorsFromApi(result.error, 'adult.');
    },
  );
  const title = adult ? `Change ${adult.name}’s details` : 'Add a parent, carer or relative';
  return (
    <form {...formProps} aria-label={title} className="family-form">
      <h4>{title}</h4>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextField label="Full name" autoComplete="off" {...field('name')} />
      <SelectField
        label="Relationship to the child"
        placeholder="Choose a relationship"
        options={relationshipOptions}
        {...field('relationship')}
      />
      <TextField
        label={
          values.relationship === 'other'
            ? 'How are they related to the child?'
            : 'Relationship details (optional)'
        }
        hint="For example, “maternal” or “family friend”."
        {...field('relationshipDetail')}
      />
      <SelectField
        label="Parental responsibility"
        placeholder="Choose…"
        options={responsibilityOptions}
        {...field('parentalResponsibility')}
      />
      <SelectField
        label="Does the child live with them?"
        placeholder="Choose…"
        options={livesWithOptions}
        {...field('livesWithChild')}
      />
      <SelectField
        label="Contact order"
        placeholder="Choose…"
        options={priorityOptions}
        {...field('priority')}
      />
      <TextField label="Phone (optional)" type="tel" width="medium" {...field('phone')} />
      <TextField label="Email (optional)" type="email" {...field('email')} />
      <TextAreaField label="Address (optional)" rows={3} {...field('address')} />
      <TextAreaField
        label="Contact restrictions (optional)"
        hint="For example, “No contact: court order”. Shown prominently on the child’s file."
        rows={2}
        {...field('contactRestrictions')}
      />
      <TextAreaField label="Notes (optional)" rows={2} {...field('notes')} />
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          {adult ? 'Save changes' : 'Add adult'}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function AdultCard({
  adult,
  childName,
  canWrite,
}: {
  adult: FamilyAdult;
  childName: string;
  canWrite: boolean;
}) {
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <li className="family-adult">
        <AdultForm
          childId={adult.childId}
          adult={adult}
          nextPriority={adult.priority}
          onDone={() => {
            setEditing(false);
          }}
        />
      </li>
    );
  return (
    <li className="family-adult">
      <h4 className="family-adult__name">
        {adult.name} <span className="family-adult__relationship">({relationshipName(adult)})</span>
      </h4>
      {adult.contactRestrictions ? (
        <p className="family-restriction" role="note">
          <strong>Contact restriction:</strong> {adult.contactRestrictions}
        </p>
      ) : null}
      <DetailsList
        details={[
          {
            term: 'Parental responsibility',
            description: parentalResponsibilityLabels[adult.parentalResponsibility],
          },
          {
            term: `Lives with ${childName}`,
            description: livesWithChildLabels[adult.livesWithChild],
          },
          {
            term: 'Contact order',
            description: priorityOptions[adult.priority - 1]?.label ?? String(adult.priority),
          },
          { term: 'Phone', description: adult.phone || 'Not recorded' },
          { term: 'Email', description: adult.email || 'Not recorded' },
          {
            term: 'Address',
            description: adult.address ? (
              <span className="family-address">{adult.address}</span>
            ) : (
              'Not recorded'
            ),
          },
          ...(adult.notes ? [{ term: 'Notes', description: adult.notes }] : []),
        ]}
      />
      {canWrite ? (
        <Button
          variant="link"
          aria-label={`Change ${adult.name}’s details`}
          onClick={() => {
            setEditing(true);
          }}
        >
          Change
        </Button>
      ) : null}
    </li>
  );
}

/** The parents, carers and relatives on a child's file, in the order to contact them. */
export function FamilyAdults({
  childId,
  childName,
  adults,
  canWrite,
}: {
  childId: string;
  childName: string;
  adults: readonly FamilyAdult[];
  canWrite: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const nextPriority = Math.max(0, ...adults.map((a) => a.priority)) + 1;
  return (
    <div className="family-part">
      <h3>Parents, carers and relatives</h3>
      {adults.length === 0 ? (
        <p className="empty-state">No parents, carers or relatives are recorded.</p>
      ) : (
        <ul className="family-list" aria-label="Parents, carers and relatives">
          {adults.map((adult) => (
            <AdultCard key={adult.id} adult={adult} childName={childName} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {canWrite && adding ? (
        <AdultForm
          childId={childId}
          adult={null}
          nextPriority={nextPriority}
          onDone={() => {
            setAdding(false);
          }}
        />
      ) : null}
      {canWrite && !adding ? (
        <Button
          onClick={() => {
            setAdding(true);
          }}
        >
          Add a parent, carer or relative
        </Button>
      ) : null}
    </div>
  );
}
