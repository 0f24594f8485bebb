import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { SavedFile } from '../../../shared/api';
import type { Child } from '../../../shared/children/schema';
import type { Concern } from '../../../shared/concerns/schema';
import type { PreparedForm } from '../../../shared/forms/builtin';
import { builtinFormIds, PROSPECTIVE_NOTE } from '../../../shared/forms/builtin';
import {
  errorOf,
  folderPlatform,
  must,
  readStore,
  sampleChild,
  signedInAs,
  tempDir,
  unlockedCore,
} from '../../support/core';
import { sampleAdult, validInputs } from '../../support/samples';

const NOW = new Date('2026-11-28T10:00:00Z');

/** The text of a PDF, one string per page (pdftotext ends each page with a form feed). */
function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '');
}

/** The text of a .docx's body, header and footer parts, with tags stripped. */
function docxText(path: string): { body: string; header: string; footer: string } {
  const zip = new PizZip(readFileSync(path));
  const part = (prefix: string) =>
    Object.keys(zip.files)
      .filter((name) => name.startsWith(prefix) && name.endsWith('.xml'))
      .map((name) => zip.file(name)?.asText() ?? '')
      .join(' ')
      .replace(/<w:p[ >]/g, '\n$&')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&apos;|&#39;/g, "'");
  return {
    body: part('word/document'),
    header: part('word/header'),
    footer: part('word/footer'),
  };
}

