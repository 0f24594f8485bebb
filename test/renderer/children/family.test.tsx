import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { ChildFamily, FamilyAdult, KeyContact } from '../../../shared/children/family';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  childFileHandlers,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  recordId,
  safeguardingTeam,
  setUpRendererTests,
  typeInto,
} from '../fake-lantern';

setUpRendererTests();

const jane = aChild();
const john = aChild({ id: recordId(30), legalForename: 'John', yearGroup: '2', upn: '' });

const father: FamilyAdult = {
  id: recordId(40),
  childId: jane.id,
  name: 'Peter Doe',
  relationship: 'father',
  relationshipDetail: '',
  parentalResponsibility: 'yes',
  livesWithChild: 'no',
  phone: '01632 960 001',
  email: 'peter@example.com',
  address: '3 High Street\nRiverside',
  contactRestrictions: 'No contact – court order.',
  notes: '',
  priority: 2,
  recordedByName: 'Dana Lead',
  recordedAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-10-01T09:00:00.000Z',
};

/** As an MIS import records her: the export does not say who the child lives with. */
const grandmother: FamilyAdult = {
  ...father,
  id: recordId(42),
  name: 'Anne Doe',
  relationship: 'grandparent',
  parentalResponsibility: 'unknown',
  livesWithChild: 'unknown',
  phone: '',
  email: '',
  address: '',
  contactRestrictions: '',
  priority: 1,
};

const socialWorker: KeyContact = {
  id: recordId(50),
  childId: jane.id,
  role: 'social_worker',
  roleDetail: '',
  name: 'Ann Smith',
  organisation: 'Northshire Children’s Services',
  phone: '01632 960 002',
  email: '',
  startDate: '2026-03-03',
  endDate: '',
  notes: '',
  recordedByName: 'Dana Lead',
  recordedAt: '2026-03-03T09:00:00.000Z',
  endedByName: null,
  endedAt: null,
};

const withFamily: ChildFamily = {
  families: [{ id: recordId(60), label: 'Mother’s household', siblings: [john] }],
  adults: [grandmother, father],
  contacts: [socialWorker],
};

async function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...childFileHandlers(role, jane, john),
    'children.get': (input) => ok((input as { id: string }).id === john.id ? john : jane),
    'family.forChild': () => ok(withFamily),
    ...handlers,
  });
  render(<App />);
  if (safeguardingTeam.includes(role)) await openSection('Pupils');
  return invoke;
}

async function openJane() {
  fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
  await screen.findByRole('heading', { name: 'Family and key contacts' });
  await screen.findByRole('heading', { name: 'Brothers and sisters' });
}

