import type { BrowserWindowConstructorOptions } from 'electron';

/** NHS grey (#f0f4f5), the page background, so the window does not flash white while loading. */
export const WINDOW_BACKGROUND = '#f0f4f5';

/** Smallest size at which the caseload table and action plans stay usable without scrolling sideways. */
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 700;

export interface MainWindowExtras {
  /** Whether devtools may open at all. Off unless the caller says otherwise (development only). */
  readonly devTools?: boolean;
}

/**
 * Options for the one app window, following Electron's security checklist: the page gets no
 * Node, runs in Chromium's sandbox with context isolation, keeps web security, and cannot load
 * insecure content, use experimental features, embed `<webview>` or navigate by dropping a file.
 * Spellcheck is off because Chromium's spellchecker may send words to a remote service and the
 * text here is clinical and personal.
 */
export function mainWindowOptions(preloadPath: string, extras: MainWindowExtras = {}): BrowserWindowConstructorOptions {
  return {
    title: 'WorkWell MDT',
    width: 1280,
    height: 860,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on 'ready-to-show' so nobody sees an empty frame.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: extras.devTools ?? false,
    },
  };
}
