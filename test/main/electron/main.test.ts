import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import { BACKUP_CHECK_MS } from '../../../main/backup/scheduler';
import { INVOKE_CHANNEL } from '../../../main/electron/channel';
import type * as IpcModule from '../../../main/electron/ipc';
import type { ElectronParts, StartOptions } from '../../../main/electron/main';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/protocol';
import { fakeLogger } from './fake-logger';

// main.ts imports electron at the top; under plain Node the real package cannot load. An empty
// module also proves the top level touches nothing of Electron's outside Electron.
vi.mock('electron', () => ({}));
// Keep the real core (native SQLite, Argon2) out of this unit test: startLantern is handed a
// fake core instead.
vi.mock('../../../main/app', () => ({ createApp: vi.fn() }));

// Wraps the one IPC registration so the test can see that ipcMain.handle is only ever called
// from inside it.
const ipcSpy = vi.hoisted(() => ({ inside: false }));
vi.mock('../../../main/electron/ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof IpcModule>();
  return {
    ...actual,
    registerInvokeHandler: vi.fn((...args: Parameters<typeof actual.registerInvokeHandler>) => {
      ipcSpy.inside = true;
      try {
        actual.registerInvokeHandler(...args);
      } finally {
        ipcSpy.inside = false;
      }
    }),
  };
});

const { startLantern, IDLE_CHECK_MS } = await import('../../../main/electron/main');
const { registerInvokeHandler } = await import('../../../main/electron/ipc');

let base: string;
let bundleDir: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'lantern-main-')));
  bundleDir = path.join(base, 'dist', 'main');
  mkdirSync(bundleDir, { recursive: true });
  mkdirSync(path.join(base, 'dist', 'renderer'));
  writeFileSync(path.join(base, 'dist', 'renderer', 'index.html'), '<title>Lantern</title>');
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

type Listener = (...args: unknown[]) => void;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

function makeHarness(options: { lock?: boolean; createApp?: StartOptions['createApp'] } = {}) {
  const order: string[] = [];
  let ready: () => void = () => undefined;

  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    commandLine: {
      appendSwitch: vi.fn((name: string, value: string) => order.push(`switch:${name}=${value}`)),
    },
    requestSingleInstanceLock: vi.fn(() => {
      order.push('requestSingleInstanceLock');
      return options.lock ?? true;
    }),
    quit: vi.fn(() => order.push('quit')),
    whenReady: vi.fn(() => {
      order.push('whenReady');
      return new Promise<void>((resolve) => {
        ready = resolve;
      });
    }),
    getPath: vi.fn((name: string) => path.join(base, `electron-${name}`)),
  });

  const windows: FakeWindow[] = [];
  class FakeWindow extends Emitter {
    readonly webContents = Object.assign(new Emitter(), {
      mainFrame: {
        url: 'app://lantern/index.html',
        parent: null,
        detached: false,
        processId: 1,
        frameToken: 'main',
      },
    });
    readonly setContentProtection = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    minimized = false;
    readonly isMinimized = () => this.minimized;
    readonly loadURL = vi.fn(() => Promise.resolve());
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
      order.push('new BrowserWindow');
    }
  }

  const ipcMain = {
    handle: vi.fn((channel: string) => {
      order.push(`ipcMain.handle ${channel}${ipcSpy.inside ? ' (via registerInvokeHandler)' : ''}`);
    }),
    handleOnce: vi.fn(),
    on: vi.fn(),
    once: vi.fn(),
    addListener: vi.fn(),
  };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
    handle: vi.fn(),
  };
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  const idle = { seconds: 0 };
  const powerMonitor = Object.assign(new Emitter(), {
    idle,
    getSystemIdleTime: () => idle.seconds,
  });
  const Menu = {
    buildFromTemplate: vi.fn((template: unknown) => ({ template })),
    setApplicationMenu: vi.fn(),
  };
  const dialog = { showErrorBox: vi.fn(), showSaveDialog: vi.fn() };
  const safeStorage = {
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(true)),
    encryptStringAsync: vi.fn(),
    decryptStringAsync: vi.fn(),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret' as const),
  };
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };

  const sessions: Session[] = [];
  const core = {
    createSession: vi.fn(() => {
      const session = { id: `s${sessions.length + 1}` };
      sessions.push(session);
      return session;
    }),
    endSession: vi.fn(),
    invoke: vi.fn<LanternCore['invoke']>(() => Promise.resolve({ ok: true, value: 'done' })),
    lockAll: vi.fn(),
    lockIfIdle: vi.fn(() => false),
    runDueBackups: vi.fn(() => Promise.resolve()),
    close: vi.fn(),
  } satisfies LanternCore;
  const createApp = vi.fn(options.createApp ?? (() => core));
  const logger = fakeLogger();

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog,
    ipcMain,
    Menu,
    powerMonitor,
    protocol,
    safeStorage,
    session: { defaultSession },
    shell,
  } as unknown as ElectronParts;

  const start = () => {
    startLantern(electron, {
      createApp,
      logger,
      argv: ['/opt/Lantern/lantern', '--data-dir', path.join(base, 'school-data')],
      env: {},
      bundleDir,
    });
  };
  const becomeReady = async () => {
    ready();
    await vi.waitFor(() => {
      expect(windows.length + dialog.showErrorBox.mock.calls.length).toBeGreaterThan(0);
    });
  };
  const invokeHandler = () => {
    const call = ipcMain.handle.mock.calls[0] as unknown as
      [string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>] | undefined;
    expect(call).toBeDefined();
    return call![1];
  };

  return {
    order,
    app,
    windows,
    ipcMain,
    protocol,
    defaultSession,
    powerMonitor,
    Menu,
    dialog,
    core,
    createApp,
    sessions,
    logger,
    start,
    becomeReady,
    invokeHandler,
  };
}

