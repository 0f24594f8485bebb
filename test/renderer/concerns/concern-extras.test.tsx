import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { AttachmentMeta } from '../../../shared/concerns/attachments';
import { regionOf } from '../../../shared/concerns/body-map';
import type { DraftSummary, SavedDraft } from '../../../shared/concerns/drafts';
import type { Concern } from '../../../shared/concerns/schema';
import { londonMinute } from '../../../shared/dates/calendar-date';
import { App } from '../../../renderer/app/App';
import { AUTOSAVE_DELAY_MS } from '../../../renderer/concerns/use-draft-autosave';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  childFileHandlers,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  recordId,
  safeguardingTeam,
  setUpRendererTests,
} from '../fake-lantern';

setUpRendererTests();

const jane = aChild();
const draftId = recordId(40);
const savedAt = '2025-10-01T13:32:00.000Z';

const photo: AttachmentMeta = {
  id: recordId(41),
  fileName: 'arm.png',
  mediaType: 'image/png',
  size: 1234,
  sha256: 'a'.repeat(64),
  addedAt: savedAt,
};

const submitted: Concern = {
  id: recordId(7),
  recordedBy: recordId(1),
  recordedByName: 'Sam Teacher',
  recordedAt: savedAt,
  occurredAt: '2025-10-01',
  occurredAtUtc: null,
  occurredAtApprox: false,
  location: '',
  summary: 'A bruise on her arm.',
  childWords: '',
  opinion: '',
  actionsTaken: '',
  peopleTold: '',
  dslToldInPerson: false,
  status: 'submitted',
  children: [{ childId: jane.id, name: 'Jane Doe', role: 'subject' }],
  categories: [],
  flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
  bodyMap: [
    {
      view: 'back',
      x: 0.5,
      y: 0.42,
      region: 'lower-back',
      kind: 'bruise',
      description: 'Bruise, 3cm, yellow-green',
    },
  ],
  attachments: [photo],
  addenda: [],
};

async function openAs(role: 'staff' | 'dsl', handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...childFileHandlers(role, jane),
    'concerns.get': () => ok(submitted),
    'concerns.submit': () => ok(submitted),
    'concernDrafts.list': () => ok([]),
    'concernDrafts.save': () => ok({ id: draftId, savedAt }),
    ...handlers,
  });
  render(<App />);
  if (safeguardingTeam.includes(role)) await openSection('Pupils');
  return invoke;
}

