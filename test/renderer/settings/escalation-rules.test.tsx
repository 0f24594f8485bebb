import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import { defaultEscalationRules } from '../../../shared/casework/escalation';
import type { Settings } from '../../../shared/settings/schema';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';
import { dutySettingsHandlers } from './duty-fixtures';

setUpRendererTests();

const settings: Settings = { autoLockMinutes: 5, escalationRules: [...defaultEscalationRules] };

async function openSettings(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'dashboard.get': () => ok(emptyDashboard),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'triage.inbox': () => ok([]),
    'alerts.list': () => ok([]),
    'settings.get': () => ok(settings),
    ...dutySettingsHandlers,
    ...handlers,
  });
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Escalation prompts' });
  return invoke;
}

function ruleBox(n: number): HTMLElement {
  return screen.getByRole('group', { name: `Rule ${n}` });
}

describe('escalation rules in Settings', () => {
  it('lets the DSL change a rule, add one and save them in order', async () => {
    const invoke = await openSettings('dsl', {
      'settings.saveEscalationRules': (input) =>
        ok({ ...settings, ...(input as Pick<Settings, 'escalationRules'>) }),
    });
    const first = ruleBox(1);
    expect(
      within(first).getByText('Prompts when a child has 3 neglect concerns in 90 days.'),
    ).toBeTruthy();
    fireEvent.change(within(first).getByLabelText('Number of concerns'), {
      target: { value: '2' },
    });
    fireEvent.click(within(first).getByLabelText('Emotional abuse'));
    expect(
      within(first).getByText(
        'Prompts when a child has 2 concerns about neglect or emotional abuse in 90 days.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(ruleBox(2)).getByLabelText('Prompt with this rule'));
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    fireEvent.change(within(ruleBox(3)).getByLabelText('Within this many days'), {
      target: { value: '14' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save escalation rules' }));
    expect(await screen.findByText('Escalation rules saved.')).toBeTruthy();
    expect(inputsTo(invoke, 'settings.saveEscalationRules')).toEqual([
      {
        rules: [
          { categories: ['neglect', 'emotional'], count: 2, windowDays: 90, enabled: true },
          { categories: [], count: 4, windowDays: 30, enabled: false },
          { categories: [], count: 3, windowDays: 14, enabled: true },
        ],
      },
    ]);
  });

  it('names a bad number on its field and sends nothing', async () => {
    const invoke = await openSettings('dsl');
    fireEvent.change(within(ruleBox(2)).getByLabelText('Within this many days'), {
      target: { value: '400' },
    });
    fireEvent.change(within(ruleBox(1)).getByLabelText('Number of concerns'), {
      target: { value: 'three' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save escalation rules' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Enter a whole number of concerns.')).toBeTruthy();
    expect(within(summary).getByText('The period can be at most 366 days.')).toBeTruthy();
    expect(inputsTo(invoke, 'settings.saveEscalationRules')).toEqual([]);
  });

  it('shows main’s refusal', async () => {
    await openSettings('dsl', {
      'settings.saveEscalationRules': () => fail('forbidden', 'Your role does not allow this.'),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 2' }));
    expect(screen.queryByRole('group', { name: 'Rule 2' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save escalation rules' }));
    expect(await screen.findByText('Your role does not allow this.')).toBeTruthy();
  });

  it('lists the rules read-only for a role that cannot change settings', async () => {
    await openSettings('deputy_dsl');
    expect(screen.getByText('3 neglect concerns in 90 days')).toBeTruthy();
    expect(screen.getByText('4 concerns of any category in 30 days')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save escalation rules' })).toBeNull();
  });
});
