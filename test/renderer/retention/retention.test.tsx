import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../../renderer/app/App';
import type { Role } from '../../../shared/auth/roles';
import type { Dashboard } from '../../../shared/dashboard/schema';
import { defaultRetentionSettings } from '../../../shared/retention/rules';
import type {
  ChildHolds,
  DestructionRecord,
  LegalHold,
  RetentionQueue,
  RetentionQueueItem,
} from '../../../shared/retention/schema';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  childFileHandlers,
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

const leaver: RetentionQueueItem = {
  childId: recordId(1),
  displayName: 'Jordan Quillfeather',
  dateOfBirth: '2000-05-10',
  leavingDate: '2018-07-20',
  reviewFrom: '2025-05-10',
  recordType: 'cp_file',
  due: true,
  hold: null,
  transferredTo: [],
};

const hold: LegalHold = {
  id: recordId(2),
  childId: leaver.childId,
  reason: 'Civil claim: solicitor’s letter received.',
  placedAt: '2026-03-03T10:00:00.000Z',
  placedByName: 'Dana Lead',
  liftedAt: '',
  liftedByName: '',
  liftReason: '',
};

const soon: RetentionQueueItem = {
  ...leaver,
  childId: recordId(3),
  displayName: 'Ella Young',
  dateOfBirth: '2001-12-01',
  leavingDate: '',
  reviewFrom: '2026-12-01',
  due: false,
  transferredTo: [{ school: 'Hillside Academy', urn: '654321', sentAt: '2019-09-05T09:00:00Z' }],
};

function queueOf(items: RetentionQueueItem[]): RetentionQueue {
  return { today: '2026-11-28', withinMonths: 6, items };
}

const record: DestructionRecord = {
  id: recordId(9),
  childId: leaver.childId,
  recordType: 'cp_file',
  reviewDate: '2025-05-10',
  deleted: { children: 1, concerns: 2, chronology_entries: 5 },
  sharedConcernsKept: 1,
  reason: 'Retention period ended; file reviewed.',
  authorisedByName: 'Dana Lead',
  destroyedAt: '2026-11-28T10:00:00.000Z',
};

function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'triage.inbox': () => ok([]),
    'dashboard.get': () => ok(emptyDashboard),
    'concernDrafts.list': () => ok([]),
    'retention.queue': () => ok(queueOf([leaver, soon])),
    'retention.register': () => ok([]),
    'retention.settings': () =>
      ok({
        current: { version: 0, settings: defaultRetentionSettings, savedAt: '', savedByName: '' },
        history: [],
      }),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

function row(name: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Files due for review' });
  return within(table).getByRole('row', { name: new RegExp(`^${name}`) });
}

