import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ConcernSummary } from '../../../shared/concerns/schema';
import type {
  TemplateDetail,
  TemplatePreview,
  TemplateSummary,
} from '../../../shared/forms/templates';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  childFileHandlers,
  description,
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  recordId,
  school,
  setUpRendererTests,
  typeInto,
  unlockedAs,
} from '../fake-lantern';
import { dutySettingsHandlers } from '../settings/duty-fixtures';

setUpRendererTests();

const marf: TemplateDetail = {
  id: recordId(70),
  name: 'Westshire MARF',
  format: 'pdf',
  fieldCount: 3,
  mappedCount: 1,
  updatedAt: '2026-11-28T10:00:00.000Z',
  updatedByName: 'Dana Lead',
  sha256: 'a'.repeat(64),
  bytes: 2048,
  fields: [
    {
      name: 'Child First Name',
      type: 'text',
      options: [],
      multiline: false,
      maxLength: null,
      suggestion: 'child.forename',
    },
    {
      name: 'Parents aware of referral',
      type: 'checkbox',
      options: [],
      multiline: false,
      maxLength: null,
      suggestion: null,
    },
    {
      name: 'Favourite colour',
      type: 'text',
      options: [],
      multiline: false,
      maxLength: null,
      suggestion: null,
    },
  ],
  mapping: [{ field: 'Child First Name', target: { kind: 'key', key: 'child.forename' } }],
};
const summary: TemplateSummary = {
  id: marf.id,
  name: marf.name,
  format: marf.format,
  fieldCount: marf.fieldCount,
  mappedCount: marf.mappedCount,
  updatedAt: marf.updatedAt,
  updatedByName: marf.updatedByName,
};

async function openSettings(handlers: Handlers, role: 'dsl' | 'it_admin' = 'dsl') {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'dashboard.get': () => ok(emptyDashboard),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'alerts.list': () => ok([]),
    'settings.get': () => ok({ autoLockMinutes: 5, escalationRules: [] }),
    ...dutySettingsHandlers,
    ...handlers,
  });
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Settings', level: 1 });
  return invoke;
}

function chooseFile(label: string, bytes: string, name: string) {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { files: [new File([bytes], name)] } });
}

