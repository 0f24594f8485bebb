import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import { migrations } from '../../../main/db/migrations';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { ftsQuery, snippetSegments } from '../../../main/search/fts-query';
import { storePaths } from '../../../main/vault/vault';
import type { MethodInput } from '../../../shared/api';
import type { Child } from '../../../shared/children/schema';
import type { Concern } from '../../../shared/concerns/schema';
import type { SearchHit, SearchResults } from '../../../shared/search/schema';
import type { Result } from '../../../shared/result';
import {
  errorOf,
  makeCore,
  must,
  readStore,
  sampleChild,
  signedInAs,
  tempDir,
  TEST_DSL,
  unlockedCore,
  writeStore,
} from '../../support/core';

const CANARY = 'Canaryword7q';

function concernAbout(
  childId: string,
  text: Partial<MethodInput<'concerns.submit'>> = {},
): MethodInput<'concerns.submit'> {
  return {
    children: [{ childId, role: 'subject' }],
    occurredAt: '2026-11-27T12:40',
    occurredAtApprox: false,
    location: 'Top playground',
    categories: ['physical'],
    summary: 'Saw a bruise on her arm when she rolled up her sleeve.',
    childWords: '',
    opinion: '',
    actionsTaken: '',
    peopleTold: '',
    dslToldInPerson: false,
    flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
    ...text,
  };
}

/** The hit's snippet with its marked words in [brackets]. */
function marked(hit: SearchHit): string {
  return hit.snippet.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');
}

