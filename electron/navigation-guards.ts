import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

/** How guarded contents may hand a link to the system browser. */
export interface NavigationGuardOptions {
  /** Usually `shell.openExternal`; only ever called with an allow-listed https URL. */
  readonly openExternal: (url: string) => Promise<void> | void;
  /** Exact https origins (e.g. 'https://www.nhs.uk') that may open in the browser. Default: none. */
  readonly allowedExternalOrigins?: readonly string[];
}

/**
 * Keep a window's contents on the app origin (Electron security checklist items 13 and 14).
 * Navigation away from `app://workwell` is cancelled, new windows are never created, and
 * `<webview>` can never attach. A link to an allow-listed https origin is opened in the system
 * browser instead, outside the app's privileges.
 */
export function installNavigationGuards(contents: WebContents, options: NavigationGuardOptions): void {
  const allowed = options.allowedExternalOrigins ?? [];

  const sendOutside = (url: string): void => {
    if (!isAllowedExternalUrl(url, allowed)) return;
    // A failure to launch a browser is not the page's business; swallow it rather than crash.
    void Promise.resolve()
      .then(() => options.openExternal(url))
      .catch(() => undefined);
  };

  const keepOnAppOrigin = (event: { preventDefault(): void; url: string }): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    sendOutside(event.url);
  };

  contents.on('will-navigate', (event) => keepOnAppOrigin(event));
  // Same rule for subframes (will-navigate only covers the main frame). The CSP forbids frames;
  // this holds even if that ever slips. Main-frame events are left to will-navigate above.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  // A server redirect could otherwise take an allowed request somewhere else.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });

  // The app is one window. Even app:// popups are refused: a second window would be a second
  // renderer holding the bridge.
  contents.setWindowOpenHandler((details) => {
    sendOutside(details.url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Schemes a page may load: its own files, Chromium's devtools, and in-memory data it made. */
const ALLOWED_REQUEST_PROTOCOLS: ReadonlySet<string> = new Set(['devtools:', 'data:', 'blob:']);

/**
 * Whether the session may make this request at all. Only the app origin, devtools, and
 * `data:`/`blob:` (which never leave the process; the CSP limits where they may be used) pass.
 * Everything else, including http(s) and file:, is cancelled: the app shows no remote content.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    return ALLOWED_REQUEST_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Refuse every permission (camera, notifications, geolocation, clipboard read, HID, serial, USB…)
 * and cancel every request that is not local. The app needs none of these; a page that asks has
 * been compromised or changed without review.
 */
export function installPermissionGuards(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
