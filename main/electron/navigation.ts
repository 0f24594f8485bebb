import type { Event, Shell, WebContents } from 'electron';

import type { Logger } from '../app';
import { describeError } from './describe-error';
import { hasAppOrigin } from './protocol';

/**
 * Origins whose links open in the OS browser: statutory guidance (KCSIE, Working Together)
 * on GOV.UK and the Acts it cites on legislation.gov.uk. Each entry is a serialised
 * `URL.origin`, so comparison is exact.
 */
export const EXTERNAL_LINK_ORIGINS: readonly string[] = [
  'https://www.gov.uk',
  'https://www.legislation.gov.uk',
];

// Browsers in other processes may parse these differently from Node (backslashes, stripped
// whitespace, control characters), so they are refused rather than normalised.
const AMBIGUOUS_URL_CHARS = /[\\\s\p{Cc}]/u;
const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The normalised URL to hand to the OS browser, or null. Only https, no credentials, and an
 * origin exactly equal to one on the list: a prefix or suffix match would admit
 * `https://www.gov.uk.attacker.example`, and an IDN look-alike has a different punycode host.
 */
export function parseAllowedExternalUrl(
  raw: unknown,
  allowedOrigins: readonly string[],
): URL | null {
  if (typeof raw !== 'string' || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (AMBIGUOUS_URL_CHARS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  return allowedOrigins.includes(url.origin) ? url : null;
}

export function isAllowedExternalUrl(raw: unknown, allowedOrigins: readonly string[]): boolean {
  return parseAllowedExternalUrl(raw, allowedOrigins) !== null;
}

export function isAppUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  try {
    return hasAppOrigin(new URL(raw));
  } catch {
    return false;
  }
}

/** What a log line may say about a URL: its origin, never its path or query. */
export function describeOrigin(raw: string): string {
  try {
    const url = new URL(raw);
    return url.origin === 'null' ? url.protocol : url.origin;
  } catch {
    return 'unparseable';
  }
}

type NavigationEvent = Event & { readonly url: string };

/**
 * Security E2: the window never leaves the bundle and never opens another window. Allowed
 * https links go to the OS browser instead.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  shell: Pick<Shell, 'openExternal'>,
  allowedOrigins: readonly string[],
  logger: Logger,
): void {
  const openExternally = (raw: string): void => {
    const url = parseAllowedExternalUrl(raw, allowedOrigins);
    if (url === null) {
      logger.warn('Refused to open a link outside the allow-list', { origin: describeOrigin(raw) });
      return;
    }
    shell.openExternal(url.href).catch((error: unknown) => {
      logger.error('Could not open a link in the browser', {
        origin: url.origin,
        error: describeError(error),
      });
    });
  };
  const stayInApp = (event: NavigationEvent): boolean => {
    if (isAppUrl(event.url)) return true;
    event.preventDefault();
    logger.warn('Blocked navigation away from the app', { origin: describeOrigin(event.url) });
    return false;
  };

  contents.on('will-navigate', (event) => {
    if (!stayInApp(event)) openExternally(event.url);
  });
  // Sub-frames and server redirects are blocked too, but never turned into browser tabs.
  contents.on('will-frame-navigate', (event) => {
    stayInApp(event);
  });
  contents.on('will-redirect', (event) => {
    stayInApp(event);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}
