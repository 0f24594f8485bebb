import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { AuditFilter } from '../../../shared/api';
import type { AuditRow } from '../../../shared/audit/schema';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  aUser,
  emptyDashboard,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const sam = aUser();
const child = aChild();

function row(seq: number, overrides: Partial<AuditRow> = {}): AuditRow {
  return {
    seq,
    at: '2026-11-28T14:05:00.000Z',
    actorId: sam.id,
    actorName: sam.displayName,
    role: 'staff',
    method: 'children.list',
    recordIds: [],
    outcome: 'ok',
    errorCode: null,
    ...overrides,
  };
}

const rows = [
  row(3, { method: 'children.get', role: 'dsl', recordIds: [child.id], outcome: 'ok' }),
  row(2, { method: 'children.get', outcome: 'denied', errorCode: 'forbidden' }),
  row(1, {
    actorId: null,
    actorName: null,
    role: null,
    method: 'auth.signIn',
    outcome: 'invalid',
  }),
];

const base: Handlers = {
  'session.status': () => ok(unlockedAs('dsl')),
  'school.get': () => ok(school),
  'children.list': () => ok({ items: [child], total: 1 }),
  'alerts.list': () => ok([]),
  'dashboard.get': () => ok(emptyDashboard),
  'designations.current': () => ok({}),
  'designations.forChild': () => ok([]),
  'family.forChild': () => ok({ families: [], adults: [], contacts: [] }),
  'users.list': () => ok([sam]),
  'audit.list': () => ok({ items: rows, total: rows.length }),
};

