/**
 * The one origin the app's pages live at. Everything that decides "is this our page?" (the
 * protocol handler, navigation guards, the IPC sender check) asks this module, so the answer
 * cannot drift between them.
 */

/** The privileged custom scheme the renderer is served from (never file://, never http). */
export const APP_SCHEME = 'app';

/** The single host under the scheme; any other host is someone else's content. */
export const APP_ORIGIN_HOST = 'workwell';

/** The page the main window loads. */
export const APP_URL = `${APP_SCHEME}://${APP_ORIGIN_HOST}/index.html`;

/**
 * Whether a URL belongs to the app. Compares protocol and host rather than `URL.origin`, because
 * Node's URL parser reports the origin of a non-special scheme such as `app:` as the string
 * 'null', which would make every app: URL look alike. Credentials and ports are refused so that
 * `app://user@workwell` or `app://workwell:81` cannot pass as the app.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_ORIGIN_HOST && parsed.username === '' && parsed.password === '';
}
