import type {
  Event,
  HandlerDetails,
  Shell,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { describe, expect, it, vi } from 'vitest';

import {
  EXTERNAL_LINK_ORIGINS,
  describeOrigin,
  hardenWebContents,
  isAllowedExternalUrl,
  isAppUrl,
  parseAllowedExternalUrl,
} from '../../../main/electron/navigation';
import { fakeLogger } from './fake-logger';

const allowed = ['https://allowed.example.com', ...EXTERNAL_LINK_ORIGINS];

/** Security E2: each of these must be refused by the external-link check. */
const hostileUrls = [
  // Look-alike hosts and parser tricks around the allowed origin.
  'https://allowed.example.com.attacker.com/',
  'https://allowed.example.com.attacker.com',
  'https://attacker.com/allowed.example.com',
  'https://attacker.com?https://allowed.example.com',
  'https://attacker.com#https://allowed.example.com',
  'https://allowed.example.com@attacker.com/',
  'https://user:pass@allowed.example.com/',
  'https://user@allowed.example.com/',
  'https://allowed.example.com:443@attacker.com/',
  'https://allowed.example.com%2eattacker.com/',
  'https://allowed.example.com%40attacker.com/',
  'https://allowed-example.com/',
  'https://allowedexample.com/',
  'https://xallowed.example.com/',
  'https://sub.allowed.example.com/',
  'https://example.com/',
  'https://allowed.example.co/',
  'https://allowed.example.com:8443/',
  'https://allowed.example.com:444/',
  'https://allowed.example.com./',
  'https://www.gov.uk.attacker.com/guidance',
  'https://www.gov.uk@evil.example/',
  'https://gov.uk/',
  'https://www.gov.uk:8443/',
  'https://notgov.uk/',
  'https://www.legislation.gov.uk.evil.example/',
  // IDN / punycode homographs of allowed hosts.
  'https://www.gоv.uk/',
  'https://www.gov.uк/',
  'https://аllowed.example.com/',
  'https://allowed.exаmple.com/',
  'https://www.xn--gv-olc.uk/',
  'https://xn--llowed-2wf.example.com/',
  'https://www.legislatiοn.gov.uk/',
  // Wrong scheme, including the allowed hosts over plain http.
  'http://allowed.example.com/',
  'http://www.gov.uk/guidance',
  'javascript:alert(1)',
  'JavaScript:alert(document.domain)',
  'javascript://allowed.example.com/%0aalert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/calc.exe',
  'file://allowed.example.com/share',
  'smb://attacker.com/share',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'ms-officecmd:{}',
  'ms-settings:',
  'search-ms:query=x&crumb=location:\\\\attacker.com\\share',
  'mailto:dsl@school.example',
  'tel:+441234567890',
  'ftp://allowed.example.com/',
  'ws://allowed.example.com/',
  'wss://allowed.example.com/',
  'blob:https://allowed.example.com/123',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'app://lantern/index.html',
  'view-source:https://allowed.example.com/',
  // UNC paths and backslash tricks that a different parser could read as another host.
  '\\\\attacker.com\\share',
  '\\\\?\\UNC\\attacker.com\\share',
  '//attacker.com/share',
  'https:\\\\attacker.com',
  'https://allowed.example.com\\@attacker.com/',
  'https:/\\attacker.com',
  // Whitespace and control characters.
  'https://allowed.example.com/\npath',
  'https://allowed.example.com/\tpath',
  'https://allowed.example.com/ path',
  'https://allowed.example.com/\u0000',
  'https://allowed.example.com/\u2028',
  // Not URLs at all.
  '',
  'allowed.example.com',
  '/relative/path',
  'https://',
  'https://[::1]/',
  'https://127.0.0.1/',
  'https://localhost/',
  `https://allowed.example.com/${'a'.repeat(3000)}`,
];

describe('isAllowedExternalUrl (security E2)', () => {
  it('starts from a list of exact GOV.UK origins', () => {
    expect(EXTERNAL_LINK_ORIGINS).toEqual(['https://www.gov.uk', 'https://www.legislation.gov.uk']);
    for (const origin of EXTERNAL_LINK_ORIGINS) expect(new URL(origin).origin).toBe(origin);
  });

  it('is tested with at least 50 hostile URLs', () => {
    expect(new Set(hostileUrls).size).toBe(hostileUrls.length);
    expect(hostileUrls.length).toBeGreaterThanOrEqual(50);
  });

  it.each(hostileUrls)('refuses %j', (raw) => {
    expect(isAllowedExternalUrl(raw, allowed)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['https://www.gov.uk'], new URL('https://www.gov.uk')])(
    'refuses the non-string %j',
    (raw) => {
      expect(isAllowedExternalUrl(raw, allowed)).toBe(false);
    },
  );

  it.each([
    'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2',
    'https://www.gov.uk/',
    'https://www.gov.uk',
    'https://www.legislation.gov.uk/ukpga/2004/31/section/11',
    'https://allowed.example.com/path?query=1#frag',
    'https://allowed.example.com:443/',
    'HTTPS://WWW.GOV.UK/guidance',
  ])('allows %j', (raw) => {
    expect(isAllowedExternalUrl(raw, allowed)).toBe(true);
  });

  it('allows nothing with an empty list', () => {
    expect(isAllowedExternalUrl('https://www.gov.uk/', [])).toBe(false);
  });

  it('returns the normalised URL, which is what reaches the OS browser', () => {
    expect(parseAllowedExternalUrl('HTTPS://WWW.GOV.UK:443/a/../b', allowed)?.href).toBe(
      'https://www.gov.uk/b',
    );
  });
});

describe('isAppUrl', () => {
  it.each(['app://lantern/index.html', 'app://lantern/', 'app://lantern', 'app://lantern/x?y#z'])(
    'accepts %j',
    (raw) => {
      expect(isAppUrl(raw)).toBe(true);
    },
  );

  it.each([
    'app://lantern.evil/',
    'app://lanternx/',
    'app://evil/lantern',
    'app://user@lantern/',
    'app://lantern:8080/',
    'app:lantern/index.html',
    'apps://lantern/',
    'https://lantern/',
    'file:///lantern/index.html',
    'about:blank',
    'javascript:alert(1)',
    '',
    'lantern',
    null,
    42,
  ])('rejects %j', (raw) => {
    expect(isAppUrl(raw)).toBe(false);
  });
});

describe('describeOrigin', () => {
  it('keeps only the origin, never the path or query', () => {
    expect(describeOrigin('https://evil.example/child?name=Sam')).toBe('https://evil.example');
    expect(describeOrigin('file:///home/dsl/records.pdf')).toBe('file:');
    expect(describeOrigin('not a url')).toBe('unparseable');
  });
});

type Listener = (event: Event & { url: string }) => void;

function setup() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const shell = { openExternal: vi.fn<Shell['openExternal']>(() => Promise.resolve()) };
  const logger = fakeLogger();
  hardenWebContents(contents as unknown as WebContents, shell, allowed, logger);

  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    const listener = listeners.get(name);
    expect(listener, `${name} listener`).toBeDefined();
    listener!(event as unknown as Event & { url: string });
    return event;
  };
  const open = (url: string) => {
    expect(openHandler).toBeDefined();
    return openHandler!({ url } as HandlerDetails);
  };
  return { fire, open, shell, logger };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s stays inside the app',
    (name) => {
      const { fire } = setup();
      expect(fire(name, 'app://lantern/children').preventDefault).not.toHaveBeenCalled();
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/']) {
        expect(fire(name, url).preventDefault).toHaveBeenCalledOnce();
      }
    },
  );

  it('sends a blocked navigation to an allowed site to the OS browser, normalised', () => {
    const { fire, shell } = setup();
    expect(fire('will-navigate', 'HTTPS://www.gov.uk/guidance').preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.gov.uk/guidance');
  });

  it('never opens a hostile URL, whichever way it arrives', () => {
    const { fire, open, shell } = setup();
    for (const url of hostileUrls) {
      fire('will-navigate', url);
      fire('will-frame-navigate', url);
      fire('will-redirect', url);
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('does not turn redirects or sub-frame navigations into browser tabs', () => {
    const { fire, shell } = setup();
    fire('will-redirect', 'https://www.gov.uk/');
    fire('will-frame-navigate', 'https://www.gov.uk/');
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, opening allowed links in the OS browser instead', () => {
    const { open, shell } = setup();
    expect(open('https://www.legislation.gov.uk/ukpga/1989/41')).toEqual({ action: 'deny' });
    expect(open('app://lantern/index.html')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://www.legislation.gov.uk/ukpga/1989/41',
    );
  });

  it('refuses to attach a <webview>', () => {
    const { fire } = setup();
    expect(fire('will-attach-webview', 'app://lantern/').preventDefault).toHaveBeenCalledOnce();
  });

  it('logs the origin of a blocked navigation but never its path', () => {
    const { fire, logger } = setup();
    fire('will-navigate', 'https://evil.example/steal?child=Sam');
    const logged = JSON.stringify(logger.warn.mock.calls);
    expect(logged).toContain('https://evil.example');
    expect(logged).not.toContain('Sam');
  });

  it('logs, and does not throw, when the OS browser cannot be opened', async () => {
    const { open, shell, logger } = setup();
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    open('https://www.gov.uk/');
    await vi.waitFor(() => {
      expect(logger.error).toHaveBeenCalledOnce();
    });
  });
});
