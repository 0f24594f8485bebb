import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../../renderer/app/App';
import type { Role } from '../../../shared/auth/roles';
import type { SarDetail, SarSummary } from '../../../shared/sar/schema';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  recordId,
  school,
  setUpRendererTests,
  typeInto,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const child = aChild({ legalForename: 'Amara', legalSurname: 'Okafor' });

const open: SarSummary = {
  id: recordId(1),
  childId: child.id,
  childName: 'Amara Okafor',
  requesterName: 'Grace Okafor',
  relationship: 'parent_carer',
  receivedAt: '2027-01-31',
  status: 'open',
  dueAt: '2027-03-01T23:59:00.000Z',
};

const late: SarSummary = {
  ...open,
  id: recordId(2),
  childId: recordId(3),
  childName: 'Tomasz Nowak',
  requesterName: 'Piotr Nowak',
  receivedAt: '2025-12-01',
  dueAt: '2026-01-05T23:59:00.000Z',
};

const detail: SarDetail = {
  ...open,
  relationshipDetail: '',
  receivedHow: 'email',
  competenceNote: 'Amara is 10 and asked her mother to make the request.',
  identityChecked: true,
  identityCheckedAt: '2027-02-01T10:00:00.000Z',
  dutyId: recordId(4),
  deadline: {
    dueAt: open.dueAt,
    basis: null,
    steps: ['1 month from Sun 31 Jan 2027, 00:00: the corresponding date is Sun 28 Feb 2027.'],
  },
  pauses: [],
  extended: false,
  childAge: 10,
  items: [
    {
      key: `concern:${recordId(5)}`,
      source: 'concern',
      id: recordId(5),
      title: 'Concern',
      when: '2026-11-27T12:40',
      fields: [{ label: 'What happened', value: 'Tomasz Nowak punched Amara on the arm.' }],
      partOf: null,
      suggestions: [
        {
          partyId: `child:${recordId(3)}`,
          name: 'Tomasz Nowak',
          description: 'Alleged perpetrator (concern of 27 Nov 2026)',
          decision: null,
        },
      ],
      redactions: [],
    },
  ],
  exemptions: [],
  pending: 1,
  completion: null,
  withdrawal: null,
  createdAt: '2027-02-01T10:00:00.000Z',
  createdByName: 'Dana Lead',
};

function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [child], total: 1 }),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'triage.inbox': () => ok([]),
    'dashboard.get': () => ok(emptyDashboard),
    'concernDrafts.list': () => ok([]),
    'sar.list': () => ok([open, late]),
    'sar.get': () => ok(detail),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

