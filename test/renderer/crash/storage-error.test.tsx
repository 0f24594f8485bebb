/**
 * A disk that refused a write reaches the person (security R3): main's storage_full answer is
 * shown as is in the form's error summary, and what they typed stays for a retry.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { STORAGE_FULL } from '../../../main/api-failure';
import { App } from '../../../renderer/app/App';
import {
  emptyDashboard,
  fail,
  installFakeLantern,
  ok,
  openSection,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

describe('a write the disk refused', () => {
  it('shows the storage message and keeps what was typed', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl')),
      'dashboard.get': () => ok(emptyDashboard),
      'school.get': () => ok(school),
      'children.list': () => ok({ items: [], total: 0 }),
      'alerts.list': () => ok([]),
      'concernDrafts.list': () => ok([]),
      'triage.inbox': () => ok([]),
      'children.add': () => fail('storage_full', STORAGE_FULL),
    });
    render(<App />);
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Add a child' }));
    await screen.findByRole('heading', { name: 'Add a child' });
    const typed: [string, string][] = [
      ['Legal first name', 'Jane'],
      ['Legal surname', 'Doe'],
      ['Date of birth', '2016-03-12'],
      ['Year group', '5'],
      ['Gender', 'female'],
    ];
    for (const [label, value] of typed)
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Add child' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(STORAGE_FULL)).toBeTruthy();
    for (const [label, value] of typed)
      expect(screen.getByLabelText<HTMLInputElement>(label).value).toBe(value);
  });
});