function choose(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function startFromRegister() {
  fireEvent.click(await screen.findByRole('button', { name: 'Record a concern about Jane Doe' }));
  await screen.findByRole('heading', { name: 'Record a concern' });
}

describe('the body map', () => {
  it('places a mark from the keyboard: front or back, the part of the body, then a description', async () => {
    const invoke = await openAs('staff');
    await startFromRegister();
    choose('Date', '2025-10-01');
    choose('What happened? (facts you saw or heard)', 'A bruise on her arm.');

    // Nothing chosen yet: each missing answer is named, and no mark is added.
    fireEvent.click(screen.getByRole('button', { name: 'Add mark' }));
    expect(await screen.findByText('Choose where on the body.')).toBeTruthy();
    expect(screen.getByText('Choose what kind of mark it is.')).toBeTruthy();
    expect(
      screen.getByText('Describe the mark, such as “bruise, 3cm, yellow-green”.'),
    ).toBeTruthy();

    choose('Front or back', 'back');
    const regions = within(screen.getByLabelText('Part of the body')).getAllByRole('option');
    expect(regions.map((o) => o.textContent)).toContain('Lower back');
    expect(regions.map((o) => o.textContent)).not.toContain('Face');
    choose('Part of the body', 'lower-back');
    choose('Kind of mark', 'bruise');
    const description = screen.getByLabelText('Description of the mark');
    fireEvent.change(description, { target: { value: 'Bruise, 3cm, yellow-green' } });
    // Enter in the description adds the mark; it does not submit the concern.
    fireEvent.keyDown(description, { key: 'Enter' });

    const list = await screen.findByRole('list', { name: 'Marks on the body map' });
    expect(
      within(list).getByText('Back, lower back: Bruise. Bruise, 3cm, yellow-green'),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Back of the body: mark 1' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Front of the body: no marks' })).toBeTruthy();
    expect(inputsTo(invoke, 'concerns.submit')).toEqual([]);
    // The form is ready for the next mark.
    expect(screen.getByLabelText<HTMLInputElement>('Description of the mark').value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Submit concern' }));
    await screen.findByRole('heading', { name: 'Concern recorded' });
    const region = regionOf('back', 'lower-back');
    expect(inputsTo(invoke, 'concerns.submit')).toEqual([
      expect.objectContaining({
        bodyMap: [
          {
            view: 'back',
            x: region?.x,
            y: region?.y,
            region: 'lower-back',
            kind: 'bruise',
            description: 'Bruise, 3cm, yellow-green',
          },
        ],
      }),
    ]);
  });

  it('removes a mark from the list and the outline', async () => {
    await openAs('staff');
    await startFromRegister();
    choose('Part of the body', 'left-hand');
    choose('Kind of mark', 'cut');
    choose('Description of the mark', 'Graze on the palm');
    fireEvent.click(screen.getByRole('button', { name: 'Add mark' }));
    expect(await screen.findByRole('img', { name: 'Front of the body: mark 1' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove mark 1' }));
    expect(await screen.findByRole('img', { name: 'Front of the body: no marks' })).toBeTruthy();
    expect(screen.queryByText(/Graze on the palm/)).toBeNull();
  });
});

describe('drafts', () => {
  it('saves a second after typing stops, says when, and submits from the draft', async () => {
    const invoke = await openAs('staff');
    await startFromRegister();
    expect(inputsTo(invoke, 'concernDrafts.save')).toEqual([]);
    choose('Date', '2025-10-01');
    choose('What happened? (facts you saw or heard)', 'A bruise on her arm.');
    const status = await screen.findByText(
      `Draft saved at ${londonMinute(new Date(savedAt)).slice(11)}. Only you can see it.`,
      undefined,
      { timeout: AUTOSAVE_DELAY_MS * 3 },
    );
    expect(status.getAttribute('role')).toBe('status');
    // Both changes within the second make one save, of a new draft.
    expect(inputsTo(invoke, 'concernDrafts.save')).toEqual([
      {
        id: null,
        content: expect.objectContaining({
          children: [{ childId: jane.id, role: 'subject' }],
          date: '2025-10-01',
          summary: 'A bruise on her arm.',
        }) as unknown,
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Submit concern' }));
    await screen.findByRole('heading', { name: 'Concern recorded' });
    expect(inputsTo(invoke, 'concerns.submit')).toEqual([expect.objectContaining({ draftId })]);
    // Leaving after the submit saves nothing more (the draft is gone).
    expect(inputsTo(invoke, 'concernDrafts.save')).toHaveLength(1);
  });

  it('saves what was typed when the person leaves the page before the second is up', async () => {
    const invoke = await openAs('staff');
    await startFromRegister();
    choose('Where did it happen?', 'Classroom');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => {
      expect(inputsTo(invoke, 'concernDrafts.save')).toEqual([
        { id: null, content: expect.objectContaining({ location: 'Classroom' }) as unknown },
      ]);
    });
  });

  it('offers “Continue your draft” on the register and restores the form, marks and files', async () => {
    const summary: DraftSummary = {
      id: draftId,
      savedAt,
      children: [{ childId: jane.id, name: 'Jane Doe', role: 'subject' }],
      attachments: 1,
    };
    const draft: SavedDraft = {
      id: draftId,
      savedAt,
      children: summary.children,
      attachments: [photo],
      content: {
        children: [{ childId: jane.id, role: 'subject' }],
        date: '2025-10-01',
        time: '',
        approx: false,
        location: 'Classroom',
        categories: [],
        summary: 'Half written',
        childWords: '',
        opinion: '',
        actionsTaken: '',
        peopleTold: '',
        dslToldInPerson: false,
        flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
        bodyMap: submitted.bodyMap,
      },
    };
    const invoke = await openAs('staff', {
      'concernDrafts.list': () => ok([summary]),
      'concernDrafts.get': () => ok(draft),
      'concernDrafts.detach': () => ok([]),
    });
    const drafts = await screen.findByRole('region', { name: 'Your unfinished concerns' });
    fireEvent.click(
      within(drafts).getByRole('button', { name: 'Continue your draft about Jane Doe' }),
    );
    expect(await screen.findByLabelText<HTMLInputElement>('Where did it happen?')).toHaveProperty(
      'value',
      'Classroom',
    );
    expect(screen.getByRole('img', { name: 'Back of the body: mark 1' })).toBeTruthy();
    expect(screen.getByText('arm.png (1 KB)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove arm.png' }));
    await waitFor(() => {
      expect(screen.queryByText('arm.png (1 KB)')).toBeNull();
    });
    expect(inputsTo(invoke, 'concernDrafts.detach')).toEqual([{ draftId, attachmentId: photo.id }]);
    // Opening a draft saves nothing until something changes.
    expect(inputsTo(invoke, 'concernDrafts.save')).toEqual([]);
  });

  it('attaches a file to the draft, creating the draft first', async () => {
    const invoke = await openAs('staff', { 'concernDrafts.attach': () => ok(photo) });
    await startFromRegister();
    const file = new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47])], 'arm.png', {
      type: 'image/png',
    });
    fireEvent.change(screen.getByLabelText('Attach a photo or PDF'), { target: { files: [file] } });
    expect(await screen.findByText('arm.png (1 KB)')).toBeTruthy();
    expect(inputsTo(invoke, 'concernDrafts.save')).toHaveLength(1);
    expect(inputsTo(invoke, 'concernDrafts.attach')).toEqual([
      { draftId, fileName: 'arm.png', dataBase64: 'iVBORw==' },
    ]);
  });

  it('refuses a file over 10 MB before sending it', async () => {
    const invoke = await openAs('staff');
    await startFromRegister();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Attach a photo or PDF'), { target: { files: [big] } });
    expect(await screen.findByText('Each file must be 10 MB or smaller.')).toBeTruthy();
    expect(inputsTo(invoke, 'concernDrafts.attach')).toEqual([]);
  });
});

