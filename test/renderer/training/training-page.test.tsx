import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { TrainingKind, TrainingStatus } from '../../../shared/governance/training';
import { trainingRequirements } from '../../../shared/governance/training';
import type {
  StaffImportResult,
  TrainingPerson,
  TrainingRegister,
} from '../../../shared/training/schema';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  recordId,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

function standing(kind: TrainingKind, status: TrainingStatus, nextDue: string | null) {
  const title = trainingRequirements.find((r) => r.kind === kind)?.title ?? '';
  return { kind, title, status, nextDue, lastCompleted: null };
}

const dana: TrainingPerson = {
  id: recordId(1),
  name: 'Dana Lead',
  jobTitle: 'Designated safeguarding lead',
  groups: ['all_staff', 'dsl_team'],
  startDate: '2019-09-01',
  leavingDate: '',
  userId: null,
  standings: [
    standing('induction', 'in_date', null),
    standing('annual_update', 'due_soon', '2026-12-20'),
    standing('kcsie_part_one', 'in_date', '2027-09-01'),
    standing('dsl_formal', 'overdue', '2026-10-28'),
    standing('dsl_refresh', 'missing', null),
    standing('prevent', 'in_date', '2028-03-10'),
  ],
  records: [],
  attestations: [],
};
const gita: TrainingPerson = {
  id: recordId(2),
  name: 'Gita Shah',
  jobTitle: 'Chair of governors',
  groups: ['governors'],
  startDate: '2022-01-10',
  leavingDate: '',
  userId: null,
  standings: [standing('governor', 'in_date', '2027-06-01')],
  records: [],
  attestations: [],
};
const register: TrainingRegister = {
  today: '2026-11-28',
  editionInForce: 'KCSIE 2026',
  people: [dana, gita],
  intervals: trainingRequirements.map((r) => ({
    kind: r.kind,
    title: r.title,
    defaultMonths: r.intervalMonths,
    months: r.intervalMonths,
    confirmed: r.confirmed,
    frequencyText: r.frequencyText,
    source: r.source,
    setAt: null,
    setByName: null,
  })),
};

function base(role: Role, handlers: Handlers = {}) {
  return installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'dashboard.get': () => ok(emptyDashboard),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'alerts.list': () => ok([]),
    'triage.inbox': () => ok([]),
    'training.people': () => ok(register),
    ...handlers,
  });
}

async function openTraining(handlers: Handlers = {}) {
  const invoke = base('dsl', handlers);
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Training' }));
  await screen.findByRole('heading', { name: 'Training', level: 1 });
  return invoke;
}

const matrix = () => screen.findByRole('table', { name: 'Training by person and requirement' });

