import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

/** `npm run build` ran before this project: check what Electron will load. */
const dist = join(process.cwd(), 'dist');

function requires(code: string): string[] {
  return [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
}

describe('the build (npm run build)', () => {
  it('bundles main as CommonJS, leaving only Electron, the native modules and Node built-ins outside', () => {
    const main = readFileSync(join(dist, 'main', 'index.cjs'), 'utf8');
    const allowed = new Set([
      'electron',
      'better-sqlite3-multiple-ciphers',
      'argon2',
      'pdfmake',
      ...builtinModules,
    ]);
    const outside = requires(main).filter((m) => !allowed.has(m.replace(/^node:/, '')));
    expect(outside).toEqual([]);
    expect(main).toMatch(/startLantern/);
  });

  it('bundles the preload as one CommonJS file that requires only electron', () => {
    const preload = readFileSync(join(dist, 'main', 'preload.cjs'), 'utf8');
    expect([...new Set(requires(preload))]).toEqual(['electron']);
    expect(preload).toMatch(/exposeInMainWorld\("lantern"/);
    expect(preload).not.toMatch(/\bimport\s/);
  });

  it('builds the renderer with no inline script and the strict CSP', () => {
    const html = readFileSync(join(dist, 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(
      /<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/,
    );
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).toContain("default-src 'none'; script-src 'self'");
  });
});