describe('the retention page', () => {
  it('lists the files due with review dates, holds and transfers; only the DSL may destroy', async () => {
    openAs('dsl');
    await openSection('Retention');
    await screen.findByRole('table', { name: 'Files due for review' });
    const jordan = row('Jordan Quillfeather');
    expect(within(jordan).getByText('10 May 2025')).toBeTruthy();
    expect(within(jordan).getByText('20 Jul 2018')).toBeTruthy();
    expect(within(jordan).getByText('Due now')).toBeTruthy();
    expect(
      within(jordan).getByRole('button', { name: 'Destroy Jordan Quillfeather’s file' }),
    ).toBeTruthy();
    const ella = row('Ella Young');
    expect(within(ella).getByText(/transferred to Hillside Academy \(654321\)/)).toBeTruthy();
    expect(within(ella).queryByRole('button', { name: /Destroy/ })).toBeNull();
    expect(screen.getByText('No file has been destroyed.')).toBeTruthy();
  });

  it('does not offer destruction to a deputy', async () => {
    openAs('deputy_dsl');
    await openSection('Retention');
    await screen.findByRole('table', { name: 'Files due for review' });
    expect(screen.queryByRole('button', { name: /^Destroy/ })).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Place a legal hold on Jordan Quillfeather’s file' }),
    ).toBeTruthy();
  });

  it('hides retention from a role without it', async () => {
    openAs('staff');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Retention' })).toBeNull();
  });

  it('places a hold with a reason, refusing a short one before asking main', async () => {
    let queue = queueOf([leaver]);
    const invoke = openAs('deputy_dsl', {
      'retention.queue': () => ok(queue),
      'retention.placeHold': () => {
        queue = queueOf([{ ...leaver, hold }]);
        return ok<ChildHolds>({ childId: leaver.childId, holds: [hold] });
      },
    });
    await openSection('Retention');
    await screen.findByRole('table', { name: 'Files due for review' });
    fireEvent.click(
      screen.getByRole('button', { name: 'Place a legal hold on Jordan Quillfeather’s file' }),
    );
    await screen.findByRole('heading', {
      name: 'Place a legal hold on Jordan Quillfeather’s file',
    });
    typeInto('Why the file must be kept', 'Claim');
    fireEvent.click(screen.getByRole('button', { name: 'Place the hold' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Give the reason for the legal hold in at least 10 characters.',
    );
    expect(inputsTo(invoke, 'retention.placeHold')).toEqual([]);
    typeInto('Why the file must be kept', hold.reason);
    fireEvent.click(screen.getByRole('button', { name: 'Place the hold' }));
    await screen.findByText('Jordan Quillfeather’s file is now under a legal hold.');
    expect(inputsTo(invoke, 'retention.placeHold')).toEqual([
      { childId: leaver.childId, reason: hold.reason },
    ]);
    await waitFor(() => {
      expect(within(row('Jordan Quillfeather')).getByText(/Held since 3 Mar 2026/)).toBeTruthy();
    });
  });

  it('shows main’s refusal of a mistyped name, then destroys with the name typed', async () => {
    let destroyed = false;
    const invoke = openAs('dsl', {
      'retention.queue': () => ok(queueOf(destroyed ? [] : [leaver])),
      'retention.register': () => ok(destroyed ? [record] : []),
      'retention.destroy': (input) => {
        const { confirmation } = input as { confirmation: string };
        if (confirmation !== 'Jordan Quillfeather')
          return fail('invalid_input', 'The name typed does not match the child’s legal name.', {
            confirmation: 'Type the child’s legal name, Jordan Quillfeather, to confirm.',
          });
        destroyed = true;
        return ok(record);
      },
    });
    await openSection('Retention');
    await screen.findByRole('table', { name: 'Files due for review' });
    fireEvent.click(screen.getByRole('button', { name: 'Destroy Jordan Quillfeather’s file' }));
    await screen.findByRole('heading', { name: 'Destroy Jordan Quillfeather’s file' });
    expect(screen.getByText(/This cannot be undone\./)).toBeTruthy();
    typeInto('Type the child’s legal name to confirm', 'Jordan');
    typeInto(/^Reason for destruction/, 'Retention period ended; file reviewed.');
    fireEvent.click(screen.getByRole('button', { name: 'Destroy the file' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Type the child’s legal name, Jordan Quillfeather, to confirm.',
    );
    typeInto('Type the child’s legal name to confirm', 'Jordan Quillfeather');
    fireEvent.click(screen.getByRole('button', { name: 'Destroy the file' }));
    await screen.findByText(/Jordan Quillfeather’s file has been destroyed\./);
    expect(inputsTo(invoke, 'retention.destroy')).toHaveLength(2);
    const register = await screen.findByRole('table', { name: 'Destruction register' });
    expect(within(register).getByText(record.childId)).toBeTruthy();
    expect(
      within(register).getByText('8 records; 1 shared concern kept for other children'),
    ).toBeTruthy();
    expect(register.textContent).not.toContain('Quillfeather');
    expect(screen.getByText('No file is due for review in this period.')).toBeTruthy();
  });

  it('saves the retention periods, naming a bad one', async () => {
    const invoke = openAs('dsl', {
      'retention.saveSettings': () =>
        ok({
          version: 1,
          settings: { cp_file: 30, allegation_about_adult: 10 },
          savedAt: '2026-11-28T10:00:00.000Z',
          savedByName: 'Dana Lead',
        }),
    });
    await openSection('Retention');
    const field = await screen.findByLabelText(/^Child protection file \(years\)/);
    fireEvent.change(field, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the retention periods' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The child protection file must be kept for at least 1 year.',
    );
    fireEvent.change(field, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the retention periods' }));
    await screen.findByText(/The retention periods have been saved/);
    expect(inputsTo(invoke, 'retention.saveSettings')).toEqual([
      { cp_file: 30, allegation_about_adult: 10 },
    ]);
  });
});

describe('the dashboard’s records due card', () => {
  it('names the files due, notes a hold and opens the retention page', async () => {
    const dashboard: Dashboard = {
      ...emptyDashboard,
      recordsDue: [
        {
          childId: leaver.childId,
          displayName: 'Jordan Quillfeather',
          reviewFrom: '2025-05-10',
          legalHold: true,
        },
      ],
    };
    openAs('dsl', { 'dashboard.get': () => ok(dashboard) });
    const card = await screen.findByRole('region', { name: 'Records due for review (1)' });
    expect(within(card).getByText('Jordan Quillfeather')).toBeTruthy();
    expect(within(card).getByText('(under a legal hold)', { exact: false })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Open retention' }));
    await screen.findByRole('heading', { name: 'Retention', level: 1 });
  });
});

describe('the legal hold panel on a child’s file', () => {
  it('shows the hold in force and lifts it with a reason', async () => {
    const jane = aChild();
    const janeHold = { ...hold, childId: jane.id };
    const invoke = installFakeLantern({
      ...childFileHandlers('dsl', jane),
      'retention.holds': () => ok<ChildHolds>({ childId: jane.id, holds: [janeHold] }),
      'retention.liftHold': () =>
        ok<ChildHolds>({
          childId: jane.id,
          holds: [
            {
              ...janeHold,
              liftedAt: '2026-11-28T10:00:00.000Z',
              liftedByName: 'Dana Lead',
              liftReason: 'Claim withdrawn.',
            },
          ],
        }),
    });
    render(<App />);
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    const panel = await screen.findByRole('region', { name: 'Legal hold' });
    await within(panel).findByText(/This file is under a legal hold placed on 3 Mar 2026/);
    fireEvent.click(within(panel).getByRole('button', { name: 'Lift the legal hold' }));
    typeInto('Why the hold can be lifted', 'The claim was withdrawn in writing.');
    fireEvent.click(screen.getByRole('button', { name: 'Lift the hold' }));
    await screen.findByText('The legal hold on Jane Doe’s file has been lifted.');
    expect(within(panel).getByText('This file is not under a legal hold.')).toBeTruthy();
    expect(inputsTo(invoke, 'retention.liftHold')).toEqual([
      { holdId: janeHold.id, reason: 'The claim was withdrawn in writing.' },
    ]);
  });
});