describe('Settings: local authority forms', () => {
  it('imports a form and opens its mapping with the suggestions chosen', async () => {
    const invoke = await openSettings({
      'templates.import': () => ok(marf),
      'templates.get': () => ok(marf),
    });
    await screen.findByRole('heading', { name: 'Local authority forms', level: 2 });
    expect(await screen.findByText('No local authority form has been imported yet.')).toBeTruthy();
    typeInto('Name of the form', 'Westshire MARF');
    chooseFile('The form’s file', '%PDF-1.7', 'marf.pdf');
    fireEvent.click(screen.getByRole('button', { name: 'Import the form' }));

    await screen.findByRole('heading', { name: 'Map the fields of Westshire MARF', level: 1 });
    expect(inputsTo(invoke, 'templates.import')).toEqual([
      { name: 'Westshire MARF', dataBase64: btoa('%PDF-1.7') },
    ]);
    expect(screen.getByText(/“Westshire MARF” imported: 1 of 3 fields mapped/)).toBeTruthy();
    const first = screen.getByLabelText<HTMLSelectElement>('What fills “Child First Name”');
    expect(first.value).toBe('child.forename');
    expect(screen.getByText('Lantern suggests: Legal first name')).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('What fills “Favourite colour”').value).toBe(
      '',
    );
  });

  it('refuses to import without a name or a file, and shows main’s reason for a bad file', async () => {
    const invoke = await openSettings({
      'templates.import': () =>
        fail('invalid_input', 'This PDF has no fillable fields.', {
          file: 'This PDF has no fillable fields.',
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Import the form' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Give the form a name');
    expect(alert.textContent).toContain('Choose the form’s file');
    expect(inputsTo(invoke, 'templates.import')).toEqual([]);

    typeInto('Name of the form', 'Scanned MARF');
    chooseFile('The form’s file', '%PDF-1.4', 'scan.pdf');
    fireEvent.click(screen.getByRole('button', { name: 'Import the form' }));
    await waitFor(() => {
      expect(description(screen.getByLabelText('The form’s file'))).toContain(
        'This PDF has no fillable fields.',
      );
    });
  });

  it('saves a mapping with fixed text, and names the field main refused', async () => {
    let refuse = true;
    const invoke = await openSettings({
      'templates.list': () => ok([summary]),
      'templates.get': () => ok(marf),
      'templates.saveMapping': () =>
        refuse
          ? fail('invalid_input', 'One field’s mapping needs correcting.', {
              'mapping.1.target':
                '“Parents aware of referral” is a tick box: enter Yes to tick it or No.',
            })
          : ok({ ...marf, mappedCount: 2 }),
    });
    expect(await screen.findByText('1 of 3 fields mapped')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Map the fields of Westshire MARF' }));
    const tick = await screen.findByLabelText('What fills “Parents aware of referral”');
    fireEvent.change(tick, { target: { value: 'fixed' } });
    typeInto('Fixed text for “Parents aware of referral”', 'Maybe');
    fireEvent.click(screen.getByRole('button', { name: 'Save the mapping' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link').textContent).toBe(
      '“Parents aware of referral” is a tick box: enter Yes to tick it or No.',
    );

    refuse = false;
    typeInto('Fixed text for “Parents aware of referral”', 'Yes');
    fireEvent.click(screen.getByRole('button', { name: 'Save the mapping' }));
    expect(await screen.findByText('Mapping saved for “Westshire MARF”.')).toBeTruthy();
    expect(inputsTo(invoke, 'templates.saveMapping').at(-1)).toEqual({
      id: marf.id,
      mapping: [
        { field: 'Child First Name', target: { kind: 'key', key: 'child.forename' } },
        { field: 'Parents aware of referral', target: { kind: 'fixed', text: 'Yes' } },
      ],
    });
  });

  it('is not offered to an IT administrator', async () => {
    const invoke = await openSettings({}, 'it_admin');
    expect(screen.queryByRole('heading', { name: 'Local authority forms' })).toBeNull();
    expect(inputsTo(invoke, 'templates.list')).toEqual([]);
  });
});

describe('a child’s page: fill the local authority’s form', () => {
  const jane = aChild();
  const concern: ConcernSummary = {
    id: recordId(50),
    occurredAt: '2026-11-27T14:30',
    occurredAtApprox: false,
    recordedAt: '2026-11-27T15:00:00.000Z',
    recordedByName: 'Sam Teacher',
    role: 'victim',
    categories: ['physical'],
    addenda: 0,
  };
  const preview: TemplatePreview = {
    templateName: 'Westshire MARF',
    fields: [
      {
        field: 'Child First Name',
        type: 'text',
        source: 'Legal first name',
        value: 'Jane',
        problem: null,
      },
      {
        field: 'Reason for referral',
        type: 'text',
        source: 'What happened (facts)',
        value: '',
        problem: 'empty',
      },
      { field: 'Favourite colour', type: 'text', source: null, value: '', problem: null },
    ],
  };

  it('previews the form, flags the empty mapped field, then fills and saves it', async () => {
    const invoke = installFakeLantern({
      ...childFileHandlers('dsl', jane),
      'concerns.forChild': () => ok([concern]),
      'templates.list': () => ok([summary]),
      'templates.preview': () => ok(preview),
      'templates.fill': () => ok({ savedTo: '/home/dsl/Westshire MARF Jane Doe.pdf' }),
    });
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Pupils' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Fill your local authority’s form' }),
    );
    await screen.findByRole('heading', {
      name: 'Fill your local authority’s form for Jane Doe',
      level: 1,
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the form to fill.');
    fireEvent.change(screen.getByLabelText('Which form?'), { target: { value: marf.id } });
    await screen.findByRole('option', { name: '27 Nov 2026, 14:30: Physical abuse' });
    fireEvent.change(screen.getByLabelText('Which concern is it about?'), {
      target: { value: concern.id },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));

    const table = await screen.findByRole('table', { name: 'Preview: Westshire MARF' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'Field on the formFilled withValue',
      'Child First NameLegal first nameJane',
      'Reason for referralWhat happened (facts)Nothing recorded: this field will be left empty',
      'Favourite colourNot mapped: left blank',
    ]);
    expect(screen.getByText(/1 mapped field needs a look: Reason for referral/)).toBeTruthy();
    expect(inputsTo(invoke, 'templates.preview')).toEqual([
      { id: marf.id, childId: jane.id, concernId: concern.id },
    ]);

    typeInto('Who is it for?', 'Westshire MASH');
    fireEvent.click(screen.getByRole('button', { name: 'Fill and save' }));
    expect(
      await screen.findByText(
        'Westshire MARF filled and saved to /home/dsl/Westshire MARF Jane Doe.pdf. The export is recorded in Jane Doe’s chronology.',
      ),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'templates.fill')).toEqual([
      {
        id: marf.id,
        childId: jane.id,
        concernId: concern.id,
        recipient: 'Westshire MASH',
        reference: '',
      },
    ]);
  });

  it('sends the DSL to Settings when no form has been imported', async () => {
    installFakeLantern({
      ...childFileHandlers('dsl', jane),
      'settings.get': () => ok({ autoLockMinutes: 5, escalationRules: [] }),
      ...dutySettingsHandlers,
    });
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Pupils' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Fill your local authority’s form' }),
    );
    expect(
      await screen.findByText(
        'No local authority form has been imported yet. Import one in Settings first.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go to Settings' }));
    await screen.findByRole('heading', { name: 'Settings', level: 1 });
  });
});
