import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Result } from '../../shared/result';
import { addDays, formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { errorOf, readStore, signedInAs, tempDir } from '../support/core';
import { solidPng } from '../support/png';
import type { Harness } from './harness';
import { SCREENSHOTS, startHarness } from './harness';
import {
  addTeacher,
  chooseMisFile,
  chooseOwnPassphrase,
  endJourney,
  lock,
  lockAndReload,
  openChild,
  openImport,
  openPupils,
  pageHeading,
  searchConcerns,
  setUpThroughCore,
  shown,
  signIn,
  signInAsDsl,
  visible,
} from './steps';

const VICTIM = 'Amara Okafor (known as Ami Okafor)';
const PERPETRATOR = 'Mateus Da Costa, Jr';
const PHRASE = 'smash my tablet';
const WORDS = `He said if I told Miss he would ${PHRASE} and nobody would believe me.`;
const HEADLINE = 'Punched on the arm and threatened by an older pupil';
const DECISION = 'Referral to children’s social care';

/** Every row of the register's tables, to prove a re-import leaves them exactly as they were. */
const REGISTER_TABLES = [
  'children',
  'families',
  'family_children',
  'family_adults',
  'key_contacts',
];

/**
 * Issue 4's "done when", as people would do it: the DSL brings the register in from the MIS; a
 * teacher records one incident about two pupils with the child's words, a body map mark and a
 * photo; the teacher has no way to a chronology; the DSL finds the concern on the dashboard,
 * triages it (level, decision, action), flags it as significant on the victim's chronology and
 * prints that to PDF; search finds the child's words; the alleged perpetrator's chronology has the
 * entry for that role; and importing the same MIS file again changes nothing.
 */
describe('journey: from the MIS import to a printed chronology (issue 4, done when)', () => {
  const dir = tempDir('lantern-e2e-casework-journey-');
  let h: Harness;
  let oneTime = '';
  let shot = 0;
  const teacher = { username: 'steacher', passphrase: 'blue kettle over the hill' };
  const today = londonDate(new Date());
  // Yesterday in London: a concern is never in the future, whenever this runs.
  const yesterday = addDays(today, -1);
  const when = `${formatCalendarDate(yesterday)}, 12:40`;
  const due = addDays(today, 3);
  const photo = solidPng(40, 30, [170, 80, 70]);

  /** axe on the screen, then a numbered screenshot: journey-01-…, journey-02-…. */
  async function look(name: string): Promise<void> {
    await h.axe(`journey: ${name}`);
    shot += 1;
    await h.screenshot(`journey-${String(shot).padStart(2, '0')}-${name}`);
  }

  const snapshot = () =>
    readStore(dir.path, (db) =>
      Object.fromEntries(
        REGISTER_TABLES.map((t) => [
          t,
          db
            .prepare(`SELECT * FROM ${t}`)
            .all()
            .map((row) => JSON.stringify(row))
            .sort(),
        ]),
      ),
    );

  const childId = (upn: string) =>
    readStore(dir.path, (db) =>
      db.prepare('SELECT id FROM children WHERE upn = ?').pluck().get(upn),
    ) as Promise<string>;

  const nav = (name: string | RegExp) =>
    h.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

  beforeAll(async () => {
    h = await startHarness(dir.path);
    // Set-up and accounts are other journeys' subjects: done through the core, as on an earlier
    // day. The deputy DSL is there to be given an action.
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    oneTime = await addTeacher(core, dsl, teacher.username);
    await signedInAs(core, dsl, 'ddeputy', 'deputy_dsl');
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL imports the pupils from the SIMS export', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openImport(page);
    await chooseMisFile(page, 'sims.csv');
    await expect
      .poll(
        shown(
          page,
          /Recognised as a SIMS export\. 5 rows: 4 new, 0 updated, 0 unchanged, 1 leaver, 0 rows with problems\./,
        ),
      )
      .toBe(true);
    await page.getByLabel('Save this column mapping as (optional)').fill('SIMS pupil list');
    await look('import-preview');
    await page.getByRole('button', { name: 'Import 5 pupils' }).click();
    await expect
      .poll(shown(page, 'Imported: 4 new, 0 updated, 0 unchanged, 1 marked as left.'))
      .toBe(true);
    await expect.poll(shown(page, '4 pupils')).toBe(true);
    await look('imported');
    await lock(page);
  });

  it('the teacher records one concern about two children, with a body map mark and a photo', async () => {
    const { page } = h;
    await signIn(page, teacher.username, oneTime);
    await chooseOwnPassphrase(page, oneTime, teacher.passphrase);
    await expect.poll(shown(page, '4 pupils')).toBe(true);
    expect(await page.getByRole('button', { name: /chronology/i }).count()).toBe(0);
    await look('teacher-register');

    await page.getByRole('button', { name: `Record a concern about ${VICTIM}` }).click();
    await expect.poll(visible(page, 'Record a concern')).toBe(true);
    await page.getByLabel('Add another child').fill('da costa');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Add ${PERPETRATOR} (Year 5)` }).click();
    await page.getByLabel(`Role of ${VICTIM}`).selectOption({ label: 'Victim' });
    await page.getByLabel(`Role of ${PERPETRATOR}`).selectOption({ label: 'Alleged perpetrator' });
    await page.getByLabel('Date', { exact: true }).fill(yesterday);
    await page.getByLabel('Time (optional)').fill('12:40');
    await page.getByLabel('Where did it happen?').fill('Top playground');
    await page.getByLabel('Physical abuse', { exact: true }).check();
    await page.getByLabel('Physical abuse by other children').check();
    await page
      .getByLabel('What happened? (facts you saw or heard)')
      .fill('Ami came in from lunch holding her arm. She said Mateus punched her by the benches.');
    await page.getByLabel('The child’s own words (exact words, even if offensive)').fill(WORDS);

    // From the front the child's right arm is on the viewer's left.
    const front = page.getByRole('img', { name: 'Front of the body: no marks' });
    const box = await front.boundingBox();
    if (!box) throw new Error('the front outline is not on screen');
    await front.click({ position: { x: box.width * 0.29, y: box.height * 0.33 } });
    expect(await page.getByLabel('Part of the body').inputValue()).toBe('right-upper-arm');
    await page.getByLabel('Kind of mark').selectOption({ label: 'Bruise' });
    await page.getByLabel('Description of the mark').fill('Red mark, 4cm, fresh');
    await page.getByRole('button', { name: 'Add mark' }).click();
    await expect
      .poll(shown(page, 'Front, right upper arm: Bruise. Red mark, 4cm, fresh'))
      .toBe(true);
    await page
      .getByLabel('Attach a photo or PDF')
      .setInputFiles({ name: 'arm.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(shown(page, /^arm\.png \(/)).toBe(true);
    await page.getByLabel('What did you do?').fill('Took both to the office; told the DSL.');
    await page.getByLabel('I have told the DSL in person').check();
    await look('teacher-form');

    await page.getByRole('button', { name: 'Submit concern' }).click();
    await expect.poll(visible(page, 'Concern recorded')).toBe(true);
    // Both children, each with their part in it, in the confirmation.
    expect(await page.getByText(/^Your concern about /).textContent()).toBe(
      `Your concern about ${VICTIM} (victim) and ${PERPETRATOR} (alleged perpetrator) is saved. It cannot be changed or deleted.`,
    );
    expect(await page.getByRole('button', { name: /chronology/i }).count()).toBe(0);
    await look('teacher-recorded');

    const stored = await readStore(dir.path, (db) => ({
      roles: db
        .prepare(
          `SELECT ch.legal_surname AS surname, cc.role FROM concern_children cc
           JOIN children ch ON ch.id = cc.child_id ORDER BY ch.legal_surname`,
        )
        .all(),
      marks: db.prepare('SELECT count(*) FROM concern_body_marks').pluck().get(),
      files: db
        .prepare('SELECT count(*) FROM concern_attachments WHERE concern_id IS NOT NULL')
        .pluck()
        .get(),
    }));
    expect(stored).toEqual({
      roles: [
        { surname: 'Da Costa, Jr', role: 'alleged_perpetrator' },
        { surname: 'Okafor', role: 'victim' },
      ],
      marks: 1,
      files: 1,
    });
  });

  it('the teacher sees no chronology anywhere, and main refuses one asked for directly', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Read your concern' }).click();
    await expect.poll(visible(page, `Concern of ${when}`)).toBe(true);
    await expect.poll(shown(page, WORDS)).toBe(true);
    expect(await page.getByRole('button', { name: /chronology/i }).count()).toBe(0);
    await look('teacher-reads-concern');

    const amara = await childId('B801200005001');
    const refused = await page.evaluate(
      (id) =>
        (
          window as unknown as {
            lantern: { invoke(method: string, input: unknown): Promise<Result<unknown>> };
          }
        ).lantern.invoke('chronology.forChild', {
          childId: id,
          filter: { from: '', to: '', categories: [], sources: [], significantOnly: false },
        }),
      amara,
    );
    expect(errorOf(refused).code).toBe('forbidden');
    await lock(page);
  });

  it('the DSL sees the concern awaiting triage on the dashboard and in the inbox', async () => {
    const { page } = h;
    // The safeguarding team's first page.
    await signInAsDsl(page);
    const triage = page.getByRole('region', { name: /^Awaiting triage/ });
    await expect.poll(() => triage.textContent()).toContain('1 concern has not been triaged.');
    expect(await triage.textContent()).toContain(`${VICTIM} (victim)`);
    expect(await triage.textContent()).toContain(`${PERPETRATOR} (alleged perpetrator)`);
    await look('dsl-dashboard');

    await triage.getByRole('button', { name: 'Open the triage inbox' }).click();
    await expect.poll(visible(page, 'Triage')).toBe(true);
    const row = page.getByRole('table', { name: 'Concerns to triage' }).getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain('Awaiting triage');
    expect(await row.textContent()).toContain('Sam Teacher');
    await look('dsl-inbox');
    await row.getByRole('button', { name: when }).click();
    await expect.poll(visible(page, `Concern of ${when}`)).toBe(true);
    await expect.poll(shown(page, WORDS)).toBe(true);
    await expect
      .poll(() => page.getByRole('img', { name: 'Attached photo arm.png' }).isVisible())
      .toBe(true);
    // Under the heading: where the triage stands, and a way to it past the long record.
    const status = page.getByText(/^Triage: /);
    await expect
      .poll(() => status.textContent())
      .toBe('Triage: Awaiting triage · Level not set · No open actions Go to triage');
    await look('dsl-concern');
    await status.getByRole('link', { name: 'Go to triage' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.outerHTML ?? ''))
      .toMatch(/^<h2 [^>]*>Triage<\/h2>$/);
  });

  it('the DSL sets a level, records a referral and gives the deputy an action', async () => {
    const { page } = h;
    await page.getByLabel('Level', { exact: true }).selectOption({ label: '3 Child in need' });
    await page
      .getByLabel('Rationale for the level')
      .fill('An injury and a threat to stop her telling: likely a child in need.');
    await page.getByRole('button', { name: 'Save level' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Level history' }).textContent())
      .toContain('Level set at 3 Child in need');
    // The confirmation is beside the form that made it, not at the top of a long page.
    const level = page.getByRole('region', { name: 'Level of concern' });
    expect(await level.getByRole('status').textContent()).toBe('Level saved.');

    await page.getByLabel('Decision', { exact: true }).selectOption({ label: DECISION });
    await page
      .getByLabel('Rationale for the decision')
      .fill('Injury and intimidation; parents told by phone at 15:30.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Decisions' }).textContent())
      .toContain(DECISION);

    await page.getByLabel('What needs doing').fill('Send the referral form to the front door');
    await page.getByLabel('Who will do it').selectOption({ label: 'Test ddeputy (Deputy DSL)' });
    await page.getByLabel('Due date').fill(due);
    await page.getByRole('button', { name: 'Add action' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Actions' }).textContent())
      .toContain(`For Test ddeputy. Due ${formatCalendarDate(due)}`);
    const actions = page.getByRole('region', { name: 'Actions' });
    expect(await actions.getByRole('status').textContent()).toBe('Action added.');
    expect(await page.getByText(/^Triage: /).textContent()).toBe(
      'Triage: Open · Level 3 Child in need · 1 open action Go to triage',
    );
    await look('dsl-triaged');
  });

  it('flags the concern as significant on the victim’s chronology and prints it to PDF', async () => {
    const { page } = h;
    await nav('Pupils').click();
    await expect.poll(visible(page, 'Pupils')).toBe(true);
    await openChild(page, 'Amara Okafor');
    await page.getByRole('button', { name: 'Chronology' }).click();
    await expect.poll(visible(page, `Chronology: ${VICTIM}`)).toBe(true);
    const table = page.getByRole('table', { name: 'Chronology entries' });
    const row = table.getByRole('row').filter({ hasText: 'Concern recorded: victim' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: /^Flag as significant/ }).click();
    await row.getByLabel('Headline').fill(HEADLINE);
    await row.getByLabel('Headline').press('Enter');
    await expect.poll(() => row.locator('strong').first().textContent()).toBe(HEADLINE);
    await expect.poll(() => table.textContent()).toContain(`Decision: ${DECISION}`);
    await look('dsl-victim-chronology');

    await page.getByRole('button', { name: 'Print this chronology' }).click();
    await expect.poll(visible(page, `Chronology: ${VICTIM}`)).toBe(true);
    await expect.poll(shown(page, HEADLINE)).toBe(true);
    await look('dsl-print-view');
    const pdf = join(SCREENSHOTS, 'journey-chronology.pdf');
    await page.pdf({ path: pdf, format: 'A4', landscape: true });
    // -raw reads the text in the order it was drawn, cell by cell: the default reading order
    // interleaves the lines of neighbouring cells once a row wraps.
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    // Table cells wrap, so a cell comes back over several lines.
    const flat = text.replace(/\s+/g, ' ');
    // The marking at the top and at the foot of the page.
    expect(text.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
    expect(flat).toContain(HEADLINE);
    expect(flat).toContain('Amara Okafor');
    expect(flat).toContain('B801200005001');
    expect(flat).toContain(`Decision: ${DECISION}`);
    expect(flat).toContain('Action set for Test ddeputy');
    expect(flat).not.toContain('Back to the chronology');
    await page.getByRole('button', { name: 'Back to the chronology' }).click();
    await expect.poll(visible(page, `Chronology: ${VICTIM}`)).toBe(true);
  });

  it('search finds the child’s words, marked, with both children', async () => {
    const { page } = h;
    await nav('Search concerns').click();
    await expect.poll(visible(page, 'Search concerns')).toBe(true);
    await searchConcerns(page, `"${PHRASE}"`);
    await expect.poll(shown(page, `1 result for “"${PHRASE}"”, best match first.`)).toBe(true);
    const results = page.getByRole('list', { name: 'Search results' });
    expect(await results.locator('mark').allTextContents()).toEqual([PHRASE]);
    expect(await results.textContent()).toContain('Amara Okafor');
    await look('dsl-search');
  });

  it('the alleged perpetrator’s chronology has the entry titled for that role', async () => {
    const { page } = h;
    await nav('Pupils').click();
    await expect.poll(visible(page, 'Pupils')).toBe(true);
    await openChild(page, PERPETRATOR);
    await page.getByRole('button', { name: 'Chronology' }).click();
    await expect.poll(visible(page, `Chronology: ${PERPETRATOR}`)).toBe(true);
    const table = page.getByRole('table', { name: 'Chronology entries' });
    await expect
      .poll(() =>
        table.getByRole('row').filter({ hasText: 'Concern recorded: alleged perpetrator' }).count(),
      )
      .toBe(1);
    expect(await table.textContent()).not.toContain('Concern recorded: victim');
    expect(await table.textContent()).not.toContain(HEADLINE);
    await look('dsl-perpetrator-chronology');
  });

  it('importing the same SIMS export again changes nothing', async () => {
    const { page } = h;
    const before = await snapshot();
    expect(before.children).toHaveLength(5);
    await nav('Pupils').click();
    await openImport(page);
    await chooseMisFile(page, 'sims.csv');
    await expect
      .poll(
        shown(
          page,
          /Recognised by your saved column mapping “SIMS pupil list”\. 5 rows: 0 new, 0 updated, 5 unchanged, 0 leavers, 0 rows with problems\./,
        ),
      )
      .toBe(true);
    // Nothing would change, so there is nothing to press: no "Import 5 pupils".
    await expect
      .poll(shown(page, 'Nothing to import: every pupil is already up to date.'))
      .toBe(true);
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await look('reimport-preview');
    await page.getByRole('button', { name: 'Back to pupils' }).last().click();
    await expect.poll(pageHeading(page)).toBe('Pupils');
    expect(await snapshot()).toEqual(before);
  });
});
