import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { Concern, ConcernSummary } from '../../../shared/concerns/schema';
import { App } from '../../../renderer/app/App';
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
  safeguardingTeam,
  school,
  setUpRendererTests,
  typeInto,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const jane = aChild();
const sam = aChild({
  id: '01890a5d-ac96-774b-bcce-b302099a8058',
  legalForename: 'Samuel',
  legalSurname: 'Okafor',
  upn: '',
});

const concern: Concern = {
  id: recordId(7),
  recordedBy: recordId(1),
  recordedByName: 'Sam Teacher',
  recordedAt: '2025-10-01T12:00:00.000Z',
  occurredAt: '2025-10-01T12:40',
  occurredAtUtc: '2025-10-01T11:40:00.000Z',
  occurredAtApprox: false,
  location: 'Top playground',
  summary: 'Samuel punched Jane twice on the arm.',
  childWords: 'He always does this to me.',
  opinion: 'I think this has happened before.',
  actionsTaken: 'Separated them.',
  peopleTold: 'Head of year',
  dslToldInPerson: true,
  status: 'submitted',
  children: [
    { childId: jane.id, name: 'Jane Doe', role: 'victim' },
    { childId: sam.id, name: 'Samuel Okafor', role: 'alleged_perpetrator' },
  ],
  categories: ['physical', 'peer_physical'],
  flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
  bodyMap: [],
  attachments: [],
  addenda: [],
};

const listed: ConcernSummary = {
  id: concern.id,
  occurredAt: concern.occurredAt,
  occurredAtApprox: false,
  recordedAt: concern.recordedAt,
  recordedByName: 'Sam Teacher',
  role: 'victim',
  categories: concern.categories,
  addenda: 0,
};

async function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'dashboard.get': () => ok(emptyDashboard),
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'children.list': (input) =>
      ok(
        (input as { query: string }).query === 'okafor'
          ? { items: [sam], total: 1 }
          : { items: [jane], total: 1 },
      ),
    'children.get': () => ok(jane),
    'concerns.forChild': () => ok([listed]),
    'concerns.get': () => ok(concern),
    'concerns.submit': () => ok(concern),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'designations.forChild': () => ok([]),
    'family.forChild': () => ok({ families: [], adults: [], contacts: [] }),
    'concernDrafts.list': () => ok([]),
    ...handlers,
  });
  render(<App />);
  if (safeguardingTeam.includes(role)) await openSection('Pupils');
  return invoke;
}

async function startFromRegister() {
  fireEvent.click(await screen.findByRole('button', { name: 'Record a concern about Jane Doe' }));
  await screen.findByRole('heading', { name: 'Record a concern' });
}

