import type { MenuItemConstructorOptions } from 'electron';

export type MenuContext = {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
};

/**
 * Deliberately small. The Edit menu is kept because macOS routes copy and paste shortcuts
 * through it; reload and DevTools exist only in unpackaged builds, where a reload cannot lose
 * a DSL's unsaved work.
 */
export function applicationMenu({
  isPackaged,
  platform,
}: MenuContext): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const menu: MenuItemConstructorOptions[] = [];
  if (isMac) menu.push({ role: 'appMenu' });
  menu.push({ label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] });
  menu.push({ role: 'editMenu' });
  if (!isPackaged) {
    menu.push({ label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  }
  return menu;
}
