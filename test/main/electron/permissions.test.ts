import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import type { PermissionName } from '../../../main/electron/permissions';
import {
  denyDevicePermission,
  installPermissionGuards,
  installRequestGuard,
  permissionCheck,
  permissionRequestGuard,
  shouldBlockRequest,
} from '../../../main/electron/permissions';
import { fakeLogger } from './fake-logger';

/**
 * Every permission name in Electron 45's typings. Typed as a record so the compiler fails
 * this file when Electron adds or removes one, and the table has to be revisited.
 */
const everyPermission: Record<PermissionName, true> = {
  ar: true,
  'automatic-fullscreen': true,
  'background-fetch': true,
  'background-sync': true,
  'captured-surface-control': true,
  'clipboard-read': true,
  'clipboard-sanitized-write': true,
  'deprecated-sync-clipboard-read': true,
  'display-capture': true,
  fileSystem: true,
  fullscreen: true,
  geolocation: true,
  'geolocation-approximate': true,
  'hand-tracking': true,
  hid: true,
  'idle-detection': true,
  keyboardLock: true,
  'local-fonts': true,
  'local-network': true,
  'local-network-access': true,
  'loopback-network': true,
  media: true,
  mediaKeySystem: true,
  midi: true,
  midiSysex: true,
  nfc: true,
  notifications: true,
  openExternal: true,
  'payment-handler': true,
  'periodic-background-sync': true,
  'persistent-storage': true,
  pointerLock: true,
  'screen-wake-lock': true,
  sensors: true,
  serial: true,
  'smart-card': true,
  'speaker-selection': true,
  'storage-access': true,
  'system-wake-lock': true,
  'top-level-storage-access': true,
  usb: true,
  vr: true,
  'web-app-installation': true,
  'web-printing': true,
  'window-management': true,
  unknown: true,
};
const permissions = Object.keys(everyPermission) as PermissionName[];
// The one permission Lantern's own page may have: the reminder of overdue statutory duties.
const refused = permissions.filter((p) => p !== 'notifications');

// Called the way Electron calls them, whatever parameters the implementations declare.
const checkHandler: NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]> =
  permissionCheck;
const deviceHandler: NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]> =
  denyDevicePermission;

describe('permission handlers (security E6)', () => {
  const contents = {} as unknown as WebContents;

  it.each(refused)('denies a request for %s', (permission) => {
    const callback = vi.fn();
    permissionRequestGuard(fakeLogger())(contents, permission, callback, {
      isMainFrame: true,
      requestingUrl: 'app://lantern/index.html',
    });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(refused)('answers a check for %s with false', (permission) => {
    expect(checkHandler(contents, permission, 'app://lantern', {} as never)).toBe(false);
  });

  it('allows notifications to Lantern’s own page, for the overdue-duty reminder', () => {
    const callback = vi.fn();
    const logger = fakeLogger();
    permissionRequestGuard(logger)(contents, 'notifications', callback, {
      isMainFrame: true,
      requestingUrl: 'app://lantern/index.html',
    });
    expect(callback).toHaveBeenCalledExactlyOnceWith(true);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(checkHandler(contents, 'notifications', 'app://lantern', {} as never)).toBe(true);
  });

  it.each(['https://evil.example', 'app://lantern.evil', 'file:///index.html', '', 'not a url'])(
    'refuses notifications to any other origin (%j)',
    (origin) => {
      const callback = vi.fn();
      permissionRequestGuard(fakeLogger())(contents, 'notifications', callback, {
        isMainFrame: true,
        requestingUrl: origin,
      });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(checkHandler(contents, 'notifications', origin, {} as never)).toBe(false);
    },
  );

  it('denies devices (HID, serial, USB)', () => {
    expect(deviceHandler({} as never)).toBe(false);
  });

  it('logs the permission name only', () => {
    const logger = fakeLogger();
    permissionRequestGuard(logger)(contents, 'media', vi.fn(), {
      isMainFrame: true,
      requestingUrl: 'app://lantern/child/123',
    });
    expect(logger.warn).toHaveBeenCalledExactlyOnceWith(expect.any(String), {
      permission: 'media',
    });
  });

  it('installs all three handlers on the session', () => {
    const session = {
      setPermissionRequestHandler: vi.fn<Session['setPermissionRequestHandler']>(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    installPermissionGuards(session, fakeLogger());
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(permissionCheck);
    expect(session.setDevicePermissionHandler).toHaveBeenCalledWith(denyDevicePermission);
    const [handler] = session.setPermissionRequestHandler.mock.calls[0]!;
    const callback = vi.fn();
    handler!(contents, 'media', callback, { isMainFrame: true, requestingUrl: 'app://lantern/' });
    expect(callback).toHaveBeenCalledWith(false);
  });
});

describe('shouldBlockRequest (security E9)', () => {
  it.each([
    'http://example.com/',
    'https://www.gov.uk/',
    'https://lantern/',
    'ws://localhost:9222/',
    'wss://evil.example/socket',
    'file:///etc/passwd',
    'file:///C:/Users/dsl/Documents/case.pdf',
    'ftp://example.com/',
    'blob:app://lantern/123',
    'chrome-extension://abc/page.html',
    'smb://server/share',
    'about:blank',
    'javascript:alert(1)',
    'filesystem:app://lantern/temporary/x',
    'not a url',
    '',
  ])('cancels %j', (url) => {
    expect(shouldBlockRequest(url)).toBe(true);
  });

  it.each([
    'app://lantern/index.html',
    'app://lantern/assets/index-abc123.js',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,iVBORw0KGgo=',
  ])('lets %j through', (url) => {
    expect(shouldBlockRequest(url)).toBe(false);
  });

  it('installs a listener that cancels blocked requests and logs only the origin', () => {
    let listener: Parameters<Session['webRequest']['onBeforeRequest']>[0] = null;
    const session = {
      webRequest: {
        onBeforeRequest: (l: typeof listener) => {
          listener = l;
        },
      },
    };
    const logger = fakeLogger();
    installRequestGuard(session as unknown as Pick<Session, 'webRequest'>, logger);
    expect(listener).not.toBeNull();

    const cancelled = vi.fn();
    listener!({ url: 'https://evil.example/exfil?data=secret' } as never, cancelled);
    expect(cancelled).toHaveBeenCalledWith({ cancel: true });
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('secret');

    const allowed = vi.fn();
    listener!({ url: 'app://lantern/index.html' } as never, allowed);
    expect(allowed).toHaveBeenCalledWith({ cancel: false });
  });
});
