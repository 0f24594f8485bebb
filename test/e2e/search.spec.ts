import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Child } from '../../shared/children/schema';
import type { Concern } from '../../shared/concerns/schema';
import { formatCalendarDate, londonDate } from '../../shared/dates/calendar-date';
import { must, readStore, sampleChild, tempDir } from '../support/core';
import type { Harness } from './harness';
import { startHarness } from './harness';
import {
  endJourney,
  lockAndReload,
  searchConcerns,
  setUpThroughCore,
  shown,
  signInAsDsl,
  visible,
} from './steps';

/**
 * The DSL remembers a child saying "get me after school" but not when, or about whom: they
 * search for the phrase, see the concern with the words marked and the child named, and open
 * it. A search without the accent ("zoe") finds the pupil's concern written with it ("Zoë").
 */
describe('journey: the DSL finds a concern by the child’s words (issue 4, part 5)', () => {
  const dir = tempDir('lantern-e2e-search-');
  let h: Harness;
  let concernId = '';
  let zoeId = '';
  // Yesterday in London: a concern is never in the future, whenever this runs.
  const yesterday = londonDate(new Date(Date.now() - 24 * 60 * 60 * 1000));

  beforeAll(async () => {
    h = await startHarness(dir.path);
    // A teacher recorded the concern on an earlier day (concerns.spec covers that form).
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    const zoe = await must<Child>(
      core.invoke(
        dsl,
        'children.add',
        sampleChild({ legalForename: 'Zoë', legalSurname: 'Brontë', upn: '' }),
      ),
    );
    const concern = await must<Concern>(
      core.invoke(dsl, 'concerns.submit', {
        children: [{ childId: zoe.id, role: 'subject' }],
        occurredAt: `${yesterday}T15:20`,
        occurredAtApprox: false,
        location: 'School gate',
        categories: ['emotional'],
        summary: 'Zoë was crying at the gate and would not go home.',
        childWords: 'He said he would get me after school if I told anyone.',
        opinion: 'She seemed frightened of someone at home.',
        actionsTaken: 'Stayed with her until her aunt came.',
        peopleTold: '',
        dslToldInPerson: true,
        flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
      }),
    );
    concernId = concern.id;
    zoeId = zoe.id;
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL searches for the phrase and sees the words marked, with the child', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Search concerns' })
      .click();
    await expect.poll(visible(page, 'Search concerns')).toBe(true);
    await h.axe('search: empty');
    await searchConcerns(page, '"get me after school"');
    await expect
      .poll(shown(page, '1 result for “"get me after school"”, best match first.'))
      .toBe(true);
    const results = page.getByRole('list', { name: 'Search results' });
    expect(await results.locator('mark').allTextContents()).toEqual(['get me after school']);
    expect(await results.textContent()).toContain('Zoë Brontë');
    await h.axe('search: results');
    await h.screenshot('search-01-results');
    // The audit log names the concern and the child the results showed.
    const audited = await readStore(dir.path, (db) =>
      db
        .prepare(
          `SELECT record_ids FROM audit_log WHERE method = 'search.concerns' AND outcome = 'ok'
           ORDER BY seq DESC LIMIT 1`,
        )
        .pluck()
        .get(),
    );
    expect(JSON.parse(audited as string)).toEqual(expect.arrayContaining([concernId, zoeId]));
  });

  it('finds the same concern without the accent, and nothing for words it does not hold', async () => {
    const { page } = h;
    await searchConcerns(page, 'zoe frightened');
    await expect.poll(shown(page, '1 result for “zoe frightened”, best match first.')).toBe(true);
    const marks = await page
      .getByRole('list', { name: 'Search results' })
      .locator('mark')
      .allTextContents();
    // The snippet marks whichever of the words it shows: "Zoë" for "zoe", or "frightened".
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(['Zoë', 'frightened']).toContain(mark);
    await searchConcerns(page, 'a OR "');
    await expect.poll(shown(page, 'Nothing matches “a OR "”.')).toBe(true);
    await h.axe('search: nothing found');
    await h.screenshot('search-02-nothing-found');
  });

  it('opens the concern from its result', async () => {
    const { page } = h;
    await searchConcerns(page, '"get me after school"');
    const title = `Concern, ${formatCalendarDate(yesterday)}`;
    await page.getByRole('button', { name: title }).click();
    await expect
      .poll(visible(page, `Concern of ${formatCalendarDate(yesterday)}, 15:20`))
      .toBe(true);
    await expect
      .poll(shown(page, 'He said he would get me after school if I told anyone.'))
      .toBe(true);
    await h.axe('search: opened concern');
    await h.screenshot('search-03-opened-concern');
  });
});
