import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { DutyDetail } from '../../../shared/duties/schema';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import { initialDuties } from '../../../renderer/store/duties-slice';
import type { Handlers } from '../fake-lantern';
import {
  fail,
  inputsTo,
  installFakeLantern,
  lockedSession,
  ok,
  recordId,
  setUpRendererTests,
} from '../fake-lantern';
import { NOW, atNow, signedInHandlers, csaDetail, fgmDetail } from './duty-fixtures';

setUpRendererTests();

atNow();

const homeHeading: Record<string, string> = {
  dsl: 'Dashboard',
  deputy_dsl: 'Dashboard',
  headteacher: 'Pupils',
  staff: 'Pupils',
};

async function openDutyAs(role: Role, detail: DutyDetail, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...signedInHandlers(role),
    'actions.owners': () =>
      ok([{ id: recordId(1), displayName: 'Sam Teacher', role: 'staff' as const }]),
    'duties.get': () => ok(detail),
    ...handlers,
  });
  render(<App />);
  await screen.findByRole('heading', { name: homeHeading[role], level: 1 });
  act(() => {
    useLantern.getState().navigate({ page: 'duty', id: detail.id });
  });
  await screen.findByRole('heading', { name: detail.title, level: 1 });
  return invoke;
}

function details(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of document.querySelectorAll('.details-list__row')) {
    const term = row.querySelector('dt')?.textContent ?? '';
    out[term] ??= row.querySelector('dd')?.textContent ?? '';
  }
  return out;
}

