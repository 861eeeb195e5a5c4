import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../electron/app-menu';

/** Every role anywhere in the template, submenus included. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('appMenuTemplate', () => {
  it.each([true, false])('has no devtools or reload in packaged builds (mac: %s)', (isMac) => {
    const found = roles(appMenuTemplate({ isPackaged: true, isMac }));
    expect(found).not.toContain('toggleDevTools');
    expect(found).not.toContain('reload');
    expect(found).not.toContain('forceReload');
    expect(found).toContain('zoomIn');
  });

  it('offers devtools in development', () => {
    expect(roles(appMenuTemplate({ isPackaged: false, isMac: false }))).toContain('toggleDevTools');
  });

  it('adds the macOS app menu only on macOS', () => {
    expect(roles(appMenuTemplate({ isPackaged: true, isMac: true }))).toContain('appMenu');
    expect(roles(appMenuTemplate({ isPackaged: true, isMac: false }))).not.toContain('appMenu');
  });
});
