import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { BrowserWindow, Dialog } from 'electron';

import type { Platform } from '../platform';

/**
 * Saving exports (recovery sheet, audit CSV) through the OS save dialog, and choosing a backup
 * folder through the OS folder picker. The person chooses where each file goes; Lantern never
 * writes exports anywhere on its own.
 */
export function electronPlatform(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  window: () => BrowserWindow | undefined,
  documentsDir: string,
): Platform {
  return {
    async saveFile(request, data) {
      const options = {
        title: request.title,
        defaultPath: path.join(documentsDir, request.suggestedName),
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'] as (
          'createDirectory' | 'showOverwriteConfirmation'
        )[],
      };
      const owner = window();
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, data, { mode: 0o600 });
      return choice.filePath;
    },
    async chooseFolder(title) {
      const options = {
        title,
        defaultPath: documentsDir,
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const owner = window();
      const choice = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
  };
}
