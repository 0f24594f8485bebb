/**
 * `npm run bench`: opens a generated school (main/demo/synthetic-school.ts) through the real
 * core and prints, as medians and 95th percentiles over repeated runs after a warm-up, how long
 * the everyday operations take, beside the same work done as raw better-sqlite3 statements on
 * the same database. Figures, not a test: nothing here fails on a slow machine.
 *
 * LANTERN_BENCH_SIZE=small runs the whole thing on the small school in seconds.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type Database from 'better-sqlite3-multiple-ciphers';

import { restoreBackup } from '../../main/backup/backup';
import type { SchoolSizeName } from '../../main/demo/synthetic-school';
import { schoolSizes } from '../../main/demo/synthetic-school';
import { isMethodName } from '../../shared/api';
import type { MethodInput } from '../../shared/api';
import type { BackupRun } from '../../shared/backup/schema';
import type { Child } from '../../shared/children/schema';
import { displayName } from '../../shared/children/schema';
import { noChronologyFilter } from '../../shared/chronology/schema';
import { londonMinute } from '../../shared/dates/calendar-date';
import type { Result } from '../../shared/result';
import {
  folderPlatform,
  sampleChild,
  tempDir,
  TEST_DSL,
  TEST_PASSPHRASE,
  unlockedCore,
  writeStore,
} from '../support/core';
import type { BrowserTimes } from './chromium';
import { measureChronologyInChromium } from './chromium';
import { cachedSchool } from './school-cache';

const SEED = 20_261_128;
const SEARCHES = ['bruise', 'self-harm', 'knife', 'domestic abuse', 'vape', 'group chat', 'Okafor'];

type Stats = { runs: number; median: number; p95: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { runs: sorted.length, median: at(0.5), p95: at(0.95) };
}

async function timeAsync(
  runs: number,
  warmUp: number,
  op: (i: number) => Promise<unknown>,
): Promise<Stats> {
  for (let i = 0; i < warmUp; i += 1) await op(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await op(warmUp + i);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

function timeSync(runs: number, warmUp: number, op: (i: number) => unknown): Stats {
  for (let i = 0; i < warmUp; i += 1) op(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    op(warmUp + i);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

function ok<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A fight in the playground an hour ago, as a teacher records it. */
function submission(
  victim: string,
  perpetrator: string,
  i: number,
): MethodInput<'concerns.submit'> {
  return {
    children: [
      { childId: victim, role: 'victim' },
      { childId: perpetrator, role: 'alleged_perpetrator' },
    ],
    occurredAt: londonMinute(new Date(Date.now() - 3_600_000)),
    occurredAtApprox: false,
    location: 'Top playground',
    categories: ['physical', 'peer_physical'],
    summary: `Benchmark ${i}: saw one pupil punch another twice on the arm at lunch.`,
    childWords: 'He said he would get me after school.',
    opinion: '',
    actionsTaken: 'Separated them and took both to the office.',
    peopleTold: 'Head of year',
    dslToldInPerson: false,
    flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
    bodyMap: [],
    draftId: null,
  };
}

type Row = {
  name: string;
  budget: number | null;
  core: Stats | null;
  raw: Stats | null;
  note?: string;
};

/** The core's operations on the signed-in DSL's session. */
type Invoke = (method: string, input: unknown) => Promise<Result<unknown>>;

/** Reads through the core, on the school as generated (before the writes add to it). */
async function coreReads(
  invoke: Invoke,
  heaviest: string,
): Promise<Record<'chronology' | 'search' | 'inbox', Stats | null>> {
  const chronology = await timeAsync(30, 5, async () =>
    ok(
      await invoke('chronology.forChild', { childId: heaviest, filter: noChronologyFilter }),
      'chronology.forChild',
    ),
  );
  const search = await timeAsync(70, 14, async (i) =>
    ok(
      await invoke('search.concerns', {
        query: SEARCHES[i % SEARCHES.length],
        limit: 50,
        offset: 0,
      }),
      'search.concerns',
    ),
  );
  const inbox = isMethodName('triage.inbox')
    ? await timeAsync(50, 10, async () => ok(await invoke('triage.inbox', {}), 'triage.inbox'))
    : null;
  return { chronology, search, inbox };
}

