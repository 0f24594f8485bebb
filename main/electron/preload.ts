import { contextBridge, ipcRenderer } from 'electron';

import { INVOKE_CHANNEL } from './channel';

/**
 * The renderer's whole view of main: one function, one channel. Exposing `ipcRenderer` or a
 * generic `send` would let any script in the page reach any channel (checklist #17, [S1-ctx]).
 * Arguments are listed explicitly so extra ones are dropped here, not forwarded.
 */
contextBridge.exposeInMainWorld('lantern', {
  invoke: (method: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
});
