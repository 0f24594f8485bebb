import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PDFDocument } from 'pdf-lib';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { SavedFile } from '../../../shared/api';
import type { ChronologyEntry } from '../../../shared/chronology/schema';
import type { Child } from '../../../shared/children/schema';
import type { Concern } from '../../../shared/concerns/schema';
import type {
  MappingEntry,
  TemplateDetail,
  TemplatePreview,
  TemplateSummary,
} from '../../../shared/forms/templates';
import { noChronologyFilter } from '../../../shared/chronology/schema';
import {
  addTwoChildren,
  errorOf,
  fight,
  folderPlatform,
  must,
  readStore,
  signedInAs,
  tempDir,
  TEST_DSL,
  TEST_PASSPHRASE,
  unlockedCore,
} from '../../support/core';
import { sampleAdult } from '../../support/samples';
import {
  bombDocx,
  brokenDocx,
  flatPdf,
  marfDocx,
  marfPdf,
  marfTickBox,
  protectedPdf,
} from '../../support/la-forms';

const NOW = new Date('2026-11-28T10:00:00Z');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

/** Dark pixels inside the fixture's tick box, rendered by poppler at 72 dpi (1 px a point). */
function darkInsideTickBox(file: string): number {
  const { x, y, size } = marfTickBox;
  const inner = size - 4;
  const pgm = execFileSync('pdftoppm', [
    ...['-gray', '-r', '72', '-singlefile'],
    ...['-x', String(x + 2), '-y', String(842 - y - size + 2)],
    ...['-W', String(inner), '-H', String(inner)],
    file,
  ]);
  return [...pgm.subarray(pgm.length - inner * inner)].filter((b) => b < 128).length;
}