beforeEach(() => {
  ipcSpy.inside = false;
});

describe('the module top level', () => {
  it('does not start Lantern outside Electron', () => {
    // Importing main.ts above would have thrown on the empty electron mock had it started.
    expect('electron' in process.versions).toBe(false);
    expect(startLantern).toBeTypeOf('function');
  });
});

describe('startLantern before ready', () => {
  it('enables the sandbox first, then takes the instance lock and registers the scheme (E1)', () => {
    const h = makeHarness();
    h.start();
    expect(h.order).toEqual([
      'enableSandbox',
      'switch:lang=en-GB',
      'requestSingleInstanceLock',
      'registerSchemesAsPrivileged',
      'whenReady',
    ]);
  });

  it('quits a second instance without touching anything else', () => {
    const h = makeHarness({ lock: false });
    h.start();
    expect(h.order).toEqual([
      'enableSandbox',
      'switch:lang=en-GB',
      'requestSingleInstanceLock',
      'quit',
    ]);
    expect(h.app.listeners.size).toBe(0);
    expect(h.createApp).not.toHaveBeenCalled();
  });

  it('hardens every web contents as it is created, before any window exists', () => {
    const h = makeHarness();
    h.start();
    const contents = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() });
    h.app.emit('web-contents-created', {}, contents);
    for (const name of [
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
    ]) {
      expect(contents.count(name), name).toBe(1);
    }
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });
});

