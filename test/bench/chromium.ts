/**
 * The chronology page in Chromium: the real built renderer on the e2e harness (test/e2e), signed
 * in as the DSL, opening the busiest child's chronology and scrolling it to the end. Times are
 * taken inside the page: from the click on "Chronology" to the frame after the first rows are
 * drawn, and from the start of the scroll to the frame in which the last row is on screen.
 */
import type { Page } from 'playwright-core';

import { closeBrowser, startHarness } from '../e2e/harness';
import { TEST_DSL, TEST_PASSPHRASE } from '../support/core';

/** `call`: the chronology call alone, from the page through the bridge to the core and back. */
export type BrowserTimes = { call: number[]; render: number[]; scroll: number[] };

const TIMEOUT = 30_000;

type Probe = Window & { __clickedAt?: number };

/** Milliseconds from the click on "Chronology" to the frame after its first rows appear. */
async function openChronology(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as Probe;
    delete w.__clickedAt;
    document.addEventListener(
      'click',
      () => {
        w.__clickedAt = performance.now();
      },
      { capture: true, once: true },
    );
  });
  await page.getByRole('button', { name: 'Chronology', exact: true }).click();
  const rows = page
    .getByRole('table', { name: 'Chronology entries' })
    .locator('[aria-rowindex="2"]');
  await rows.waitFor({ timeout: TIMEOUT });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // Two frames: the one that paints the rows, then the next, which starts after it.
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            resolve(performance.now() - ((window as Probe).__clickedAt ?? performance.now()));
          });
        });
      }),
  );
}

/** Milliseconds for the page's chronology call alone (transport, core, and parsing the answer). */
function callChronology(page: Page, childId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const lantern = (window as unknown as { lantern: { invoke: LanternInvoke } }).lantern;
    const filter = { from: '', to: '', categories: [], sources: [], significantOnly: false };
    const start = performance.now();
    await lantern.invoke('chronology.forChild', { childId: id, filter });
    return performance.now() - start;
  }, childId);
}

type LanternInvoke = (method: string, input: unknown) => Promise<unknown>;

/** Milliseconds to scroll the table to its end and draw the last row there. */
function scrollToEnd(page: Page): Promise<number> {
  return page.evaluate(
    (timeout) =>
      new Promise<number>((resolve, reject) => {
        const region = document.querySelector<HTMLElement>(
          '[role="region"][aria-label="Chronology entries"]',
        );
        const table = region?.querySelector('[role="table"]');
        const count = Number(table?.getAttribute('aria-rowcount') ?? 0);
        if (!region || count < 2) {
          reject(new Error('no chronology table on the page'));
          return;
        }
        const start = performance.now();
        // Row heights are measured as rows are drawn, so the end may move: follow it.
        const step = () => {
          region.scrollTop = region.scrollHeight;
          const last = region.querySelector(`[aria-rowindex="${count}"]`);
          const atEnd = region.scrollTop + region.clientHeight >= region.scrollHeight - 1;
          if (last && atEnd) resolve(performance.now() - start);
          else if (performance.now() - start > timeout) reject(new Error('never reached the end'));
          else requestAnimationFrame(step);
        };
        step();
      }),
    TIMEOUT,
  );
}

export async function measureChronologyInChromium(
  dataDir: string,
  child: { id: string; upn: string; name: string },
  runs: number,
): Promise<BrowserTimes> {
  const harness = await startHarness(dataDir);
  const { page } = harness;
  const times: BrowserTimes = { call: [], render: [], scroll: [] };
  try {
    await page.getByRole('heading', { name: 'Sign in to Lantern' }).waitFor({ timeout: TIMEOUT });
    await page.getByLabel('Username').fill(TEST_DSL.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (let i = 0; i < runs; i += 1) {
      await nav.getByRole('button', { name: /^Pupils/ }).click();
      await page.getByLabel('Search by name or UPN').fill(child.upn);
      await page.getByRole('button', { name: child.name, exact: true }).click();
      times.render.push(await openChronology(page));
      times.scroll.push(await scrollToEnd(page));
      times.call.push(await callChronology(page, child.id));
    }
    await harness.screenshot('bench-chronology');
  } finally {
    await harness.close();
    await closeBrowser();
  }
  return times;
}
