import type { Session } from 'electron';

import type { Logger } from '../app';
import { describeOrigin } from './navigation';
import { APP_SCHEME } from './protocol';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;

/** Every permission name Electron can ask about (from its typings). */
export type PermissionName = Parameters<RequestHandler>[1];

/**
 * Security E6: Electron grants every permission unless told otherwise, and Lantern needs
 * none (no camera, notifications API, clipboard read, geolocation, USB, …), so the answer is
 * always no.
 */
export function denyPermissionCheck(): boolean {
  return false;
}

export function denyDevicePermission(): boolean {
  return false;
}

export function permissionRequestDenier(logger: Logger): RequestHandler {
  return (_contents, permission, callback) => {
    logger.warn('Denied a permission request', { permission });
    callback(false);
  };
}

export function installPermissionGuards(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
  logger: Logger,
): void {
  session.setPermissionRequestHandler(permissionRequestDenier(logger));
  session.setPermissionCheckHandler(denyPermissionCheck);
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
