import { useState } from 'react';

import type { KeyContact } from '../../shared/children/family';
import {
  contactRoleLabels,
  contactRoleName,
  contactRoles,
  keyContactInput,
} from '../../shared/children/family';
import { designationDateProblems } from '../../shared/children/designations';
import { londonDate } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import { EndControl, periodText } from './EndDateForm';

const roleOptions = contactRoles.map((r) => ({ value: r, label: contactRoleLabels[r] }));

function ContactLine({ contact }: { contact: KeyContact }) {
  const reach = [contact.organisation, contact.phone, contact.email].filter(Boolean).join(', ');
  return (
    <>
      <span className={contact.endDate === '' ? 'tag' : 'tag tag--neutral'}>
        {contactRoleName(contact)}
      </span>{' '}
      <strong>{contact.name}</strong>
      {reach ? `, ${reach}` : ''} ({periodText(contact)})
      {contact.notes ? <p className="designation__notes">{contact.notes}</p> : null}
    </>
  );
}

function CurrentContact({ contact, canWrite }: { contact: KeyContact; canWrite: boolean }) {
  const endKeyContact = useLantern((s) => s.endKeyContact);
  return (
    <li className="designation">
      <ContactLine contact={contact} />{' '}
      <EndControl
        canWrite={canWrite}
        buttonLabel={`End ${contact.name} as ${contactRoleName(contact).toLowerCase()}`}
        id={`contact-end-${contact.id}`}
        title={`End ${contact.name}`}
        question={`When did ${contact.name}’s involvement end?`}
        submitLabel="End key contact"
        end={(endDate) => endKeyContact({ id: contact.id, endDate })}
      />
    </li>
  );
}

const addFieldIds = {
  role: 'contact-role',
  roleDetail: 'contact-role-detail',
  name: 'contact-name',
  organisation: 'contact-organisation',
  phone: 'contact-phone',
  email: 'contact-email',
  startDate: 'contact-start',
  endDate: 'contact-end',
  notes: 'contact-notes',
};

function AddContactForm({ childId, onDone }: { childId: string; onDone: () => void }) {
  const addKeyContact = useLantern((s) => s.addKeyContact);
  const { field, formProps, errors, values, pending } = useForm(
    {
      role: '',
      roleDetail: '',
      name: '',
      organisation: '',
      phone: '',
      email: '',
      startDate: '',
      endDate: '',
      notes: '',
    },
    addFieldIds,
    async (values) => {
      const parsed = keyContactInput.safeParse({
        ...values,
        roleDetail: values.role === 'other' ? values.roleDetail : '',
      });
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const dates = designationDateProblems(parsed.data, londonDate(new Date()));
      if (Object.keys(dates).length > 0) return { fields: dates, general: null };
      const result = await addKeyContact({ childId, contact: parsed.data });
      if (!result) return null;
      if (result.ok) {
        onDone();
        return null;
      }
      return errorsFromApi(result.error, 'contact.');
    },
  );
  return (
    <form {...formProps} aria-label="Add a key contact" className="family-form">
      <h4>Add a key contact</h4>
      <ErrorSummary errors={errors} fieldIds={addFieldIds} />
      <SelectField
        label="Role"
        placeholder="Choose a role"
        options={roleOptions}
        {...field('role')}
      />
      {values.role === 'other' ? <TextField label="Their role" {...field('roleDetail')} /> : null}
      <TextField label="Name" autoComplete="off" {...field('name')} />
      <TextField label="Organisation (optional)" {...field('organisation')} />
      <TextField label="Phone (optional)" type="tel" width="medium" {...field('phone')} />
      <TextField label="Email (optional)" type="email" {...field('email')} />
      <DateField label="Involved since" {...field('startDate')} />
      <DateField
        label="Involvement ended (optional)"
        hint="Leave empty while they are involved."
        {...field('endDate')}
      />
      <TextAreaField label="Notes (optional)" rows={2} {...field('notes')} />
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          Add key contact
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

/**
 * The professionals around a child (social worker, virtual school head…): current ones, then
 * past ones. Ending one keeps it on the file, dated.
 */
export function KeyContacts({
  childId,
  contacts,
  canWrite,
}: {
  childId: string;
  contacts: readonly KeyContact[];
  canWrite: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const current = contacts.filter((c) => c.endDate === '');
  const past = contacts.filter((c) => c.endDate !== '');
  return (
    <div className="family-part">
      <h3>Key contacts</h3>
      {current.length === 0 ? (
        <p className="empty-state">No current key contacts are recorded.</p>
      ) : (
        <ul className="designations" aria-label="Current key contacts">
          {current.map((c) => (
            <CurrentContact key={c.id} contact={c} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <>
          <h4>Past key contacts</h4>
          <ul className="designations" aria-label="Past key contacts">
            {past.map((c) => (
              <li key={c.id} className="designation">
                <ContactLine contact={c} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canWrite && adding ? (
        <AddContactForm
          childId={childId}
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
          Add a key contact
        </Button>
      ) : null}
    </div>
  );
}