async function openAudit(handlers: Handlers = {}) {
  const invoke = installFakeLantern({ ...base, ...handlers });
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Audit log' }));
  await screen.findByRole('heading', { name: 'Audit log' });
  return invoke;
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

const everything = {
  userId: '',
  childId: '',
  method: '',
  from: '',
  to: '',
  limit: 100,
  offset: 0,
} satisfies AuditFilter;

describe('audit log page', () => {
  it('lists entries with who, role, action, records and outcome', async () => {
    const invoke = await openAudit();
    const table = await screen.findByRole('table', { name: 'Audit entries' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'WhenWhoRoleActionRecordsOutcome',
      '28 Nov 2026, 14:05Sam TeacherDesignated safeguarding leadOne child’s register detailschildren.get1Allowed',
      '28 Nov 2026, 14:05Sam TeacherStaffOne child’s register detailschildren.get0Refused',
      '28 Nov 2026, 14:05Nobody signed inNoneSign in with username and passphraseauth.signIn0Rejected',
    ]);
    expect(screen.getByText('3 entries')).toBeTruthy();
    expect(inputsTo(invoke, 'audit.list')).toEqual([everything]);
  });

  it('names each action in plain English, with the exact method beneath', async () => {
    await openAudit({
      'audit.list': () =>
        ok({
          items: [
            row(2, { method: 'children.get' }),
            row(1, { method: 'unknown:children.delete', outcome: 'invalid' }),
          ],
          total: 2,
        }),
    });
    const table = await screen.findByRole('table', { name: 'Audit entries' });
    const [, known, unknown] = within(table).getAllByRole('row');
    const action = (r: HTMLElement | undefined) => within(r!).getAllByRole('cell')[2]!;
    expect(action(known).textContent).toBe('One child’s register detailschildren.get');
    expect(action(unknown).textContent).toBe('Unknown operationunknown:children.delete');
    // The exact method stays findable on its own, set as code (the e2e journey looks for it).
    const method = within(table).getByText('children.get');
    expect(method.tagName).toBe('CODE');
    expect(within(table).getByText('unknown:children.delete').tagName).toBe('CODE');
  });

  it('sends the filters it is given', async () => {
    const invoke = await openAudit();
    await screen.findByRole('table', { name: 'Audit entries' });
    const person = screen.getByLabelText('Person');
    expect(
      within(person)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Anyone', 'Sam Teacher']);
    fill('Person', sam.id);
    fill('Action', ' children.get ');
    fill('From', '2026-11-01');
    fill('To', '2026-11-28');
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByRole('table', { name: 'Audit entries' });
    expect(inputsTo(invoke, 'audit.list').at(-1)).toEqual({
      ...everything,
      userId: sam.id,
      method: 'children.get',
      from: '2026-11-01',
      to: '2026-11-28',
    });
  });

  it('refuses a “To” date before the “From” date without calling main', async () => {
    const invoke = await openAudit();
    await screen.findByRole('table', { name: 'Audit entries' });
    fill('From', '2026-11-28');
    fill('To', '2026-11-01');
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(
      within(summary).getByRole('link', { name: '‘To’ must be the same as or after ‘From’.' }),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'audit.list')).toHaveLength(1);
  });

  it('fetches more entries with the same filters', async () => {
    const many = Array.from({ length: 100 }, (_, i) => row(200 - i));
    const invoke = await openAudit({
      'audit.list': (input) => {
        const { offset } = input as AuditFilter;
        return ok({ items: offset === 0 ? many : [row(1)], total: 101 });
      },
    });
    await screen.findByText('101 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => {
      expect(screen.getAllByRole('row')).toHaveLength(102);
    });
    // Focus moves to the first new entry, as the button it was on has gone.
    expect(document.activeElement).toBe(screen.getAllByRole('row')[101]?.querySelector('th'));
    expect(inputsTo(invoke, 'audit.list').at(-1)).toEqual({ ...everything, offset: 100 });
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('exports the filtered log and says where it went', async () => {
    const saved = ['/home/dana/audit.csv', null];
    const invoke = await openAudit({
      'audit.exportCsv': () => ok({ savedTo: saved.shift() ?? null }),
    });
    await screen.findByRole('table', { name: 'Audit entries' });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Exported to /home/dana/audit.csv.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Not saved.')).toBeTruthy();
    expect(inputsTo(invoke, 'audit.exportCsv')[0]).toEqual({ ...everything, limit: 500 });
  });

  it('reports an intact audit log', async () => {
    await openAudit({
      'audit.verify': () =>
        ok({ ok: true, rows: 1234, problems: [], checkedAt: '2026-11-28T14:06:00.000Z' }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verify audit log' }));
    const status = await screen.findByText(
      'The audit log is intact: 1,234 entries checked on 28 Nov 2026, 14:06.',
    );
    expect(status.closest('[role="status"]')).not.toBeNull();
  });

  it('raises an alert listing each problem when the check fails', async () => {
    const problems = ['Entry 17 does not match its hash.', 'Entries 40 to 42 are missing.'];
    await openAudit({
      'audit.verify': () =>
        ok({ ok: false, rows: 50, problems, checkedAt: '2026-11-28T14:06:00.000Z' }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verify audit log' }));
    const heading = await screen.findByRole('heading', { name: 'The audit log failed its check' });
    const alert = heading.closest('[role="alert"]') as HTMLElement;
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(problems);
  });
});

describe('who has viewed a child’s file', () => {
  const viewers = [
    {
      userId: sam.id,
      displayName: 'Dana Lead',
      role: 'dsl' as const,
      views: 3,
      firstViewedAt: '2026-11-01T09:00:00.000Z',
      lastViewedAt: '2026-11-28T14:05:00.000Z',
    },
  ];

  async function openChild(handlers: Handlers = {}) {
    const invoke = installFakeLantern({
      ...base,
      'children.get': () => ok(child),
      'concerns.forChild': () => ok([]),
      'encompass.forChild': () => ok([]),
      'children.viewers': () => ok(viewers),
      ...handlers,
    });
    render(<App />);
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    await screen.findByRole('heading', { name: 'Jane Doe', level: 1 });
    return invoke;
  }

  it('lists viewers and opens the audit log filtered to the child', async () => {
    const invoke = await openChild();
    fireEvent.click(screen.getByRole('button', { name: 'Who has viewed this file' }));
    const heading = await screen.findByRole('heading', { name: 'Who has viewed this file' });
    expect(document.activeElement).toBe(heading);
    const table = screen.getByRole('table', { name: 'Who has viewed this file' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe(
      'Dana LeadDesignated safeguarding lead31 Nov 2026, 09:0028 Nov 2026, 14:05',
    );
    expect(inputsTo(invoke, 'children.viewers')).toEqual([{ id: child.id }]);

    fireEvent.click(screen.getByRole('button', { name: 'Open in audit log' }));
    await screen.findByRole('heading', { name: 'Audit log' });
    expect(screen.getByText('Showing entries about Jane Doe')).toBeTruthy();
    await screen.findByRole('table', { name: 'Audit entries' });
    expect(inputsTo(invoke, 'audit.list').at(-1)).toEqual({ ...everything, childId: child.id });

    fireEvent.click(screen.getByRole('button', { name: 'Show all entries' }));
    await screen.findByRole('table', { name: 'Audit entries' });
    expect(screen.queryByText('Showing entries about Jane Doe')).toBeNull();
    expect(inputsTo(invoke, 'audit.list').at(-1)).toEqual(everything);
  });

  it('says when nobody has viewed the file', async () => {
    await openChild({ 'children.viewers': () => ok([]) });
    fireEvent.click(screen.getByRole('button', { name: 'Who has viewed this file' }));
    expect(await screen.findByText('Nobody has viewed this file yet.')).toBeTruthy();
  });

  it('is not offered to a role without the audit log', async () => {
    installFakeLantern({
      ...base,
      'session.status': () => ok(unlockedAs('deputy_dsl')),
      'children.get': () => ok(child),
      'concerns.forChild': () => ok([]),
      'encompass.forChild': () => ok([]),
    });
    render(<App />);
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    await screen.findByRole('heading', { name: 'Jane Doe', level: 1 });
    expect(screen.queryByRole('button', { name: 'Who has viewed this file' })).toBeNull();
  });
});
