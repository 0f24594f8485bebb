import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { electronPlatform } from '../../../main/electron/save-dialog';
import { tempDir } from '../../support/core';

describe('saving exports through the OS dialog', () => {
  const request = {
    suggestedName: 'sheet.pdf',
    title: 'Save',
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };

  it('writes where the person chose, readable by them alone, and offers the documents folder', async () => {
    const dir = tempDir();
    const target = path.join(dir.path, 'chosen.pdf');
    const dialog = {
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: target })),
      showOpenDialog: vi.fn(),
    };
    const window = {} as never;
    const saved = await electronPlatform(dialog, () => window, '/home/dsl/Documents').saveFile(
      request,
      Buffer.from('%PDF'),
    );
    expect(saved).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('%PDF');
    if (process.platform !== 'win32')
      expect((await import('node:fs')).statSync(target).mode & 0o777).toBe(0o600);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: path.join('/home/dsl/Documents', 'sheet.pdf'),
        filters: request.filters,
      }),
    );
    dir.remove();
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const dialog = {
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(),
    };
    expect(
      await electronPlatform(dialog, () => undefined, '/tmp').saveFile(request, Buffer.from('x')),
    ).toBeNull();
  });

  it('chooses a backup folder with the OS folder picker, which can make a new folder', async () => {
    const window = {} as never;
    const dialog = {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(() =>
        Promise.resolve({ canceled: false, filePaths: ['/media/dsl/BACKUP'] }),
      ),
    };
    const platform = electronPlatform(dialog, () => window, '/home/dsl/Documents');
    expect(await platform.chooseFolder('Choose a folder for Lantern backups')).toBe(
      '/media/dsl/BACKUP',
    );
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, {
      title: 'Choose a folder for Lantern backups',
      defaultPath: '/home/dsl/Documents',
      properties: ['openDirectory', 'createDirectory'],
    });
    dialog.showOpenDialog.mockImplementation(() =>
      Promise.resolve({ canceled: true, filePaths: [] }),
    );
    expect(await platform.chooseFolder('Choose')).toBeNull();
  });
});
