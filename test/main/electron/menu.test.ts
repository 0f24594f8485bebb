import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { applicationMenu } from '../../../main/electron/menu';

function roles(menu: MenuItemConstructorOptions[]): string[] {
  return menu.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('applicationMenu', () => {
  it('is File: Quit and Edit in a packaged Windows or Linux build', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const menu = applicationMenu({ isPackaged: true, platform });
      expect(menu.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu']);
      expect(roles(menu)).toEqual(['quit', 'editMenu']);
    }
  });

  it('has the macOS app menu (with Quit) and closes the window from File on macOS', () => {
    const menu = applicationMenu({ isPackaged: true, platform: 'darwin' });
    expect(roles(menu)).toEqual(['appMenu', 'close', 'editMenu']);
  });

  it('offers reload and DevTools only in unpackaged builds', () => {
    expect(roles(applicationMenu({ isPackaged: true, platform: 'linux' }))).not.toContain('reload');
    expect(roles(applicationMenu({ isPackaged: false, platform: 'linux' }))).toEqual([
      'quit',
      'editMenu',
      'reload',
      'toggleDevTools',
    ]);
  });
});
