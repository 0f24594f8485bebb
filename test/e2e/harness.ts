import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';

import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';

import type { LanternCore, Session } from '../../main/app';
import { APP_ORIGIN, handleAppRequest } from '../../main/electron/protocol';
import { folderPlatform, makeCore } from '../support/core';

export const CHROMIUM = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';
/** How the recovery key appears on screen: six groups of five, e.g. 7KQ2M-9XD4R-…. */
export const RECOVERY_KEY_SHAPE = /^\s*[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){5}\s*$/;

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'e2e');
const RENDERER_ROOT = join(process.cwd(), 'dist', 'renderer');

/**
 * Serves the built renderer on 127.0.0.1 through the same request handler the Electron app
 * registers for app://, so the e2e run gets production's files, CSP and traversal guard.
 */
async function serveRenderer(): Promise<{ url: string; close(): Promise<void> }> {
  const root = realpathSync(RENDERER_ROOT);
  const server = createServer((req, res) => {
    void (async () => {
      const response = await handleAppRequest(root, new Request(`${APP_ORIGIN}${req.url ?? '/'}`));
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

export type Harness = {
  page: Page;
  core(): LanternCore;
  /** Stops the core (as quitting the app would) and starts a new one on the same data directory. */
  restartCore(): Promise<void>;
  screenshot(name: string): Promise<void>;
  axe(label: string): Promise<void>;
  close(): Promise<void>;
};

let browser: Browser | null = null;

export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    // With chromium-l10n installed, the en-GB locale makes date inputs read dd/mm/yyyy.
    env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-GB',
    ],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/**
 * The real renderer in Chromium with `window.lantern.invoke` bridged to a real core: only the
 * transport differs from Electron's preload + IPC.
 */
/** Where the harness's core keeps the demo school: beside the data directory, never in it. */
export function demoDirFor(dataDir: string): string {
  return `${dataDir}-demo`;
}

export async function startHarness(dataDir: string): Promise<Harness> {
  const server = await serveRenderer();
  const b = await launchBrowser();
  const context = await b.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  const platform = folderPlatform(dataDir);
  let core = makeCore(dataDir, undefined, platform, demoDirFor(dataDir));
  let session: Session = core.createSession();

  // The answer crosses as one JSON string: Playwright's own serialiser walks every value and
  // takes hundreds of milliseconds over a long chronology, which Electron's IPC does not.
  await page.exposeFunction('__lanternBridge', async (method: unknown, input: unknown) =>
    JSON.stringify(await core.invoke(session, method, input)),
  );
  await page.addInitScript(() => {
    const w = window as unknown as {
      __lanternBridge: (m: unknown, i: unknown) => Promise<string>;
    };
    Object.defineProperty(window, 'lantern', {
      value: Object.freeze({
        invoke: async (method: string, input: unknown): Promise<unknown> =>
          JSON.parse(await w.__lanternBridge(method, input)) as unknown,
      }),
      writable: false,
      configurable: false,
    });
  });
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  await page.goto(server.url);
  mkdirSync(SCREENSHOTS, { recursive: true });

  const axeSource = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );

  return {
    page,
    core: () => core,
    async restartCore() {
      core.close();
      core = makeCore(dataDir, undefined, platform, demoDirFor(dataDir));
      session = core.createSession();
      await page.reload();
    },
    async screenshot(name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async axe(label) {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                ctx: Document,
                opts: object,
              ): Promise<{
                violations: { id: string; help: string; nodes: { target: string[] }[] }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
          },
        });
        return result.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
      });
      expect(violations, `axe violations on ${label}`).toEqual([]);
    },
    async close() {
      expect(consoleErrors.join('\n'), 'console errors in the renderer').toBe('');
      core.close();
      await context.close();
      await server.close();
    },
  };
}
