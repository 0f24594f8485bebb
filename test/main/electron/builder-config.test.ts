import { readFileSync } from 'node:fs';
import path from 'node:path';

import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const configPath = path.resolve(import.meta.dirname, '../../../electron-builder.yml');
const config = load(readFileSync(configPath, 'utf8')) as Configuration;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema, so no key is misspelt and silently ignored", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would fail that schema on a misspelt fuse (the check above has teeth)', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });

  it('sets every hardening fuse (security E7)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('never rebuilds native modules: their Node-API prebuilds serve Node and Electron', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('packs the built app into an asar, with native modules unpacked', () => {
    expect(config.asar).not.toBe(false);
    expect(config.files).toEqual(['dist/**', 'package.json']);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  it('identifies the app and writes to release/', () => {
    expect(config.appId).toBe('uk.org.lantern.app');
    expect(config.productName).toBe('Lantern');
    expect(config.directories?.output).toBe('release');
  });

  it('builds an NSIS installer, a DMG, an AppImage and a deb', () => {
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('has no hooks that could run code or undo the fuses after packing', () => {
    for (const hook of ['afterPack', 'afterSign', 'beforePack', 'afterAllArtifactBuild'] as const) {
      expect(config[hook], hook).toBeUndefined();
    }
  });
});
