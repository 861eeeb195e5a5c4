import { isIPv4 } from 'node:net';
import { ServerError } from './server-error';

/** Where the server listens. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/** Parses `HOST:PORT` (`127.0.0.1:8443`, `[::1]:8443`, `0.0.0.0:443`); port 0 picks a free one. */
export function parseListenAddress(text: string): ListenAddress {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  if (host === undefined || !Number.isInteger(port) || port > 65535) {
    throw new ServerError('BAD_LISTEN_ADDRESS', `--listen must be HOST:PORT, e.g. 127.0.0.1:8443 (got "${text}").`);
  }
  return { host, port };
}

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

/**
 * Plain HTTP would carry clinical records across the network unencrypted, so it is allowed only
 * on a loopback address (tests, or a TLS-terminating proxy on the same machine). HTTPS needs both
 * the key and the certificate.
 */
export function checkTransport(host: string, tls: { readonly key?: unknown; readonly cert?: unknown } | undefined): void {
  if (tls !== undefined && (tls.key === undefined) !== (tls.cert === undefined)) {
    throw new ServerError('TLS_INCOMPLETE', 'HTTPS needs both --tls-key and --tls-cert.');
  }
  if ((tls?.key === undefined || tls.cert === undefined) && !isLoopbackHost(host)) {
    throw new ServerError(
      'PLAIN_HTTP_REFUSED',
      `Refusing to serve plain HTTP on ${host}: records would cross the network unencrypted. ` +
        'Give --tls-key and --tls-cert for HTTPS, or listen on 127.0.0.1 (for example behind a TLS proxy on this machine).',
    );
  }
}
