import type { MenuItemConstructorOptions } from 'electron';

/** What decides the menu: packaged builds lose developer items, macOS gets its app menu. */
export interface AppMenuOptions {
  readonly isPackaged: boolean;
  readonly isMac: boolean;
}

/**
 * The application menu. Built from roles only, so every item is Electron's own behaviour.
 * In packaged builds there is no way to open devtools or reload from the menu: devtools would let
 * anyone at the keyboard run script with the bridge, and a reload would drop the unlocked session
 * mid-edit. Zoom stays, because people need to enlarge text.
 */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) {
    view.unshift({ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  }

  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) template.push({ role: 'appMenu' });
  template.push(
    { label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  );
  return template;
}
