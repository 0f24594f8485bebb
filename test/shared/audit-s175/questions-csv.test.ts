import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DEFAULT_QUESTIONS } from '../../../shared/audit-s175/questions';
import { parseQuestionCsv, questionKey } from '../../../shared/audit-s175/schema';

/** A cell as a spreadsheet writes it: quoted, with quotes doubled. */
const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;

const text = fc
  .string({
    minLength: 1,
    maxLength: 80,
    unit: fc.constantFrom('a', 'B', ' ', ',', '"', '’', '\n', 'é', '?'),
  })
  .filter((s) => s.trim() !== '');

describe('the question set CSV', () => {
  it('reads back every question a spreadsheet would write, in order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ section: text, text, evidence: text }), {
          minLength: 1,
          maxLength: 20,
          selector: (q) => questionKey({ section: q.section.trim(), text: q.text.trim() }),
        }),
        fc.constantFrom('\n', '\r\n'),
        (rows, eol) => {
          const csv = [
            'Evidence expected,Section,Question',
            ...rows.map((q) => [q.evidence, q.section, q.text].map(cell).join(',')),
          ].join(eol);
          const parsed = parseQuestionCsv(csv, 'Westshire');
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed.questions.map((q) => [q.section, q.text, q.evidence])).toEqual(
            rows.map((q) => [q.section.trim(), q.text.trim(), q.evidence.trim()]),
          );
          expect(new Set(parsed.questions.map((q) => q.id)).size).toBe(rows.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports each bad row by the line it starts on, counting line breaks inside quotes', () => {
    const result = parseQuestionCsv(
      'Section,Question,Evidence expected\r\nA,"Two\nlines",x\r\nB,,y\r\n,Q,z\r\n',
      'Westshire',
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 4, message: 'Enter the question.' },
        { line: 5, message: 'Enter the section.' },
      ],
    });
    expect(parseQuestionCsv('', 'Westshire')).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'The file is empty.' }],
    });
    expect(parseQuestionCsv('Section,Question,Evidence expected\n', 'Westshire')).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'The file has no questions.' }],
    });
  });

  it('ships a KCSIE set covering every area the audit must ask about, with unique ids', () => {
    const sections = new Set(DEFAULT_QUESTIONS.map((q) => q.section));
    for (const area of [
      'Leadership and governance',
      'The designated safeguarding lead',
      'Policies and procedures',
      'Staff training and induction',
      'Safer recruitment and the single central record',
      'Allegations and low-level concerns',
      'Online safety, filtering and monitoring',
      'Record keeping and file transfer',
      'Children absent from education',
      'Early help and multi-agency working',
      'Looked-after and previously looked-after children',
      'Child-on-child abuse',
      'Prevent',
      'Operation Encompass',
    ])
      expect(sections).toContain(area);
    expect(DEFAULT_QUESTIONS.length).toBeGreaterThanOrEqual(30);
    expect(DEFAULT_QUESTIONS.length).toBeLessThanOrEqual(40);
    expect(new Set(DEFAULT_QUESTIONS.map((q) => q.id)).size).toBe(DEFAULT_QUESTIONS.length);
    for (const q of DEFAULT_QUESTIONS) {
      expect(q.evidence).not.toBe('');
      expect(q.source).not.toMatch(/para(graph)? \d/i);
    }
  });
});
