import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { createSecureWindow, secureWebPreferences } from '../../../main/electron/window';

const hardened = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: true,
};

/** Records what the factory asks of a window, standing in for Electron's BrowserWindow. */
class FakeWindow {
  static created: FakeWindow[] = [];
  readonly setContentProtection = vi.fn();
  readonly show = vi.fn();
  readonly listeners = new Map<string, () => void>();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.created.push(this);
  }
  once(event: string, listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
}

function makeWindow(isPackaged: boolean): FakeWindow {
  FakeWindow.created = [];
  createSecureWindow(FakeWindow as unknown as typeof BrowserWindow, {
    preloadPath: '/app/dist/main/preload.cjs',
    isPackaged,
  });
  expect(FakeWindow.created).toHaveLength(1);
  return FakeWindow.created[0]!;
}

describe('secureWebPreferences (security E1)', () => {
  it('locks down a packaged window and turns DevTools off', () => {
    expect(secureWebPreferences('/p/preload.cjs', true)).toEqual({
      ...hardened,
      preload: '/p/preload.cjs',
      devTools: false,
    });
  });

  it('allows DevTools only in an unpackaged build, changing nothing else', () => {
    expect(secureWebPreferences('/p/preload.cjs', false)).toEqual({
      ...hardened,
      preload: '/p/preload.cjs',
      devTools: true,
    });
  });

  it('never enables Blink features or extra preloads', () => {
    const prefs = secureWebPreferences('/p/preload.cjs', true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});

describe('createSecureWindow', () => {
  it('builds the window from the secure preferences', () => {
    const window = makeWindow(true);
    expect(window.options.webPreferences).toEqual(
      secureWebPreferences('/app/dist/main/preload.cjs', true),
    );
    expect(window.options).toMatchObject({ title: 'Lantern', show: false });
    expect(window.options.minWidth).toBeGreaterThan(0);
    expect(window.options.minHeight).toBeGreaterThan(0);
    expect(window.options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('turns content protection on so case data stays out of screen captures (E10)', () => {
    expect(makeWindow(true).setContentProtection).toHaveBeenCalledWith(true);
  });

  it('stays hidden until the first paint, then shows', () => {
    const window = makeWindow(false);
    expect(window.show).not.toHaveBeenCalled();
    window.listeners.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalledOnce();
  });
});
