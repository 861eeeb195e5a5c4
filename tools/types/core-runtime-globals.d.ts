/**
 * The few web-standard globals core/ may use because every runtime it runs in has them (Node,
 * Electron's renderer, browsers): declared here for `tsconfig.core.json`, which leaves out both the
 * DOM and Node types so core cannot reach for `Buffer`, `process` or `document` by accident.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
  readonly username: string;
  readonly password: string;
  readonly port: string;
  href: string;
  toString(): string;
}
