import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { ImportMapping } from '../../../shared/children/import';
import { planImport } from '../../../shared/children/import';
import type { Child } from '../../../shared/children/schema';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import { misFixture } from '../../support/mis';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  description,
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  openSection,
  previewFor,
  recordId,
  safeguardingTeam,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

// Amara is on the register in Year 4, without her preferred name; the SIMS file updates her.
const amara = aChild({
  legalForename: 'Amara',
  legalSurname: 'Okafor',
  dateOfBirth: '2016-03-14',
  upn: 'B801200005001',
  yearGroup: '4',
  admissionDate: '2020-09-02',
});

type PreviewInput = { csv: string; mapping: ImportMapping | null };

async function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'dashboard.get': () => ok(emptyDashboard),
    'session.status': () => ok(unlockedAs(role)),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [amara], total: 1 }),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'designations.forChild': () => ok([]),
    'family.forChild': () => ok({ families: [], adults: [], contacts: [] }),
    'children.importPreview': (input) => {
      const { csv, mapping } = input as PreviewInput;
      return ok(previewFor(csv, mapping, [amara]));
    },
    ...handlers,
  });
  render(<App />);
  if (safeguardingTeam.includes(role)) await openSection('Pupils');
  return invoke;
}

async function openImport(handlers: Handlers = {}) {
  const invoke = await openAs('dsl', handlers);
  fireEvent.click(await screen.findByRole('button', { name: 'Import from MIS' }));
  await screen.findByRole('heading', { name: 'Import pupils' });
  return invoke;
}

function choose(name: string, text: string, type = 'text/csv'): void {
  const input = screen.getByLabelText('CSV export from your MIS');
  fireEvent.change(input, { target: { files: [new File([text], name, { type })] } });
}

const previewTable = () => screen.getByRole('table', { name: 'Import preview' });
const importButton = () =>
  screen.getByRole<HTMLButtonElement>('button', { name: /^Import \d+ pupil/ });

