import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import { auditStatus } from '../../../main/audit-s175/service';
import type { HandlerContext } from '../../../main/handler';
import { storeFor } from '../../../main/store';
import type { SavedFile } from '../../../shared/api';
import type { AuditList, AuditYear } from '../../../shared/audit-s175/schema';
import { DEFAULT_QUESTIONS } from '../../../shared/audit-s175/questions';
import { seedAuditEvidence } from '../../support/audit-evidence';
import {
  errorOf,
  folderPlatform,
  must,
  readStore,
  signedInAs,
  tempDir,
  unlockedCore,
  writeStore,
} from '../../support/core';

const NOW = new Date('2026-11-28T10:00:00Z');
const LAST = '2025/26';
const THIS = '2026/27';

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function docxBody(path: string): string {
  const zip = new PizZip(readFileSync(path));
  return (zip.file('word/document.xml')?.asText() ?? '')
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&apos;|&#39;/g, "'");
}

/** The first question of the default set, kept in the imported set, so both years share it. */
const SHARED = DEFAULT_QUESTIONS[0]!;
const LA_CSV = [
  'Section,Question,Evidence expected',
  `${SHARED.section},"${SHARED.text}",Minutes`,
  'Training,"Have all staff had safeguarding training this year?","Register, certificates"',
  'Online safety,Is filtering reviewed every year?,Filtering review record',
].join('\r\n');