describe('searching concerns and corrections (issue 4, part 5)', () => {
  const dir = tempDir();
  let now = new Date('2026-11-28T09:00:00Z');
  let core: LanternCore;
  let dsl: Session;
  let staff: Session;
  let otherStaff: Session;
  let head: Session;
  let zoe: Child;
  let leaver: Child;
  let staffConcern: Concern;
  let dslConcern: Concern;

  async function search(session: Session, query: string, limit = 20, offset = 0) {
    return must<SearchResults>(core.invoke(session, 'search.concerns', { query, limit, offset }));
  }
  function attempt(session: Session, query: string): Promise<Result<unknown>> {
    return core.invoke(session, 'search.concerns', { query, limit: 20, offset: 0 });
  }

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now));
    zoe = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Zoë', legalSurname: 'Brontë' }),
      ),
    );
    leaver = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({
          legalForename: 'Kit',
          legalSurname: 'Marlow',
          upn: '',
          leavingDate: '2026-07-20',
        }),
      ),
    );
    staff = await signedInAs(core, dsl, 'steacher', 'staff');
    otherStaff = await signedInAs(core, dsl, 'oteacher', 'staff');
    head = await signedInAs(core, dsl, 'thead', 'headteacher');
    staffConcern = await must<Concern>(
      core.invoke(
        staff,
        'concerns.submit',
        concernAbout(zoe.id, {
          summary: `Zoë arrived upset and would not take her coat off. ${CANARY}`,
          childWords: 'He said he would get me after school if I told anyone.',
        }),
      ),
    );
    now = new Date('2026-11-28T09:30:00Z');
    dslConcern = await must<Concern>(
      core.invoke(
        dsl,
        'concerns.submit',
        concernAbout(leaver.id, {
          summary: 'Kit was punched in the corridor by an older pupil.',
          opinion: 'Zoe from Year 6 saw it too.',
        }),
      ),
    );
    now = new Date('2026-11-28T09:45:00Z');
    await must(
      core.invoke(dsl, 'concerns.addAddendum', {
        concernId: staffConcern.id,
        reason: 'The teacher remembered more afterwards.',
        text: 'She also mentioned a scratched wrist.',
      }),
    );
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('finds a phrase from the child’s words and marks it in the snippet, with the child', async () => {
    const { items, more } = await search(dsl, '"get me after school"');
    expect(more).toBe(false);
    expect(items).toHaveLength(1);
    const [hit] = items as [SearchHit];
    expect(hit).toMatchObject({
      kind: 'concern',
      sourceId: staffConcern.id,
      concernId: staffConcern.id,
      occurredAt: '2026-11-27T12:40',
      recordedAt: '2026-11-28T09:00:00.000Z',
      children: [{ id: zoe.id, name: 'Zoë Brontë', left: false }],
    });
    expect(marked(hit)).toContain('He said he would [get me after school] if I told anyone.');
    // The words out of order are not the phrase; as separate words they still match.
    expect((await search(dsl, '"school after me get"')).items).toEqual([]);
    expect((await search(dsl, 'school get after')).items.map((h) => h.sourceId)).toEqual([
      staffConcern.id,
    ]);
  });

  it('matches with or without accents, in any case, and words by their beginning', async () => {
    // "Zoë" in one concern's facts and "Zoe" in the other's opinion.
    for (const query of ['zoe', 'ZOË', 'Zoë', 'zoë']) {
      const ids = (await search(dsl, query)).items.map((h) => h.sourceId).sort();
      expect(ids, query).toEqual([staffConcern.id, dslConcern.id].sort());
    }
    expect((await search(dsl, 'punch')).items.map((h) => h.sourceId)).toEqual([dslConcern.id]);
    expect((await search(dsl, '"punch"')).items).toEqual([]);
  });

  it('finds corrections, linked to their concern', async () => {
    const { items } = await search(dsl, 'scratched wrist');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'addendum',
      concernId: staffConcern.id,
      occurredAt: null,
      recordedAt: '2026-11-28T09:45:00.000Z',
      children: [{ id: zoe.id }],
    });
    expect(marked(items[0]!)).toContain('[scratched] [wrist]');
  });

  it('marks pupils who have left, and still finds their concerns', async () => {
    const { items } = await search(dsl, 'corridor');
    expect(items[0]?.children).toEqual([{ id: leaver.id, name: 'Kit Marlow', left: true }]);
  });

  it('shows staff only the concerns they recorded, and corrections to those', async () => {
    expect((await search(staff, 'zoe')).items.map((h) => h.sourceId)).toEqual([staffConcern.id]);
    expect((await search(staff, 'wrist')).items.map((h) => h.kind)).toEqual(['addendum']);
    expect((await search(otherStaff, 'zoe')).items).toEqual([]);
    expect((await search(otherStaff, '"get me after school"')).items).toEqual([]);
    expect((await search(otherStaff, 'wrist')).items).toEqual([]);
    // The headteacher reads every concern.
    expect((await search(head, 'zoe')).items).toHaveLength(2);
  });

  it('shows casework notes only to those who manage casework', async () => {
    await writeStore(dir.path, (db) => {
      db.prepare(
        `INSERT INTO search_index (text, kind, source_id, concern_id, child_ids, recorded_by,
           occurred_at, recorded_at)
         VALUES ('Referred to the MASH after the strategy discussion.', 'decision', 'd1', ?, '', ?,
           NULL, '2026-11-28T09:50:00.000Z'),
           ('Police notified us of a domestic incident at home.', 'encompass', 'e1', NULL, ?, ?,
           '2026-11-27', '2026-11-28T09:55:00.000Z')`,
      ).run(dslConcern.id, dslConcern.recordedBy, `${zoe.id} ${leaver.id}`, dslConcern.recordedBy);
    });
    const forDsl = await search(dsl, 'mash');
    expect(forDsl.items.map((h) => [h.kind, h.concernId])).toEqual([['decision', dslConcern.id]]);
    const encompass = await search(dsl, 'domestic incident');
    expect(encompass.items.map((h) => [h.kind, h.concernId])).toEqual([['encompass', null]]);
    expect(encompass.items[0]?.children.map((c) => c.name)).toEqual(['Zoë Brontë', 'Kit Marlow']);
    for (const session of [head, staff]) {
      expect((await search(session, 'mash')).items).toEqual([]);
      expect((await search(session, 'domestic')).items).toEqual([]);
    }
  });

  it('ranks the better match first, then the newest, a page at a time', async () => {
    const ids: string[] = [];
    for (const [at, summary] of [
      ['2026-11-28T09:46:00Z', 'Left alone at lunchtime by the gate.'],
      ['2026-11-28T09:47:00Z', 'Left alone at lunchtime by the gate.'],
      ['2026-11-28T09:48:00Z', 'Lunchtime again: alone at lunchtime, every lunchtime.'],
    ] as const) {
      now = new Date(at);
      ids.push(
        (
          await must<Concern>(
            core.invoke(dsl, 'concerns.submit', concernAbout(zoe.id, { summary })),
          )
        ).id,
      );
    }
    const [older, newer, most] = ids as [string, string, string];
    // The text that says it three times first; the two alike, newest first.
    expect((await search(dsl, 'lunchtime')).items.map((h) => h.sourceId)).toEqual([
      most,
      newer,
      older,
    ]);
    const first = await search(dsl, 'lunchtime', 2, 0);
    expect([first.items.map((h) => h.sourceId), first.more]).toEqual([[most, newer], true]);
    const second = await search(dsl, 'lunchtime', 2, 2);
    expect([second.items.map((h) => h.sourceId), second.more]).toEqual([[older], false]);
  });

  it('audits the search with the concerns and children it showed', async () => {
    await search(staff, 'wrist');
    const last = await readStore(dir.path, (db) =>
      db
        .prepare(
          "SELECT method, record_ids FROM audit_log WHERE method = 'search.concerns' ORDER BY seq DESC LIMIT 1",
        )
        .get(),
    );
    expect(last).toMatchObject({ method: 'search.concerns' });
    const ids = JSON.parse((last as { record_ids: string }).record_ids) as string[];
    expect(ids).toEqual(expect.arrayContaining([staffConcern.id, zoe.id]));
    expect(ids).not.toContain(dslConcern.id);
  });

  it('treats FTS5 syntax and stray quotes as text, never as a query', async () => {
    const awkward = [
      'a OR "',
      '"',
      '"unclosed phrase get me',
      'NEAR(zoe coat)',
      'text:zoe',
      '^zoe',
      'zoe*',
      '-zoe',
      'zoe AND NOT coat',
      '"" "',
      '(((',
      "zoe' OR 1=1 --",
      'rank MATCH zoe',
      '\u0001zoe\u0002',
    ];
    for (const query of awkward) {
      const r = await attempt(dsl, query);
      expect(r.ok || errorOf(r).code, query).not.toBe('internal');
    }
    // Keywords are words like any other: read as syntax, this would find both concerns.
    expect((await search(dsl, 'coat OR corridor')).items).toEqual([]);
    expect((await search(dsl, 'text:zoe')).items).toEqual([]);
    expect((await search(dsl, '"unclosed phrase')).items).toEqual([]);
    expect((await search(dsl, 'coat "get me')).items.map((h) => h.sourceId)).toEqual([
      staffConcern.id,
    ]);
    const punctuation = await attempt(dsl, '*** "" --');
    expect(errorOf(punctuation)).toMatchObject({
      code: 'invalid_input',
      fields: { query: 'Search for a word or a number: punctuation alone finds nothing.' },
    });
    expect(errorOf(await attempt(dsl, '   ')).fields).toEqual({
      query: 'Enter a word or phrase to search for.',
    });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), async (q) => {
        const r = await attempt(dsl, q);
        expect(r.ok || errorOf(r).code).not.toBe('internal');
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('keeps the index in the encrypted file: the canary is nowhere in the raw bytes', async () => {
    const hits = await readStore(dir.path, (db) =>
      db
        .prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'canaryword7q'")
        .pluck()
        .get(),
    );
    expect(hits).toBe(1);
    for (const name of readdirSync(dir.path)) {
      const file = join(dir.path, name);
      if (!name.startsWith('lantern')) continue;
      expect(readFileSync(file).includes(Buffer.from(CANARY)), name).toBe(false);
      expect(readFileSync(file).includes(Buffer.from(CANARY.toLowerCase())), name).toBe(false);
    }
  });

  it('still finds everything after the key is rotated, with a sound index and no duplicates', async () => {
    const count = () =>
      readStore(dir.path, (db) => db.prepare('SELECT count(*) FROM search_index').pluck().get());
    const before = await count();
    await must(
      core.invoke(dsl, 'security.rotateKey', { passphrase: 'correct horse battery staple' }),
    );
    expect((await search(dsl, '"get me after school"')).items.map((h) => h.sourceId)).toEqual([
      staffConcern.id,
    ]);
    core.close();
    core = makeCore(dir.path, () => now);
    dsl = core.createSession();
    await must(
      core.invoke(dsl, 'auth.signIn', {
        username: TEST_DSL.username,
        passphrase: 'correct horse battery staple',
      }),
    );
    expect((await search(dsl, 'zoe')).items).toHaveLength(2);
    expect((await search(dsl, 'wrist')).items.map((h) => h.kind)).toEqual(['addendum']);
    expect((await search(dsl, 'mash')).items.map((h) => h.kind)).toEqual(['decision']);
    expect(await count()).toBe(before);
    await writeStore(dir.path, (db) => {
      db.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run();
    });
    // A concern recorded after the rotation is indexed by the copied triggers, once.
    await must(
      core.invoke(dsl, 'concerns.submit', concernAbout(zoe.id, { summary: 'Rotated keys fine.' })),
    );
    expect((await search(dsl, 'rotated')).items).toHaveLength(1);
    for (const name of readdirSync(dir.path).filter((n) => n.startsWith('lantern'))) {
      expect(readFileSync(join(dir.path, name)).includes(Buffer.from(CANARY)), name).toBe(false);
    }
    expect(existsSync(storePaths(dir.path).rotating)).toBe(false);
  });
});

