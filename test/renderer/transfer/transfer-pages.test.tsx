import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { TransferPreview } from '../../../shared/transfer/format';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  childFileHandlers,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  recordId,
  setUpRendererTests,
  typeInto,
} from '../fake-lantern';

setUpRendererTests();

const leaver = aChild({ leavingDate: '2026-11-27' });
const bundleId = recordId(900);
const PASSPHRASE = 'kettle orchard lantern blue';

const preview: TransferPreview = {
  bundleId,
  createdAt: '2026-11-28T10:00:00.000Z',
  from: { schoolName: 'Riverside Primary School', urn: '100001', dslName: 'Dana Lead' },
  to: { schoolName: 'Hillside Academy', urn: '100002' },
  senderFingerprint: 'AB12 CD34 EF56 7890 1234',
  child: { name: 'Jane Doe', dateOfBirth: '2016-03-14', upn: leaver.upn, yearGroup: '5' },
  counts: { concerns: 2, entries: 9, designations: 1, attachments: 1 },
  match: { childId: leaver.id, name: 'Jane Doe', dateOfBirth: '2016-03-14' },
  imported: null,
};

function open(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...childFileHandlers(role, leaver),
    'transfer.signingKey': () => ok({ fingerprint: null }),
    'transfer.export': () =>
      ok({
        savedTo: '/home/dsl/jane.lantern-transfer',
        bundleId,
        fingerprint: 'AB12 CD34 EF56 7890 1234',
      }),
    'transfer.inspect': () => ok(preview),
    'transfer.import': () =>
      ok({
        bundleId,
        childId: leaver.id,
        childName: 'Jane Doe',
        entries: 9,
        alreadyImported: false,
        message:
          'Jane Doe’s child protection file from Riverside Primary School is now on their file here.',
      }),
    'transfer.receipt': () => ok({ savedTo: '/home/dsl/receipt.lantern-receipt' }),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

function chooseFile(label: string, text: string, name: string): void {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { files: [new File([text], name)] } });
}

describe('the child protection file transfer pages', () => {
  it('sends a leaver’s file: checks the passphrase twice, then exports with the school and URN', async () => {
    const invoke = open('dsl');
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Transfer the child protection file' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Transfer the child protection file', level: 1 }),
    ).toBeTruthy();
    typeInto('Receiving school’s name', 'Hillside Academy');
    typeInto('Receiving school’s URN', '100002');
    typeInto('Passphrase', PASSPHRASE);
    typeInto('Passphrase again', 'something else entirely');
    fireEvent.click(screen.getByRole('button', { name: 'Export the transfer file' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'The passphrases do not match.' }),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'transfer.export')).toEqual([]);

    typeInto('Passphrase again', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Export the transfer file' }));
    expect(
      await screen.findByText(
        /The transfer file for Hillside Academy was saved to \/home\/dsl\/jane\.lantern-transfer/,
      ),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'transfer.export')).toEqual([
      {
        childId: leaver.id,
        toSchoolName: 'Hillside Academy',
        toUrn: '100002',
        passphrase: PASSPHRASE,
      },
    ]);
    expect(screen.getByText('AB12 CD34 EF56 7890 1234')).toBeTruthy();
  });

  it('offers no transfer for a pupil without a leaving date', async () => {
    installFakeLantern(childFileHandlers('dsl', aChild()));
    render(<App />);
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    await screen.findByRole('button', { name: 'Chronology' });
    expect(screen.queryByRole('button', { name: 'Transfer the child protection file' })).toBeNull();
  });

  it('receives a file: shows main’s refusal, then the preview, imports into the matched pupil, saves the receipt', async () => {
    let calls = 0;
    const invoke = open('dsl', {
      'transfer.inspect': () => {
        calls += 1;
        return calls === 1
          ? fail('invalid_input', 'The passphrase does not open this file.', {
              passphrase: 'The passphrase does not open this file.',
            })
          : ok(preview);
      },
    });
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Receive a transferred file' }));
    expect(
      await screen.findByRole('heading', { name: 'Child protection file transfers', level: 1 }),
    ).toBeTruthy();
    chooseFile('The transfer file', '{"format":"lantern-cp-transfer"}', 'jane.lantern-transfer');
    typeInto('Passphrase', 'wrong passphrase here');
    // The file is read asynchronously: wait until the check sends it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'The passphrase does not open this file.' }),
    ).toBeTruthy();

    typeInto('Passphrase', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('heading', { name: 'What the file holds' })).toBeTruthy();
    expect(
      screen.getByText(/AB12 CD34 EF56 7890 1234: check it with the sending DSL/),
    ).toBeTruthy();
    expect(
      screen.getByText('2 concerns, 9 chronology entries, 1 designation, 1 attachment'),
    ).toBeTruthy();
    const match = screen.getByLabelText('Jane Doe, born 14 Mar 2016 (same UPN)');
    expect((match as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Import the file' }));
    expect(await screen.findByText(/is now on their file here/)).toBeTruthy();
    expect(inputsTo(invoke, 'transfer.import')).toEqual([
      {
        bundle: '{"format":"lantern-cp-transfer"}',
        passphrase: PASSPHRASE,
        decision: { kind: 'match', childId: leaver.id },
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Save the receipt' }));
    expect(await screen.findByText(/The receipt was saved to \/home\/dsl\/receipt/)).toBeTruthy();
    expect(inputsTo(invoke, 'transfer.receipt')).toEqual([{ bundleId }]);
  });

  it('imports into a pupil found by search when no UPN matches, and asks for a choice first', async () => {
    const invoke = open('dsl', { 'transfer.inspect': () => ok({ ...preview, match: null }) });
    await openSection('Pupils');
    fireEvent.click(await screen.findByRole('button', { name: 'Receive a transferred file' }));
    chooseFile('The transfer file', '{"format":"lantern-cp-transfer"}', 'jane.lantern-transfer');
    typeInto('Passphrase', PASSPHRASE);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('No pupil on this register has this UPN.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import the file' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', {
        name: 'Choose the pupil this file is about, or add a new pupil.',
      }),
    ).toBeTruthy();
    fireEvent.click(screen.getByLabelText('A pupil on this register'));
    typeInto('Pupil', 'Jane');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByRole('button', { name: /Choose Jane Doe/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Import the file' }));
    expect(await screen.findByText(/is now on their file here/)).toBeTruthy();
    expect(inputsTo(invoke, 'transfer.import')).toEqual([
      {
        bundle: '{"format":"lantern-cp-transfer"}',
        passphrase: PASSPHRASE,
        decision: { kind: 'match', childId: leaver.id },
      },
    ]);
  });
});
