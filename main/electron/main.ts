import { realpathSync } from 'node:fs';
import path from 'node:path';

import * as electronModule from 'electron';
import type { BrowserWindow, WebContents } from 'electron';

import { createApp } from '../app';
import { BACKUP_CHECK_MS } from '../backup/scheduler';
import type { AppOptions, LanternCore, Logger, Session } from '../app';
import { consoleLogger } from '../log';
import { demoDataDirFor, resolveDataDir } from './data-dir';
import { describeError } from './describe-error';
import { registerInvokeHandler } from './ipc';
import { applicationMenu } from './menu';
import { EXTERNAL_LINK_ORIGINS, hardenWebContents } from './navigation';
import { installPermissionGuards, installRequestGuard } from './permissions';
import {
  APP_SCHEME,
  APP_START_URL,
  appErrorResponse,
  handleAppRequest,
  registerAppScheme,
} from './protocol';
import { safeStorageKeys } from './device-keys';
import { electronPlatform } from './save-dialog';
import { createSecureWindow } from './window';

/** How often main asks the OS how long the computer has been idle, for auto-lock. */
export const IDLE_CHECK_MS = 15_000;

export type ElectronParts = Pick<
  typeof electronModule,
  | 'app'
  | 'BrowserWindow'
  | 'dialog'
  | 'ipcMain'
  | 'Menu'
  | 'powerMonitor'
  | 'protocol'
  | 'safeStorage'
  | 'session'
  | 'shell'
>;

export type StartOptions = {
  readonly createApp: (options: AppOptions) => LanternCore;
  readonly logger: Logger;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder of the bundled main process (dist/main): preload.cjs sits in it, the UI beside it. */
  readonly bundleDir: string;
};

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Wires the tested pieces together. Nothing here decides policy; it only makes sure each
 * guard is installed at the moment Electron requires (before `ready` for the sandbox, the
 * instance lock and the scheme; after it for sessions, protocol handlers and windows).
 */
export function startLantern(electron: ElectronParts, options: StartOptions): void {
  const { app } = electron;
  const { logger } = options;

  app.enableSandbox();
  // British English throughout: date inputs show dd/mm/yyyy, spellcheck uses en-GB.
  app.commandLine.appendSwitch('lang', 'en-GB');
  // Also guarantees a single writer to the school's database.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme(electron.protocol);

  const sessions = new Map<WebContents, Session>();
  let core: LanternCore | undefined;
  let mainWindow: BrowserWindow | undefined;
  let shuttingDown = false;

  const attempt = (what: string, action: () => void): void => {
    try {
      action();
    } catch (error) {
      logger.error(`Could not ${what}`, { error: describeError(error) });
    }
  };

  const closeCore = (): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (core !== undefined) attempt('close the store', core.close.bind(core));
  };

  const lockAll = (): void => {
    if (core !== undefined && !shuttingDown) attempt('lock the store', core.lockAll.bind(core));
  };

  const openWindow = (running: LanternCore): void => {
    const window = createSecureWindow(electron.BrowserWindow, {
      preloadPath: path.join(options.bundleDir, 'preload.cjs'),
      isPackaged: app.isPackaged,
    });
    // Captured now: after 'closed' the window's webContents can no longer be read.
    const contents = window.webContents;
    const session = running.createSession();
    sessions.set(contents, session);
    mainWindow = window;
    window.on('closed', () => {
      sessions.delete(contents);
      if (mainWindow === window) mainWindow = undefined;
      if (!shuttingDown) {
        attempt('end the window session', () => {
          running.endSession(session);
        });
      }
    });
    window.on('session-end', closeCore);
    window.loadURL(APP_START_URL).catch((error: unknown) => {
      logger.error('The Lantern page failed to load', { error: describeError(error) });
    });
  };

  const onReady = (): void => {
    const rendererRoot = realpathSync(path.join(options.bundleDir, '..', 'renderer'));
    electron.protocol.handle(APP_SCHEME, (request) =>
      handleAppRequest(rendererRoot, request).catch((error: unknown) => {
        logger.error('Could not serve an app file', { error: describeError(error) });
        return appErrorResponse(500);
      }),
    );
    installPermissionGuards(electron.session.defaultSession, logger);
    installRequestGuard(electron.session.defaultSession, logger);

    const dataDir = resolveDataDir(options.argv, options.env, app.getPath('userData'));
    const platform = electronPlatform(electron.dialog, () => mainWindow, app.getPath('documents'));
    const deviceKeys = safeStorageKeys(electron.safeStorage, process.platform);
    const demoDataDir = demoDataDirFor(dataDir, app.getPath('userData'));
    const running = options.createApp({ dataDir, demoDataDir, logger, platform, deviceKeys });
    core = running;
    registerInvokeHandler(electron.ipcMain, running, sessions, logger);
    electron.powerMonitor.on('lock-screen', lockAll);
    electron.powerMonitor.on('suspend', lockAll);
    // The OS is shutting down or logging out, which skips 'before-quit': the last chance to
    // close the store cleanly ('shutdown' on Linux and macOS, 'session-end' on Windows).
    electron.powerMonitor.on('shutdown', closeCore);
    // Auto-lock (security E10) on the OS's own idle time, so reading a long record with the
    // mouse still counts as activity while walking away does not.
    const idleTimer = setInterval(() => {
      if (core !== undefined && !shuttingDown) {
        const running = core;
        attempt('check for inactivity', () => {
          running.lockIfIdle(electron.powerMonitor.getSystemIdleTime());
        });
      }
    }, IDLE_CHECK_MS);
    // Scheduled backups (security R6): the core decides whether one is due.
    const backupTimer = setInterval(() => {
      if (core !== undefined && !shuttingDown) void core.runDueBackups();
    }, BACKUP_CHECK_MS);
    app.on('before-quit', () => {
      clearInterval(idleTimer);
      clearInterval(backupTimer);
    });

    electron.Menu.setApplicationMenu(
      electron.Menu.buildFromTemplate(
        applicationMenu({ isPackaged: app.isPackaged, platform: process.platform }),
      ),
    );
    openWindow(running);
  };

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, electron.shell, EXTERNAL_LINK_ORIGINS, logger);
  });
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window per school session: closing it ends Lantern on every platform, macOS included.
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('before-quit', closeCore);

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      logger.error('Lantern could not start', { error: describeError(error) });
      electron.dialog.showErrorBox('Lantern could not start', errorMessage(error));
      app.quit();
    });
}

if ('electron' in process.versions) {
  startLantern(electronModule, {
    createApp,
    logger: consoleLogger(),
    argv: process.argv,
    env: process.env,
    bundleDir: __dirname,
  });
}
