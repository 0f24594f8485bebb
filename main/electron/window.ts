import type { BrowserWindow, WebPreferences } from 'electron';

/**
 * Security E1: the same locked-down preferences for every window. Most are Electron's
 * defaults today; they are spelled out so a default changing, or a well-meant override
 * elsewhere, cannot weaken them silently.
 */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
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
    devTools: !isPackaged,
  };
}

export type SecureWindowOptions = {
  readonly preloadPath: string;
  readonly isPackaged: boolean;
};

/**
 * The only place a window is made (an ESLint rule bans `new BrowserWindow` elsewhere). The
 * constructor is passed in so this module stays importable without Electron.
 */
export function createSecureWindow(
  BrowserWindowClass: typeof BrowserWindow,
  options: SecureWindowOptions,
): BrowserWindow {
  const window = new BrowserWindowClass({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Lantern',
    // Shown once painted, so a DSL never sees a blank white flash over case data.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath, options.isPackaged),
  });
  // Keeps case records out of screen recordings and screen sharing (Windows, macOS).
  window.setContentProtection(true);
  window.once('ready-to-show', () => {
    window.show();
  });
  return window;
}
