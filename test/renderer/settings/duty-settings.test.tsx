import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { DutySettings, DutySettingsVersion } from '../../../shared/duties/settings';
import { defaultDutySettings } from '../../../shared/duties/settings';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  setUpRendererTests,
  typeInto,
} from '../fake-lantern';
import { defaultsVersion, settingsPageHandlers } from './duty-fixtures';

setUpRendererTests();

async function openSettings(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...settingsPageHandlers(role),
    ...handlers,
  });
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  return { invoke, nav };
}

async function openDutySettings(role: Role, handlers: Handlers = {}) {
  const { invoke, nav } = await openSettings(role, handlers);
  fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
  const heading = await screen.findByRole('heading', { name: 'Statutory duties' });
  const section = heading.closest('section');
  if (!section) throw new Error('The duty settings are not in a section.');
  await within(section).findByLabelText('Local authority');
  return { invoke, section };
}

function versionRows(section: HTMLElement): string[][] {
  const table = within(section).getByRole('table', { name: 'Versions' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
}

const saved: DutySettings = {
  localAuthority: 'Lambeth',
  writtenConfirmation: '48h',
  ladoContactWorkingDays: 2,
  cpTransferUnit: 'calendar',
  csaCommencement: '2027-04-01',
  csaTargetHours: 12,
  csaMaxDelayDays: 7,
  schoolDayStartsAt: '08:45',
};

describe('statutory duty settings', () => {
  it('saves every setting as a new version and lists it', async () => {
    const { invoke, section } = await openDutySettings('dsl', {
      'duties.saveSettings': (input) =>
        ok<DutySettingsVersion>({
          version: 1,
          settings: input as DutySettings,
          savedAt: '2026-11-28T14:05:00.000Z',
          savedByName: 'Dana Lead',
        }),
    });
    expect(
      within(section).getByText(
        'Saving creates version 1; duties already started keep their deadlines.',
      ),
    ).toBeTruthy();
    expect(within(section).getByLabelText<HTMLSelectElement>(/Written confirmation/).value).toBe(
      '24h',
    );
    typeInto('Local authority', '  Lambeth ');
    fireEvent.change(within(section).getByLabelText(/Written confirmation/), {
      target: { value: '48h' },
    });
    typeInto('Contacting the LADO (working days)', '2');
    fireEvent.change(within(section).getByLabelText(/how the 5 days are counted/), {
      target: { value: 'calendar' },
    });
    typeInto('Mandatory reporting duty: commencement date', '2027-04-01');
    typeInto('Target for reporting (hours)', '12');
    typeInto('The school day starts at', '08:45');
    fireEvent.click(within(section).getByRole('button', { name: 'Save duty settings' }));
    expect(
      await within(section).findByText(
        'Duty settings saved as version 1. Duties already started keep their deadlines.',
      ),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'duties.saveSettings')).toEqual([saved]);
    expect(
      within(section).getByText(
        'Saving creates version 2; duties already started keep their deadlines.',
      ),
    ).toBeTruthy();
    expect(versionRows(section)).toEqual([
      ['1', '28 Nov 2026, 14:05', 'Dana Lead'],
      ['0', 'Lantern’s defaults', 'Not applicable'],
    ]);
  });

  it('shows the settings in force and every earlier version, newest first', async () => {
    const versions: DutySettingsVersion[] = [
      defaultsVersion,
      {
        version: 1,
        settings: { ...defaultDutySettings, localAuthority: 'Shropshire' },
        savedAt: '2026-06-01T08:00:00.000Z',
        savedByName: 'Dana Lead',
      },
      {
        version: 2,
        settings: saved,
        savedAt: '2026-11-02T09:30:00.000Z',
        savedByName: 'Sam Deputy',
      },
    ];
    const { section } = await openDutySettings('deputy_dsl', {
      'duties.settings': () => ok({ current: versions[2]!, history: versions }),
    });
    expect(within(section).getByLabelText<HTMLInputElement>('Local authority').value).toBe(
      'Lambeth',
    );
    expect(
      within(section).getByLabelText<HTMLInputElement>(
        'Mandatory reporting duty: commencement date',
      ).value,
    ).toBe('2027-04-01');
    expect(versionRows(section)).toEqual([
      ['2', '2 Nov 2026, 09:30', 'Sam Deputy'],
      ['1', '1 Jun 2026, 09:00', 'Dana Lead'],
      ['0', 'Lantern’s defaults', 'Not applicable'],
    ]);
    expect(within(section).getByText(/Saving creates version 3;/)).toBeTruthy();
  });

  it('names each bad value on its field and sends nothing', async () => {
    const { invoke, section } = await openDutySettings('dsl');
    typeInto('Contacting the LADO (working days)', 'two');
    typeInto('Longest delay to a report (days)', '8');
    typeInto('The school day starts at', '');
    fireEvent.change(within(section).getByLabelText(/Written confirmation/), {
      target: { value: '' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Save duty settings' }));
    const summary = await within(section).findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Choose the written-referral timescale.',
      'Enter a number of working days.',
      'The Act allows a delay of at most 7 days.',
      'Enter the time the school day starts, such as 08:30.',
    ]);
    const delay = within(section).getByLabelText('Longest delay to a report (days)');
    expect(delay.getAttribute('aria-invalid')).toBe('true');
    expect(inputsTo(invoke, 'duties.saveSettings')).toEqual([]);
  });

  it('shows main’s field errors and changes nothing', async () => {
    const message = 'The commencement date cannot be before 1 Jan 2026.';
    const { invoke, section } = await openDutySettings('dsl', {
      'duties.saveSettings': () =>
        fail('invalid_input', 'Some settings need correcting.', { csaCommencement: message }),
    });
    typeInto('Mandatory reporting duty: commencement date', '2025-12-01');
    fireEvent.click(within(section).getByRole('button', { name: 'Save duty settings' }));
    const summary = await within(section).findByRole('alert');
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
    expect(within(section).getAllByText(message)).toHaveLength(2);
    expect(inputsTo(invoke, 'duties.saveSettings')).toHaveLength(1);
    expect(within(section).queryByText(/saved as version/)).toBeNull();
    expect(within(section).getByText(/Saving creates version 1;/)).toBeTruthy();
    expect(versionRows(section)).toEqual([['0', 'Lantern’s defaults', 'Not applicable']]);
  });

  it('says when the settings could not be loaded, and tries again', async () => {
    let answers = 0;
    const { nav } = await openSettings('dsl', {
      'duties.settings': () => {
        answers += 1;
        return answers === 1
          ? fail('store_error', 'The store could not be read.')
          : ok({ current: defaultsVersion, history: [defaultsVersion] });
      },
    });
    fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
    const failure = await screen.findByRole('heading', {
      name: 'The duty settings could not be loaded',
    });
    const box = failure.parentElement as HTMLElement;
    expect(within(box).getByText('The store could not be read.')).toBeTruthy();
    fireEvent.click(within(box).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Local authority')).toBeTruthy();
    expect(screen.queryByText('The duty settings could not be loaded')).toBeNull();
  });

  it.each(['it_admin', 'headteacher'] as const)(
    'is not offered to a role without duties.manage (%s)',
    async (role) => {
      const { invoke, nav } = await openSettings(role);
      fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
      await screen.findByRole('heading', { name: 'Escalation prompts' });
      expect(screen.queryByRole('heading', { name: 'Statutory duties' })).toBeNull();
      expect(screen.queryByRole('heading', { name: 'School calendar' })).toBeNull();
      expect(inputsTo(invoke, 'duties.settings')).toEqual([]);
      expect(inputsTo(invoke, 'calendar.get')).toEqual([]);
    },
  );

  it('is not offered to teachers, who have no Settings page', async () => {
    const { nav } = await openSettings('staff');
    expect(within(nav).queryByRole('button', { name: 'Settings' })).toBeNull();
  });
});