/** Writes through the core: submitting concerns, then completing actions on them. */
async function coreWrites(
  invoke: Invoke,
  pair: [string, string],
): Promise<Record<'submit' | 'complete', Stats>> {
  const submitted: string[] = [];
  const submit = await timeAsync(200, 20, async (i) => {
    const concern = ok<{ id: string }>(
      await invoke('concerns.submit', submission(pair[0], pair[1], i)),
      'concerns.submit',
    );
    submitted.push(concern.id);
  });
  const owner = ok<{ id: string }[]>(await invoke('actions.owners', {}), 'actions.owners')[0];
  const dueDate = londonMinute(new Date(Date.now() + 7 * 86_400_000)).slice(0, 10);
  // Each run completes a new action (added untimed) on one of the concerns just submitted.
  const actionIds: string[] = [];
  for (const [i, concernId] of submitted.slice(0, 30).entries()) {
    const state = ok<{ actions: { id: string }[] }>(
      await invoke('actions.add', {
        concernId,
        description: `Benchmark action ${i}: check in with the pupil`,
        ownerId: owner?.id ?? '',
        dueDate,
      }),
      'actions.add',
    );
    actionIds.push(state.actions.at(-1)?.id ?? '');
  }
  const complete = await timeAsync(25, 5, async (i) =>
    ok(
      await invoke('actions.complete', { actionId: actionIds[i], note: 'Seen; all well.' }),
      'actions.complete',
    ),
  );
  return { submit, complete };
}

/**
 * The same reads as plain statements on the same database: the floor under the core's
 * validation, audit row and mapping.
 */
/** Chronology entries on the referral pack's child: the "200-entry pack". */
const PACK_ENTRIES = 200;

/**
 * A referral pack (issue 6) for a new child with PACK_ENTRIES concerns, so as many chronology
 * entries: the whole chronology, the five newest concerns, the other child redacted, saved to a
 * folder. The concerns are added untimed.
 */
async function packExport(invoke: Invoke): Promise<Stats> {
  const add = async (overrides: Parameters<typeof sampleChild>[0]) =>
    ok<Child>(await invoke('children.add', sampleChild(overrides)), 'children.add');
  const child = await add({ legalForename: 'Bench', legalSurname: 'Pack', upn: '' });
  const other = await add({ legalForename: 'Other', legalSurname: 'Pupil', upn: '' });
  const concernIds: string[] = [];
  for (let i = 0; i < PACK_ENTRIES; i += 1)
    concernIds.push(
      ok<{ id: string }>(
        await invoke('concerns.submit', submission(child.id, other.id, i)),
        'concerns.submit',
      ).id,
    );
  const options = ok<{ thirdParties: { id: string }[] }>(
    await invoke('packs.options', { childId: child.id }),
    'packs.options',
  );
  const request: MethodInput<'packs.export'> = {
    childId: child.id,
    recipient: 'Westshire MASH',
    reference: 'BENCH-1',
    concernIds: concernIds.slice(-5),
    chronology: 'all',
    sections: {
      family: true,
      designations: true,
      actions: true,
      duties: true,
      bodyMaps: true,
      attachmentIndex: true,
    },
    attachmentIds: [],
    redactThirdParties: true,
    redact: options.thirdParties.map((t) => t.id),
  };
  return timeAsync(10, 2, async () => ok(await invoke('packs.export', request), 'packs.export'));
}

/**
 * The data lifecycle on the whole school: a verified backup (VACUUM INTO, fsync, reopened and
 * checked: integrity, foreign keys, the audit chain) and a restore of it into a new data
 * directory, verified before and after. RTO for the restore drill is counted in these.
 */
async function lifecycle(
  invoke: Invoke,
  dir: string,
): Promise<{ backup: Stats; restore: Stats; bytes: number }> {
  const destination = join(dir, 'backups');
  mkdirSync(destination, { recursive: true });
  ok(
    await invoke('backup.saveSettings', {
      destinations: [{ id: '', label: 'Bench drive', path: destination, offline: true }],
      intervalHours: 24,
      keep: 3,
    }),
    'backup.saveSettings',
  );
  let folder = '';
  let bytes = 0;
  const backup = await timeAsync(3, 0, async () => {
    const run = ok<{ runs: BackupRun[] }>(await invoke('backup.run', {}), 'backup.run').runs[0];
    if (!run?.ok) throw new Error(`the bench backup failed: ${run?.problem ?? 'no run'}`);
    folder = join(destination, run.folder ?? '');
    bytes = run.bytes ?? 0;
  });
  const restore = await timeAsync(2, 0, async (i) => {
    await restoreBackup(folder, join(dir, `restored-${i}`), {
      username: TEST_DSL.username,
      passphrase: TEST_PASSPHRASE,
    });
  });
  return { backup, restore, bytes };
}

