import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { londonDate } from '../../shared/dates/calendar-date';
import { REDACTED_TEXT } from '../../shared/exports/pack';
import { addTwoChildren, fight, must, readStore, tempDir } from '../support/core';
import { sampleAdult } from '../support/samples';
import type { Harness } from './harness';
import { SCREENSHOTS, startHarness } from './harness';
import {
  endJourney,
  lockAndReload,
  openChild,
  openPupils,
  setUpThroughCore,
  shown,
  signInAsDsl,
  visible,
} from './steps';

/**
 * The DSL prepares a referral pack for MASH about a child hurt by another pupil, with the other
 * pupil and the mother redacted, checks the preview, exports it, and looks at its pages.
 */
describe('journey: the DSL sends a redacted referral pack (issue 6, item 1)', () => {
  const dir = tempDir('lantern-e2e-pack-');
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(dir.path);
    const core = h.core();
    const dsl = await setUpThroughCore(core);
    const [amara, tomasz] = await addTwoChildren(core, dsl);
    await must(core.invoke(dsl, 'family.addAdult', { childId: amara.id, adult: sampleAdult }));
    const yesterday = londonDate(new Date(Date.now() - 24 * 60 * 60 * 1000));
    await must(
      core.invoke(dsl, 'concerns.submit', {
        ...fight(amara.id, tomasz.id),
        occurredAt: `${yesterday}T12:40`,
        occurredAtApprox: false,
        summary: 'Tomasz Nowak punched Amara twice on the arm at lunch.',
        childWords: 'Tomasz said he would get me. I told Grace and she said to hit back.',
        bodyMap: [
          {
            view: 'front',
            x: 0.29,
            y: 0.33,
            region: 'right-upper-arm',
            kind: 'bruise',
            description: 'Bruise, 3cm, purple',
          },
        ],
      }),
    );
    await lockAndReload(h, dsl);
  });
  afterAll(async () => {
    await endJourney(h, dir);
  });

  it('the DSL chooses what goes in and previews it with the redactions shown', async () => {
    const { page } = h;
    await signInAsDsl(page);
    await openPupils(page);
    await openChild(page, 'Amara Okafor');
    await page.getByRole('button', { name: 'Prepare a referral pack' }).click();
    await expect.poll(visible(page, 'Referral pack for Amara Okafor')).toBe(true);
    await page.getByLabel('Recipient').fill('Westshire MASH');
    await page.getByLabel('Reference').fill('MASH-2026-0412');
    await page.getByLabel(/: Physical abuse; Physical abuse by other children \(victim\)$/).check();
    await page.getByLabel('Chronology').selectOption('all');
    await expect.poll(() => page.getByLabel('Grace Okafor (Mother)').isChecked()).toBe(true);
    await expect
      .poll(() => page.getByLabel(/^Tomasz Nowak \(Alleged perpetrator/).isChecked())
      .toBe(true);
    await h.axe('pack: choices');
    await h.screenshot('pack-01-choices');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.isVisible()).toBe(true);
    await expect.poll(() => preview.locator('mark.pack-redacted').count()).toBeGreaterThan(3);
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('Amara Okafor');
    expect(text).toContain('Bruise, 3cm, purple');
    expect(text).not.toContain('Tomasz');
    expect(text).not.toContain('Grace');
    await h.axe('pack: preview');
    await preview.scrollIntoViewIfNeeded();
    await h.screenshot('pack-02-preview');
  });

  it('exports the PDF, records it, and its pages hold no redacted name', async () => {
    const { page } = h;
    const exports = join(dir.path, 'exports');
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await expect.poll(shown(page, /^Referral pack saved to .*\(\d+ pages\)/)).toBe(true);
    const history = page.getByRole('table', { name: 'What has been sent about Amara Okafor' });
    await expect
      .poll(() => history.textContent())
      .toContain('Referral pack, third parties redactedWestshire MASHMASH-2026-0412Dana Lead');
    await h.axe('pack: exported');
    await h.screenshot('pack-03-exported');
    const file = readdirSync(exports).find((f) => f.includes('referral-pack'));
    expect(file).toMatch(/^Okafor-Amara-referral-pack-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = join(exports, file ?? '');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(REDACTED_TEXT);
    expect(text).toContain('Westshire MASH');
    expect(text).toContain('Body map: front view');
    for (const name of ['Tomasz', 'Nowak', 'Grace']) expect(text).not.toContain(name);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    pages.forEach((p, i) => {
      expect(p.match(/OFFICIAL-SENSITIVE/g)?.length).toBeGreaterThanOrEqual(2);
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith('pack-page-')))
      rmSync(join(SCREENSHOTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOTS, 'pack-page')]);
    const images = readdirSync(SCREENSHOTS).filter((f) => /^pack-page-\d+\.png$/.test(f));
    expect(images).toHaveLength(pages.length);
    for (const image of images) expect(existsSync(join(SCREENSHOTS, image))).toBe(true);
    const logged = await readStore(dir.path, (db) =>
      db.prepare('SELECT kind, recipient, reference, redacted FROM exports_log').all(),
    );
    expect(logged).toEqual([
      {
        kind: 'referral_pack',
        recipient: 'Westshire MASH',
        reference: 'MASH-2026-0412',
        redacted: 1,
      },
    ]);
    const audited = await readStore(dir.path, (db) =>
      db.prepare("SELECT outcome FROM audit_log WHERE method = 'packs.export'").pluck().all(),
    );
    expect(audited).toEqual(['ok']);
  });
});
