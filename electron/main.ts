/**
 * The Electron main process: wiring only. Each piece it wires is its own tested module; this file
 * decides the order. Bundled to dist/electron/main.cjs, so it finds its neighbours via __dirname
 * (import.meta does not exist in CommonJS).
 *
 * Log hygiene: nothing here logs call inputs, results or error messages from below, because any
 * of them may carry personal data. Only event names and reasons Chromium gives are logged.
 */
import path from 'node:path';
import { app, BrowserWindow, Menu, dialog, ipcMain, powerMonitor, protocol, session, shell } from 'electron';
import { systemClock } from '../core/clock';
import { createAppServices } from '../services/app-services';
import { internalErrorLogLine } from '../services/internal-error-log';
import { appMenuTemplate } from './app-menu';
import { APP_URL, handleAppProtocol, registerAppScheme } from './app-protocol';
import { installDownloadGuard } from './download-guard';
import { registerContractHandlers } from './ipc-bridge';
import { installNavigationGuards, installPermissionGuards } from './navigation-guards';
import { chooseBackupFileWith } from './backup-file-dialog';
import { lockOnOsEvents } from './os-lock';
import { mainWindowOptions } from './window-options';

type AppServices = ReturnType<typeof createAppServices>;

// Both must happen before 'ready': Electron ignores them afterwards.
app.enableSandbox();
registerAppScheme(protocol);

let services: AppServices | undefined;
let mainWindow: BrowserWindow | undefined;
let closing: Promise<void> | undefined;
let closed = false;

/** Where the encrypted store lives; WORKWELL_DATA_DIR lets tests use a fresh directory. */
function dataDirectory(): string {
  const fromEnv = process.env.WORKWELL_DATA_DIR;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : path.join(app.getPath('userData'), 'store');
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = undefined;
  });
  window.loadURL(APP_URL).catch(() => console.error('WorkWell MDT: the app page did not load'));
  return window;
}

/**
 * Close the store (forgetting the key) once, however many quit paths ask, then quit. Quitting is
 * held back until the close has finished so the store is never cut off mid-write.
 */
function closeAndQuit(): void {
  closing ??= (async () => {
    try {
      await services?.close();
    } catch {
      console.error('WorkWell MDT: the store did not close cleanly');
    } finally {
      closed = true;
    }
  })();
  void closing.then(() => app.quit());
}

/** A second launch would open the same store twice; focus the existing window instead. */
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every webContents, not just the main window's, gets the navigation guards.
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, { openExternal: (url) => shell.openExternal(url) });
  });

  app.on('render-process-gone', (_event, _contents, details) => {
    console.error(`WorkWell MDT: renderer gone (${details.reason})`);
  });

  app.on('window-all-closed', closeAndQuit);

  // Quitting from the menu or the OS does not go through window-all-closed.
  app.on('will-quit', (event) => {
    if (closed || services === undefined) return;
    event.preventDefault();
    closeAndQuit();
  });

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ isPackaged: app.isPackaged, isMac: process.platform === 'darwin' })));
    installPermissionGuards(session.defaultSession);
    installDownloadGuard(session.defaultSession);
    handleAppProtocol(protocol, path.join(__dirname, '../renderer'));

    try {
      services = createServices();
    } catch (error) {
      // The data folder is held by another window or a CLI command (STORE_IN_USE): say so and quit.
      dialog.showErrorBox('WorkWell MDT', error instanceof Error ? error.message : 'The app could not start.');
      app.exit(1);
      return;
    }
    registerContractHandlers(ipcMain, services.dispatch);
    const lockingServices = services;
    lockOnOsEvents(
      powerMonitor,
      (reason) => lockingServices.lock(reason),
      () => void mainWindow?.loadURL(APP_URL).catch(() => undefined),
    );

    mainWindow = createMainWindow();
  });
}

function createServices(): AppServices {
  return createAppServices({
    dataDir: dataDirectory(),
    clock: systemClock,
    // Channel and error class only: the error's message may quote personal data.
    onInternalError: (channel, error) => console.error(internalErrorLogLine(channel, error)),
    // Sheets attached to the app window; the renderer receives only the chosen path.
    chooseBackupFile: chooseBackupFileWith({
      showSaveDialog: (options) => (mainWindow === undefined ? dialog.showSaveDialog(options) : dialog.showSaveDialog(mainWindow, options)),
      showOpenDialog: (options) => (mainWindow === undefined ? dialog.showOpenDialog(options) : dialog.showOpenDialog(mainWindow, options)),
    }),
  });
}