function rowOf(table: HTMLElement, name: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('button', { name }));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('training page', () => {
  it('shows where each person stands in words, with “Does not apply” outside their groups', async () => {
    await openTraining();
    const table = await matrix();
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Person',
      ...trainingRequirements
        .filter((r) => [...dana.standings, ...gita.standings].some((s) => s.kind === r.kind))
        .map((r) => r.title),
    ]);
    const cells = within(rowOf(table, 'Dana Lead'))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      'In date',
      'Due by 20 Dec 2026',
      'In date',
      'Overdue since 28 Oct 2026',
      'Not recorded',
      'In date',
      'Does not apply',
    ]);
    expect(within(rowOf(table, 'Gita Shah')).getAllByRole('cell')[0]?.textContent).toBe(
      'Does not apply',
    );
  });

  it('filters by group and to people with training overdue or not recorded', async () => {
    await openTraining();
    await matrix();
    fireEvent.change(screen.getByLabelText('Group'), { target: { value: 'governors' } });
    let table = await matrix();
    expect(within(table).queryByRole('button', { name: 'Dana Lead' })).toBeNull();
    expect(within(table).getByRole('button', { name: 'Gita Shah' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Group'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Only people with training overdue or not recorded'));
    table = await matrix();
    expect(within(table).getByRole('button', { name: 'Dana Lead' })).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Gita Shah' })).toBeNull();
    expect(screen.getByText('Showing 1 person.')).toBeTruthy();
  });

  it('records training with its evidence file, and shows main’s refusal of the file', async () => {
    let refuse = true;
    const invoke = await openTraining({
      'training.record': () =>
        refuse
          ? fail('invalid_input', 'Attach a photo (PNG or JPEG) or a PDF.', {
              evidence: 'Attach a photo (PNG or JPEG) or a PDF.',
            })
          : ok({
              ...dana,
              standings: dana.standings.map((s) =>
                s.kind === 'dsl_formal'
                  ? { ...s, status: 'in_date' as const, nextDue: '2028-11-20' }
                  : s,
              ),
            }),
    });
    fireEvent.click(within(await matrix()).getByRole('button', { name: 'Dana Lead' }));
    const form = await screen.findByRole('form', { name: 'Record training for Dana Lead' });
    // KCSIE Part one is recorded per edition, not as a dated training.
    const options = within(within(form).getByLabelText('Training'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).not.toContain(trainingRequirements[2]?.title);
    fireEvent.change(within(form).getByLabelText('Training'), { target: { value: 'dsl_formal' } });
    fireEvent.change(within(form).getByLabelText('Date completed'), {
      target: { value: '2026-11-20' },
    });
    fireEvent.change(within(form).getByLabelText('Provider'), {
      target: { value: 'Westshire SCP' },
    });
    fireEvent.change(within(form).getByLabelText('Evidence (optional)'), {
      target: { files: [new File(['not really a pdf'], 'certificate.pdf')] },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record training' }));
    expect(await within(form).findByRole('alert')).toBeTruthy();
    expect(
      within(form).getAllByText('Attach a photo (PNG or JPEG) or a PDF.').length,
    ).toBeGreaterThan(0);
    expect(inputsTo(invoke, 'training.record')[0]).toEqual({
      personId: dana.id,
      kind: 'dsl_formal',
      completedOn: '2026-11-20',
      provider: 'Westshire SCP',
      notes: '',
      evidence: {
        fileName: 'certificate.pdf',
        dataBase64: Buffer.from('not really a pdf').toString('base64'),
      },
    });
    refuse = false;
    fireEvent.change(within(form).getByLabelText('Evidence (optional)'), {
      target: { files: [new File(['%PDF-1.4'], 'certificate.pdf')] },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record training' }));
    expect(await screen.findByText('Training recorded for Dana Lead.')).toBeTruthy();
    const cells = within(rowOf(await matrix(), 'Dana Lead')).getAllByRole('cell');
    expect(cells[3]?.textContent).toBe('In date');
  });

  it('previews a staff CSV with each line’s problems and imports only a clean file', async () => {
    const withProblems: StaffImportResult = {
      applied: false,
      counts: { new: 1, update: 0, unchanged: 0, error: 1 },
      fileProblems: [],
      rows: [
        { line: 2, name: 'Priya Natarajan', outcome: 'new', problems: [] },
        {
          line: 3,
          name: 'Ava Brown',
          outcome: 'error',
          problems: ['Start date: Not a real date: there is no month 25.'],
        },
      ],
    };
    const clean: StaffImportResult = {
      ...withProblems,
      counts: { new: 1, update: 0, unchanged: 0, error: 0 },
      rows: [withProblems.rows[0]!],
    };
    let answer = withProblems;
    const invoke = await openTraining({
      'training.importStaff': (input) =>
        ok((input as { apply: boolean }).apply ? { ...clean, applied: true } : answer),
    });
    const file = screen.getByLabelText('CSV file');
    fireEvent.change(file, {
      target: { files: [new File(['Name,Start date\nPriya,01/09/2024\n'], 'staff.csv')] },
    });
    const preview = await screen.findByRole('table', { name: 'What importing the file would do' });
    expect(
      within(preview).getByText('Start date: Not a real date: there is no month 25.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
    answer = clean;
    fireEvent.change(file, {
      target: { files: [new File(['Name,Start date\nPriya,01/09/2024\n'], 'staff.csv')] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 people' }));
    expect(await screen.findByText('Imported 1 person.')).toBeTruthy();
    expect(
      inputsTo(invoke, 'training.importStaff').map((i) => (i as { apply: boolean }).apply),
    ).toEqual([false, false, true]);
    // The register is loaded again after the import.
    await waitFor(() => {
      expect(inputsTo(invoke, 'training.people')).toHaveLength(2);
    });
  });

  it('shows training due on the DSL’s dashboard and opens the page from it', async () => {
    base('dsl', {
      'training.due': () =>
        ok({
          overdue: 2,
          dueSoon: 1,
          missing: 3,
          items: [
            {
              personId: dana.id,
              name: 'Dana Lead',
              kind: 'dsl_formal',
              title: '',
              status: 'overdue',
              nextDue: '2026-10-28',
            },
            {
              personId: dana.id,
              name: 'Dana Lead',
              kind: 'dsl_refresh',
              title: '',
              status: 'missing',
              nextDue: null,
            },
            {
              personId: gita.id,
              name: 'Gita Shah',
              kind: 'governor',
              title: '',
              status: 'overdue',
              nextDue: '2026-06-01',
            },
          ],
        }),
    });
    render(<App />);
    const card = (await screen.findByRole('heading', { name: 'Training due (6)' })).closest(
      'section',
    )!;
    expect(card.textContent).toContain(
      '2 overdue, 3 not recorded (2 people), 1 due within 30 days.',
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Open training records' }));
    expect(await screen.findByRole('heading', { name: 'Training', level: 1 })).toBeTruthy();
  });

  it('offers the page to neither staff nor governors', async () => {
    base('governor', { 'governance.stats': () => fail('internal', 'not in this test') });
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Training' })).toBeNull();
  });
});
