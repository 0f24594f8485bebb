import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ChildInput } from '../../../shared/children/schema';
import { upnProblemMessages } from '../../../shared/children/upn';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  description,
  emptyDashboard,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  school,
  setUpRendererTests,
  unlockedAs,
  validUpn,
} from '../fake-lantern';

setUpRendererTests();

const base: Handlers = {
  'session.status': () => ok(unlockedAs('dsl')),
  'dashboard.get': () => ok(emptyDashboard),
  'school.get': () => ok(school),
  'children.list': () => ok({ items: [], total: 0 }),
  'alerts.list': () => ok([]),
  'designations.current': () => ok({}),
  'designations.forChild': () => ok([]),
  'family.forChild': () => ok({ families: [], adults: [], contacts: [] }),
};

async function openAddChild(handlers: Handlers = {}) {
  const invoke = installFakeLantern({ ...base, ...handlers });
  render(<App />);
  await openSection('Pupils');
  fireEvent.click(await screen.findByRole('button', { name: 'Add a child' }));
  await screen.findByRole('heading', { name: 'Add a child' });
  return invoke;
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function fillValidChild(): void {
  fill('Legal first name', 'Jane');
  fill('Legal surname', 'Doe');
  fill('Date of birth', '2016-03-12');
  fill('UPN', validUpn());
  fill('Year group', '5');
  fill('Gender', 'female');
}

function submit(name = 'Add child'): void {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('add-a-child form', () => {
  it('summarises a UPN with the wrong check letter without calling main', async () => {
    const invoke = await openAddChild();
    fillValidChild();
    fill('UPN', 'A801200005001');
    submit();

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const link = within(summary).getByRole('link', { name: upnProblemMessages.check_letter });
    expect(document.activeElement).toBe(summary);
    fireEvent.click(link);
    const upn = screen.getByLabelText('UPN');
    expect(document.activeElement).toBe(upn);
    expect(upn.getAttribute('aria-invalid')).toBe('true');
    expect(description(upn)).toContain(upnProblemMessages.check_letter);
    expect(inputsTo(invoke, 'children.add')).toEqual([]);
  });

  it('summarises a date of birth in the future without calling main', async () => {
    const invoke = await openAddChild();
    fillValidChild();
    fill('Date of birth', '2099-01-01');
    submit();

    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Date of birth cannot be in the future.' }),
    ).toBeTruthy();
    expect(description(screen.getByLabelText('Date of birth'))).toContain(
      'Date of birth cannot be in the future.',
    );
    expect(inputsTo(invoke, 'children.add')).toEqual([]);
  });

  it('lists every missing required field', async () => {
    await openAddChild();
    submit();
    const summary = await screen.findByRole('alert');
    const messages = within(summary)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(messages).toEqual([
      'Enter the legal first name.',
      'Enter the legal surname.',
      'Enter the date of birth.',
      'Choose a year group.',
      'Choose a gender.',
    ]);
  });

  it('shows main’s field errors under the field they belong to', async () => {
    const message = 'A child with this UPN is already on the register.';
    await openAddChild({
      'children.add': () => ({
        ok: false,
        error: { code: 'conflict', message: 'Check the details.', fields: { upn: message } },
      }),
    });
    fillValidChild();
    submit();

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
    const upn = screen.getByLabelText('UPN');
    expect(description(upn)).toContain(message);
    expect(description(screen.getByLabelText('Legal surname'))).not.toContain(message);
  });

  it('sends the checked details and opens the new child with a confirmation', async () => {
    const child = aChild();
    const invoke = await openAddChild({
      'children.add': () => ok(child),
      'children.get': () => ok(child),
      'concerns.forChild': () => ok([]),
      'encompass.forChild': () => ok([]),
    });
    fillValidChild();
    fill('UPN', ` ${validUpn().toLowerCase()} `);
    submit();

    expect(await screen.findByText('Added Jane Doe to the register.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Jane Doe');
    const sent = inputsTo(invoke, 'children.add')[0] as ChildInput;
    expect(sent.upn).toBe(validUpn());
    expect(sent.yearGroup).toBe('5');
  });
});

describe('edit details form', () => {
  it('strips the child. prefix from main’s field errors', async () => {
    const child = aChild({ preferredForename: 'Janey' });
    const message = 'This UPN belongs to another child.';
    const invoke = installFakeLantern({
      ...base,
      'children.list': () => ok({ items: [child], total: 1 }),
      'children.get': () => ok(child),
      'concerns.forChild': () => ok([]),
      'encompass.forChild': () => ok([]),
      'children.update': () => ({
        ok: false,
        error: {
          code: 'conflict',
          message: 'Check the details.',
          fields: { 'child.upn': message },
        },
      }),
    });
    render(<App />);
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe (known as Janey)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
    await screen.findByRole('heading', { name: 'Edit details for Jane Doe' });
    expect(screen.getByLabelText<HTMLInputElement>('Preferred first name (optional)').value).toBe(
      'Janey',
    );
    submit('Save changes');

    await screen.findByRole('alert');
    expect(description(screen.getByLabelText('UPN'))).toContain(message);
    expect(inputsTo(invoke, 'children.update')).toEqual([
      {
        id: child.id,
        child: {
          legalForename: 'Jane',
          legalSurname: 'Doe',
          preferredForename: 'Janey',
          preferredSurname: '',
          dateOfBirth: '2016-03-12',
          upn: validUpn(),
          yearGroup: '5',
          gender: 'female',
          admissionDate: '',
          leavingDate: '',
        },
      },
    ]);
    expect(useLantern.getState().childRecord.child?.id).toBe(child.id);
  });
});

describe('leaving date', () => {
  it('is not asked when adding a child', async () => {
    await openAddChild();
    expect(screen.queryByLabelText('Leaving date (optional)')).toBeNull();
  });

  it('is asked when editing, checked against the admission date, and sent', async () => {
    const child = aChild({ admissionDate: '2020-09-02' });
    let stored = child;
    const invoke = installFakeLantern({
      ...base,
      'children.list': () => ok({ items: [child], total: 1 }),
      'children.get': () => ok(stored),
      'concerns.forChild': () => ok([]),
      'encompass.forChild': () => ok([]),
      'children.update': (input) => {
        stored = { ...child, leavingDate: (input as { child: ChildInput }).child.leavingDate };
        return ok(stored);
      },
    });
    render(<App />);
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
    await screen.findByRole('heading', { name: 'Edit details for Jane Doe' });
    fill('Leaving date (optional)', '2019-07-19');
    submit('Save changes');
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', {
        name: 'Leaving date cannot be before the admission date.',
      }),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'children.update')).toEqual([]);

    fill('Leaving date (optional)', '2026-07-17');
    submit('Save changes');
    expect(await screen.findByText('Saved changes to Jane Doe’s details.')).toBeTruthy();
    expect(inputsTo(invoke, 'children.update')).toMatchObject([
      { child: { leavingDate: '2026-07-17' } },
    ]);
    expect(screen.getByText('Left on 17 Jul 2026')).toBeTruthy();
  });
});
