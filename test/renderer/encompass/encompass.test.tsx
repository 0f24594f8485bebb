import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { EscalationItem } from '../../../shared/casework/escalation';
import type { EncompassNotification } from '../../../shared/encompass/schema';
import { App } from '../../../renderer/app/App';
import { EscalationList } from '../../../renderer/casework/EscalationList';
import { useLantern } from '../../../renderer/store';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  childFileHandlers,
  inputsTo,
  installFakeLantern,
  ok,
  recordId,
  sessionUser,
  setUpRendererTests,
  typeInto,
} from '../fake-lantern';

setUpRendererTests();

const jane = aChild();
const sam = aChild({ id: recordId(31), legalForename: 'Sam', yearGroup: '2', upn: '' });
const dsl = sessionUser('dsl');

const recorded: EncompassNotification = {
  id: recordId(40),
  children: [
    { childId: jane.id, name: 'Jane Doe', presence: 'witnessed' },
    { childId: sam.id, name: 'Sam Doe', presence: 'not_present' },
  ],
  incidentAt: '2025-06-09T22:15',
  notifiedAt: '2025-06-10T07:30',
  policeForce: 'Metropolitan Police',
  policeReference: 'CAD 4521',
  notifiedBy: 'PC Jo Smith',
  summary: 'Officers attended after a neighbour heard shouting.',
  keyAdultId: dsl.id,
  keyAdultName: dsl.displayName,
  keyAdultInformedAt: '2025-06-10T07:35',
  supportPlanned: 'Check-in at registration.',
  recordedByName: dsl.displayName,
  recordedAt: '2025-06-10T07:40:00.000Z',
  addenda: [],
};

function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...childFileHandlers(role, jane, sam),
    'actions.owners': () => ok([{ id: dsl.id, displayName: dsl.displayName, role: 'dsl' }]),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

async function openJane() {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Pupils' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
  await screen.findByRole('heading', { name: 'Operation Encompass notifications' });
}

describe('Operation Encompass in the renderer', () => {
  it('records a notification for two siblings from the child’s page', async () => {
    const invoke = openAs('dsl', {
      'encompass.record': () => ok(recorded),
      'encompass.get': () => ok(recorded),
    });
    await openJane();
    expect(screen.getByText('No notifications from the police about Jane Doe.')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Record an Operation Encompass notification' }),
    );
    await screen.findByRole('heading', { name: 'Record an Operation Encompass notification' });
    typeInto('Add another child', 'Doe');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Jane Doe (Year 5), already added')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add Sam Doe (Year 2)' }));
    typeInto('Was Jane Doe present?', 'witnessed');
    typeInto('Was Sam Doe present?', 'not_present');
    typeInto('Date of the incident', '2025-06-09');
    typeInto('Time of the incident (optional)', '22:15');
    typeInto('Date the police notified the school', '2025-06-10');
    typeInto('Time the police notified the school', '07:30');
    typeInto('Police force', 'Metropolitan Police');
    typeInto('Police reference number', 'CAD 4521');
    typeInto('Who notified the school', 'PC Jo Smith');
    typeInto('What the police shared', 'Officers attended after a neighbour heard shouting.');
    expect(screen.getByLabelText<HTMLSelectElement>('Key adult told').value).toBe(dsl.id);
    typeInto('Date the key adult was told', '2025-06-10');
    typeInto('Time the key adult was told', '07:35');
    typeInto('Support planned or offered (optional)', 'Check-in at registration.');
    fireEvent.click(screen.getByRole('button', { name: 'Record notification' }));
    await screen.findByRole('heading', { name: 'Operation Encompass notification' });
    expect(inputsTo(invoke, 'encompass.record')).toEqual([
      {
        children: [
          { childId: jane.id, presence: 'witnessed' },
          { childId: sam.id, presence: 'not_present' },
        ],
        incidentAt: '2025-06-09T22:15',
        notifiedAt: '2025-06-10T07:30',
        policeForce: 'Metropolitan Police',
        policeReference: 'CAD 4521',
        notifiedBy: 'PC Jo Smith',
        summary: 'Officers attended after a neighbour heard shouting.',
        keyAdultId: dsl.id,
        keyAdultInformedAt: '2025-06-10T07:35',
        supportPlanned: 'Check-in at registration.',
      },
    ]);
    expect(screen.getByText('Notification recorded on each child’s chronology.')).toBeTruthy();
    expect(screen.getByText('Sam Doe: not present')).toBeTruthy();
    expect(screen.getByText('Officers attended after a neighbour heard shouting.')).toBeTruthy();
  });

  it('checks the form before sending and names every problem', async () => {
    const invoke = openAs('deputy_dsl');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Operation Encompass' }));
    await screen.findByRole('heading', { name: 'Record an Operation Encompass notification' });
    typeInto('Date the police notified the school', '2025-06-10');
    fireEvent.click(screen.getByRole('button', { name: 'Record notification' }));
    const summary = await screen.findByRole('alert');
    for (const message of [
      'Add at least one child.',
      'Enter the date it happened.',
      'Enter the police force.',
      'Enter the police reference.',
      'Enter who notified the school.',
      'Enter what the police shared.',
      'Enter the time the police notified the school, such as 07:45.',
      'Enter the time the key adult was told, such as 07:45.',
    ])
      expect(within(summary).getByText(message)).toBeTruthy();
    expect(inputsTo(invoke, 'encompass.record')).toEqual([]);
  });

  it('lists a child’s notifications with that child’s presence, and none for the headteacher', async () => {
    openAs('dsl', {
      'encompass.forChild': () =>
        ok([
          {
            id: recorded.id,
            incidentAt: recorded.incidentAt,
            notifiedAt: recorded.notifiedAt,
            policeForce: recorded.policeForce,
            policeReference: recorded.policeReference,
            presence: 'witnessed',
            addenda: 1,
          },
        ]),
    });
    await openJane();
    const table = await screen.findByRole('table', { name: 'Operation Encompass notifications' });
    expect(within(table).getByRole('button', { name: '9 Jun 2025, 22:15' })).toBeTruthy();
    expect(within(table).getByText('present and saw or heard it')).toBeTruthy();
    expect(within(table).getByText('Metropolitan Police, ref CAD 4521')).toBeTruthy();
    expect(within(table).getByText('1 correction')).toBeTruthy();
  });

  it('hides the section from a role without casework', async () => {
    openAs('headteacher');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Operation Encompass' })).toBeNull();
    fireEvent.click(within(nav).getByRole('button', { name: 'Pupils' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    await screen.findByRole('heading', { name: 'Jane Doe' });
    expect(screen.queryByRole('heading', { name: 'Operation Encompass notifications' })).toBeNull();
  });
});

describe('the escalation list', () => {
  const items: EscalationItem[] = [
    {
      child: { id: jane.id, name: 'Jane Doe' },
      rule: '3 neglect concerns in 90 days',
      concernIds: [recordId(1), recordId(2), recordId(3)],
      dates: ['2026-09-01', '2026-10-02', '2026-11-27T08:50'],
      latest: '2026-11-27T08:50',
    },
  ];

  it('says which rule each child meets, and opens their file', () => {
    render(<EscalationList items={items} />);
    expect(
      screen.getByText(
        'Meets “3 neglect concerns in 90 days”: 3 concerns, the latest on 27 Nov 2026, 08:50.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Jane Doe' }));
    expect(useLantern.getState().route).toEqual({ page: 'child', id: jane.id });
  });

  it('says so when no child meets a rule', () => {
    render(<EscalationList items={[]} />);
    expect(screen.getByText('No child’s recent concerns meet an escalation rule.')).toBeTruthy();
  });
});
