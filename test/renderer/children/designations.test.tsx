import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { Designation } from '../../../shared/children/designations';
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

const plan: Designation = {
  id: recordId(20),
  childId: jane.id,
  kind: 'cp_plan',
  cpCategory: 'neglect',
  startDate: '2026-03-03',
  endDate: '',
  notes: 'Social worker: Ann Smith.',
  recordedBy: recordId(1),
  recordedByName: 'Dana Lead',
  recordedAt: '2026-03-03T12:00:00.000Z',
  endedByName: null,
  endedAt: null,
};

const pastCin: Designation = {
  ...plan,
  id: recordId(21),
  kind: 'child_in_need',
  cpCategory: '',
  startDate: '2025-09-01',
  endDate: '2026-03-03',
  notes: '',
  endedByName: 'Dana Lead',
  endedAt: '2026-03-03T12:00:00.000Z',
};

async function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...childFileHandlers(role, jane),
    'designations.forChild': () => ok([plan, pastCin]),
    'designations.current': () =>
      ok({ [jane.id]: [{ id: plan.id, kind: 'cp_plan', cpCategory: 'neglect' }] }),
    ...handlers,
  });
  render(<App />);
  if (safeguardingTeam.includes(role)) await openSection('Pupils');
  return invoke;
}

async function openJane() {
  fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
  await screen.findByRole('heading', { name: 'Designations' });
}

describe('designations on a child’s page', () => {
  it('shows current designations with their start, and past ones beneath', async () => {
    await openAs('dsl');
    await openJane();
    const current = await screen.findByRole('list', { name: 'Current designations' });
    expect(current.textContent).toContain('Child protection plan (neglect) since 3 Mar 2026');
    expect(within(current).getByText('Social worker: Ann Smith.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Past designations' })).toBeTruthy();
    const past = screen.getByRole('list', { name: 'Past designations' });
    expect(past.textContent).toContain('Child in need 1 Sep 2025 to 3 Mar 2026');
  });

  it('shows the current designations as badges in the register for the DSL', async () => {
    const invoke = await openAs('dsl');
    const row = (await screen.findByRole('button', { name: 'Jane Doe' })).closest('tr');
    await waitFor(() => {
      expect(row?.textContent).toContain('Child protection plan (neglect)');
    });
    expect(inputsTo(invoke, 'designations.current')).toEqual([{ childIds: [jane.id] }]);
  });

  it('never asks for designations for staff', async () => {
    const invoke = await openAs('staff');
    await screen.findByRole('button', { name: 'Record a concern about Jane Doe' });
    expect(screen.queryByText('Child protection plan (neglect)')).toBeNull();
    expect(inputsTo(invoke, 'designations.current')).toEqual([]);
  });

  it('lets the headteacher read but not add or end', async () => {
    await openAs('headteacher');
    await openJane();
    await screen.findByRole('list', { name: 'Current designations' });
    expect(screen.queryByRole('heading', { name: 'Add a designation' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^End / })).toBeNull();
  });

  it('asks for the CP category only for a plan, and checks the form before sending', async () => {
    const invoke = await openAs('dsl');
    await openJane();
    expect(screen.queryByLabelText('Category of the child protection plan')).toBeNull();
    typeInto('Designation', 'cp_plan');
    expect(screen.getByLabelText('Category of the child protection plan')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add designation' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByText('Choose the category of the child protection plan.'),
    ).toBeTruthy();
    expect(within(summary).getByText('Enter the start date.')).toBeTruthy();
    typeInto('Category of the child protection plan', 'neglect');
    typeInto('Start date', '2999-01-01');
    fireEvent.click(screen.getByRole('button', { name: 'Add designation' }));
    expect(await screen.findAllByText('Start date cannot be in the future.')).not.toHaveLength(0);
    expect(inputsTo(invoke, 'designations.add')).toEqual([]);
  });

  it('adds a designation and shows main’s overlap message on its field', async () => {
    const invoke = await openAs('dsl', {
      'designations.add': () =>
        fail('conflict', 'Some details need correcting.', {
          'designation.kind':
            'This child already has a current young carer, since 1 Jan 2026. End it before adding another.',
        }),
    });
    await openJane();
    typeInto('Designation', 'young_carer');
    typeInto('Start date', '2026-02-01');
    typeInto('Notes (optional)', '  Cares for her mother.  ');
    fireEvent.click(screen.getByRole('button', { name: 'Add designation' }));
    expect(
      await screen.findAllByText(
        'This child already has a current young carer, since 1 Jan 2026. End it before adding another.',
      ),
    ).not.toHaveLength(0);
    expect(inputsTo(invoke, 'designations.add')).toEqual([
      {
        childId: jane.id,
        designation: {
          kind: 'young_carer',
          cpCategory: '',
          startDate: '2026-02-01',
          endDate: '',
          notes: 'Cares for her mother.',
        },
      },
    ]);
  });

  it('ends a current designation on the date given', async () => {
    let ended = false;
    const invoke = await openAs('dsl', {
      'designations.forChild': () =>
        ok(ended ? [{ ...plan, endDate: '2026-11-20' }, pastCin] : [plan, pastCin]),
      'designations.end': () => {
        ended = true;
        return ok({ ...plan, endDate: '2026-11-20' });
      },
    });
    await openJane();
    fireEvent.click(
      await screen.findByRole('button', { name: 'End Child protection plan (neglect)' }),
    );
    typeInto('When did the child protection plan (neglect) end?', '2026-11-20');
    fireEvent.click(screen.getByRole('button', { name: 'End designation' }));
    await waitFor(() => {
      expect(screen.queryByRole('list', { name: 'Current designations' })).toBeNull();
    });
    expect(inputsTo(invoke, 'designations.end')).toEqual([{ id: plan.id, endDate: '2026-11-20' }]);
    expect(screen.getByRole('list', { name: 'Past designations' }).textContent).toContain(
      'Child protection plan (neglect) 3 Mar 2026 to 20 Nov 2026',
    );
  });
});
