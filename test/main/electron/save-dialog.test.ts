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
    };
    expect(
      await electronPlatform(dialog, () => undefined, '/tmp').saveFile(request, Buffer.from('x')),
    ).toBeNull();
  });
});
