import type { Session } from 'electron';

import type { Logger } from '../app';
import { describeOrigin } from './navigation';
import { APP_HOST, APP_SCHEME } from './protocol';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;

/** Every permission name Electron can ask about (from its typings). */
export type PermissionName = Parameters<RequestHandler>[1];

/**
 * Security E6: Electron grants every permission unless told otherwise. Lantern needs one:
 * notifications, for the content-free reminder that statutory duties are overdue, and only for
 * its own page (app://lantern). Everything else (camera, clipboard read, geolocation, USB, …)
 * is always refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<PermissionName> = new Set(['notifications']);

function fromLantern(url: string): boolean {
  try {
    // A custom scheme has an opaque origin ("null"), so compare the scheme and the host.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export function permissionAllowed(permission: PermissionName, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && fromLantern(requestingUrl);
}

export function permissionCheck(
  _contents: unknown,
  permission: PermissionName,
  requestingOrigin: string,
): boolean {
  return permissionAllowed(permission, requestingOrigin);
}

export function denyDevicePermission(): boolean {
  return false;
}

export function permissionRequestGuard(logger: Logger): RequestHandler {
  return (_contents, permission, callback, details) => {
    const allowed = permissionAllowed(permission, details.requestingUrl);
    if (!allowed) logger.warn('Denied a permission request', { permission });
    callback(allowed);
  };
}

export function installPermissionGuards(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
  logger: Logger,
): void {
  session.setPermissionRequestHandler(permissionRequestGuard(logger));
  session.setPermissionCheckHandler(permissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
}

/**
 * `data:` stays open because the CSP already confines it to images; `devtools:` is the
 * DevTools front end, which only exists in unpackaged builds.
 */
const ALLOWED_REQUEST_PROTOCOLS: ReadonlySet<string> = new Set([
  `${APP_SCHEME}:`,
  'devtools:',
  'data:',
]);

/**
 * Security E9: Lantern is local-only, so any http(s), ws(s), file or other request from a
 * renderer is a bug or an attack. Unparseable URLs are blocked too.
 */
export function shouldBlockRequest(url: string): boolean {
  try {
    return !ALLOWED_REQUEST_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

export function installRequestGuard(session: Pick<Session, 'webRequest'>, logger: Logger): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = shouldBlockRequest(details.url);
    if (cancel) logger.warn('Blocked a network request', { origin: describeOrigin(details.url) });
    callback({ cancel });
  });
}
