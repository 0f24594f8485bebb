import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { SchoolInput } from '../../../shared/school/schema';
import { App } from '../../../renderer/app/App';
import {
  emptyDashboard,
  inputsTo,
  installFakeLantern,
  lockedSession,
  noStore,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

describe('App', () => {
  it('says it is opening until main answers', async () => {
    let answer: () => void = () => undefined;
    installFakeLantern({
      'session.status': () =>
        new Promise((resolve) => {
          answer = () => {
            resolve(ok(noStore));
          };
        }),
    });
    render(<App />);
    expect(screen.getByRole('status').textContent).toBe('Opening Lantern…');
    answer();
    expect(await screen.findByRole('heading', { name: 'Set up Lantern' })).toBeTruthy();
  });

  it('explains a store it cannot reach and tries again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let reachable = false;
    window.lantern = {
      invoke: () =>
        reachable ? Promise.resolve(ok(lockedSession)) : Promise.reject(new Error('IPC closed')),
    };
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Lantern could not reach its store\./);
    reachable = true;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Lantern' })).toBeTruthy();
  });

  it('asks a DSL for the school if a store has none, then opens the dashboard', async () => {
    const invoke = installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl', { schoolConfigured: false })),
      'school.save': (input) =>
        ok({ ...(input as SchoolInput), laCode: '', updatedAt: school.updatedAt }),
      'school.get': () => ok(school),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'About your school' });
    fireEvent.change(screen.getByLabelText('School name'), {
      target: { value: ' Hillside  Primary ' },
    });
    fireEvent.change(screen.getByLabelText('URN'), { target: { value: '123456' } });
    fireEvent.change(screen.getByLabelText('Local authority'), { target: { value: 'Northshire' } });
    fireEvent.change(screen.getByLabelText('Phase'), { target: { value: 'primary' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save school details' }));

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(inputsTo(invoke, 'school.save')).toEqual([
      {
        name: 'Hillside Primary',
        urn: '123456',
        localAuthority: 'Northshire',
        laCode: '',
        phase: 'primary',
      },
    ]);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav).getByRole('button', { name: 'Dashboard' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(screen.getByRole('button', { name: 'Lock' }).title).toMatch(/Ctrl\+L/);
  });

  it('tells a role that cannot describe the school to ask the DSL', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('staff', { schoolConfigured: false })),
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'About your school' });
    expect(screen.getByText(/Ask your designated safeguarding lead/)).toBeTruthy();
    expect(screen.queryByLabelText('School name')).toBeNull();
  });

  it('shows the school profile and saves an edit', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl')),
      'school.get': () => ok(school),
      'school.save': (input) => ok({ ...(input as SchoolInput), updatedAt: school.updatedAt }),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
    });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'School profile' }));
    expect(await screen.findByText('Primary')).toBeTruthy();
    expect(screen.getByText('1 Sep 2026, 09:00')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit school details' }));
    const name = await screen.findByLabelText('School name');
    fireEvent.change(name, { target: { value: 'Hillside Academy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save school details' }));
    expect(await screen.findByText('School details saved.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'School profile' })).toBeTruthy();
  });

  it('names the school and the signed-in person with their role in the header', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl')),
      'school.get': () => ok(school),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'Dashboard' });
    const header = screen.getByRole('banner');
    expect(await within(header).findByText('Hillside Primary School')).toBeTruthy();
    expect(within(header).getByText('Designated safeguarding lead Person')).toBeTruthy();
    expect(within(header).getByText('Designated safeguarding lead')).toBeTruthy();
    expect(within(header).getByRole('button', { name: 'Lock' })).toBeTruthy();
  });
});