describe('built-in forms: prepare and export (issue 6, part 2)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let amara: Child;
  let concern: Concern;
  let prepared: PreparedForm;

  const exportsLogged = () =>
    readStore(dir.path, (db) =>
      db
        .prepare(
          'SELECT child_id, kind, form, format, recipient, reference, concern_ids FROM exports_log ORDER BY rowid',
        )
        .all(),
    );

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => NOW, folderPlatform(dir.path)));
    amara = await must<Child>(
      core.invoke(dsl, 'children.add', sampleChild({ preferredForename: 'Mara' })),
    );
    const kofi = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Kofi', dateOfBirth: '2018-06-01', upn: '' }),
      ),
    );
    await must(
      core.invoke(dsl, 'family.link', {
        childId: amara.id,
        siblingId: kofi.id,
        familyId: '',
        label: 'Mother’s household',
      }),
    );
    await must(core.invoke(dsl, 'family.addAdult', { childId: amara.id, adult: sampleAdult }));
    await must(
      core.invoke(dsl, 'family.addContact', {
        childId: amara.id,
        contact: validInputs['family.addContact'].contact,
      }),
    );
    concern = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        ...validInputs['concerns.submit'],
        children: [{ childId: amara.id, role: 'subject' }],
        summary: 'Arrived with a bruise on her upper arm and said it hurt.',
        childWords: 'Mum’s friend grabbed me.',
      }),
    );
    prepared = await must<PreparedForm>(
      core.invoke(dsl, 'forms.prepare', {
        formId: 'marf',
        childId: amara.id,
        concernId: concern.id,
      }),
    );
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('prefills the MARF with the child’s own details, family and concern', () => {
    const v = prepared.values;
    expect(v['child.forename']).toBe('Amara');
    expect(v['child.surname']).toBe('Okafor');
    expect(v['child.knownAs']).toBe('Mara');
    expect(v['child.dateOfBirth']).toBe('14 Mar 2016');
    expect(v['child.age']).toBe('10');
    expect(v['child.upn']).toBe('B801200005001');
    expect(v['child.school']).toBe('Riverside Primary School');
    expect(v['child.address']).toBe('12 Mill Lane\nRiverside\nRV1 2AB');
    expect(v['siblings.list']).toBe('Kofi Okafor (1 Jun 2018)');
    expect(v['parents.parent1Name']).toBe('Grace Okafor');
    expect(v['parents.parent1Relationship']).toBe('Mother');
    expect(v['parents.parent1Pr']).toBe('Has parental responsibility');
    expect(v['parents.parent2Name']).toBe('');
    expect(v['parents.household']).toBe('Grace Okafor (Mother)');
    expect(v['professionals.socialWorker']).toBe(
      'Ann Smith, Northshire Children’s Services, 01632 960 001',
    );
    expect(v['concern.description']).toBe(
      'Arrived with a bruise on her upper arm and said it hurt.',
    );
    expect(v['concern.childWords']).toBe('Mum’s friend grabbed me.');
    expect(v['concern.where']).toBe('The playground');
    expect(v['concern.injuries']).toBe('1 mark recorded on a body map (attached to the record)');
    expect(v['referrer.name']).toBe('Dana Lead');
    expect(v['referrer.role']).toBe('Designated safeguarding lead');
    expect(v['referral.date']).toBe('28 Nov 2026');
    expect(v['referrer.phone']).toBe('');
  });

  it('lists exactly the mandatory fields that are empty, in the form’s order', () => {
    expect(prepared.missing).toEqual([
      'referral.type',
      'referral.immediateRisk',
      'consent.parentsInformed',
      'referrer.phone',
      'child.whereabouts',
      'concern.whyNow',
      'concern.impact',
      'concern.expected',
    ]);
  });

  const filled = {
    'referral.type': 'Child protection (s.47)',
    'referral.immediateRisk': 'No',
    'consent.parentsInformed': 'No',
    'referrer.phone': '01632 960 123',
    'child.whereabouts': 'In school until 15:15',
    'concern.whyNow': 'A disclosure this morning.',
    'concern.impact': 'Frightened to go home.',
    'concern.expected': 'A strategy discussion today.',
  };
  const exportInput = (values: Record<string, string>, format: 'pdf' | 'docx' = 'pdf') => ({
    formId: 'marf' as const,
    childId: amara.id,
    concernId: concern.id,
    format,
    recipient: 'Westshire MASH',
    reference: 'MASH-4471',
    values,
  });

  it('refuses an export while a mandatory field is empty, naming each, and writes nothing', async () => {
    const before = await exportsLogged();
    const partial = Object.fromEntries(
      Object.entries(filled).filter(([id]) => id !== 'concern.impact' && id !== 'referrer.phone'),
    );
    const error = errorOf(await core.invoke(dsl, 'forms.export', exportInput(partial)));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('2 required fields are empty. Fill them in before exporting.');
    expect(error.fields).toEqual({
      'values.referrer.phone': 'Fill in “Phone”: this form requires it.',
      'values.concern.impact':
        'Fill in “Impact on the child and current risks”: this form requires it.',
    });
    // A blank typed over a prefilled mandatory value counts as empty too.
    const blanked = errorOf(
      await core.invoke(dsl, 'forms.export', exportInput({ ...filled, 'child.surname': '  ' })),
    );
    expect(blanked.fields).toEqual({
      'values.child.surname': 'Fill in “Surname”: this form requires it.',
    });
    const wrong = errorOf(
      await core.invoke(
        dsl,
        'forms.export',
        exportInput({ ...filled, 'referral.type': 'Whatever', 'no.such': 'x' }),
      ),
    );
    expect(wrong.fields).toEqual({
      'values.referral.type':
        'Choose one of: Early help, Child in need (s.17), Child protection (s.47).',
      'values.no.such': 'This form has no such field.',
    });
    expect(await exportsLogged()).toEqual(before);
  });

  it('exports the PDF: fields and values present, marked on every page, logged and on the chronology', async () => {
    const { savedTo } = await must<SavedFile>(
      core.invoke(dsl, 'forms.export', exportInput(filled)),
    );
    expect(savedTo).toBe(`${dir.path}/exports/MARF Amara Okafor (known as Mara) 2026-11-28.pdf`);
    const pages = pdfPages(savedTo!);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.match(/OFFICIAL-SENSITIVE/g)?.length, page).toBe(2);
      expect(page).toContain('Reference: MASH-4471');
      expect(page).toMatch(new RegExp(`Page \\d+ of ${pages.length}`));
    }
    const text = pages.join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Multi-agency referral form (MASH)',
      'Westshire MASH',
      'First name *',
      'Amara',
      'Amara Okafor (known as Mara)',
      'Grace Okafor',
      'Kofi Okafor (1 Jun 2018)',
      'Ann Smith, Northshire Children’s Services',
      'Arrived with a bruise on her upper arm and said it hurt.',
      'Mum’s friend grabbed me.',
      'Child protection (s.47)',
      'A strategy discussion today.',
      '01632 960 123',
    ])
      expect(text).toContain(expected);

    const logged = await exportsLogged();
    expect(logged.at(-1)).toEqual({
      child_id: amara.id,
      kind: 'form',
      form: 'marf',
      format: 'pdf',
      recipient: 'Westshire MASH',
      reference: 'MASH-4471',
      concern_ids: JSON.stringify([concern.id]),
    });
    const entry = await readStore(dir.path, (db) =>
      db
        .prepare(
          "SELECT title, detail FROM chronology_entries WHERE child_id = ? AND source = 'export'",
        )
        .all(amara.id),
    );
    expect(entry).toEqual([
      {
        title: 'MARF exported for Westshire MASH',
        detail: 'Multi-agency referral form (MASH) (PDF), reference MASH-4471.',
      },
    ]);
  });

  it('exports the Word file with the same values and the marking in header and footer', async () => {
    const { savedTo } = await must<SavedFile>(
      core.invoke(dsl, 'forms.export', exportInput(filled, 'docx')),
    );
    expect(savedTo).toBe(`${dir.path}/exports/MARF Amara Okafor (known as Mara) 2026-11-28.docx`);
    const { body, header, footer } = docxText(savedTo!);
    for (const expected of [
      'Multi-agency referral form (MASH)',
      'Reason for referral',
      'Amara',
      'Grace Okafor',
      'Arrived with a bruise on her upper arm and said it hurt.',
      'Child protection (s.47)',
      'Westshire MASH',
    ])
      expect(body).toContain(expected);
    expect(header).toContain('OFFICIAL-SENSITIVE');
    expect(footer).toContain('OFFICIAL-SENSITIVE');
    expect(footer).toContain('Reference: MASH-4471');
    expect((await exportsLogged()).at(-1)).toMatchObject({ format: 'docx', form: 'marf' });
  });

  it('includes the receipt slip at the end of the transfer record', async () => {
    const transfer = await must<PreparedForm>(
      core.invoke(dsl, 'forms.prepare', { formId: 'transfer', childId: amara.id, concernId: null }),
    );
    expect(transfer.missing).toEqual([
      'sending.contact',
      'receiving.school',
      'receiving.dsl',
      'sent.method',
    ]);
    expect(transfer.values['sent.contents']).toContain(
      'Concern records, with decisions and outcomes: 1 concern',
    );
    const { savedTo } = await must<SavedFile>(
      core.invoke(dsl, 'forms.export', {
        formId: 'transfer',
        childId: amara.id,
        concernId: null,
        format: 'pdf',
        recipient: 'Hilltop Academy',
        reference: '',
        values: {
          'sending.contact': '01632 960 123',
          'receiving.school': 'Hilltop Academy',
          'receiving.dsl': 'Sam Keeper',
          'sent.method': 'Encrypted email',
        },
      }),
    );
    const text = pdfPages(savedTo!).join('\n');
    const slip = text.slice(text.lastIndexOf('Receipt confirmation'));
    for (const line of ['Name', 'Role', 'School', 'Date received', 'Signature'])
      expect(slip).toMatch(new RegExp(`^\\s*${line}\\s*$`, 'm'));
    expect(slip).toContain('Riverside Primary School');
  });

  it('refuses a concern that is not on the child’s file', async () => {
    const other = await must<Child>(
      core.invoke(dsl, 'children.add', sampleChild({ legalForename: 'Zara', upn: '' })),
    );
    const error = errorOf(
      await core.invoke(dsl, 'forms.prepare', {
        formId: 'lado',
        childId: other.id,
        concernId: concern.id,
      }),
    );
    expect(error.code).toBe('not_found');
  });

  it('refuses staff', async () => {
    const staff = await signedInAs(core, dsl, 'steacher', 'staff');
    const before = await exportsLogged();
    for (const method of ['forms.prepare', 'forms.export'] as const) {
      const input =
        method === 'forms.prepare'
          ? { formId: 'marf', childId: amara.id, concernId: concern.id }
          : exportInput(filled);
      expect(errorOf(await core.invoke(staff, method, input)).code).toBe('forbidden');
    }
    expect(await exportsLogged()).toEqual(before);
  });

  it('renders every built-in form in both formats', async () => {
    for (const formId of builtinFormIds) {
      const form = await must<PreparedForm>(
        core.invoke(dsl, 'forms.prepare', {
          formId,
          childId: amara.id,
          concernId: formId === 'transfer' ? null : concern.id,
        }),
      );
      const values: Record<string, string> = {};
      for (const id of form.missing) {
        const field = form.form.sections.flatMap((s) => s.fields).find((f) => f.id === id)!;
        values[id] =
          field.kind === 'yesNo'
            ? 'Yes'
            : field.kind === 'choice'
              ? field.options![0]!
              : `Filled ${id}`;
      }
      for (const format of ['pdf', 'docx'] as const) {
        const { savedTo } = await must<SavedFile>(
          core.invoke(dsl, 'forms.export', {
            formId,
            childId: amara.id,
            concernId: formId === 'transfer' ? null : concern.id,
            format,
            recipient: 'Westshire',
            reference: `REF-${formId}`,
            values,
          }),
        );
        if (format === 'pdf') {
          const text = pdfPages(savedTo!).join('\n').replace(/\s+/g, ' ');
          expect(text, formId).toContain(form.form.title);
          for (const typed of Object.values(values)) expect(text, formId).toContain(typed);
          expect(text.includes(PROSPECTIVE_NOTE), formId).toBe(formId === 'csa');
        } else {
          const { body } = docxText(savedTo!);
          expect(body, formId).toContain(form.form.title);
          for (const typed of Object.values(values)) expect(body, formId).toContain(typed);
        }
      }
    }
    const forms = await readStore(dir.path, (db) =>
      db
        .prepare("SELECT DISTINCT form FROM exports_log WHERE reference LIKE 'REF-%' ORDER BY form")
        .all(),
    );
    expect(forms.map((r) => (r as { form: string }).form)).toEqual([...builtinFormIds].sort());
  });
});
