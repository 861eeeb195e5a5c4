import { request } from 'node:http';
import type { Result } from '../../core/result';
import type { Dispatch } from '../../services/dispatch-types';

/**
 * One POST on a connection of its own. Not `fetch`: its pooled keep-alive sockets race the host's
 * keep-alive timeout when a test blocks the event loop between calls (a synchronous scan of the
 * temp folder, say), and a reused socket the server has just closed fails with ECONNRESET.
 */
function post(url: URL, headers: Record<string, string>, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

/** Opens the one-time launch URL as a browser would and returns the session secret from the redirect's fragment. */
export async function launchHostSession(launchUrl: string): Promise<string> {
  const launch = await fetch(launchUrl, { redirect: 'manual' });
  if (launch.status !== 303) throw new Error(`launch failed with ${launch.status}`);
  const secret = /^\/#session=([0-9a-f]{64})$/.exec(launch.headers.get('location') ?? '')?.[1];
  if (secret === undefined) throw new Error('the launch redirect gave no session secret');
  return secret;
}

/**
 * A Node client of the loopback host that behaves like the page: it opens the one-time launch
 * URL, keeps the session secret from the redirect, and sends each call with it in the
 * `x-workwell-session` header and the app's Origin.
 */
export async function connectToHost(launchUrl: string): Promise<Dispatch> {
  const secret = await launchHostSession(launchUrl);
  const origin = new URL(launchUrl).origin;
  return async (channel: string, input: unknown): Promise<Result<unknown>> => {
    const text = await post(
      new URL(`/rpc/${encodeURIComponent(channel)}`, origin),
      { 'content-type': 'application/json', 'x-workwell-session': secret, origin },
      JSON.stringify(input),
    );
    return JSON.parse(text) as Result<unknown>;
  };
}
