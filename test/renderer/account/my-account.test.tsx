import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../../renderer/app/App';
import {
  inputsTo,
  installFakeLantern,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

describe('my account', () => {
  it('shows who is signed in and changes their passphrase', async () => {
    const chosen = 'maple river lantern cloud';
    const invoke = installFakeLantern({
      'session.status': () => ok(unlockedAs('governor')),
      'school.get': () => ok(school),
      'auth.changePassphrase': () => ok(unlockedAs('governor')),
    });
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('button', { name: 'My account' }));
    await screen.findByRole('heading', { name: 'My account' });
    const details = screen.getByRole('main').querySelector('dl')!;
    expect(details.textContent).toBe('NameGovernor PersonUsernamegovernorRoleGovernor');

    const form = screen.getByRole('form', { name: 'Change your passphrase' });
    fireEvent.change(within(form).getByLabelText('Current passphrase'), {
      target: { value: 'old passphrase here' },
    });
    fireEvent.change(within(form).getByLabelText('New passphrase'), {
      target: { value: chosen },
    });
    fireEvent.change(within(form).getByLabelText('Confirm new passphrase'), {
      target: { value: chosen },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Change passphrase' }));
    expect(await screen.findByText('Your passphrase has been changed.')).toBeTruthy();
    expect(inputsTo(invoke, 'auth.changePassphrase')).toEqual([
      { current: 'old passphrase here', passphrase: chosen, confirmation: chosen },
    ]);
    // Nothing secret stays in the fields.
    expect(within(form).getByLabelText<HTMLInputElement>('New passphrase').value).toBe('');
  });
});
