import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { ChildSummary } from '../../../shared/children/schema';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  emptyDashboard,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  safeguardingTeam,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const jane = aChild();
const sam = aChild({
  id: '01890a5d-ac96-774b-bcce-b302099a8058',
  legalForename: 'Samuel',
  legalSurname: 'Okafor',
  preferredForename: 'Sam',
  preferredSurname: 'Okafor',
  yearGroup: 'R',
});

async function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'dashboard.get': () => ok(emptyDashboard),
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [jane, sam], total: 2 }),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'designations.forChild': () => ok([]),
    'family.forChild': () => ok({ families: [], adults: [], contacts: [] }),
    ...handlers,
  });
  render(<App />);
  if (safeguardingTeam.includes(role)) await openSection('Pupils');
  return invoke;
}

describe('pupil register', () => {
  it('lists pupils with their year group, date of birth and UPN', async () => {
    await openAs('dsl');
    expect(await screen.findByText('2 pupils')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Pupil register' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'NameYear groupDate of birthUPN',
      `Jane DoeYear 512 Mar 2016${jane.upn}`,
      `Samuel Okafor (known as Sam Okafor)Reception12 Mar 2016${sam.upn}`,
    ]);
    expect(screen.getByRole('button', { name: 'Add a child' })).toBeTruthy();
  });

  it('hides “Add a child” from a role that cannot change the register', async () => {
    await openAs('staff');
    await screen.findByText('2 pupils');
    expect(screen.queryByRole('button', { name: 'Add a child' })).toBeNull();
  });

  it('shows governors neither the register nor its navigation', async () => {
    const invoke = await openAs('governor');
    expect(await screen.findByRole('heading', { name: 'Governance', level: 1 })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Pupils' })).toBeNull();
    expect(within(nav).getByRole('button', { name: 'School profile' })).toBeTruthy();
    expect(inputsTo(invoke, 'children.list')).toEqual([]);
  });

  it('searches after typing pauses and says when nothing matches', async () => {
    const invoke = await openAs('dsl', {
      'children.list': (input) => {
        const { query } = input as { query: string };
        return ok(query === '' ? { items: [jane, sam], total: 2 } : { items: [], total: 0 });
      },
    });
    await screen.findByText('2 pupils');
    fireEvent.change(screen.getByLabelText('Search by name or UPN'), { target: { value: 'xy' } });
    fireEvent.change(screen.getByLabelText('Search by name or UPN'), { target: { value: 'xyz' } });
    expect(await screen.findByText('No pupils match “xyz”.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(inputsTo(invoke, 'children.list')).toContainEqual({
      query: 'xyz',
      includeLeavers: false,
      limit: 50,
      offset: 0,
    });
    expect(inputsTo(invoke, 'children.list')).not.toContainEqual({
      query: 'xy',
      includeLeavers: false,
      limit: 50,
      offset: 0,
    });
  });

  it('guides a new school when the register is empty', async () => {
    await openAs('dsl', { 'children.list': () => ok({ items: [], total: 0 }) });
    expect(await screen.findByText('No pupils on the register yet.')).toBeTruthy();
    expect(screen.getByText(/Add each child with “Add a child”/)).toBeTruthy();
  });

  it('fetches the next page with “Show more” and moves focus to the first new row', async () => {
    const page = (from: number, count: number): ChildSummary[] =>
      Array.from({ length: count }, (_, i) =>
        aChild({
          id: `01890a5d-ac96-774b-bcce-${String(from + i).padStart(12, '0')}`,
          legalSurname: `Pupil${from + i}`,
        }),
      );
    const invoke = await openAs('dsl', {
      'children.list': (input) => {
        const { offset } = input as { offset: number };
        return ok({ items: page(offset, offset === 0 ? 50 : 10), total: 60 });
      },
    });
    await screen.findByText('60 pupils');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    const first = await screen.findByRole('button', { name: 'Jane Pupil50' });
    expect(document.activeElement).toBe(first);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(inputsTo(invoke, 'children.list')).toContainEqual({
      query: '',
      includeLeavers: false,
      limit: 50,
      offset: 50,
    });
  });

  it('offers a retry when the register cannot be loaded', async () => {
    let fail = true;
    await openAs('dsl', {
      'children.list': () =>
        fail
          ? { ok: false, error: { code: 'store_error', message: 'The store could not be read.' } }
          : ok({ items: [jane], total: 1 }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The store could not be read.');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('1 pupil')).toBeTruthy();
  });
});