describe('the search migration (0007-search)', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('indexes the concerns and corrections written before it', () => {
    const file = join(dir.path, 'v-before.db');
    const key = randomBytes(32);
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.name === '0007-search'),
    );
    const old = new Database(file);
    old.key(Buffer.from(key));
    for (const m of before) m.up(old);
    old.pragma(`user_version = ${before.length}`);
    old.exec(`
      INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
        created_at, updated_at)
        VALUES ('u1', 'dlead', 'Dana Lead', 'dsl', 'active', 0, 't', 't');
      INSERT INTO concerns (id, recorded_by, recorded_at, occurred_at, occurred_at_utc,
        occurred_at_approx, location, summary, child_words, opinion, actions_taken, people_told,
        dsl_told_in_person, status)
        VALUES ('c1', 'u1', '2026-11-01T10:00:00.000Z', '2026-10-31', NULL, 0, 'Library',
          'Saw Zoë crying in the library.', 'Nobody likes me.', '', '', '', 0, 'submitted');
      INSERT INTO concern_addenda (id, concern_id, added_by, added_at, reason, text)
        VALUES ('a1', 'c1', 'u1', '2026-11-02T10:00:00.000Z', 'A detail was missing.',
          'It was the school library annexe.');
    `);
    old.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    const found = (q: string) =>
      db
        .prepare(
          'SELECT kind, source_id FROM search_index WHERE search_index MATCH ? ORDER BY kind',
        )
        .all(ftsQuery(q));
    expect(found('zoe')).toEqual([{ kind: 'concern', source_id: 'c1' }]);
    expect(found('"likes me"')).toEqual([{ kind: 'concern', source_id: 'c1' }]);
    expect(found('annexe')).toEqual([{ kind: 'addendum', source_id: 'a1' }]);
    closeDatabase(db);
  });
});

describe('building the FTS5 query and reading its snippets', () => {
  it('quotes every term, keeps phrases whole and drops what cannot match', () => {
    expect(ftsQuery('zoe coat')).toBe('"zoe"* "coat"*');
    expect(ftsQuery('"get me" after')).toBe('"get me" "after"*');
    expect(ftsQuery('a OR "')).toBe('"a"* "OR"*');
    expect(ftsQuery('say "he""s')).toBe('"say"* "he" "s"');
    expect(ftsQuery('O"Neill')).toBe('"O"* "Neill"');
    expect(ftsQuery('*** -- ""')).toBeNull();
    expect(ftsQuery('zoe\u0000coat')).toBe('"zoe"* "coat"*');
  });

  it('turns a marked snippet into plain segments', () => {
    expect(snippetSegments('…he would \u0001get me\u0002 after \u0001school\u0002')).toEqual([
      { text: '…he would ', hit: false },
      { text: 'get me', hit: true },
      { text: ' after ', hit: false },
      { text: 'school', hit: true },
    ]);
    expect(snippetSegments('<b>no marks</b>')).toEqual([{ text: '<b>no marks</b>', hit: false }]);
  });
});