/** What an adult's card says for one term, such as "Lives with Jane Doe". */
function detailOf(adults: HTMLElement, name: string, term: string): string | null | undefined {
  const card = within(adults).getByRole('heading', { name }).closest('li');
  if (!card) throw new Error(`${name} has no card`);
  return within(card).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('family and key contacts on a child’s page', () => {
  it('shows siblings, adults with a prominent restriction, and key contacts', async () => {
    await openAs('dsl');
    await openJane();
    const household = screen.getByRole('list', { name: 'Mother’s household' });
    expect(within(household).getByRole('button', { name: 'John Doe' })).toBeTruthy();
    const adults = screen.getByRole('list', { name: 'Parents, carers and relatives' });
    expect(within(adults).getByRole('heading', { name: 'Peter Doe (Father)' })).toBeTruthy();
    expect(within(adults).getByRole('note').textContent).toBe(
      'Contact restriction: No contact – court order.',
    );
    expect(adults.textContent).toContain('Has parental responsibility');
    expect(adults.textContent).toContain('2nd to contact');
    expect(detailOf(adults, 'Peter Doe (Father)', 'Lives with Jane Doe')).toBe('No');
    // Imported from the MIS, which never said: not known, rather than a "No" nobody gave.
    expect(detailOf(adults, 'Anne Doe (Grandparent)', 'Lives with Jane Doe')).toBe('Not known');
    expect(detailOf(adults, 'Anne Doe (Grandparent)', 'Parental responsibility')).toBe(
      'Parental responsibility not known',
    );
    const contacts = screen.getByRole('list', { name: 'Current key contacts' });
    expect(contacts.textContent).toContain(
      'Social worker Ann Smith, Northshire Children’s Services, 01632 960 002 (since 3 Mar 2026)',
    );
  });

  it('opens a sibling’s file from the list', async () => {
    const invoke = await openAs('dsl');
    await openJane();
    fireEvent.click(screen.getByRole('button', { name: 'John Doe' }));
    expect(await screen.findByRole('heading', { name: 'John Doe', level: 1 })).toBeTruthy();
    expect(inputsTo(invoke, 'family.forChild')).toContainEqual({ childId: john.id });
  });

  it('is read-only for the headteacher', async () => {
    await openAs('headteacher');
    await openJane();
    expect(screen.getByRole('note')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Change / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^End / })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a parent, carer or relative' })).toBeNull();
    expect(screen.queryByLabelText('Link a brother or sister')).toBeNull();
  });

  it('never asks for the family for staff', async () => {
    const invoke = await openAs('staff');
    await screen.findByRole('button', { name: 'Record a concern about Jane Doe' });
    expect(screen.queryByRole('heading', { name: 'Family and key contacts' })).toBeNull();
    expect(inputsTo(invoke, 'family.forChild')).toEqual([]);
  });

  it('checks an adult before sending, then adds them', async () => {
    const invoke = await openAs('dsl', {
      'family.addAdult': (input) =>
        ok({ ...father, ...(input as { adult: object }).adult, id: recordId(41) }),
    });
    await openJane();
    fireEvent.click(screen.getByRole('button', { name: 'Add a parent, carer or relative' }));
    typeInto('Phone (optional)', 'ring the office');
    fireEvent.click(screen.getByRole('button', { name: 'Add adult' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Enter the name.')).toBeTruthy();
    expect(within(summary).getByText('Choose their relationship to the child.')).toBeTruthy();
    expect(
      within(summary).getByText('Enter a phone number, like 01632 960 001 or +44 7700 900 982.'),
    ).toBeTruthy();
    expect(within(summary).getByText('Say whether the child lives with them.')).toBeTruthy();
    expect(inputsTo(invoke, 'family.addAdult')).toEqual([]);
    const livesWith = screen.getByLabelText<HTMLSelectElement>('Does the child live with them?');
    expect([...livesWith.options].map((o) => [o.value, o.text])).toEqual([
      ['', 'Choose…'],
      ['yes', 'Yes'],
      ['no', 'No'],
      ['unknown', 'Not known'],
    ]);

    typeInto('Full name', ' Mary Doe ');
    typeInto('Relationship to the child', 'mother');
    typeInto('Parental responsibility', 'yes');
    typeInto('Does the child live with them?', 'yes');
    typeInto('Phone (optional)', '07700 900 982');
    fireEvent.click(screen.getByRole('button', { name: 'Add adult' }));
    await waitFor(() => {
      expect(inputsTo(invoke, 'family.addAdult')).toHaveLength(1);
    });
    expect(inputsTo(invoke, 'family.addAdult')[0]).toEqual({
      childId: jane.id,
      adult: {
        name: 'Mary Doe',
        relationship: 'mother',
        relationshipDetail: '',
        parentalResponsibility: 'yes',
        livesWithChild: 'yes',
        phone: '07700 900 982',
        email: '',
        address: '',
        contactRestrictions: '',
        notes: '',
        priority: 3,
      },
    });
    expect(await screen.findByText('Mary Doe added.')).toBeTruthy();
  });

  it('corrects an adult and shows main’s message on the field', async () => {
    const invoke = await openAs('dsl', {
      'family.updateAdult': () =>
        fail('invalid_input', 'Some details need correcting.', {
          'adult.email': 'Enter an email address in the correct format, like name@example.com.',
        }),
    });
    await openJane();
    fireEvent.click(screen.getByRole('button', { name: 'Change Peter Doe’s details' }));
    expect(screen.getByLabelText<HTMLInputElement>('Full name').value).toBe('Peter Doe');
    const livesWith = screen.getByLabelText<HTMLSelectElement>('Does the child live with them?');
    expect(livesWith.value).toBe('no');
    typeInto('Parental responsibility', 'unknown');
    typeInto('Does the child live with them?', 'unknown');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findAllByText(
        'Enter an email address in the correct format, like name@example.com.',
      ),
    ).not.toHaveLength(0);
    expect(inputsTo(invoke, 'family.updateAdult')).toEqual([
      {
        id: father.id,
        adult: expect.objectContaining({
          name: 'Peter Doe',
          parentalResponsibility: 'unknown',
          livesWithChild: 'unknown',
          priority: 2,
          contactRestrictions: 'No contact – court order.',
        }) as unknown,
      },
    ]);
  });

  it('adds a key contact and ends one', async () => {
    let current = withFamily;
    const invoke = await openAs('dsl', {
      'family.forChild': () => ok(current),
      'family.addContact': (input) =>
        ok({ ...socialWorker, ...(input as { contact: object }).contact, id: recordId(51) }),
      'family.endContact': () => {
        const ended = { ...socialWorker, endDate: '2026-11-20' };
        current = { ...withFamily, contacts: [ended] };
        return ok(ended);
      },
    });
    await openJane();
    fireEvent.click(screen.getByRole('button', { name: 'Add a key contact' }));
    typeInto('Role', 'virtual_school_head');
    typeInto('Name', 'Priya Shah');
    typeInto('Involved since', '2026-09-01');
    fireEvent.click(screen.getByRole('button', { name: 'Add key contact' }));
    await waitFor(() => {
      expect(inputsTo(invoke, 'family.addContact')).toHaveLength(1);
    });
    expect(inputsTo(invoke, 'family.addContact')[0]).toEqual({
      childId: jane.id,
      contact: expect.objectContaining({
        role: 'virtual_school_head',
        name: 'Priya Shah',
        startDate: '2026-09-01',
        endDate: '',
      }) as unknown,
    });

    fireEvent.click(await screen.findByRole('button', { name: 'End Ann Smith as social worker' }));
    typeInto('When did Ann Smith’s involvement end?', '2026-11-20');
    fireEvent.click(screen.getByRole('button', { name: 'End key contact' }));
    const past = await screen.findByRole('list', { name: 'Past key contacts' });
    expect(past.textContent).toContain('3 Mar 2026 to 20 Nov 2026');
    expect(inputsTo(invoke, 'family.endContact')).toEqual([
      { id: socialWorker.id, endDate: '2026-11-20' },
    ]);
  });

  it('finds a child on the register and links them as a sibling in a new family', async () => {
    const tom = aChild({ id: recordId(31), legalForename: 'Tom', legalSurname: 'Reed', upn: '' });
    const invoke = await openAs('dsl', {
      'children.list': (input) =>
        ok(
          (input as { query: string }).query === 'reed'
            ? { items: [tom], total: 1 }
            : { items: [jane, john], total: 2 },
        ),
      'family.link': () => ok(withFamily),
    });
    await openJane();
    typeInto('Link a brother or sister', 'reed');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Choose Tom Reed (Year 5)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Link sibling' }));
    expect(await screen.findAllByText('Choose a family.')).not.toHaveLength(0);
    typeInto('Which family?', 'new');
    typeInto('Name of the new family (optional)', 'Father’s household');
    fireEvent.click(screen.getByRole('button', { name: 'Link sibling' }));
    await waitFor(() => {
      expect(inputsTo(invoke, 'family.link')).toEqual([
        { childId: jane.id, siblingId: tom.id, familyId: '', label: 'Father’s household' },
      ]);
    });
    expect(inputsTo(invoke, 'children.list')).toContainEqual({
      query: 'reed',
      includeLeavers: true,
      limit: 20,
      offset: 0,
    });
  });
});