describe('import pupils from the MIS', () => {
  it('is offered to roles that change the register, and only to them', async () => {
    await openAs('dsl');
    expect(await screen.findByRole('button', { name: 'Import from MIS' })).toBeTruthy();
  });

  it.each(['headteacher', 'staff'] as const)('is not offered to %s', async (role) => {
    await openAs(role);
    await screen.findByText('1 pupil');
    expect(screen.queryByRole('button', { name: 'Import from MIS' })).toBeNull();
  });

  it('recognises a SIMS export and previews every row with what will happen', async () => {
    const invoke = await openImport();
    choose('sims.csv', misFixture('sims.csv'));
    const summary = await screen.findByText(/Recognised as a SIMS export\./);
    expect(summary.textContent).toBe(
      'Recognised as a SIMS export. 5 rows: 3 new, 1 updated, 0 unchanged, 1 leaver, 0 rows with problems.',
    );
    expect(summary.closest('[role="status"]')).not.toBeNull();
    expect(inputsTo(invoke, 'children.importPreview')).toEqual([
      { csv: expect.stringContaining('B801200005001,Okafor,Amara'), mapping: null },
    ]);

    // Each field has a select labelled by it, showing the column Lantern chose.
    expect(screen.getByLabelText<HTMLSelectElement>('Legal surname').value).toBe('Legal Surname');
    expect(screen.getByLabelText<HTMLSelectElement>('Date of birth').value).toBe('DOB');
    const options = within(screen.getByLabelText('Leaving date')).getAllByRole('option');
    expect(options[0]?.textContent).toBe('Not in this file');
    expect(options.map((o) => o.textContent)).toContain('Leaving Date');

    const rows = within(previewTable()).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'LineUPNNameWhat will happenProblems',
      '2B801200005001Amara OkaforUpdatePreferred first name: blank → AmiPreferred surname: blank → OkaforYear group: Year 4 → Year 5None',
      "3A878200016001Siobhán O'BrienAdd to the registerNone",
      '4P878200016002Mateus Da Costa, JrAdd to the registerNone',
      '5Z87820001601AZofia NowakAdd to the registerNone',
      '6D878200016003Owen HughesAdd as a leaver (left 17 Jul 2026)None',
    ]);
    expect(importButton().disabled).toBe(false);
    expect(importButton().textContent).toBe('Import 5 pupils');
  });

  it('previews again with the column a person chooses', async () => {
    const invoke = await openImport();
    choose('sims.csv', misFixture('sims.csv'));
    await screen.findByText(/Recognised as a SIMS export/);
    fireEvent.change(screen.getByLabelText('Preferred first name'), { target: { value: '' } });
    await waitFor(() => {
      expect(within(previewTable()).getAllByRole('row')[1]?.textContent).toBe(
        '2B801200005001Amara OkaforUpdatePreferred surname: blank → OkaforYear group: Year 4 → Year 5None',
      );
    });
    const last = inputsTo(invoke, 'children.importPreview').at(-1) as PreviewInput;
    expect(last.mapping).toMatchObject({ preferredForename: '', legalSurname: 'Legal Surname' });
    expect(screen.getByLabelText<HTMLSelectElement>('Preferred first name').value).toBe('');
  });

  it('asks for the columns it could not find', async () => {
    await openImport();
    choose(
      'report.csv',
      'Pupil ref,Given,Family,Born,Class\r\nB801200005001,Amara,Okafor,14/03/2016,5\r\n',
    );
    expect(await screen.findByText('Format not recognised: match the columns below.')).toBeTruthy();
    const upn = screen.getByLabelText('UPN');
    expect(upn.getAttribute('aria-invalid')).toBe('true');
    expect(description(upn)).toContain('Choose the column that holds the UPN');
    expect(screen.queryByRole('table', { name: 'Import preview' })).toBeNull();
    expect(importButton().disabled).toBe(true);
    expect(description(importButton())).toBe('Choose a column for each required field above.');
  });

  it('lists rows with problems first and will not import while any remain', async () => {
    const invoke = await openImport();
    choose('bromcom.csv', misFixture('bromcom.csv'));
    await screen.findByText(/Recognised as a Bromcom export/);
    const rows = within(previewTable()).getAllByRole('row');
    expect(rows[1]?.textContent).toMatch(
      /^4NonePoppy GreenCannot be importedNo UPN: Lantern matches pupils by UPN/,
    );
    expect(importButton().disabled).toBe(true);
    expect(description(importButton())).toMatch(
      /^1 row has problems \(listed first in the preview\)\. Lantern imports every row or none/,
    );
    fireEvent.click(importButton());
    expect(inputsTo(invoke, 'children.importApply')).toEqual([]);
  });

  it('imports, saves the mapping and reports what changed on the register', async () => {
    const invoke = await openImport({
      'children.importApply': () =>
        ok({
          added: 3,
          updated: 1,
          unchanged: 0,
          leavers: 1,
          adultsAdded: 0,
          adultsUpdated: 0,
          siblingsLinked: 0,
        }),
    });
    choose('sims.csv', misFixture('sims.csv'));
    await screen.findByText(/Recognised as a SIMS export/);
    fireEvent.change(screen.getByLabelText('Save this column mapping as (optional)'), {
      target: { value: ' SIMS pupil list ' },
    });
    fireEvent.click(importButton());
    expect(
      await screen.findByText('Imported: 3 new, 1 updated, 0 unchanged, 1 marked as left.'),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Pupils' })).toBeTruthy();
    const [sent] = inputsTo(invoke, 'children.importApply') as (PreviewInput & {
      saveMappingAs: string;
    })[];
    expect(sent?.saveMappingAs).toBe('SIMS pupil list');
    expect(sent?.mapping).toMatchObject({ upn: 'UPN', yearGroup: 'Year' });
    expect(sent?.csv).toContain('Z87820001601A,Nowak,Zofia');
    // The export is not kept once imported.
    expect(useLantern.getState().pupilImport.csv).toBe('');
  });

  it('prefills the name of the saved mapping that recognised the file', async () => {
    const mapping = previewFor(misFixture('sims.csv')).mapping;
    await openImport({
      'children.importPreview': (input) => {
        const { csv, mapping: chosen } = input as PreviewInput;
        return ok(
          previewFor(
            csv,
            chosen,
            [amara],
            [{ name: 'Office list', mapping, updatedAt: '2026-11-01T00:00:00.000Z' }],
          ),
        );
      },
    });
    choose('sims.csv', misFixture('sims.csv'));
    expect(
      await screen.findByText(/Recognised by your saved column mapping “Office list”\./),
    ).toBeTruthy();
    expect(
      screen.getByLabelText<HTMLInputElement>('Save this column mapping as (optional)').value,
    ).toBe('Office list');
  });

  it('shows main’s refusal and the preview as main now sees it', async () => {
    let previews = 0;
    await openImport({
      'children.importPreview': (input) => {
        previews += 1;
        const { csv, mapping } = input as PreviewInput;
        return ok(previewFor(csv, mapping, [amara]));
      },
      'children.importApply': () =>
        fail('invalid_input', 'Nothing was imported: 1 row needs correcting (line 4).'),
    });
    choose('sims.csv', misFixture('sims.csv'));
    await screen.findByText(/Recognised as a SIMS export/);
    fireEvent.click(importButton());
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Nothing was imported: 1 row needs correcting (line 4).',
    );
    expect(previews).toBe(2);
    expect(screen.getByRole('heading', { name: 'Import pupils' })).toBeTruthy();
  });

  it('refuses a spreadsheet or a file too large without sending it to main', async () => {
    const invoke = await openImport();
    choose('pupils.xlsx', 'PK\u0003\u0004', 'application/vnd.ms-excel');
    expect(await screen.findByText(/This is a spreadsheet, not a CSV file/)).toBeTruthy();
    const input = screen.getByLabelText('CSV export from your MIS');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const big = new File(['x'], 'big.csv');
    Object.defineProperty(big, 'size', { value: 16_000_000 });
    fireEvent.change(input, { target: { files: [big] } });
    expect(await screen.findByText(/This file is too large \(16 MB\)/)).toBeTruthy();
    expect(inputsTo(invoke, 'children.importPreview')).toEqual([]);
  });

  it('says when the file is empty', async () => {
    await openImport();
    choose('empty.csv', '\uFEFF\r\n');
    expect(await screen.findByText(/This file is empty/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
  });

  it('forgets the export when the page is left', async () => {
    await openImport();
    choose('sims.csv', misFixture('sims.csv'));
    await screen.findByText(/Recognised as a SIMS export/);
    expect(useLantern.getState().pupilImport.csv).not.toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { name: 'Pupils' });
    expect(useLantern.getState().pupilImport).toMatchObject({ csv: '', preview: null });
  });
});