describe('a statutory duty’s page', () => {
  it('says when it is due and explains why it applies, with the source and every step', async () => {
    await openDutyAs('staff', fgmDetail());
    expect(details()).toMatchObject({
      Status: 'OpenOverdue',
      Owner: 'Sam Teacher (personal duty)',
      Child: 'Jane Doe',
      'Legal deadline': 'Fri 25 Dec 2026, 10:00 (due in 26 days)',
      Target: 'Thu 26 Nov 2026, 10:00 (overdue by 2 days)',
    });
    // Staff cannot open a child's file, so the child is named without a link.
    expect(screen.queryByRole('button', { name: 'Jane Doe' })).toBeNull();

    const why = screen.getByRole('region', { name: 'Why this applies' });
    expect(details()).toMatchObject({
      Source:
        'Female Genital Mutilation Act 2003, s.5B (inserted by the Serious Crime Act 2015, s.74)',
      Edition: 'In force from 31 Oct 2015; Home Office procedural information (22 Jan 2020)',
      Section: 's.5B(5)(c); best practice from the Home Office procedural information',
      'How binding': 'Must: statute or regulations',
      Confidence: 'Checked against the primary text',
      'What started it': 'The concern of Wed 25 Nov 2026, 10:00 recorded a known case of FGM.',
      'Local settings': 'Computed with version 3 of the school’s duty settings',
    });
    expect(
      within(why).getByText(/^The notification must be made before the end of one month/),
    ).toBeTruthy();
    const deadline = within(why).getByRole('region', { name: 'How the deadline was worked out' });
    expect(
      within(deadline)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(fgmDetail().deadline.steps);
    const target = within(why).getByRole('region', { name: 'How the target was worked out' });
    expect(
      within(target).getByText(
        'Set by: Home Office procedural information: normally by the close of the next working day',
      ),
    ).toBeTruthy();
    expect(within(why).queryByText(/^Warning/)).toBeNull();

    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getByRole('heading', { name: 'Started' })).toBeTruthy();
    expect(within(history).getByText('Sam Teacher, 25 Nov 2026, 10:05')).toBeTruthy();
  });

  it('warns when the rule is not confirmed against the primary text', async () => {
    await openDutyAs('dsl', csaDetail());
    const why = screen.getByRole('region', { name: 'Why this applies' });
    expect(
      within(why).getByText('Not confirmed against the primary text: check before relying on it.', {
        exact: false,
      }),
    ).toBeTruthy();
    expect(within(why).getByText('Warning:')).toBeTruthy();
  });

  it('records that it was done with the rule’s own labels, then shows it done', async () => {
    const discharged = fgmDetail({
      status: 'discharged',
      closedAt: '2026-11-28T12:00:00.000Z',
      canDischarge: false,
    });
    const invoke = await openDutyAs('staff', fgmDetail(), {
      'duties.discharge': () => ok(discharged),
    });
    const form = screen.getByRole('form', { name: 'Record that it was done' });
    expect(within(form).getByRole('group', { name: 'When you reported it' })).toBeTruthy();
    expect(within(form).getByLabelText<HTMLInputElement>('Date').value).toBe('2026-11-28');
    expect(within(form).getByLabelText<HTMLInputElement>('Police force').value).toBe(
      'Police (101)',
    );
    // Staff record only their own notification: nobody else can be named as making it.
    expect(within(form).queryByLabelText('Made by (optional)')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Time', { exact: false }), {
      target: { value: '11:40' },
    });
    fireEvent.change(within(form).getByLabelText('How it was done'), {
      target: { value: 'phone' },
    });
    fireEvent.change(within(form).getByLabelText('Police reference number'), {
      target: { value: 'CAD 1234 28/11' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record that it was done' }));
    expect(await screen.findByText('Recorded as done.')).toBeTruthy();
    expect(inputsTo(invoke, 'duties.discharge')).toEqual([
      {
        dutyId: fgmDetail().id,
        at: '2026-11-28T11:40',
        recipient: 'Police (101)',
        method: 'phone',
        reference: 'CAD 1234 28/11',
        actedBy: null,
        notes: '',
      },
    ]);
    expect(details()).toMatchObject({ Status: 'Done, Sat 28 Nov 2026, 12:00' });
    expect(screen.queryByRole('form', { name: 'Record that it was done' })).toBeNull();
    // The reminders are asked for again, so the banner follows at once.
    expect(inputsTo(invoke, 'duties.reminders').length).toBeGreaterThan(1);
  });

  it('shows main’s field errors and changes nothing', async () => {
    const invoke = await openDutyAs('staff', fgmDetail(), {
      'duties.discharge': () =>
        fail('invalid_input', 'Check the details.', {
          reference: 'Enter the police reference number.',
          at: 'The time cannot be in the future.',
        }),
    });
    const form = screen.getByRole('form', { name: 'Record that it was done' });
    fireEvent.click(within(form).getByRole('button', { name: 'Record that it was done' }));
    const summary = await within(form).findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Enter the police reference number.' }),
    ).toBeTruthy();
    expect(
      within(summary).getByRole('link', { name: 'The time cannot be in the future.' }),
    ).toBeTruthy();
    expect(
      within(form).getByLabelText('Police reference number').getAttribute('aria-invalid'),
    ).toBe('true');
    expect(inputsTo(invoke, 'duties.discharge')).toHaveLength(1);
    expect(details()).toMatchObject({ Status: 'OpenOverdue' });
    expect(screen.queryByText('Recorded as done.')).toBeNull();
  });

  it('lets a manager name who made the notification', async () => {
    const invoke = await openDutyAs('dsl', fgmDetail({ canManage: true }), {
      'duties.discharge': () => fail('invalid_input', 'Not now.'),
    });
    const form = screen.getByRole('form', { name: 'Record that it was done' });
    const madeBy = await within(form).findByRole('option', { name: 'Sam Teacher' });
    fireEvent.change(within(form).getByLabelText('Made by (optional)'), {
      target: { value: (madeBy as HTMLOptionElement).value },
    });
    fireEvent.change(within(form).getByLabelText('How it was done'), {
      target: { value: 'phone' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record that it was done' }));
    expect(await within(form).findByText('Not now.')).toBeTruthy();
    expect(inputsTo(invoke, 'duties.discharge')).toMatchObject([{ actedBy: recordId(1) }]);
  });

  it('refuses the peer exception for a child under 13, showing main’s reason', async () => {
    const refusal = 'The peer exception cannot apply: Jane Doe was under 13 when it happened.';
    const invoke = await openDutyAs('dsl', csaDetail(), {
      'duties.recordException': () =>
        fail('invalid_input', 'Check the exception.', { exception: refusal }),
    });
    fireEvent.click(screen.getByText('Record an exception'));
    const form = screen.getByRole('form', { name: 'Record an exception' });
    fireEvent.change(within(form).getByLabelText('Which exception applies'), {
      target: { value: 'peer_consensual_13plus' },
    });
    for (const box of within(form).getAllByRole('checkbox')) fireEvent.click(box);
    fireEvent.change(within(form).getByLabelText('The reason, and the evidence you checked'), {
      target: { value: 'Both in Year 9; the DSL spoke to each of them separately.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the exception' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getByText(refusal)).toBeTruthy();
    expect(inputsTo(invoke, 'duties.recordException')).toEqual([
      {
        dutyId: csaDetail().id,
        exception: 'peer_consensual_13plus',
        reason: 'Both in Year 9; the DSL spoke to each of them separately.',
        checks: {
          consensual: true,
          noSignificantDifference: true,
          noCoercionOrHarm: true,
          noPositionOfTrust: true,
        },
      },
    ]);
    expect(details()).toMatchObject({ Status: 'OpenOverdue' });
    expect(screen.queryByText('Exception recorded: the duty is closed.')).toBeNull();
  });

  it('refuses a delay beyond the legal limit before asking main', async () => {
    const invoke = await openDutyAs('dsl', csaDetail(), {
      'duties.delay': () => ok(csaDetail()),
    });
    fireEvent.click(screen.getByText('Delay for the child’s safety'));
    const form = screen.getByRole('form', { name: 'Delay for the child’s safety' });
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2026-12-03' } });
    fireEvent.change(within(form).getByLabelText('Time', { exact: false }), {
      target: { value: '09:00' },
    });
    fireEvent.change(within(form).getByLabelText('Why reporting now would put the child at risk'), {
      target: { value: 'The alleged abuser lives with her; police advise waiting.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the delay' }));
    expect(
      await within(form).findByRole('link', {
        name: 'The delay can run to Wed 2 Dec 2026, 10:00 at the latest.',
      }),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'duties.delay')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2026-12-02' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the delay' }));
    expect(await screen.findByText(/^Delay recorded/)).toBeTruthy();
    expect(inputsTo(invoke, 'duties.delay')).toEqual([
      {
        dutyId: csaDetail().id,
        until: '2026-12-02T09:00',
        reason: 'The alleged abuser lives with her; police advise waiting.',
      },
    ]);
  });
});

describe('who may do what on a duty', () => {
  it('shows staff no manager-only action', async () => {
    await openDutyAs('staff', fgmDetail({ canExtend: true }));
    expect(screen.getByRole('form', { name: 'Record that it was done' })).toBeTruthy();
    expect(screen.getByText('Record an exception')).toBeTruthy();
    expect(screen.queryByText('Not applicable')).toBeNull();
    expect(screen.queryByText('Extend by two months')).toBeNull();
    expect(screen.queryByText('Delay for the child’s safety')).toBeNull();
  });

  it('shows no form at all to someone who may only read the duty', async () => {
    await openDutyAs('headteacher', fgmDetail({ canDischarge: false }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByText('Record an exception')).toBeNull();
    expect(screen.getByRole('region', { name: 'Why this applies' })).toBeTruthy();
  });

  it('gives a manager every action the duty allows, and a link to the child’s file', async () => {
    const invoke = await openDutyAs('dsl', fgmDetail({ canManage: true, canExtend: true }), {
      'duties.notApplicable': () =>
        ok(fgmDetail({ status: 'not_applicable', closedAt: NOW.toISOString() })),
    });
    expect(screen.getByText('Extend by two months', { selector: 'summary' })).toBeTruthy();
    fireEvent.click(screen.getByText('Not applicable', { selector: 'summary' }));
    const form = screen.getByRole('form', { name: 'Mark not applicable' });
    fireEvent.change(within(form).getByLabelText('The reason'), {
      target: { value: 'Too short' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Mark not applicable' }));
    expect(
      await within(form).findByRole('link', { name: 'Give the reason in at least 10 characters.' }),
    ).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('The reason'), {
      target: { value: 'Another teacher reported this act to the police on 25 Nov.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Mark not applicable' }));
    expect(await screen.findByText('Marked not applicable.')).toBeTruthy();
    expect(inputsTo(invoke, 'duties.notApplicable')).toEqual([
      {
        dutyId: fgmDetail().id,
        reason: 'Another teacher reported this act to the police on 25 Nov.',
      },
    ]);
    expect(screen.getByRole('button', { name: 'Jane Doe' })).toBeTruthy();
  });
});

describe('locking', () => {
  it('forgets every duty, the reminders included', async () => {
    await openDutyAs('dsl', fgmDetail(), { 'auth.lock': () => ok(lockedSession) });
    expect(useLantern.getState().openedDuty.detail).not.toBeNull();
    expect(useLantern.getState().dutyReminders).not.toBeNull();
    await act(async () => {
      await useLantern.getState().lock();
    });
    const s = useLantern.getState();
    expect({
      dueView: s.dueView,
      openedDuty: s.openedDuty,
      dutyList: s.dutyList,
      dutyReminders: s.dutyReminders,
    }).toEqual(initialDuties);
    expect(screen.queryByText(fgmDetail().title)).toBeNull();
  });
});
