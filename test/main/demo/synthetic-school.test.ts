import { createHash } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import type { SyntheticSchool } from '../../../main/demo/synthetic-school';
import { createSyntheticSchool, schoolSizes } from '../../../main/demo/synthetic-school';
import type { AuditVerification } from '../../../shared/audit/schema';
import type { ChronologyEntry } from '../../../shared/chronology/schema';
import { noChronologyFilter } from '../../../shared/chronology/schema';
import { upnProblem } from '../../../shared/children/upn';
import type { InboxItem } from '../../../shared/casework/schema';
import {
  readStore,
  TEST_DSL,
  TEST_KDF,
  TEST_PASSPHRASE,
  tempDir,
  unlockedCore,
  value,
} from '../../support/core';

const NOW = new Date('2026-11-28T12:00:00Z');
const TODAY = '2026-11-28';
const dirs: { remove(): void }[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

async function generate(seed: number): Promise<{ dataDir: string; school: SyntheticSchool }> {
  const dir = tempDir();
  dirs.push(dir);
  const school = await createSyntheticSchool({
    dataDir: dir.path,
    seed,
    size: schoolSizes.small,
    now: NOW,
    dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE },
    kdf: TEST_KDF,
  });
  return { dataDir: dir.path, school };
}

/** A digest of everything generated except ids and key material, in a stable order. */
function fingerprint(dataDir: string): Promise<string> {
  return readStore(dataDir, (db) =>
    createHash('sha256')
      .update(
        JSON.stringify([
          db
            .prepare(
              `SELECT legal_forename, legal_surname, preferred_forename, date_of_birth, upn,
            year_group, gender, admission_date, leaving_date FROM children ORDER BY upn`,
            )
            .all(),
          db
            .prepare(
              `SELECT c.occurred_at, c.summary, c.child_words, c.location,
            (SELECT group_concat(v) FROM (SELECT ch.upn || ':' || cc.role AS v
                FROM concern_children cc JOIN children ch ON ch.id = cc.child_id
                WHERE cc.concern_id = c.id ORDER BY v)) AS children
           FROM concerns c ORDER BY c.recorded_at, c.summary`,
            )
            .all(),
          db
            .prepare(
              `SELECT e.source, e.occurred_at, e.title, ch.upn FROM chronology_entries e
           JOIN children ch ON ch.id = e.child_id
           ORDER BY ch.upn, e.occurred_at, e.recorded_at, e.source, e.title`,
            )
            .all(),
        ]),
      )
      .digest('hex'),
  );
}

describe('the synthetic school', () => {
  it('generates a small school on a real encrypted store, shaped like a real one', async () => {
    const { dataDir, school } = await generate(42);
    const size = schoolSizes.small;
    const c = school.counts;

    expect(c.concerns).toBe(size.concerns);
    expect(c.onRoll).toBeGreaterThan(size.onRoll * 0.8);
    expect(c.onRoll).toBeLessThan(size.onRoll * 1.2);
    expect(c.pupils).toBeGreaterThan(c.onRoll); // leavers stay on the register
    expect(c.multiChildConcerns).toBeGreaterThan(0);
    expect(c.addenda).toBeGreaterThan(0);
    expect(c.designations).toBeGreaterThan(0);
    expect(c.families).toBeGreaterThan(0);
    expect(c.encompassNotifications).toBeGreaterThan(0);
    expect(c.heaviestChronology).toBeGreaterThanOrEqual(size.heaviestChildEntries);
    expect(c.closedConcerns).toBeGreaterThan(c.concerns * 0.8);
    expect(c.closedConcerns).toBeLessThan(c.concerns);
    expect(school.staff.map((s) => s.role)).toEqual(['deputy_dsl', 'headteacher', 'deputy_dsl']);

    await readStore(dataDir, (db) => {
      const upns = db.prepare('SELECT upn FROM children').pluck().all() as string[];
      expect(upns).toHaveLength(c.pupils);
      expect(new Set(upns).size).toBe(upns.length);
      expect(upns.filter((u) => upnProblem(u) !== null)).toEqual([]);

      // On roll in Year N: N + 4 years old on 1 September of this academic year.
      const onRoll = db
        .prepare(
          `SELECT date_of_birth AS born, year_group AS year FROM children
           WHERE leaving_date IS NULL`,
        )
        .all() as { born: string; year: string }[];
      expect(onRoll.length).toBe(c.onRoll);
      for (const pupil of onRoll) {
        const ageOnFirstSeptember =
          2026 - Number(pupil.born.slice(0, 4)) - (pupil.born.slice(5) > '09-01' ? 1 : 0);
        expect(ageOnFirstSeptember).toBe(Number(pupil.year) + 4);
      }
      const leavers = db
        .prepare('SELECT leaving_date FROM children WHERE leaving_date IS NOT NULL')
        .pluck()
        .all() as string[];
      expect(leavers.every((d) => d < TODAY)).toBe(true);

      const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
      expect(
        count(
          'SELECT count(*) FROM concerns c WHERE NOT EXISTS (SELECT 1 FROM concern_children cc WHERE cc.concern_id = c.id)',
        ),
      ).toBe(0);
      expect(
        count(`SELECT count(*) FROM concern_children cc WHERE NOT EXISTS (
          SELECT 1 FROM chronology_entries e
          WHERE e.source = 'concern' AND e.source_id = cc.concern_id AND e.child_id = cc.child_id)`),
      ).toBe(0);
      expect(
        count(`SELECT count(*) FROM concern_closures cl WHERE NOT EXISTS (
          SELECT 1 FROM concern_decisions d WHERE d.concern_id = cl.concern_id)`),
      ).toBe(0);
      expect(count("SELECT count(*) FROM search_index WHERE kind = 'concern'")).toBe(c.concerns);
      expect(
        count("SELECT count(*) FROM concerns WHERE recorded_at > '2026-11-28T12:00:00.000Z'"),
      ).toBe(0);
      expect(count("SELECT count(*) FROM audit_log WHERE method = 'demo.generate'")).toBe(1);
    });

    const { core, session } = await unlockedCore(dataDir);
    try {
      const audit = value<AuditVerification>(await core.invoke(session, 'audit.verify', {}));
      expect(audit.problems).toEqual([]);
      expect(audit.ok).toBe(true);
      const entries = value<ChronologyEntry[]>(
        await core.invoke(session, 'chronology.forChild', {
          childId: school.heaviestChildId,
          filter: noChronologyFilter,
        }),
      );
      expect(entries).toHaveLength(c.heaviestChronology);
      const inbox = value<InboxItem[]>(await core.invoke(session, 'triage.inbox', {}));
      expect(inbox).toHaveLength(c.concerns - c.closedConcerns);
    } finally {
      core.close();
    }
  });

  it('is the same school for the same seed, and another for another seed', async () => {
    const first = await generate(7);
    const again = await generate(7);
    const other = await generate(8);
    expect(again.school.counts).toEqual(first.school.counts);
    const print = await fingerprint(first.dataDir);
    expect(await fingerprint(again.dataDir)).toBe(print);
    expect(await fingerprint(other.dataDir)).not.toBe(print);
  });
});