describe('the annual safeguarding audit (s.175/s.157)', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let staff: Session;
  let governor: Session;

  const status = () =>
    readStore(dir.path, (db) =>
      auditStatus({ store: storeFor(db), today: '2026-11-28' } as Pick<
        HandlerContext,
        'store' | 'today'
      > as HandlerContext),
    );
  const get = (year: string, who = dsl) =>
    must<AuditYear>(core.invoke(who, 'audits.get', { academicYear: year }));
  const answer = (
    year: string,
    questionId: string,
    rag: 'red' | 'amber' | 'green',
    evidence: { kind: string; id: string; label: string }[] = [],
    comment = '',
  ) =>
    core.invoke(dsl, 'audits.answer', { academicYear: year, questionId, rag, comment, evidence });

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => NOW, folderPlatform(dir.path)));
    staff = await signedInAs(core, dsl, 'sam', 'staff');
    governor = await signedInAs(core, dsl, 'gwen', 'governor');
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('has no audit for this year until one is started', async () => {
    expect(await status()).toBeNull();
    const list = await must<AuditList>(core.invoke(dsl, 'audits.list', {}));
    expect(list).toMatchObject({
      currentYear: THIS,
      years: [],
      questionSet: { kind: 'default', questions: DEFAULT_QUESTIONS.length },
    });
    expect(errorOf(await core.invoke(dsl, 'audits.get', { academicYear: THIS })).code).toBe(
      'not_found',
    );
  });

  it('refuses a year that has not begun, and a year started twice', async () => {
    const future = errorOf(await core.invoke(dsl, 'audits.start', { academicYear: '2027/28' }));
    expect(future.fields?.academicYear).toBe(`Choose ${THIS} or an earlier year.`);
    expect(errorOf(await core.invoke(dsl, 'audits.start', { academicYear: '2026/28' })).code).toBe(
      'invalid_input',
    );
    await must(core.invoke(dsl, 'audits.start', { academicYear: LAST }));
    expect(errorOf(await core.invoke(dsl, 'audits.start', { academicYear: LAST })).code).toBe(
      'conflict',
    );
  });

  it('answers with evidence links; a later answer wins and the earlier one stays as history', async () => {
    const q = DEFAULT_QUESTIONS;
    await must(answer(LAST, q[0]!.id, 'red', [], 'No governor yet.'));
    const year = await must<AuditYear>(
      answer(
        LAST,
        q[0]!.id,
        'amber',
        [{ kind: 'other', id: '', label: 'Minutes of the spring meeting' }],
        'Governor appointed in spring.',
      ),
    );
    expect(year.answers).toHaveLength(1);
    expect(year.answers[0]).toMatchObject({
      rag: 'amber',
      comment: 'Governor appointed in spring.',
      evidence: [{ kind: 'other', id: '', label: 'Minutes of the spring meeting' }],
      updatedByName: 'Dana Lead',
    });
    const rows = await readStore(dir.path, (db) =>
      db
        .prepare('SELECT rag FROM audit_answers WHERE question_id = ? ORDER BY rowid')
        .all(q[0]!.id),
    );
    expect(rows).toEqual([{ rag: 'red' }, { rag: 'amber' }]);
    // Append-only even behind Lantern's back.
    await expect(
      writeStore(dir.path, (db) => db.prepare("UPDATE audit_answers SET rag = 'green'").run()),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses a question that is not in the year, a bad RAG and a duplicate evidence link', async () => {
    expect(errorOf(await answer(LAST, 'q999', 'green')).fields?.questionId).toBe(
      'Choose a question from this year’s audit.',
    );
    const bad = errorOf(
      await core.invoke(dsl, 'audits.answer', {
        academicYear: LAST,
        questionId: 'k002',
        rag: 'purple',
        comment: '',
        evidence: [],
      }),
    );
    expect(bad.fields?.rag).toBe('Choose Red, Amber or Green.');
    const link = { kind: 'other', id: '', label: 'Minutes' };
    expect(errorOf(await answer(LAST, 'k002', 'green', [link, link])).code).toBe('invalid_input');
    expect((await get(LAST)).answered).toBe(1);
  });

  it('plans actions and marks them done once', async () => {
    const year = await must<AuditYear>(
      core.invoke(dsl, 'audits.addAction', {
        academicYear: LAST,
        questionId: 'k001',
        action: 'Book governor safeguarding training',
        owner: 'Clerk to governors',
        dueOn: '2026-03-31',
      }),
    );
    const action = year.actions[0]!;
    expect(action).toMatchObject({ owner: 'Clerk to governors', doneOn: null });
    const future = errorOf(
      await core.invoke(dsl, 'audits.completeAction', { id: action.id, doneOn: '2026-12-01' }),
    );
    expect(future.fields?.doneOn).toBe('The date done cannot be in the future.');
    const done = await must<AuditYear>(
      core.invoke(dsl, 'audits.completeAction', { id: action.id, doneOn: '2026-03-20' }),
    );
    expect(done.actions[0]?.doneOn).toBe('2026-03-20');
    expect(
      errorOf(
        await core.invoke(dsl, 'audits.completeAction', { id: action.id, doneOn: '2026-03-21' }),
      ).code,
    ).toBe('conflict');
  });

  it('refuses sign-off while any question is unanswered, then accepts the DSL and the governor', async () => {
    const refused = errorOf(await core.invoke(dsl, 'audits.signOff', { academicYear: LAST }));
    expect(refused.message).toBe(
      `The audit cannot be signed off while ${DEFAULT_QUESTIONS.length - 1} questions are unanswered.`,
    );
    for (const [i, q] of DEFAULT_QUESTIONS.entries())
      if (i > 0) await must(answer(LAST, q.id, i % 10 === 0 ? 'red' : 'green'));
    const signed = await must<AuditYear>(
      core.invoke(dsl, 'audits.signOff', { academicYear: LAST }),
    );
    expect(signed.signoffs).toEqual([
      { role: 'dsl', name: 'Dana Lead', signedAt: NOW.toISOString() },
    ]);
    expect(errorOf(await core.invoke(dsl, 'audits.signOff', { academicYear: LAST })).code).toBe(
      'conflict',
    );
    // Signed answers no longer change.
    expect(errorOf(await answer(LAST, 'k001', 'green')).code).toBe('conflict');
    const both = await must<AuditYear>(
      core.invoke(governor, 'audits.signOff', { academicYear: LAST }),
    );
    expect(both.signoffs.map((s) => [s.role, s.name])).toEqual([
      ['dsl', 'Dana Lead'],
      ['governor', 'Test gwen'],
    ]);
  });

  it('imports a local authority question set with errors per line, and a past year keeps its questions', async () => {
    const broken = errorOf(
      await core.invoke(dsl, 'audits.importQuestions', {
        csv: 'Section,Question,Evidence expected\nLeadership,,Minutes\n,Is there a DSL?,\nA,"Q1",\nA,q1,x\n',
        source: 'Westshire County Council',
      }),
    );
    expect(broken.message).toBe('The question set was not imported: 3 lines need correcting.');
    expect(Object.values(broken.fields ?? {})).toEqual([
      'Line 2: Enter the question.',
      'Line 3: Enter the section.',
      'Line 5: The same question is already on line 4.',
    ]);
    const header = errorOf(
      await core.invoke(dsl, 'audits.importQuestions', {
        csv: 'Area,Question\nA,B\n',
        source: 'Westshire County Council',
      }),
    );
    expect(Object.values(header.fields ?? {})).toEqual([
      'Line 1: The first row must name the columns Section, Question and Evidence expected (missing: section, evidence expected).',
    ]);
    expect((await must<AuditList>(core.invoke(dsl, 'audits.list', {}))).questionSet.kind).toBe(
      'default',
    );
    expect(
      await must(
        core.invoke(dsl, 'audits.importQuestions', {
          csv: LA_CSV,
          source: 'Westshire County Council',
        }),
      ),
    ).toEqual({ questions: 3, sections: 3 });
    const list = await must<AuditList>(core.invoke(dsl, 'audits.list', {}));
    expect(list.questionSet).toMatchObject({
      kind: 'imported',
      source: 'Westshire County Council',
      questions: 3,
    });
    expect((await get(LAST)).questionSet).toHaveLength(DEFAULT_QUESTIONS.length);
  });

  it('starts this year from the imported set and compares with last year by question', async () => {
    const year = await must<AuditYear>(core.invoke(dsl, 'audits.start', { academicYear: THIS }));
    expect(year.questionSet.map((q) => q.text)).toEqual([
      SHARED.text,
      'Have all staff had safeguarding training this year?',
      'Is filtering reviewed every year?',
    ]);
    expect(year.questionSet[1]).toMatchObject({
      section: 'Training',
      evidence: 'Register, certificates',
      source: 'Westshire County Council',
    });
    // Only the shared question was in last year's audit, where it ended amber.
    expect(year.lastYear).toEqual({
      academicYear: LAST,
      rag: { [year.questionSet[0]!.id]: 'amber' },
    });
    expect(await status()).toEqual({
      academicYear: THIS,
      questions: 3,
      answered: 0,
      red: 0,
      amber: 0,
      green: 0,
      signedByDsl: null,
      signedByGovernor: null,
    });
  });

  it('keeps roles apart: staff are refused, a governor reads and signs but does not answer', async () => {
    expect(errorOf(await core.invoke(staff, 'audits.get', { academicYear: THIS })).code).toBe(
      'forbidden',
    );
    expect(errorOf(await core.invoke(staff, 'audits.list', {})).code).toBe('forbidden');
    expect((await get(THIS, governor)).questions).toBe(3);
    expect(
      errorOf(
        await core.invoke(governor, 'audits.answer', {
          academicYear: THIS,
          questionId: 'q001',
          rag: 'green',
          comment: '',
          evidence: [],
        }),
      ).code,
    ).toBe('forbidden');
    expect(
      errorOf(await core.invoke(governor, 'audits.start', { academicYear: '2024/25' })).code,
    ).toBe('forbidden');
  });

  it('links training records and policy reviews as evidence', async () => {
    const { training, policy } = await seedAuditEvidence(core, dsl);
    expect(training.label).toContain('Priya Natarajan');
    expect(policy.label).toMatch(/^Child protection.*version 2026\.1/);
    await must(answer(THIS, 'q001', 'green', [policy], 'Governor in post; policy approved.'));
    await must(answer(THIS, 'q002', 'amber', [training], 'Two supply staff still to train.'));
    const year = await must<AuditYear>(answer(THIS, 'q003', 'red', [], 'Review overdue.'));
    expect(year.answers.find((a) => a.questionId === 'q002')?.evidence).toEqual([training]);
    await must(
      core.invoke(dsl, 'audits.addAction', {
        academicYear: THIS,
        questionId: 'q003',
        action: 'Hold the filtering review with the IT provider',
        owner: 'DSL',
        dueOn: '2026-12-18',
      }),
    );
    expect(await status()).toMatchObject({ answered: 3, red: 1, amber: 1, green: 1 });
    await must(core.invoke(dsl, 'audits.signOff', { academicYear: THIS }));
    expect((await status())?.signedByDsl).toBe(NOW.toISOString());
  });

  it('exports the LA layout as PDF and Word, logged without a child', async () => {
    const pdf = await must<SavedFile>(
      core.invoke(governor, 'audits.export', { academicYear: THIS, format: 'pdf' }),
    );
    const text = pdfText(pdf.savedTo!).replace(/\s+/g, ' ');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain(`Annual safeguarding audit (s.175/s.157) ${THIS}`);
    expect(text).toContain('3 of 3 questions answered: 1 red, 1 amber, 1 green.');
    expect(text).toMatch(/Green Amber/); // this year, then last year, for the shared question
    expect(text).toContain('Policy review: Child protection');
    // A table cell wraps, so the action is split across lines of the page.
    expect(text).toContain('Hold the filtering review with');
    expect(text).toContain('the IT provider (DSL; due 18');
    expect(text).toContain('Dana Lead, signed 28 Nov 2026');
    expect(text).toContain('Safeguarding governor Not signed');
    const word = await must<SavedFile>(
      core.invoke(dsl, 'audits.export', { academicYear: THIS, format: 'docx' }),
    );
    const body = docxBody(word.savedTo!);
    expect(body).toContain('Two supply staff still to train.');
    expect(body).toContain('Amber');
    expect(body).toContain('Training record: Priya Natarajan');
    expect(body).toContain('Designated safeguarding lead');
    expect(body).toContain('Dana Lead, signed 28 Nov 2026');
    const logged = await readStore(dir.path, (db) =>
      db
        .prepare(
          "SELECT child_id, kind, form, format, reference FROM exports_log WHERE form = 's175-audit' ORDER BY rowid",
        )
        .all(),
    );
    expect(logged).toEqual([
      { child_id: null, kind: 'form', form: 's175-audit', format: 'pdf', reference: THIS },
      { child_id: null, kind: 'form', form: 's175-audit', format: 'docx', reference: THIS },
    ]);
  });
});