describe('recording a concern', () => {
  it('lets staff start from the register, with the child pre-selected', async () => {
    await openAs('staff');
    await startFromRegister();
    expect(screen.getByText('Jane Doe')).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Role of Jane Doe').value).toBe('subject');
    const categories = screen.getByRole('group', { name: 'What kind of concern is it?' });
    expect(within(categories).getByRole('group', { name: 'Type of abuse' })).toBeTruthy();
    expect(within(categories).getByRole('group', { name: 'Child-on-child abuse' })).toBeTruthy();
    expect(within(categories).getByLabelText('Neglect')).toBeTruthy();
  });

  it('checks the form with the shared schema before sending anything', async () => {
    const invoke = await openAs('staff');
    await startFromRegister();
    fireEvent.click(screen.getByRole('button', { name: 'Submit concern' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Enter the date it happened.')).toBeTruthy();
    expect(within(summary).getByText('Enter what happened.')).toBeTruthy();
    typeInto('Date', '2999-01-01');
    fireEvent.click(screen.getByRole('button', { name: 'Submit concern' }));
    expect(await screen.findAllByText('The date cannot be in the future.')).not.toHaveLength(0);
    expect(inputsTo(invoke, 'concerns.submit')).toEqual([]);
  });

  it('records a fight between two children, each with their own role', async () => {
    const invoke = await openAs('staff');
    await startFromRegister();
    typeInto('Add another child', 'okafor');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add Samuel Okafor (Year 5)' }));
    fireEvent.change(screen.getByLabelText('Role of Jane Doe'), { target: { value: 'victim' } });
    fireEvent.change(screen.getByLabelText('Role of Samuel Okafor'), {
      target: { value: 'alleged_perpetrator' },
    });
    typeInto('Date', '2025-10-01');
    typeInto('Time (optional)', '12:40');
    fireEvent.click(screen.getByLabelText('The date or time is approximate'));
    typeInto('Where did it happen?', 'Top playground');
    fireEvent.click(screen.getByLabelText('Physical abuse'));
    fireEvent.click(screen.getByLabelText('Physical abuse by other children'));
    typeInto('What happened? (facts you saw or heard)', 'Samuel punched Jane twice on the arm.');
    typeInto(
      'The child’s own words (exact words, even if offensive)',
      'He always does this to me.',
    );
    typeInto('Your opinion or concerns (kept separate from the facts)', 'It has happened before.');
    typeInto('What did you do?', 'Separated them.');
    typeInto('Who else have you told?', 'Head of year');
    fireEvent.click(screen.getByLabelText('I have told the DSL in person'));
    fireEvent.click(screen.getByRole('button', { name: 'Submit concern' }));

    expect(await screen.findByRole('heading', { name: 'Concern recorded' })).toBeTruthy();
    // Every child the concern names, with their part in it, as main recorded them.
    expect(
      screen.getByText(
        'Your concern about Jane Doe (victim) and Samuel Okafor (alleged perpetrator) is saved. It cannot be changed or deleted.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What happens next' })).toBeTruthy();
    expect(inputsTo(invoke, 'concerns.submit')).toEqual([
      {
        children: [
          { childId: jane.id, role: 'victim' },
          { childId: sam.id, role: 'alleged_perpetrator' },
        ],
        occurredAt: '2025-10-01T12:40',
        occurredAtApprox: true,
        location: 'Top playground',
        categories: ['physical', 'peer_physical'],
        summary: 'Samuel punched Jane twice on the arm.',
        childWords: 'He always does this to me.',
        opinion: 'It has happened before.',
        actionsTaken: 'Separated them.',
        peopleTold: 'Head of year',
        dslToldInPerson: true,
        flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
        bodyMap: [],
        draftId: null,
      },
    ]);
  });

  it('asks for the role of a child added later, and shows main’s field errors', async () => {
    const invoke = await openAs('staff', {
      'concerns.submit': () =>
        fail('invalid_input', 'Some details need correcting.', {
          occurredAt: 'The time cannot be in the future.',
        }),
    });
    await startFromRegister();
    typeInto('Add another child', 'okafor');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add Samuel Okafor (Year 5)' }));
    typeInto('Date', '2025-10-01');
    typeInto('What happened? (facts you saw or heard)', 'A fight.');
    fireEvent.click(screen.getByRole('button', { name: 'Submit concern' }));
    expect(await screen.findAllByText('Choose the child’s role.')).not.toHaveLength(0);
    expect(inputsTo(invoke, 'concerns.submit')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Role of Samuel Okafor'), {
      target: { value: 'witness' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Submit concern' }));
    expect(await screen.findAllByText('The time cannot be in the future.')).not.toHaveLength(0);
    expect(screen.getByLabelText('Date').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('a child’s concerns', () => {
  it('lists them on the child’s page with that child’s role, and opens one read-only', async () => {
    const invoke = await openAs('dsl', {
      'concerns.addAddendum': () =>
        ok({
          ...concern,
          addenda: [
            {
              id: recordId(9),
              addedBy: recordId(2),
              addedByName: 'Dana Lead',
              addedAt: '2025-10-02T09:00:00.000Z',
              reason: 'The playground was wrong.',
              text: 'It was the bottom playground.',
            },
          ],
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    expect(await screen.findByRole('button', { name: 'Record a concern' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Concerns' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'When it happenedCategoriesRole of JaneRecorded by',
      '1 Oct 2025, 12:40Physical abuse; Physical abuse by other childrenVictimSam Teacher',
    ]);

    fireEvent.click(within(table).getByRole('button', { name: '1 Oct 2025, 12:40' }));
    expect(
      await screen.findByRole('heading', { name: 'Concern of 1 Oct 2025, 12:40' }),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'concerns.get')).toEqual([{ id: concern.id }]);
    const facts = screen.getByRole('region', { name: 'What happened (facts)' });
    expect(within(facts).getByText('Samuel punched Jane twice on the arm.')).toBeTruthy();
    const words = screen.getByRole('region', { name: 'The child’s own words' });
    expect(within(words).getByText('He always does this to me.')).toBeTruthy();
    const opinion = screen.getByRole('region', { name: 'Opinion of the person recording' });
    expect(within(opinion).getByText('I think this has happened before.')).toBeTruthy();

    typeInto('Why is a correction needed?', 'Typo');
    fireEvent.click(screen.getByRole('button', { name: 'Add correction' }));
    expect(
      await screen.findAllByText('Give the reason for the correction in at least 10 characters.'),
    ).not.toHaveLength(0);
    expect(inputsTo(invoke, 'concerns.addAddendum')).toEqual([]);
    typeInto('Why is a correction needed?', 'The playground was wrong.');
    typeInto('The correction', 'It was the bottom playground.');
    fireEvent.click(screen.getByRole('button', { name: 'Add correction' }));
    await waitFor(() => {
      expect(screen.getByText('Reason: The playground was wrong.')).toBeTruthy();
    });
    expect(
      screen.getByText('Correction added beneath the concern.').closest('[role="status"]'),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'concerns.addAddendum')).toEqual([
      {
        concernId: concern.id,
        reason: 'The playground was wrong.',
        text: 'It was the bottom playground.',
      },
    ]);
  });
});