describe('startLantern on ready', () => {
  it('serves the bundled renderer over app:// with the CSP', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    expect(h.protocol.handle).toHaveBeenCalledOnce();
    const [scheme, handler] = h.protocol.handle.mock.calls[0] as unknown as [
      string,
      (request: Request) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://lantern/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('<title>Lantern</title>');
  });

  it('installs the permission and request guards on the default session (E6, E9)', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    expect(h.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(h.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(h.defaultSession.setDevicePermissionHandler).toHaveBeenCalledOnce();
    expect(h.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
  });

  it('creates the core on the chosen data folder, with the demo school in userData', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    expect(h.createApp).toHaveBeenCalledExactlyOnceWith({
      dataDir: path.join(base, 'school-data'),
      demoDataDir: path.join(base, 'electron-userData', 'demo'),
      logger: h.logger,
      platform: expect.objectContaining({ saveFile: expect.any(Function) }),
      deviceKeys: expect.objectContaining({
        seal: expect.any(Function),
        unseal: expect.any(Function),
      }),
    });
  });

  it('asks the core to auto-lock with the OS idle time, and stops asking on quit (E10)', async () => {
    vi.useFakeTimers();
    try {
      const h = makeHarness();
      h.start();
      await h.becomeReady();
      h.powerMonitor.idle.seconds = 301;
      vi.advanceTimersByTime(IDLE_CHECK_MS);
      expect(h.core.lockIfIdle).toHaveBeenLastCalledWith(301);
      const calls = h.core.lockIfIdle.mock.calls.length;
      h.app.emit('before-quit');
      vi.advanceTimersByTime(IDLE_CHECK_MS * 3);
      expect(h.core.lockIfIdle.mock.calls.length).toBe(calls);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks the core for due backups every few minutes, and stops asking on quit (R6)', async () => {
    vi.useFakeTimers();
    try {
      const h = makeHarness();
      h.start();
      await h.becomeReady();
      expect(h.core.runDueBackups).not.toHaveBeenCalled();
      vi.advanceTimersByTime(BACKUP_CHECK_MS);
      expect(h.core.runDueBackups).toHaveBeenCalledOnce();
      h.app.emit('before-quit');
      vi.advanceTimersByTime(BACKUP_CHECK_MS * 3);
      expect(h.core.runDueBackups).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('registers exactly one IPC channel, only through registerInvokeHandler (E3)', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    expect(registerInvokeHandler).toHaveBeenCalledOnce();
    expect(h.order.filter((entry) => entry.startsWith('ipcMain'))).toEqual([
      `ipcMain.handle ${INVOKE_CHANNEL} (via registerInvokeHandler)`,
    ]);
    for (const method of ['handleOnce', 'on', 'once', 'addListener'] as const) {
      expect(h.ipcMain[method], method).not.toHaveBeenCalled();
    }
  });

  it('opens one secure window on the app, with its own core session', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    expect(h.windows).toHaveLength(1);
    const window = h.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(bundleDir, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://lantern/index.html');
    expect(h.core.createSession).toHaveBeenCalledOnce();
    expect(h.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });

  it("routes the window's calls to the core with the window's session", async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    const contents = h.windows[0]!.webContents;
    const event = {
      sender: contents,
      senderFrame: contents.mainFrame,
    } as unknown as IpcMainInvokeEvent;
    await expect(h.invokeHandler()(event, 'session.status', {})).resolves.toEqual({
      ok: true,
      value: 'done',
    });
    expect(h.core.invoke).toHaveBeenCalledExactlyOnceWith(h.sessions[0], 'session.status', {});
  });

  it('ends the session when the window closes, and refuses that window afterwards', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    const window = h.windows[0]!;
    window.emit('closed');
    expect(h.core.endSession).toHaveBeenCalledExactlyOnceWith(h.sessions[0]);
    const event = {
      sender: window.webContents,
      senderFrame: window.webContents.mainFrame,
    } as unknown as IpcMainInvokeEvent;
    await expect(h.invokeHandler()(event, 'session.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(h.core.invoke).not.toHaveBeenCalled();
  });

  it.each(['lock-screen', 'suspend'])('locks every session on %s', async (name) => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    h.powerMonitor.emit(name);
    expect(h.core.lockAll).toHaveBeenCalledOnce();
  });

  it('closes the store once on quit, and not again on shutdown or window close', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    h.app.emit('before-quit', {});
    h.powerMonitor.emit('shutdown');
    h.app.emit('before-quit', {});
    h.windows[0]!.emit('closed');
    h.powerMonitor.emit('lock-screen');
    expect(h.core.close).toHaveBeenCalledOnce();
    expect(h.core.endSession).not.toHaveBeenCalled();
    expect(h.core.lockAll).not.toHaveBeenCalled();
  });

  it('closes the store on OS shutdown (Linux, macOS)', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    h.powerMonitor.emit('shutdown');
    expect(h.core.close).toHaveBeenCalledOnce();
  });

  it('closes the store when Windows ends the session', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    h.windows[0]!.emit('session-end', {});
    expect(h.core.close).toHaveBeenCalledOnce();
  });

  it('logs, rather than throws, when the core fails to lock', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    h.core.lockAll.mockImplementationOnce(() => {
      throw new Error('busy');
    });
    expect(() => {
      h.powerMonitor.emit('lock-screen');
    }).not.toThrow();
    expect(h.logger.error).toHaveBeenCalledOnce();
  });

  it('focuses the existing window when a second instance starts', async () => {
    const h = makeHarness();
    h.start();
    await h.becomeReady();
    const window = h.windows[0]!;
    window.minimized = true;
    h.app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(h.windows).toHaveLength(1);
  });

  it('quits when the last window closes', () => {
    const h = makeHarness();
    h.start();
    h.app.emit('window-all-closed');
    expect(h.app.quit).toHaveBeenCalledOnce();
  });

  it('shows an error and quits when it cannot start', async () => {
    const h = makeHarness({
      createApp: () => {
        throw new Error('The data folder is not writable.');
      },
    });
    h.start();
    await h.becomeReady();
    expect(h.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Lantern could not start',
      'The data folder is not writable.',
    );
    expect(h.app.quit).toHaveBeenCalledOnce();
    expect(h.windows).toHaveLength(0);
    expect(h.ipcMain.handle).not.toHaveBeenCalled();
  });
});
