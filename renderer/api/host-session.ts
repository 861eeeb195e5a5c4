/** Where a reload of the same tab finds the secret again: per tab and per origin (port included). */
const STORAGE_KEY = 'workwell-host-session';
const FRAGMENT = /^#session=([0-9a-f]{64})$/;

/**
 * The loopback host's session secret for this page. The host's launch redirect puts it in the
 * address's fragment (which browsers never send to a server); it is taken from there at once,
 * the fragment removed so it is not left in the address bar or history, and kept in memory and in
 * this tab's sessionStorage, which no page of another origin (another local port) can read. Sent
 * as a header on every call; never a cookie, which every port on 127.0.0.1 would receive.
 */
export function takeHostSession(location: Location = window.location, history: History = window.history): string | null {
  const match = FRAGMENT.exec(location.hash);
  if (match?.[1] !== undefined) {
    try {
      sessionStorage.setItem(STORAGE_KEY, match[1]);
    } catch {
      // Storage refused: the secret still lives in memory until the page is reloaded.
    }
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return match[1];
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
