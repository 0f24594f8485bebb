import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';

import type { Result } from '../../shared/result';
import type { LanternCore, Logger, Session } from '../app';
import { INVOKE_CHANNEL } from './channel';
import { describeError } from './describe-error';
import { describeOrigin, isAppUrl } from './navigation';

export type KnownWindows = { has(contents: WebContents): boolean };

/**
 * Security E3 / checklist #17: only the top frame of one of our windows, showing the app
 * itself, may call the core. `senderFrame` is null once the frame has navigated away or
 * been destroyed, and an iframe or a page that navigated elsewhere must never inherit the
 * window's session.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, knownWindows: KnownWindows): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.detached) return false;
  if (!knownWindows.has(event.sender) || frame.parent !== null) return false;
  // Compared by identity of the document rather than of the JS wrapper object, which Electron
  // does not promise to keep unique.
  const main = event.sender.mainFrame;
  if (frame.processId !== main.processId || frame.frameToken !== main.frameToken) return false;
  return isAppUrl(frame.url);
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This window may not use Lantern.' },
};

const NOT_A_METHOD: Result<never> = {
  ok: false,
  error: { code: 'unknown_method', message: 'That is not a Lantern method.' },
};

const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Something went wrong. Please try again.' },
};

function senderOrigin(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame === null ? 'no frame' : describeOrigin(event.senderFrame.url);
  } catch {
    return 'disposed frame';
  }
}

/**
 * The only `ipcMain.handle` in Lantern. Everything past the sender check is the router's job
 * (schema, permission, audit); this layer only refuses callers that are not the app and
 * makes sure no exception, with its message and stack, crosses to the renderer.
 */
export function registerInvokeHandler(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: Pick<LanternCore, 'invoke'>,
  sessions: ReadonlyMap<WebContents, Session>,
  logger: Logger,
): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (
      event: IpcMainInvokeEvent,
      method: unknown,
      input: unknown,
    ): Promise<Result<unknown>> => {
      try {
        const session = sessions.get(event.sender);
        if (session === undefined || !isTrustedSender(event, sessions)) {
          logger.warn('Refused IPC from an untrusted sender', { origin: senderOrigin(event) });
          return FORBIDDEN;
        }
        if (typeof method !== 'string') return NOT_A_METHOD;
        return await core.invoke(session, method, input);
      } catch (error) {
        logger.error('IPC call failed', { error: describeError(error) });
        return INTERNAL;
      }
    },
  );
}
