import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * Checks over the main-process source that the per-module tests cannot make: that the guarded
 * calls happen in one place only. ESLint bans `new BrowserWindow` by name; these also catch
 * `new electron.BrowserWindow` and the like.
 */
const mainDir = path.resolve(import.meta.dirname, '../../../main');

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return {
        file: path.relative(mainDir, file).split(path.sep).join('/'),
        text: readFileSync(file, 'utf8'),
      };
    });
}

function filesMatching(pattern: RegExp): string[] {
  return sources(mainDir)
    .filter(({ text }) => pattern.test(text))
    .map(({ file }) => file)
    .sort();
}

describe('main-process source guards', () => {
  it('creates windows only in the factory (E1)', () => {
    expect(filesMatching(/new\s+[\w.]*BrowserWindow\w*\s*\(/)).toEqual(['electron/window.ts']);
  });

  it('registers IPC only in ipc.ts (E3)', () => {
    expect(
      filesMatching(/ipcMain\s*\.\s*(handle|handleOnce|on|once|addListener|prependListener)\s*\(/),
    ).toEqual(['electron/ipc.ts']);
  });

  it('touches ipcRenderer and contextBridge only in the preload', () => {
    expect(filesMatching(/\b(ipcRenderer|contextBridge)\s*\./)).toEqual(['electron/preload.ts']);
  });

  it('never starts the crash reporter (no telemetry, G9)', () => {
    expect(filesMatching(/crashReporter\s*\.\s*start/)).toEqual([]);
  });

  it('never loads a page from file:// or the network', () => {
    expect(filesMatching(/\.(loadFile|loadURL)\s*\(\s*['"`](?!app:\/\/lantern\/)/)).toEqual([]);
    expect(filesMatching(/\.loadFile\s*\(/)).toEqual([]);
  });
});