function rawReads(
  db: Database.Database,
  heaviest: string,
): Record<'chronology' | 'search' | 'inbox', Stats> {
  const chronology = db.prepare(`
    SELECT e.*, u.display_name FROM chronology_entries e LEFT JOIN users u ON u.id = e.recorded_by
    WHERE e.child_id = ? ORDER BY e.occurred_at, e.recorded_at, e.id`);
  const search = db.prepare(`
    SELECT kind, source_id, concern_id, snippet(search_index, 0, '[', ']', '…', 24) AS snippet
    FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 50`);
  // The inbox as plain SQL: open concerns (from concern_state, as the app reads them), then
  // each one's children, categories and flags.
  const open = db.prepare(`
    SELECT c.id, c.occurred_at, c.recorded_at,
      (SELECT l.level FROM concern_levels l WHERE l.concern_id = c.id
        ORDER BY l.set_at DESC LIMIT 1) AS level, s.triaged
    FROM concern_state s JOIN concerns c ON c.id = s.concern_id
    WHERE s.closed = 0
    ORDER BY s.triaged, c.recorded_at, c.id`);
  const children = db.prepare(`
    SELECT cc.child_id, cc.role, ch.legal_forename, ch.legal_surname FROM concern_children cc
    JOIN children ch ON ch.id = cc.child_id WHERE cc.concern_id = ?`);
  const categories = db.prepare('SELECT category_id FROM concern_categories WHERE concern_id = ?');
  const flags = db.prepare('SELECT * FROM concern_flags WHERE concern_id = ?');
  const inbox = () =>
    (open.all() as { id: string }[]).map((c) => ({
      ...c,
      children: children.all(c.id),
      categories: categories.all(c.id),
      flags: flags.get(c.id),
    }));
  return {
    chronology: timeSync(30, 5, () => chronology.all(heaviest)),
    search: timeSync(70, 14, (i) =>
      search.all(
        (SEARCHES[i % SEARCHES.length] ?? '')
          .split(' ')
          .map((w) => `"${w}"`)
          .join(' '),
      ),
    ),
    inbox: timeSync(50, 10, inbox),
  };
}

