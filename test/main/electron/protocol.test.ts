import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  contentType,
  handleAppRequest,
  registerAppScheme,
  resolveAppPath,
  resolveAppRequest,
} from '../../../main/electron/protocol';

/**
 * A bundle in a real temp folder, beside an "outside" folder holding a secret, with symlinks
 * from the bundle to the outside (which must never be followed) and one within it (which may).
 */
let base: string;
let root: string;
let outside: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'lantern-protocol-')));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'assets', 'nested'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Lantern</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'nested', 'logo.svg'), '<svg/>');
  writeFileSync(path.join(root, 'assets', 'file with space.txt'), 'ok');
  writeFileSync(path.join(root, '..hidden.txt'), 'dot-dot prefix, still inside');
  writeFileSync(path.join(outside, 'secret.txt'), 'CANARY');
  writeFileSync(path.join(base, 'renderer-evil.txt'), 'sibling with the root as prefix');
  symlinkSync(outside, path.join(root, 'link-out'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'secret.txt'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'route-out'));
  symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
  symlinkSync(root, path.join(root, 'self'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const inRoot = (...parts: string[]) => path.join(root, ...parts);

function isInsideRoot(file: string): boolean {
  const relative = path.relative(root, realpathSync(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

describe('constants', () => {
  it('names the scheme and origin', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://lantern');
  });

  it('uses exactly the CSP of security E4', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)|\*|https?:/);
  });
});

describe('resolveAppPath (security E5)', () => {
  it.each([
    ['app://lantern/', 'index.html'],
    ['app://lantern', 'index.html'],
    ['app://lantern/index.html', 'index.html'],
    ['app://lantern/index.html?x=1#top', 'index.html'],
    ['app://lantern/assets/app.js', 'assets/app.js'],
    ['app://lantern/assets/nested/logo.svg', 'assets/nested/logo.svg'],
    ['app://lantern/assets/file%20with%20space.txt', 'assets/file with space.txt'],
    ['app://lantern/..hidden.txt', '..hidden.txt'],
    ['app://lantern/alias.js', 'assets/app.js'],
    ['app://lantern/self/assets/app.js', 'assets/app.js'],
    // URL parsing removes dot segments before the path is looked at, so these stay inside.
    ['app://lantern/assets/../index.html', 'index.html'],
    ['app://lantern/../../../index.html', 'index.html'],
    ['app://lantern/assets/%2e%2e/index.html', 'index.html'],
    // Client-side routes (no extension, no file) get the SPA shell.
    ['app://lantern/children', 'index.html'],
    ['app://lantern/children/0190f4e2-1111-7abc-8def-123456789abc', 'index.html'],
    ['app://lantern/assets', 'index.html'],
  ])('%s → %s', (url, file) => {
    expect(resolveAppPath(root, url)).toBe(inRoot(file));
  });

  it.each([
    // Other hosts, schemes and credentials.
    'app://other/index.html',
    'app://lantern.evil/index.html',
    'app://LANTERN/index.html',
    'app://lantern:80/index.html',
    'app://user@lantern/index.html',
    'https://lantern/index.html',
    'file:///etc/passwd',
    'not a url',
    '',
    // Encoded separators, NUL, drive letters and streams.
    'app://lantern/assets%2fapp.js',
    'app://lantern/assets%2Fapp.js',
    'app://lantern/%2e%2e%2foutside%2fsecret.txt',
    'app://lantern/..%2f..%2fetc%2fpasswd',
    'app://lantern/..%5c..%5cwindows%5cwin.ini',
    'app://lantern/assets%5capp.js',
    'app://lantern/assets\\app.js',
    'app://lantern/index.html%00.js',
    'app://lantern/index.html%00',
    'app://lantern/C:/Windows/win.ini',
    'app://lantern/C%3A%5CWindows%5Cwin.ini',
    'app://lantern/index.html:stream',
    // Absolute paths, empty segments and malformed escapes.
    'app://lantern//etc/passwd',
    'app://lantern/%2fetc%2fpasswd',
    'app://lantern/assets//app.js',
    'app://lantern/%',
    'app://lantern/%zz',
    'app://lantern/%E0%A4%A',
    'app://lantern/%C0%AE%C0%AE/secret.txt',
    // Symlinks out of the bundle, with and without an extension.
    'app://lantern/link-out/secret.txt',
    'app://lantern/secret.txt',
    'app://lantern/route-out',
    'app://lantern/self/link-out/secret.txt',
  ])('refuses %j', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('tells forbidden requests from missing files', () => {
    expect(resolveAppRequest(root, 'app://lantern/link-out/secret.txt')).toEqual({
      kind: 'forbidden',
    });
    expect(resolveAppRequest(root, 'app://lantern/assets/missing.js')).toEqual({
      kind: 'not-found',
    });
    expect(resolveAppRequest(root, 'app://lantern/assets/nested/missing.png')).toEqual({
      kind: 'not-found',
    });
  });

  const segment = fc.oneof(
    fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2E',
      '.%2e',
      '%2e.',
      '%2f',
      '%5c',
      '\\',
      '%00',
      '%',
      '',
      'link-out',
      'self',
      'secret.txt',
      'route-out',
      'outside',
      'renderer',
      'renderer-evil.txt',
      'assets',
      'app.js',
      'index.html',
      '..%2f..%2foutside',
      '%2e%2e%2f%2e%2e%2foutside',
      'C:',
      '~',
    ),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 8 }).map(encodeURIComponent),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );

  it('never resolves outside the root, whatever the path (property)', () => {
    let served = 0;
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.boolean(), (segments, trailing) => {
        const url = `app://lantern/${segments.join('/')}${trailing ? '/' : ''}`;
        const resolved = resolveAppPath(root, url);
        if (resolved === null) return;
        served += 1;
        expect(path.isAbsolute(resolved)).toBe(true);
        expect(isInsideRoot(resolved)).toBe(true);
        expect(resolved.startsWith(outside)).toBe(false);
      }),
      { numRuns: 5_000 },
    );
    // Guards against a generator so hostile that the property only ever sees null.
    expect(served).toBeGreaterThan(100);
  });

  it('never resolves outside the root for arbitrary web paths (property)', () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (webPath, query) => {
        const resolved = resolveAppPath(root, `app://lantern${webPath}?${query}`);
        if (resolved !== null) expect(isInsideRoot(resolved)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('contentType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/app.js', 'text/javascript; charset=utf-8'],
    ['worker.mjs', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
    ['data.json', 'application/json; charset=utf-8'],
    ['app.js.map', 'application/json; charset=utf-8'],
    ['licence.txt', 'text/plain; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.jpg', 'image/jpeg'],
    ['a.jpeg', 'image/jpeg'],
    ['a.gif', 'image/gif'],
    ['a.webp', 'image/webp'],
    ['favicon.ico', 'image/x-icon'],
    ['font.woff', 'font/woff'],
    ['font.woff2', 'font/woff2'],
    ['font.ttf', 'font/ttf'],
    ['font.otf', 'font/otf'],
    ['INDEX.HTML', 'text/html; charset=utf-8'],
    ['script.exe', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
    ['module.wasm', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentType(file)).toBe(type);
  });
});

describe('handleAppRequest (security E4, E5)', () => {
  const get = (url: string, method = 'GET') => handleAppRequest(root, new Request(url, { method }));

  const expectSecurityHeaders = (response: Response) => {
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  };

  it('serves a file with its type and the security headers', async () => {
    const response = await get('app://lantern/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(response);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves the SPA shell for client-side routes', async () => {
    const response = await get('app://lantern/children/123');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Lantern</title>');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://lantern/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
  });

  it.each([
    ['app://lantern/link-out/secret.txt', 403],
    ['app://lantern/secret.txt', 403],
    ['app://lantern/%2e%2e%2foutside%2fsecret.txt', 403],
    ['app://other/index.html', 403],
    ['app://lantern/assets/missing.js', 404],
  ])('%s → %i, with the headers and no detail', async (url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
    expect(await response.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s', async (method) => {
    const response = await get('app://lantern/index.html', method);
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and CORS-enabled (for module scripts), never bypassing the CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
  });
});
