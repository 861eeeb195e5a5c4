import { isAppUrl } from './app-origin';

/**
 * The parts of Electron's `WebFrameMain` the check reads, structurally, so a real frame and a
 * test's plain object both fit. `parent` is null only for a page's top frame.
 */
export interface SenderFrame {
  readonly url: string;
  readonly parent: object | null;
}

/**
 * Whether an IPC message came from the app's own page (Electron security checklist item 17).
 * The frame must exist (it is null once navigated away or destroyed), be the top frame of its
 * page (an iframe, even one on our origin, never gets the bridge) and be on `app://workwell`.
 * Protocol and host are compared, not `origin`: Node reports 'null' as the origin of `app:` URLs.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