describe('a submitted concern', () => {
  it('shows the body map and the attached photo from its bytes', async () => {
    await openAs('dsl', {
      'concerns.forChild': () =>
        ok([
          {
            id: submitted.id,
            occurredAt: submitted.occurredAt,
            occurredAtApprox: false,
            recordedAt: savedAt,
            recordedByName: 'Sam Teacher',
            role: 'subject',
            categories: [],
            addenda: 0,
          },
        ]),
      'concerns.attachment': () => ok({ ...photo, dataBase64: 'iVBORw==' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    const table = await screen.findByRole('table', { name: 'Concerns' });
    fireEvent.click(within(table).getAllByRole('button')[0] as HTMLElement);
    const bodyMap = await screen.findByRole('region', { name: 'Body map' });
    expect(within(bodyMap).getByRole('img', { name: 'Back of the body: mark 1' })).toBeTruthy();
    expect(
      within(bodyMap).getByText('Back, lower back: Bruise. Bruise, 3cm, yellow-green'),
    ).toBeTruthy();
    const files = screen.getByRole('region', { name: 'Photos and documents' });
    const image = await within(files).findByRole('img', { name: 'Attached photo arm.png' });
    expect(image.getAttribute('src')).toBe('data:image/png;base64,iVBORw==');
    expect(within(files).getByRole('button', { name: 'Save a copy of arm.png' })).toBeTruthy();
  });
});