describe('subject access requests', () => {
  it('lists requests with their due dates, overdue ones in words', async () => {
    openAs('dsl');
    await openSection('Subject access requests');
    const table = await screen.findByRole('table', { name: /Subject access requests/ });
    const amara = within(table).getByRole('row', { name: /^Amara Okafor/ });
    expect(within(amara).getByText(/^due 1 Mar 2027 \((due in|overdue by) /)).toBeTruthy();
    const tomasz = within(table).getByRole('row', { name: /^Tomasz Nowak/ });
    expect(within(tomasz).getByText(/^due 5 Jan 2026 \(overdue by \d+ days\)$/)).toBeTruthy();
  });

  it('is not offered to a headteacher', async () => {
    openAs('headteacher');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Subject access requests' })).toBeNull();
  });

  it('checks a new request before sending it, then logs it and opens it', async () => {
    const invoke = openAs('deputy_dsl', { 'sar.create': () => ok(detail) });
    await openSection('Subject access requests');
    fireEvent.click(await screen.findByRole('button', { name: 'Log the request' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Choose the child the request is about.');
    expect(alert.textContent).toContain('Choose who is asking.');
    expect(inputsTo(invoke, 'sar.create')).toEqual([]);

    typeInto('Child the request is about', 'Amara');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Choose.*Amara Okafor/ }));
    typeInto('Requester’s name', 'Grace Okafor');
    fireEvent.change(screen.getByLabelText('Who is asking'), {
      target: { value: 'parent_carer' },
    });
    fireEvent.change(screen.getByLabelText('How the request came in'), {
      target: { value: 'email' },
    });
    typeInto(/^Date received/, '2027-01-31');
    typeInto(/^Competence assessment/, detail.competenceNote);
    fireEvent.click(screen.getByLabelText(/identity has been checked/));
    fireEvent.click(screen.getByRole('button', { name: 'Log the request' }));
    await screen.findByRole('heading', { name: 'Subject access request about Amara Okafor' });
    expect(inputsTo(invoke, 'sar.create')).toEqual([
      {
        childId: child.id,
        receivedAt: '2027-01-31',
        requesterName: 'Grace Okafor',
        relationship: 'parent_carer',
        relationshipDetail: '',
        receivedHow: 'email',
        competenceNote: detail.competenceNote,
        identityChecked: true,
      },
    ]);
    expect(screen.getByText('Request logged and its one-month duty started.')).toBeTruthy();
  });

  it('shows main’s refusal on the field it is about', async () => {
    openAs('dsl', {
      'sar.create': () =>
        fail('invalid_input', 'Some details need correcting.', {
          receivedAt: 'The date cannot be in the future.',
        }),
    });
    await openSection('Subject access requests');
    typeInto('Child the request is about', 'Amara');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Choose.*Amara Okafor/ }));
    typeInto('Requester’s name', 'Amara Okafor');
    fireEvent.change(screen.getByLabelText('Who is asking'), { target: { value: 'child' } });
    fireEvent.change(screen.getByLabelText('How the request came in'), {
      target: { value: 'in_person' },
    });
    typeInto(/^Date received/, '2099-01-31');
    fireEvent.click(screen.getByRole('button', { name: 'Log the request' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The date cannot be in the future.',
    );
  });

  it('decides a suggested redaction with a reason, stops the clock and exports', async () => {
    const decided: SarDetail = {
      ...detail,
      pending: 0,
      items: detail.items.map((i) => ({
        ...i,
        suggestions: i.suggestions.map((s) => ({
          ...s,
          decision: {
            id: recordId(7),
            itemKey: i.key,
            partyId: s.partyId,
            span: '',
            decision: 'redact',
            reason: 'third_party',
            note: 'Not the requester’s information.',
            madeByName: 'Dana Lead',
            madeAt: '2027-02-02T10:00:00.000Z',
          },
        })),
      })),
    };
    const invoke = openAs('dsl', {
      'sar.redact': () => ok(decided),
      'sar.pause': () => ok({ ...decided, status: 'paused' }),
      'sar.export': () => ok({ savedTo: '/tmp/Okafor-Amara-subject-access.pdf', pages: 4 }),
    });
    await openSection('Subject access requests');
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Open the request about Amara Okafor from Grace Okafor',
      }),
    );
    await screen.findByRole('heading', { name: 'Subject access request about Amara Okafor' });
    expect(screen.getByText(/1 still to decide/)).toBeTruthy();
    typeInto('Why, for Tomasz Nowak', 'Not the requester’s information.');
    fireEvent.click(screen.getByRole('button', { name: 'Withhold Tomasz Nowak' }));
    await screen.findByText(
      /Tomasz Nowak \(Alleged perpetrator.*withheld: \[Redacted: third party\]/,
    );
    expect(inputsTo(invoke, 'sar.redact')).toEqual([
      {
        action: 'add',
        sarId: detail.id,
        itemKey: detail.items[0]?.key,
        partyId: `child:${recordId(3)}`,
        span: '',
        decision: 'redact',
        reason: 'third_party',
        note: 'Not the requester’s information.',
      },
    ]);

    fireEvent.change(screen.getByLabelText('How it will be sent'), {
      target: { value: 'secure_email' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export the response' }));
    await screen.findByText(/Response saved \(4 pages\)/);
    expect(inputsTo(invoke, 'sar.export')).toEqual([
      { sarId: detail.id, method: 'secure_email', notes: '' },
    ]);

    typeInto('What you are waiting for', 'Proof of identity from the mother.');
    fireEvent.click(screen.getByRole('button', { name: 'Stop the clock' }));
    await waitFor(() => {
      expect(screen.getByRole('heading', { name: 'Restart the clock' })).toBeTruthy();
    });
    expect(inputsTo(invoke, 'sar.pause')).toEqual([
      { sarId: detail.id, reason: 'Proof of identity from the mother.' },
    ]);
  });
});