describe('the local authority’s own forms (issue 6, item 3)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let amara: Child;
  let concern: Concern;
  let pdf: TemplateDetail;

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(
      dir.path,
      () => NOW,
      folderPlatform(join(dir.path, 'saved')),
    ));
    const [a, tomasz] = await addTwoChildren(core, dsl);
    amara = a;
    await must(core.invoke(dsl, 'family.addAdult', { childId: amara.id, adult: sampleAdult }));
    concern = await must<Concern>(core.invoke(dsl, 'concerns.submit', fight(amara.id, tomasz.id)));
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  const templateCount = () =>
    readStore(dir.path, (db) =>
      db.prepare('SELECT count(*) AS n FROM form_templates').get(),
    ) as Promise<{
      n: number;
    }>;

  it('imports a fillable PDF: every field listed with its type and a suggestion by name', async () => {
    pdf = await must<TemplateDetail>(
      core.invoke(dsl, 'templates.import', {
        name: 'Westshire MARF',
        dataBase64: b64(await marfPdf()),
      }),
    );
    expect(pdf.format).toBe('pdf');
    expect(pdf.fields).toHaveLength(16);
    const byName = new Map(pdf.fields.map((f) => [f.name, f]));
    expect(byName.get('Child First Name')?.suggestion).toBe('child.forename');
    expect(byName.get('Child Surname')?.suggestion).toBe('child.surname');
    expect(byName.get('Date of Birth')?.suggestion).toBe('child.dateOfBirth');
    expect(byName.get('UPN')?.suggestion).toBe('child.upn');
    expect(byName.get('Parent/Carer 1 Name')?.suggestion).toBe('parent1.name');
    expect(byName.get('Name of School')?.suggestion).toBe('school.name');
    expect(byName.get('Reason for referral')?.suggestion).toBe('concern.summary');
    expect(byName.get('Favourite colour')?.suggestion).toBeNull();
    expect(byName.get('Gender')).toMatchObject({
      type: 'dropdown',
      options: ['Male', 'Female', 'Other', 'Not known'],
      suggestion: 'child.gender',
    });
    expect(byName.get('Parents aware of referral')).toMatchObject({
      type: 'checkbox',
      suggestion: null,
    });
    expect(byName.get('Home Address')).toMatchObject({ type: 'text', multiline: true });
    // The suggestions are the first mapping.
    expect(pdf.mapping).toContainEqual({
      field: 'UPN',
      target: { kind: 'key', key: 'child.upn' },
    });
    expect(pdf.mapping.some((m) => m.field === 'Favourite colour')).toBe(false);
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = await must<TemplateSummary[]>(core.invoke(dsl, 'templates.list', {}));
    expect(list.map((t) => t.name)).toEqual(['Westshire MARF']);
    expect(list[0]?.updatedByName).toBe(TEST_DSL.displayName);
  });

  it('saves a mapping, refusing fields the form lacks and answers it cannot take', async () => {
    const mapping: MappingEntry[] = [
      ...pdf.mapping,
      { field: 'Parents aware of referral', target: { kind: 'fixed', text: 'Yes' } },
    ];
    const bad = errorOf(
      await core.invoke(dsl, 'templates.saveMapping', {
        id: pdf.id,
        mapping: [
          { field: 'No such box', target: { kind: 'key', key: 'child.name' } },
          { field: 'Gender', target: { kind: 'fixed', text: 'Purple' } },
          { field: 'Parents aware of referral', target: { kind: 'fixed', text: 'Maybe' } },
        ],
      }),
    );
    expect(bad.code).toBe('invalid_input');
    expect(bad.fields).toEqual({
      'mapping.0.field': 'This form has no field called “No such box”.',
      'mapping.1.target':
        'Choose one of the form’s answers for “Gender”: Male, Female, Other, Not known.',
      'mapping.2.target': '“Parents aware of referral” is a tick box: enter Yes to tick it or No.',
    });
    const unknownKey = errorOf(
      await core.invoke(dsl, 'templates.saveMapping', {
        id: pdf.id,
        mapping: [{ field: 'UPN', target: { kind: 'key', key: 'child.shoeSize' } }],
      }),
    );
    expect(unknownKey.fields?.['mapping.0.target.key']).toBe(
      'Choose one of Lantern’s data fields.',
    );

    pdf = await must<TemplateDetail>(
      core.invoke(dsl, 'templates.saveMapping', { id: pdf.id, mapping }),
    );
    expect(pdf.mapping).toContainEqual({
      field: 'Parents aware of referral',
      target: { kind: 'fixed', text: 'Yes' },
    });
  });

  it('previews the form for a child: each field’s value, empty mapped fields flagged', async () => {
    const preview = await must<TemplatePreview>(
      core.invoke(dsl, 'templates.preview', {
        id: pdf.id,
        childId: amara.id,
        concernId: concern.id,
      }),
    );
    const of = (field: string) => preview.fields.find((f) => f.field === field);
    expect(of('Child First Name')).toMatchObject({ value: 'Amara', problem: null });
    expect(of('Date of Birth')?.value).toBe('14 Mar 2016');
    expect(of('Gender')).toMatchObject({ value: 'Female', source: 'Gender' });
    expect(of('Parents aware of referral')).toMatchObject({ value: 'Yes', source: 'Fixed text' });
    expect(of('Reason for referral')?.value).toBe(
      'Saw one pupil punch another twice on the arm during lunch.',
    );
    expect(of('Favourite colour')).toMatchObject({ source: null, value: '', problem: null });
    // Without a concern, the concern's fields are mapped but empty.
    const whole = await must<TemplatePreview>(
      core.invoke(dsl, 'templates.preview', { id: pdf.id, childId: amara.id, concernId: null }),
    );
    expect(whole.fields.find((f) => f.field === 'Reason for referral')?.problem).toBe('empty');
  });

  it('fills and flattens the PDF, logs the export and adds it to the chronology', async () => {
    const saved = await must<SavedFile>(
      core.invoke(dsl, 'templates.fill', {
        id: pdf.id,
        childId: amara.id,
        concernId: concern.id,
        recipient: 'Westshire MASH',
        reference: 'MASH-1234',
      }),
    );
    expect(saved.savedTo).toBe(
      join(dir.path, 'saved', 'exports', 'Westshire MARF Amara Okafor 2026-11-28.pdf'),
    );
    const bytes = readFileSync(saved.savedTo ?? '');
    const filled = await PDFDocument.load(bytes);
    expect(filled.getForm().getFields()).toHaveLength(0);
    // "Parents aware of referral" was mapped to the fixed text Yes: the box is ticked.
    expect(darkInsideTickBox(saved.savedTo ?? '')).toBeGreaterThan(5);
    const text = pdfText(saved.savedTo ?? '');
    for (const expected of [
      'Amara',
      'Okafor',
      '14 Mar 2016',
      'B801200005001',
      'Riverside Primary School',
      'Grace Okafor',
      'Mother',
      'Female',
      'Saw one pupil',
      TEST_DSL.displayName,
    ])
      expect(text).toContain(expected);

    const logged = await readStore(dir.path, (db) =>
      db
        .prepare('SELECT kind, form, format, recipient, reference, sha256, bytes FROM exports_log')
        .all(),
    );
    expect(logged).toEqual([
      {
        kind: 'la_form',
        form: pdf.id,
        format: 'pdf',
        recipient: 'Westshire MASH',
        reference: 'MASH-1234',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
        bytes: bytes.byteLength,
      },
    ]);
    const chronology = await must<ChronologyEntry[]>(
      core.invoke(dsl, 'chronology.forChild', { childId: amara.id, filter: noChronologyFilter }),
    );
    expect(chronology.find((e) => e.source === 'export')?.title).toBe(
      'Westshire MARF filled for Westshire MASH',
    );
  });

  it('fills a Word form’s placeholders, the Lantern keys mapped on import', async () => {
    const docx = await must<TemplateDetail>(
      core.invoke(dsl, 'templates.import', {
        name: 'Westshire MARF (Word)',
        dataBase64: b64(await marfDocx()),
      }),
    );
    expect(docx.format).toBe('docx');
    expect(docx.fields.map((f) => f.name)).toEqual([
      'child.name',
      'child.dateOfBirth',
      'school.name',
      'child.upn',
      'child.address',
      'Mother’s name',
      'allocated_team',
    ]);
    expect(docx.mapping).toEqual([
      { field: 'child.name', target: { kind: 'key', key: 'child.name' } },
      { field: 'child.dateOfBirth', target: { kind: 'key', key: 'child.dateOfBirth' } },
      { field: 'school.name', target: { kind: 'key', key: 'school.name' } },
      { field: 'child.upn', target: { kind: 'key', key: 'child.upn' } },
      { field: 'child.address', target: { kind: 'key', key: 'child.address' } },
      { field: 'Mother’s name', target: { kind: 'key', key: 'parent1.name' } },
    ]);
    const saved = await must<SavedFile>(
      core.invoke(dsl, 'templates.fill', {
        id: docx.id,
        childId: amara.id,
        concernId: null,
        recipient: 'Westshire MASH',
        reference: '',
      }),
    );
    const xml =
      new PizZip(readFileSync(saved.savedTo ?? '')).file('word/document.xml')?.asText() ?? '';
    expect(xml).toContain(
      'Child: Amara Okafor  DOB: 14 Mar 2016  School: Riverside Primary School',
    );
    expect(xml).toContain('UPN: B801200005001');
    expect(xml).toContain('Parent or carer: Grace Okafor');
    // A multi-line address keeps its lines as Word line breaks.
    expect(xml).toContain(
      '12 Mill Lane</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space="preserve">Riverside',
    );
    expect(xml).not.toContain('{');
    expect(xml).toContain('Worker allocated: </w:t>');
  });

  it('refuses a PDF without fields, a protected or damaged file and a bad placeholder; nothing is stored', async () => {
    const before = await templateCount();
    const cases: [Uint8Array, string][] = [
      [await flatPdf(), 'This PDF has no fillable fields.'],
      [await protectedPdf(), 'This PDF is protected (encrypted or password-protected)'],
      [Buffer.from('%PDF-1.7\n this is not really a PDF'), 'This PDF could not be read'],
      [
        Buffer.from('PK\x03\x04 not a zip at all'),
        'This file could not be read as a Word document',
      ],
      [Buffer.from('Child name,DOB\n'), 'Choose your local authority’s form as a fillable PDF'],
      [await bombDocx(), 'This Word file unpacks to more than 100 MB'],
      [
        await brokenDocx(),
        'A placeholder in this Word form is not written correctly: “{{child.dateOfBirth}” has two opening braces.',
      ],
    ];
    for (const [bytes, message] of cases) {
      const error = errorOf(
        await core.invoke(dsl, 'templates.import', { name: 'Bad form', dataBase64: b64(bytes) }),
      );
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain(message);
    }
    expect(await templateCount()).toEqual(before);
  });

  it('keeps templates and mappings in the encrypted store across lock and sign-in', async () => {
    await must(core.invoke(dsl, 'auth.lock', {}));
    dsl = core.createSession();
    await must(
      core.invoke(dsl, 'auth.signIn', { username: TEST_DSL.username, passphrase: TEST_PASSPHRASE }),
    );
    const again = await must<TemplateDetail>(core.invoke(dsl, 'templates.get', { id: pdf.id }));
    expect(again.mapping).toEqual(pdf.mapping);
    const raw = await readStore(dir.path, (db) =>
      db.prepare('SELECT mapping FROM form_templates WHERE id = ?').get(pdf.id),
    );
    expect(JSON.parse((raw as { mapping: string }).mapping)).toMatchObject({
      'Parents aware of referral': { kind: 'fixed', text: 'Yes' },
    });
  });

  it('refuses staff; a deleted template is gone while its export stays logged', async () => {
    const staff = await signedInAs(core, dsl, 'sstaff', 'staff');
    for (const [method, input] of [
      ['templates.list', {}],
      ['templates.get', { id: pdf.id }],
      [
        'templates.fill',
        { id: pdf.id, childId: amara.id, concernId: null, recipient: 'X', reference: '' },
      ],
    ] as const)
      expect(errorOf(await core.invoke(staff, method, input)).code).toBe('forbidden');

    await must(core.invoke(dsl, 'templates.delete', { id: pdf.id }));
    expect(errorOf(await core.invoke(dsl, 'templates.get', { id: pdf.id })).code).toBe('not_found');
    const left = await readStore(dir.path, (db) => ({
      logged: db.prepare('SELECT count(*) AS n FROM exports_log WHERE form = ?').get(pdf.id),
      audited: db
        .prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'templates.delete'")
        .get(),
    }));
    expect(left).toEqual({ logged: { n: 1 }, audited: { n: 1 } });
  });
});
