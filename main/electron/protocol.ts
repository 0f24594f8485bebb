import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'lantern';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Security E4: nothing may load from, or talk to, anywhere but the bundle itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const INDEX_FILE = 'index.html';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** Unknown types are served as opaque bytes; with `nosniff` the page cannot run them as script. */
export function contentType(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * True when `url` is on the app origin. Node's URL gives custom schemes an opaque origin
 * ("null"), so the origin is compared part by part rather than through `url.origin`.
 */
export function hasAppOrigin(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

export type AppResolution =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'not-found' };

const FORBIDDEN: AppResolution = { kind: 'forbidden' };
const NOT_FOUND: AppResolution = { kind: 'not-found' };

/**
 * Decodes each path segment on its own, so an encoded separator can never split or join
 * segments after the check. Returns null for anything that could name a file outside a
 * plain relative path: malformed escapes, dot segments, separators, NUL, drive letters and
 * alternate data streams (`:`), empty segments (`//etc`).
 */
function decodeSegments(pathname: string): string[] | null {
  // Node leaves the path of `app://lantern` empty where Chromium would give '/'.
  if (pathname === '/' || pathname === '') return [];
  if (!pathname.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) {
      return null;
    }
    segments.push(segment);
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}

function realFile(root: string, candidate: string): AppResolution {
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? NOT_FOUND : FORBIDDEN;
  }
  // Checked after realpath so a symlink inside the bundle cannot lead out of it.
  if (!isInside(root, real)) return FORBIDDEN;
  return statSync(real).isFile() ? { kind: 'file', path: real } : NOT_FOUND;
}

/**
 * Maps an `app://lantern/...` request to a file under `rootRealPath` (which must already be
 * a realpath). Paths without an extension that name no file are client-side routes and get
 * index.html.
 */
export function resolveAppRequest(rootRealPath: string, requestUrl: string): AppResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return FORBIDDEN;
  }
  if (!hasAppOrigin(url)) return FORBIDDEN;
  const segments = decodeSegments(url.pathname);
  if (segments === null) return FORBIDDEN;
  const last = segments.at(-1);
  if (last === undefined) return realFile(rootRealPath, path.join(rootRealPath, INDEX_FILE));
  const resolved = realFile(rootRealPath, path.join(rootRealPath, ...segments));
  if (resolved.kind === 'not-found' && path.extname(last) === '') {
    return realFile(rootRealPath, path.join(rootRealPath, INDEX_FILE));
  }
  return resolved;
}

/** The absolute path of the file `requestUrl` names inside the bundle, or null. */
export function resolveAppPath(rootRealPath: string, requestUrl: string): string | null {
  const resolved = resolveAppRequest(rootRealPath, requestUrl);
  return resolved.kind === 'file' ? resolved.path : null;
}

function securityHeaders(): Headers {
  return new Headers({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  });
}

/** A bodiless answer that still carries the CSP (security E4: every response has it). */
export function appErrorResponse(status: number, extra: Record<string, string> = {}): Response {
  const headers = securityHeaders();
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(null, { status, headers });
}

/** The `protocol.handle('app', …)` handler: files from the bundle, with the CSP on every answer. */
export async function handleAppRequest(rootRealPath: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return appErrorResponse(405, { Allow: 'GET, HEAD' });
  }
  const resolved = resolveAppRequest(rootRealPath, request.url);
  if (resolved.kind === 'forbidden') return appErrorResponse(403);
  if (resolved.kind === 'not-found') return appErrorResponse(404);
  let body: Buffer;
  try {
    body = await readFile(resolved.path);
  } catch (error) {
    // The file can vanish between resolving and reading; anything else is a real fault.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return appErrorResponse(404);
    throw error;
  }
  const headers = securityHeaders();
  headers.set('Content-Type', contentType(resolved.path));
  headers.set('Content-Length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers,
  });
}

/**
 * Must run before `app` is ready. `standard` gives the scheme a real origin (so 'self' and
 * relative URLs work), `secure` makes it a secure context, `supportFetchAPI` lets module
 * scripts load. No `bypassCSP`, and no `corsEnabled`, which would make the bundle readable
 * cross-origin.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  // Vite emits `<script type="module" crossorigin>`: module scripts are fetched in CORS mode,
  // which Chromium refuses for a scheme not marked CORS-enabled. Only app:// itself is served,
  // and the CSP keeps connect-src at 'none', so this opens nothing to other origins.
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}
