import type { Result } from '../../core/result';
import type { Dispatch } from '../../services/dispatch-types';

/**
 * A Node client of the loopback host that behaves like the browser: it opens the one-time launch
 * URL, keeps the session cookie, and sends calls with the app's Origin.
 */
export async function connectToHost(launchUrl: string): Promise<Dispatch> {
  const launch = await fetch(launchUrl, { redirect: 'manual' });
  if (launch.status !== 303) throw new Error(`launch failed with ${launch.status}`);
  const cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const origin = new URL(launchUrl).origin;
  return async (channel: string, input: unknown): Promise<Result<unknown>> => {
    const response = await fetch(`${origin}/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<unknown>;
  };
}
