import type { Result } from '../../core/result';
import './bridge-types';
import { takeHostSession } from './host-session';

/** Sends one contract call and returns its Result; never throws for app errors. */
export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>;

const TRANSPORT_FAILED: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The app could not reach its services. Restart WorkWell MDT.' },
};

/** Electron: the preload's `invoke`, carried over IPC. */
export function ipcTransport(bridge: NonNullable<Window['workwell']>): Transport {
  return async (channel, input) => {
    try {
      return (await bridge.invoke(channel, input)) as Result<unknown>;
    } catch {
      return TRANSPORT_FAILED;
    }
  };
}

/**
 * The loopback host: a same-origin POST per call, carrying the page's session secret in a header
 * (host-session.ts); no cookie is ever sent.
 */
export function httpTransport(session: string | null = takeHostSession(), fetchImpl: typeof fetch = fetch.bind(globalThis)): Transport {
  return async (channel, input) => {
    try {
      const response = await fetchImpl(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(session === null ? {} : { 'x-workwell-session': session }) },
        credentials: 'omit',
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch {
      return TRANSPORT_FAILED;
    }
  };
}

/** Chooses the transport at start: the preload bridge when Electron provides one, else the host. */
export function chooseTransport(): Transport {
  return window.workwell !== undefined ? ipcTransport(window.workwell) : httpTransport();
}
