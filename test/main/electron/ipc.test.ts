import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import { INVOKE_CHANNEL } from '../../../main/electron/channel';
import { isTrustedSender, registerInvokeHandler } from '../../../main/electron/ipc';
import type { Result } from '../../../shared/result';
import { fakeLogger } from './fake-logger';

type FakeFrame = {
  url: string;
  parent: FakeFrame | null;
  detached: boolean;
  processId: number;
  frameToken: string;
};

let nextToken = 0;
function frame(url: string, parent: FakeFrame | null = null, processId = 7): FakeFrame {
  nextToken += 1;
  return { url, parent, detached: false, processId, frameToken: `token-${nextToken}` };
}

function makeContents(url = 'app://lantern/index.html') {
  const mainFrame = frame(url);
  return { mainFrame } as unknown as WebContents & { mainFrame: FakeFrame };
}

function eventFrom(sender: WebContents, senderFrame: FakeFrame | null): IpcMainInvokeEvent {
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

const session: Session = { id: 'session-1' };

function setup() {
  const contents = makeContents();
  const sessions = new Map<WebContents, Session>([[contents, session]]);
  const ok: Result<unknown> = { ok: true, value: { unlocked: false } };
  const core = { invoke: vi.fn<LanternCore['invoke']>(() => Promise.resolve(ok)) };
  const logger = fakeLogger();
  let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) | undefined;
  const ipcMain = {
    handle: vi.fn((channel: string, listener: typeof handler) => {
      expect(channel).toBe(INVOKE_CHANNEL);
      handler = listener;
    }),
  };
  registerInvokeHandler(ipcMain, core, sessions, logger);
  const call = (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    expect(handler).toBeDefined();
    return handler!(event, ...args);
  };
  return { contents, sessions, core, logger, ipcMain, call, ok };
}

const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) } };

describe('isTrustedSender (security E3)', () => {
  it('trusts the main frame of a known window showing the app', () => {
    const contents = makeContents();
    expect(isTrustedSender(eventFrom(contents, contents.mainFrame), new Set([contents]))).toBe(
      true,
    );
  });

  it('refuses a null senderFrame (navigated away or destroyed)', () => {
    const contents = makeContents();
    expect(isTrustedSender(eventFrom(contents, null), new Set([contents]))).toBe(false);
  });

  it('refuses a detached frame', () => {
    const contents = makeContents();
    contents.mainFrame.detached = true;
    expect(isTrustedSender(eventFrom(contents, contents.mainFrame), new Set([contents]))).toBe(
      false,
    );
  });

  it('refuses an iframe, even one on the app origin', () => {
    const contents = makeContents();
    const iframe = frame('app://lantern/index.html', contents.mainFrame);
    expect(isTrustedSender(eventFrom(contents, iframe), new Set([contents]))).toBe(false);
  });

  it('refuses a top-level frame that is not the main frame (e.g. a prerendered page)', () => {
    const contents = makeContents();
    const impostor = frame('app://lantern/index.html');
    expect(isTrustedSender(eventFrom(contents, impostor), new Set([contents]))).toBe(false);
  });

  it('refuses a frame with the main frame token in another process', () => {
    const contents = makeContents();
    const { url, frameToken } = contents.mainFrame;
    const elsewhere: FakeFrame = { url, parent: null, detached: false, processId: 8, frameToken };
    expect(isTrustedSender(eventFrom(contents, elsewhere), new Set([contents]))).toBe(false);
  });

  it('trusts a different wrapper object for the same main frame document', () => {
    const contents = makeContents();
    const { url, processId, frameToken } = contents.mainFrame;
    const sameDocument: FakeFrame = { url, parent: null, detached: false, processId, frameToken };
    expect(isTrustedSender(eventFrom(contents, sameDocument), new Set([contents]))).toBe(true);
  });

  it('refuses a window it does not know', () => {
    const contents = makeContents();
    expect(isTrustedSender(eventFrom(contents, contents.mainFrame), new Set())).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'https://lantern/index.html',
    'http://localhost:5173/',
    'file:///C:/Users/dsl/Downloads/evil.html',
    'file:///work/main/dist/renderer/index.html',
    'app://other/index.html',
    'app://lantern.evil.example/',
    'app://user@lantern/',
    'app://lantern:1234/',
    'data:text/html,<script>1</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses a main frame showing %j', (url) => {
    const contents = makeContents(url);
    expect(isTrustedSender(eventFrom(contents, contents.mainFrame), new Set([contents]))).toBe(
      false,
    );
  });
});

describe('registerInvokeHandler', () => {
  it('registers exactly one handler, on the invoke channel', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle).toHaveBeenCalledOnce();
    expect(INVOKE_CHANNEL).toBe('lantern:invoke');
  });

  it("passes a trusted call to the core with the window's session", async () => {
    const { contents, core, call, ok } = setup();
    const input = { passphrase: 'correct horse battery staple' };
    await expect(
      call(eventFrom(contents, contents.mainFrame), 'vault.unlock', input),
    ).resolves.toBe(ok);
    expect(core.invoke).toHaveBeenCalledExactlyOnceWith(session, 'vault.unlock', input);
  });

  it('drops arguments beyond method and input', async () => {
    const { contents, core, call } = setup();
    await call(eventFrom(contents, contents.mainFrame), 'session.status', {}, 'extra', 42);
    expect(core.invoke).toHaveBeenCalledExactlyOnceWith(session, 'session.status', {});
  });

  it('forbids forged senders without reaching the core, and logs them', async () => {
    const { contents, core, logger, call } = setup();
    const stranger = makeContents();
    const iframe = frame('app://lantern/', contents.mainFrame);
    const evil = makeContents('https://evil.example/');
    const forged = [
      eventFrom(contents, null),
      eventFrom(contents, iframe),
      eventFrom(stranger, stranger.mainFrame),
      eventFrom(evil, evil.mainFrame),
    ];
    for (const event of forged) {
      await expect(call(event, 'session.status', {})).resolves.toEqual(forbidden);
    }
    expect(core.invoke).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(forged.length);
  });

  it('forbids a known window once it has navigated off the app', async () => {
    const { contents, core, call } = setup();
    contents.mainFrame.url = 'https://evil.example/';
    await expect(
      call(eventFrom(contents, contents.mainFrame), 'session.status', {}),
    ).resolves.toEqual(forbidden);
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it.each([undefined, null, 42, {}, ['session.status'], Symbol('x')])(
    'refuses the non-string method %s',
    async (method) => {
      const { contents, core, call } = setup();
      const result = await call(eventFrom(contents, contents.mainFrame), method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(core.invoke).not.toHaveBeenCalled();
    },
  );

  it('turns an exception into a generic error, so no message or stack reaches the page', async () => {
    const { contents, core, logger, call } = setup();
    core.invoke.mockRejectedValueOnce(new Error('SQLITE_CORRUPT at /secret/path'));
    const result = await call(eventFrom(contents, contents.mainFrame), 'children.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('treats a frame that throws on access (disposed) as an internal error, not a pass', async () => {
    const { contents, core, call } = setup();
    const disposed = {
      ...frame(''),
      get url(): string {
        throw new Error('Render frame was disposed');
      },
    };
    Object.defineProperty(contents, 'mainFrame', { value: disposed });
    const result = await call(eventFrom(contents, disposed), 'session.status', {});
    expect(result).toMatchObject({ ok: false });
    expect(core.invoke).not.toHaveBeenCalled();
  });
});