/** The same writes as plain statements, at the durability the app uses. */
function rawWrites(
  db: Database.Database,
  pair: [string, string],
  recorder: string,
): Record<'submit' | 'complete', Stats> {
  db.pragma('synchronous = FULL');
  const insertConcern = db.prepare(`
    INSERT INTO concerns (id, recorded_by, recorded_at, occurred_at, occurred_at_utc,
      occurred_at_approx, location, summary, child_words, opinion, actions_taken, people_told,
      dsl_told_in_person, status)
    VALUES (?, ?, ?, ?, ?, 0, 'Top playground', ?, '', '', '', '', 0, 'submitted')`);
  const insertChild = db.prepare(
    'INSERT INTO concern_children (concern_id, child_id, role) VALUES (?, ?, ?)',
  );
  const insertCategory = db.prepare(
    'INSERT INTO concern_categories (concern_id, category_id) VALUES (?, ?)',
  );
  const insertFlags = db.prepare(
    'INSERT INTO concern_flags (concern_id, possible_child_sex_offence, fgm_known_case, allegation_about_adult) VALUES (?, 0, 0, 0)',
  );
  const insertEntry = db.prepare(`
    INSERT INTO chronology_entries (id, child_id, source, source_id, concern_id, occurred_at,
      recorded_at, recorded_by, role, title, detail, categories)
    VALUES (?, ?, 'concern', ?, ?, ?, ?, ?, ?, 'Concern recorded', ?, '["physical"]')`);
  const submit = db.transaction((i: number) => {
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    const occurred = londonMinute(new Date(Date.now() - 3_600_000));
    const summary = `Raw ${i}: saw one pupil punch another twice on the arm at lunch.`;
    insertConcern.run(id, recorder, now, occurred, now, summary);
    insertChild.run(id, pair[0], 'victim');
    insertChild.run(id, pair[1], 'alleged_perpetrator');
    insertCategory.run(id, 'physical');
    insertCategory.run(id, 'peer_physical');
    insertFlags.run(id);
    for (const [child, role] of [
      [pair[0], 'victim'],
      [pair[1], 'alleged_perpetrator'],
    ] as const)
      insertEntry.run(crypto.randomUUID(), child, id, id, occurred, now, recorder, role, summary);
  });
  const submitted = timeSync(200, 20, submit);
  // Completing an action: the UPDATE (and what the schema's triggers do with it), on actions
  // added untimed to the concern submitted last.
  const lastConcern = db
    .prepare('SELECT id FROM concerns ORDER BY recorded_at DESC, id DESC LIMIT 1')
    .pluck()
    .get() as string;
  const insertAction = db.prepare(`
    INSERT INTO concern_actions (id, concern_id, description, owner_id, due_date, created_by,
      created_at)
    VALUES (?, ?, 'Raw action: check in with the pupil', ?, ?, ?, ?)`);
  const actionIds = Array.from({ length: 30 }, () => {
    const id = crypto.randomUUID();
    const now = new Date();
    insertAction.run(
      id,
      lastConcern,
      recorder,
      now.toISOString().slice(0, 10),
      recorder,
      now.toISOString(),
    );
    return id;
  });
  const completeAction = db.prepare(
    'UPDATE concern_actions SET completed_at = ?, completed_by = ?, completion_note = ? WHERE id = ? AND completed_at IS NULL',
  );
  const complete = (i: number) =>
    completeAction.run(new Date().toISOString(), recorder, 'Seen; all well.', actionIds[i]);
  return { submit: submitted, complete: timeSync(25, 5, complete) };
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

function printTable(rows: Row[]): void {
  const header = ['Operation', 'median', 'p95', 'budget', 'raw median', 'core/raw'];
  const lines = rows.map((row) => [
    row.name,
    row.core ? ms(row.core.median) : '—',
    row.core ? ms(row.core.p95) : '—',
    row.budget === null
      ? ''
      : `< ${row.budget} ms${row.core && row.core.median > row.budget ? ' (over)' : ''}`,
    row.raw ? ms(row.raw.median) : '—',
    row.core && row.raw ? `${(row.core.median / row.raw.median).toFixed(1)}×` : '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  for (const row of rows) if (row.note) console.log(`${row.name}: ${row.note}`);
}

async function main(): Promise<void> {
  const sizeName = (process.env.LANTERN_BENCH_SIZE ?? 'full') as SchoolSizeName;
  if (!(sizeName in schoolSizes))
    throw new Error(`LANTERN_BENCH_SIZE must be one of ${Object.keys(schoolSizes).join(', ')}`);
  const dir = tempDir('lantern-bench-');
  // Backups and restores go outside the data directory (a backup inside it is refused).
  const spare = tempDir('lantern-bench-lifecycle-');
  try {
    const started = performance.now();
    const { school, generatedNow } = await cachedSchool(SEED, sizeName, dir.path);
    const c = school.counts;
    console.log(
      generatedNow
        ? `Generated the ${sizeName} school (seed ${SEED}) in ${(school.milliseconds / 1000).toFixed(1)} s.`
        : `Using the cached ${sizeName} school (seed ${SEED}; generating it took ${(school.milliseconds / 1000).toFixed(1)} s); copied in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    console.log(
      `${c.pupils} pupils (${c.onRoll} on roll), ${c.concerns} concerns (${c.multiChildConcerns} about several children, ${c.concerns - c.closedConcerns} open), ${c.addenda} corrections, ${c.chronologyEntries} chronology entries, ${c.designations} designations, ${c.families} families, ${c.encompassNotifications} Operation Encompass notifications.`,
    );
    const { core, session } = await unlockedCore(
      dir.path,
      undefined,
      folderPlatform(join(dir.path, 'saved')),
    );
    let coreStats;
    let rawStats;
    let entries = 0;
    let heaviest: { id: string; upn: string; name: string };
    try {
      const pupils = ok<{ items: { id: string }[] }>(
        await core.invoke(session, 'children.list', {
          query: '',
          limit: 2,
          offset: 0,
          includeLeavers: false,
        }),
        'children.list',
      ).items;
      const pair: [string, string] = [pupils[0]?.id ?? '', pupils[1]?.id ?? ''];
      const child = ok<Child>(
        await core.invoke(session, 'children.get', { id: school.heaviestChildId }),
        'children.get',
      );
      heaviest = { id: child.id, upn: child.upn, name: displayName(child) };
      entries = ok<unknown[]>(
        await core.invoke(session, 'chronology.forChild', {
          childId: school.heaviestChildId,
          filter: noChronologyFilter,
        }),
        'chronology.forChild',
      ).length;
      const invoke: Invoke = (method, input) => core.invoke(session, method, input);
      const recorder = ok<{ user: { id: string } | null }>(
        await invoke('session.status', {}),
        'session.status',
      ).user?.id;
      if (!recorder) throw new Error('the bench is not signed in');
      // Reads first, on the school as generated; then the writes, which add to it.
      const reads = await coreReads(invoke, school.heaviestChildId);
      const readsRaw = await writeStore(dir.path, (db) => rawReads(db, school.heaviestChildId));
      const writes = await coreWrites(invoke, pair);
      const writesRaw = await writeStore(dir.path, (db) => rawWrites(db, pair, recorder));
      const pack = await packExport(invoke);
      const kept = await lifecycle(invoke, spare.path);
      coreStats = { ...reads, ...writes, pack, ...kept };
      rawStats = { ...readsRaw, ...writesRaw };
    } finally {
      core.close();
    }
    let browser: BrowserTimes | null = null;
    let browserNote = '';
    if (existsSync(join(process.cwd(), 'dist', 'renderer', 'index.html'))) {
      browser = await measureChronologyInChromium(dir.path, heaviest, 7);
    } else {
      browserNote = 'not measured: build the renderer first (npm run build).';
    }
    const browserStats = browser && {
      call: stats(browser.call),
      render: stats(browser.render),
      scroll: stats(browser.scroll),
    };
    console.log('');
    printTable([
      {
        name: 'Submit a concern',
        budget: 10,
        core: coreStats.submit,
        raw: rawStats.submit,
        note: 'raw inserts the same rows in one transaction, without validation or the audit row (whose HMAC chain only the core writes).',
      },
      {
        name: 'Complete an action',
        budget: null,
        core: coreStats.complete,
        raw: rawStats.complete,
      },
      {
        name: `Heaviest chronology (${entries} entries)`,
        budget: 50,
        core: coreStats.chronology,
        raw: rawStats.chronology,
      },
      { name: 'Search', budget: 30, core: coreStats.search, raw: rawStats.search },
      {
        name: `Triage inbox (${c.concerns - c.closedConcerns} open concerns)`,
        budget: 20,
        core: coreStats.inbox,
        raw: rawStats.inbox,
        ...(coreStats.inbox ? {} : { note: 'not measured: triage.inbox is not in the API.' }),
      },
      {
        name: `Referral pack PDF (${PACK_ENTRIES} chronology entries)`,
        budget: 2000,
        core: coreStats.pack,
        raw: null,
        note: 'packs.export: the case file read, redacted, laid out by pdfmake and saved; no raw equivalent.',
      },
      {
        name: `Verified backup (${(coreStats.bytes / 1_048_576).toFixed(0)} MB)`,
        budget: null,
        core: coreStats.backup,
        raw: null,
        note: 'backup.run: VACUUM INTO, fsync, reopened with the key and checked (integrity, foreign keys, audit chain, counts).',
      },
      {
        name: 'Restore into a new data directory',
        budget: null,
        core: coreStats.restore,
        raw: null,
        note: 'restoreBackup: the backup verified, copied, the copy verified again; the restore drill’s RTO.',
      },
      {
        name: 'Chromium: the chronology call alone',
        budget: null,
        core: browserStats?.call ?? null,
        raw: null,
        note: 'from the page through the test bridge (CDP, slower than Electron IPC) to the core and back',
      },
      {
        name: `Chromium: chronology drawn (${entries} entries)`,
        budget: 300,
        core: browserStats?.render ?? null,
        raw: null,
        ...(browserNote ? { note: browserNote } : {}),
      },
      {
        name: 'Chromium: scrolled to the end',
        budget: 300,
        core: browserStats?.scroll ?? null,
        raw: null,
      },
    ]);
  } finally {
    dir.remove();
    spare.remove();
  }
}

await main();