describe('importing an export the register already matches', () => {
  /** The register as an earlier import of `file` left it: the same pupils, the same details. */
  function registerFrom(file: Parameters<typeof misFixture>[0]): Child[] {
    const plan = planImport({
      csv: misFixture(file),
      mapping: null,
      saved: [],
      today: '2026-11-28',
      findByUpn: () => null,
    });
    return plan.rows.flatMap((row, i) =>
      row.draft ? [aChild({ ...row.draft, id: recordId(200 + i) })] : [],
    );
  }

  function previewAgainst(register: readonly Child[]): Handlers {
    return {
      'children.importPreview': (input) => {
        const { csv, mapping } = input as PreviewInput;
        return ok(previewFor(csv, mapping, register));
      },
    };
  }

  it('says there is nothing to import, and offers no import', async () => {
    const invoke = await openImport(previewAgainst(registerFrom('sims.csv')));
    choose('sims.csv', misFixture('sims.csv'));
    expect((await screen.findByText(/Recognised as a SIMS export\./)).textContent).toBe(
      'Recognised as a SIMS export. 5 rows: 0 new, 0 updated, 5 unchanged, 0 leavers, 0 rows with problems.',
    );
    expect(screen.getByText('Nothing to import: every pupil is already up to date.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(screen.queryByLabelText('Save this column mapping as (optional)')).toBeNull();
    // In place of the import button, beside the back link at the top of the page.
    const back = screen.getAllByRole('button', { name: 'Back to pupils' });
    expect(back).toHaveLength(2);
    fireEvent.click(back[1] as HTMLElement);
    await screen.findByRole('heading', { name: 'Pupils' });
    expect(inputsTo(invoke, 'children.importApply')).toEqual([]);
  });

  it('still offers the import when it would add parents and carers to the pupils', async () => {
    await openImport(previewAgainst(registerFrom('sims-contacts.csv')));
    choose('sims-contacts.csv', misFixture('sims-contacts.csv'));
    await screen.findByText(/Recognised as a SIMS export\. 7 rows: 0 new, 0 updated, 7 unchanged/);
    expect(screen.queryByText(/Nothing to import/)).toBeNull();
    expect(importButton().textContent).toBe('Import 7 pupils');
    expect(importButton().disabled).toBe(false);
  });
});

describe('parents, carers and households in the import', () => {
  it('suggests the contact columns in their own group and previews the adults, siblings and left-out details', async () => {
    const invoke = await openImport();
    choose('sims-contacts.csv', misFixture('sims-contacts.csv'));
    await screen.findByText(/Recognised as a SIMS export\. 7 rows: 5 new, 1 updated/);

    const mapping = screen.getByRole('table', { name: 'Columns' });
    const groups = within(mapping).getAllByRole('rowgroup');
    expect(within(groups[2] as HTMLElement).getAllByRole('rowheader')[0]?.textContent).toBe(
      'Parents, carers and household (optional: added to each child’s family details)',
    );
    const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label).value;
    expect(select('Contact 1 full name')).toBe('Contact 1 Name');
    expect(select('Contact 1 relationship')).toBe('Contact 1 Relationship');
    expect(select('Contact 1 parental responsibility')).toBe('Contact 1 Parental Responsibility');
    expect(select('Contact 1 phone')).toBe('Contact 1 Telephone');
    expect(select('Contact 2 email')).toBe('Contact 2 Email');
    expect(select('Contact 1 first name')).toBe('');
    expect(select('Home address (recorded for contact 1)')).toBe('Address');
    expect(select('Household or family ID')).toBe('');
    const phoneRow = screen.getByLabelText('Contact 1 phone').closest('tr');
    expect(phoneRow?.textContent).toMatch(/^Contact 1 phoneOptional.*07700 900123$/);

    const rows = within(previewTable()).getAllByRole('row');
    expect(rows[2]?.textContent).toBe(
      '3Z878200016010Chidi OkaforAdd to the registerAdd Grace Okafor (Mother, has parental responsibility)Add Daniel Okafor (Father, has parental responsibility)Siblings in this file: Amara Okafor (line 2)None',
    );
    expect(rows[5]?.textContent).toBe(
      '6Z87820001601AZofia NowakAdd to the registerAdd Kasia Nowak (Mother, has parental responsibility)Siblings in this file: Jakub Nowak (line 7)Contact detail left out: Contact 1 Email “kasia.nowak@example”: Not an email address, so it was not imported.',
    );
    // A warning does not stop the import.
    expect(importButton().textContent).toBe('Import 7 pupils');
    expect(importButton().disabled).toBe(false);

    // Choosing "Not in this file" for a contact's name asks for it while their details are mapped.
    fireEvent.change(screen.getByLabelText('Contact 2 full name'), { target: { value: '' } });
    await waitFor(() => {
      expect(screen.getByLabelText('Contact 2 full name').getAttribute('aria-invalid')).toBe(
        'true',
      );
    });
    expect(description(screen.getByLabelText('Contact 2 full name'))).toContain(
      'Choose the column that holds contact 2’s name',
    );
    const last = inputsTo(invoke, 'children.importPreview').at(-1) as PreviewInput;
    expect(last.mapping).toMatchObject({ contact2Name: '', contact1Name: 'Contact 1 Name' });
    expect(importButton().disabled).toBe(true);
  });

  it('reports the adults and siblings an import brought in', async () => {
    await openImport({
      'children.importApply': () =>
        ok({
          added: 6,
          updated: 0,
          unchanged: 0,
          leavers: 1,
          adultsAdded: 11,
          adultsUpdated: 0,
          siblingsLinked: 4,
        }),
    });
    choose('sims-contacts.csv', misFixture('sims-contacts.csv'));
    await screen.findByText(/Recognised as a SIMS export/);
    fireEvent.click(importButton());
    expect(
      await screen.findByText(
        'Imported: 6 new, 0 updated, 0 unchanged, 1 marked as left. Parents and carers: 11 added, 0 updated. 4 pupils linked with siblings.',
      ),
    ).toBeTruthy();
  });
});

describe('leavers on the register', () => {
  it('shows pupils on roll unless asked to include those who have left', async () => {
    const left = aChild({
      id: '01890a5d-ac96-774b-bcce-b302099a8059',
      legalForename: 'Owen',
      legalSurname: 'Hughes',
      leavingDate: '2020-07-20',
    });
    const leaving = aChild({
      id: '01890a5d-ac96-774b-bcce-b302099a8060',
      legalForename: 'Ruby',
      legalSurname: 'Taylor',
      leavingDate: '2099-07-20',
    });
    const invoke = await openAs('dsl', {
      'children.list': (input) =>
        ok(
          (input as { includeLeavers: boolean }).includeLeavers
            ? { items: [amara, left, leaving], total: 3 }
            : { items: [amara, leaving], total: 2 },
        ),
    });
    await screen.findByText('2 pupils');
    const table = screen.getByRole('table', { name: 'Pupil register' });
    expect(within(table).getByText('Leaving 20 Jul 2099')).toBeTruthy();
    const box = screen.getByLabelText<HTMLInputElement>('Include pupils who have left');
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(await screen.findByText('3 pupils')).toBeTruthy();
    expect(within(table).getByText('Left 20 Jul 2020')).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Owen Hughes' })).toBeTruthy();
    expect(inputsTo(invoke, 'children.list').at(-1)).toEqual({
      query: '',
      includeLeavers: true,
      limit: 50,
      offset: 0,
    });
  });
});
