import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../../renderer/app/App';
import { londonDate } from '../../../shared/dates/calendar-date';
import type { Role } from '../../../shared/auth/roles';
import type {
  AuditList,
  AuditQuestion,
  AuditYear,
  EvidenceOption,
} from '../../../shared/audit-s175/schema';
import type { Handlers } from '../fake-lantern';
import {
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

const questions: AuditQuestion[] = [
  {
    id: 'k001',
    section: 'Leadership and governance',
    text: 'Is there a named safeguarding governor?',
    evidence: 'Minutes',
    source: 'KCSIE Part two',
  },
  {
    id: 'k002',
    section: 'Online safety, filtering and monitoring',
    text: 'Is filtering reviewed every year?',
    evidence: 'Review record',
    source: 'KCSIE Part two',
  },
];

const options: EvidenceOption[] = [
  { kind: 'policy', id: recordId(1), label: 'Child protection policy: approved 15 Sep 2026' },
  { kind: 'training', id: recordId(2), label: 'Priya Natarajan: annual update, 2 Sep 2026' },
];

function yearWith(overrides: Partial<AuditYear> = {}): AuditYear {
  return {
    academicYear: '2026/27',
    startedAt: '2026-11-28T10:00:00.000Z',
    questions: 2,
    answered: 0,
    red: 0,
    amber: 0,
    green: 0,
    signoffs: [],
    questionSet: questions,
    answers: [],
    lastYear: { academicYear: '2025/26', rag: { k001: 'red' } },
    actions: [],
    ...overrides,
  };
}

function listWith(years: AuditYear[]): AuditList {
  return {
    currentYear: '2026/27',
    years: years.map((y) => ({
      academicYear: y.academicYear,
      startedAt: y.startedAt,
      questions: y.questions,
      answered: y.answered,
      red: y.red,
      amber: y.amber,
      green: y.green,
      signoffs: y.signoffs,
    })),
    questionSet: { kind: 'default', source: 'Lantern', questions: 2, importedAt: null },
  };
}

const answered = yearWith({
  answered: 2,
  amber: 1,
  green: 1,
  answers: [
    {
      questionId: 'k001',
      rag: 'amber',
      comment: 'Governor appointed; training booked.',
      evidence: [options[0]!],
      updatedAt: '2026-11-28T10:00:00.000Z',
      updatedByName: 'Dana Lead',
    },
    {
      questionId: 'k002',
      rag: 'green',
      comment: '',
      evidence: [],
      updatedAt: '2026-11-28T10:00:00.000Z',
      updatedByName: 'Dana Lead',
    },
  ],
  actions: [
    {
      id: recordId(5),
      questionId: 'k001',
      action: 'Book governor training',
      owner: 'Clerk',
      dueOn: '2027-01-31',
      doneOn: null,
    },
  ],
});

function open(role: Role, started: AuditYear | null, handlers: Handlers = {}) {
  let year = started;
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'alerts.list': () => ok([]),
    'dashboard.get': () => ok(emptyDashboard),
    'concernDrafts.list': () => ok([]),
    'triage.inbox': () => ok([]),
    'children.list': () => ok({ items: [], total: 0 }),
    'audits.list': () => ok(listWith(year ? [year] : [])),
    'audits.get': () => (year ? ok(year) : fail('not_found', 'Not started.')),
    'audits.evidenceOptions': () => ok(options),
    'audits.start': () => {
      year = yearWith();
      return ok(year);
    },
    'audits.answer': () => {
      year = yearWith({ ...answered, answered: 1, green: 0, answers: [answered.answers[0]!] });
      return ok(year);
    },
    'audits.signOff': () => {
      year = {
        ...answered,
        signoffs: [
          { role: 'governor', name: 'Gwen Governor', signedAt: '2026-11-28T10:00:00.000Z' },
        ],
      };
      return ok(year);
    },
    'audits.export': () => ok({ savedTo: '/home/dsl/audit.pdf' }),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

describe('the safeguarding audit page', () => {
  it('lets the DSL start this year and answer a question with evidence links', async () => {
    const invoke = open('dsl', null);
    await openSection('Safeguarding audit');
    fireEvent.click(await screen.findByRole('button', { name: 'Start the 2026/27 audit' }));
    expect(inputsTo(invoke, 'audits.start')).toEqual([{ academicYear: '2026/27' }]);
    expect(await screen.findByText('0 of 2 answered; 0 red, 0 amber.')).toBeTruthy();
    const first = screen.getByRole('region', { name: 'Is there a named safeguarding governor?' });
    expect(within(first).getByText(/Last year \(2025\/26\)/).textContent).toBe(
      'Last year (2025/26): Red.',
    );
    // Saving without a rating is refused in the page, before main is asked.
    fireEvent.click(within(first).getByRole('button', { name: 'Save answer' }));
    expect(await within(first).findAllByText('Choose Red, Amber or Green.')).not.toHaveLength(0);
    expect(inputsTo(invoke, 'audits.answer')).toEqual([]);

    fireEvent.click(within(first).getByRole('radio', { name: 'Amber' }));
    fireEvent.change(within(first).getByLabelText('Comment'), {
      target: { value: 'Governor appointed; training booked.' },
    });
    expect(within(first).getByLabelText('Comment').getAttribute('aria-describedby')).toBeTruthy();
    expect(within(first).getByText(/Do not name children/)).toBeTruthy();
    fireEvent.change(within(first).getByLabelText('Link a record'), {
      target: { value: `policy:${recordId(1)}` },
    });
    fireEvent.click(within(first).getByRole('button', { name: 'Link record' }));
    fireEvent.change(within(first).getByLabelText('Other evidence'), {
      target: { value: 'Minutes, 12 Oct 2026' },
    });
    fireEvent.click(within(first).getByRole('button', { name: 'Add evidence' }));
    fireEvent.click(within(first).getByRole('button', { name: 'Save answer' }));
    await waitFor(() => {
      expect(inputsTo(invoke, 'audits.answer')).toEqual([
        {
          academicYear: '2026/27',
          questionId: 'k001',
          rag: 'amber',
          comment: 'Governor appointed; training booked.',
          evidence: [options[0], { kind: 'other', id: '', label: 'Minutes, 12 Oct 2026' }],
        },
      ]);
    });
    expect(await screen.findByText('1 of 2 answered; 0 red, 1 amber.')).toBeTruthy();
  });

  it('adds an action with its owner and due date', async () => {
    const invoke = open('dsl', yearWith(), {
      'audits.addAction': () => ok(answered),
    });
    await openSection('Safeguarding audit');
    const second = await screen.findByRole('region', { name: 'Is filtering reviewed every year?' });
    fireEvent.click(within(second).getByText('Add an action'));
    fireEvent.change(within(second).getByLabelText('Action'), {
      target: { value: 'Review with the IT provider' },
    });
    fireEvent.change(within(second).getByLabelText(/^Owner/), { target: { value: 'DSL' } });
    fireEvent.change(within(second).getByLabelText(/^Due date/), {
      target: { value: '2026-12-18' },
    });
    fireEvent.click(within(second).getByRole('button', { name: 'Add action' }));
    await waitFor(() => {
      expect(inputsTo(invoke, 'audits.addAction')).toEqual([
        {
          academicYear: '2026/27',
          questionId: 'k002',
          action: 'Review with the IT provider',
          owner: 'DSL',
          dueOn: '2026-12-18',
        },
      ]);
    });
  });

  it('marks an action done today', async () => {
    const invoke = open('dsl', answered, {
      'audits.completeAction': () =>
        ok({ ...answered, actions: [{ ...answered.actions[0]!, doneOn: '2026-11-28' }] }),
    });
    await openSection('Safeguarding audit');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Mark done today: Book governor training' }),
    );
    expect(await screen.findByText('Done 28 Nov 2026.')).toBeTruthy();
    expect(inputsTo(invoke, 'audits.completeAction')).toEqual([
      { id: recordId(5), doneOn: londonDate(new Date()) },
    ]);
  });

  it('shows a governor the answers read-only and lets them sign off', async () => {
    const invoke = open('governor', answered);
    await openSection('Safeguarding audit');
    const first = await screen.findByRole('region', {
      name: 'Is there a named safeguarding governor?',
    });
    expect(within(first).queryByRole('radio')).toBeNull();
    expect(within(first).getByText('Rating:').textContent).toBe('Rating: Amber');
    expect(
      within(first).getByText('Policy review: Child protection policy: approved 15 Sep 2026'),
    ).toBeTruthy();
    expect(within(first).getByText(/Book governor training/).textContent).toContain(
      'Not done yet.',
    );
    expect(screen.queryByRole('button', { name: /Start the/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Question set' })).toBeNull();
    expect(inputsTo(invoke, 'audits.evidenceOptions')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Sign off as safeguarding governor' }));
    expect(await screen.findByText('You have signed off the audit.')).toBeTruthy();
    expect(inputsTo(invoke, 'audits.signOff')).toEqual([{ academicYear: '2026/27' }]);
    expect(
      screen.getByText(/Safeguarding governor: Gwen Governor, signed 28 Nov 2026/),
    ).toBeTruthy();
  });

  it('does not offer sign-off while questions are unanswered', async () => {
    open('dsl', yearWith({ answered: 1 }));
    await openSection('Safeguarding audit');
    expect(
      await screen.findByText(/can be signed off once every question is answered \(1 still/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign off as DSL' })).toBeNull();
  });

  it('imports a question set and lists the errors by line', async () => {
    const invoke = open('dsl', answered, {
      'audits.importQuestions': () =>
        fail('invalid_input', 'The question set was not imported: 2 lines need correcting.', {
          'csv.line2': 'Line 2: The question is empty.',
          'csv.line4': 'Line 4: The section is empty.',
        }),
    });
    await openSection('Safeguarding audit');
    await screen.findByRole('heading', { name: 'Question set' });
    fireEvent.click(screen.getByRole('button', { name: 'Import questions' }));
    expect(await screen.findAllByText('Choose the question set file (CSV).')).not.toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Your local authority’s question set (CSV)'), {
      target: { files: [new File(['Section,Question,Evidence expected\nA,,x\n'], 'la.csv')] },
    });
    typeInto('Where the questions come from', 'Westshire County Council');
    await waitFor(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Import questions' }));
      expect(inputsTo(invoke, 'audits.importQuestions')).not.toHaveLength(0);
    });
    expect(await screen.findByText('Line 2: The question is empty.')).toBeTruthy();
    expect(screen.getByText('Line 4: The section is empty.')).toBeTruthy();
    expect(inputsTo(invoke, 'audits.importQuestions')[0]).toEqual({
      csv: 'Section,Question,Evidence expected\nA,,x\n',
      source: 'Westshire County Council',
    });
  });

  it('saves the audit as PDF', async () => {
    const invoke = open('dsl', answered);
    await openSection('Safeguarding audit');
    fireEvent.click(await screen.findByRole('button', { name: 'Save as PDF' }));
    expect(await screen.findByText('The audit was saved to /home/dsl/audit.pdf.')).toBeTruthy();
    expect(inputsTo(invoke, 'audits.export')).toEqual([{ academicYear: '2026/27', format: 'pdf' }]);
  });

  it('is not in the navigation for staff', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('staff')),
      'school.get': () => ok(school),
      'children.list': () => ok({ items: [], total: 0 }),
      'concernDrafts.list': () => ok([]),
    });
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Safeguarding audit' })).toBeNull();
    expect(within(nav).getByRole('button', { name: 'Pupils' })).toBeTruthy();
  });
});
