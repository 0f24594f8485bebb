import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { PackHistoryItem, PackOptions, PackPreview } from '../../../shared/exports/pack';
import { REDACTED_TEXT } from '../../../shared/exports/pack';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
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
  safeguardingTeam,
  setUpRendererTests,
  typeInto,
} from '../fake-lantern';

setUpRendererTests();

const jane = aChild();
const older = recordId(601);
const newer = recordId(602);

const options: PackOptions = {
  childName: 'Jane Doe',
  concerns: [
    {
      id: newer,
      occurredAt: '28 Nov 2026, 08:40',
      categories: ['Domestic abuse'],
      role: 'Subject of the concern',
    },
    { id: older, occurredAt: '3 Nov 2026', categories: ['Neglect'], role: 'Victim' },
  ],
  curated: [{ id: recordId(700), title: 'For the ICPC', entryCount: 4 }],
  attachments: [
    {
      id: recordId(800),
      concernId: newer,
      fileName: 'arm.png',
      mediaType: 'image/png',
      size: 2048,
    },
  ],
  thirdParties: [
    { id: `adult:${recordId(900)}`, name: 'Grace Doe', description: 'Mother' },
    { id: `child:${recordId(901)}`, name: 'Tom Nowak', description: 'Alleged perpetrator' },
  ],
};

const preview: PackPreview = {
  title: 'Referral pack: Jane Doe',
  cover: [{ label: 'To', value: 'Westshire MASH' }],
  sections: [
    {
      heading: 'The concern',
      blocks: [
        {
          kind: 'paragraph',
          label: 'The child’s own words',
          tone: 'words',
          text: [
            { text: 'Mum (', redacted: false },
            { text: REDACTED_TEXT, redacted: true },
            { text: ') cried.', redacted: false },
          ],
        },
      ],
    },
  ],
  appended: [],
  redactions: 1,
  pageEstimate: 3,
};

const sent: PackHistoryItem = {
  id: recordId(950),
  kind: 'referral_pack',
  recipient: 'Westshire MASH',
  reference: 'MASH-1',
  concernCount: 1,
  redacted: true,
  sha256: 'ab'.repeat(32),
  exportedAt: '2026-11-28T10:00:00.000Z',
  exportedByName: 'Dana Lead',
};

async function openPack(role: Role, handlers: Handlers = {}) {
  let exported = false;
  const invoke = installFakeLantern({
    ...childFileHandlers(role, jane),
    'packs.options': () => ok(options),
    'packs.preview': () => ok(preview),
    'packs.export': () => {
      exported = true;
      return ok({ savedTo: '/home/dsl/pack.pdf', pages: 4 });
    },
    'packs.history': () => ok(exported ? [sent] : []),
    ...handlers,
  });
  render(<App />);
  if (safeguardingTeam.includes(role)) await openSection('Pupils');
  fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
  return invoke;
}

describe('the referral pack page', () => {
  it('lets the DSL choose, preview with redactions highlighted, and export', async () => {
    const invoke = await openPack('dsl');
    fireEvent.click(await screen.findByRole('button', { name: 'Prepare a referral pack' }));
    expect(
      await screen.findByRole('heading', { name: 'Referral pack for Jane Doe', level: 1 }),
    ).toBeTruthy();
    expect(
      screen.getByText('Nothing about Jane Doe has been exported from Lantern yet.'),
    ).toBeTruthy();
    const concerns = within(
      screen.getByRole('group', { name: 'Concerns to include (newest first)' }),
    )
      .getAllByRole('checkbox')
      .map((c) => c.id);
    expect(concerns).toEqual([`pack-concern-${newer}`, `pack-concern-${older}`]);
    // Everyone is ticked for redaction while "Redact third parties" is on.
    expect(screen.getByLabelText<HTMLInputElement>('Grace Doe (Mother)').checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Tom Nowak (Alleged perpetrator)').checked).toBe(
      true,
    );
    typeInto('Recipient', 'Westshire MASH');
    typeInto('Reference', 'MASH-1');
    fireEvent.click(
      screen.getByLabelText('28 Nov 2026, 08:40: Domestic abuse (subject of the concern)'),
    );
    fireEvent.click(screen.getByLabelText('arm.png (2 KB)'));
    fireEvent.click(screen.getByLabelText('Tom Nowak (Alleged perpetrator)'));
    fireEvent.change(screen.getByLabelText('Chronology'), { target: { value: recordId(700) } });
    expect(screen.queryByRole('button', { name: 'Export PDF' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const region = await screen.findByRole('region', { name: 'Preview' });
    const marks = region.querySelectorAll('mark.pack-redacted');
    expect([...marks].map((m) => m.textContent)).toEqual([REDACTED_TEXT, REDACTED_TEXT]);
    expect(
      within(region).getByText('About 3 pages. 1 place is redacted, shown like this:', {
        exact: false,
      }),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'packs.preview')).toEqual([
      {
        childId: jane.id,
        recipient: 'Westshire MASH',
        reference: 'MASH-1',
        concernIds: [newer],
        chronology: recordId(700),
        sections: {
          family: true,
          designations: true,
          actions: true,
          duties: true,
          bodyMaps: true,
          attachmentIndex: true,
        },
        attachmentIds: [recordId(800)],
        redactThirdParties: true,
        redact: [`adult:${recordId(900)}`],
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Export PDF' }));
    expect(
      await screen.findByText(
        'Referral pack saved to /home/dsl/pack.pdf (4 pages). Sending it to Westshire MASH is recorded in Jane Doe’s chronology.',
      ),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'packs.export')).toEqual(inputsTo(invoke, 'packs.preview'));
    const history = await screen.findByRole('table', { name: 'What has been sent about Jane Doe' });
    expect(within(history).getAllByRole('row')[1]?.textContent).toBe(
      '28 Nov 2026, 10:00Referral pack, third parties redactedWestshire MASHMASH-1Dana Lead',
    );
  });

  it('shows main’s specific errors beside the choices and clears a stale preview', async () => {
    await openPack('dsl', {
      'packs.preview': () =>
        fail('invalid_input', 'Some details need correcting.', {
          concernIds: 'Choose at least one concern to include.',
          recipient: 'Enter the recipient.',
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Prepare a referral pack' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Preview' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter the recipient.' })).toBeTruthy();
    expect(
      within(summary).getByRole('link', { name: 'Choose at least one concern to include.' }),
    ).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull();
  });

  it('is neither offered nor opened for staff', async () => {
    installFakeLantern(childFileHandlers('staff', jane));
    render(<App />);
    await screen.findByRole('button', { name: 'Record a concern about Jane Doe' });
    expect(screen.queryByRole('button', { name: 'Prepare a referral pack' })).toBeNull();
    act(() => {
      useLantern.getState().navigate({ page: 'pack', child: { id: jane.id, name: 'Jane Doe' } });
    });
    expect(await screen.findByRole('heading', { name: 'You cannot open this page' })).toBeTruthy();
  });
});
