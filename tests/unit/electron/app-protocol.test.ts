import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../core/content-security-policy';
import {
  APP_ORIGIN_HOST,
  APP_SCHEME_PRIVILEGES,
  APP_URL,
  createAppProtocolHandler,
  handleAppProtocol,
  registerAppScheme,
} from '../../../electron/app-protocol';
import { protocol, resetFakeElectron } from '../../support/fake-electron';

const INDEX = '<!doctype html><title>WorkWell MDT</title>';
const SCRIPT = 'console.log("app");';
const SECRET = 'PATIENT DATA OUTSIDE THE RENDERER';

describe('app:// protocol', () => {
  let base: string;
  let rendererDir: string;
  let handler: ReturnType<typeof createAppProtocolHandler>;

  // A raw request: no URL normalisation on the way in, as a hostile page might hope for.
  const get = (url: string, method = 'GET') => handler({ url, method });

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'workwell-protocol-'));
    rendererDir = path.join(base, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), INDEX);
    await writeFile(path.join(rendererDir, 'assets', 'index-abc123.js'), SCRIPT);
    await writeFile(path.join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
    await writeFile(path.join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
    await writeFile(path.join(rendererDir, 'assets', 'font.woff2'), 'wOF2');
    await writeFile(path.join(rendererDir, '.env'), SECRET);
    await writeFile(path.join(base, 'secret.txt'), SECRET);
    await writeFile(path.join(base, 'secret'), SECRET);
    await symlink(path.join(base, 'secret.txt'), path.join(rendererDir, 'assets', 'linked.txt'));
    handler = createAppProtocolHandler(rendererDir);
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves index.html at / and at APP_URL with the CSP and nosniff', async () => {
    for (const url of ['app://workwell/', APP_URL]) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it.each([
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (file, type) => {
    const response = await get(`app://workwell/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the asset bytes themselves', async () => {
    expect(await (await get('app://workwell/assets/index-abc123.js')).text()).toBe(SCRIPT);
  });

  it.each(['app://workwell/participants', 'app://workwell/participants/42/plan', 'app://workwell/assets'])(
    'falls back to index.html for the client-side route %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX);
    },
  );

  it('answers 404 for a missing asset rather than serving HTML in its place', async () => {
    const response = await get('app://workwell/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://workwell/../secret.txt',
    'app://workwell/assets/../../secret.txt',
    'app://workwell/..%2fsecret.txt',
    'app://workwell/assets/..%2f..%2fsecret.txt',
    'app://workwell/%2e%2e%2fsecret.txt',
    'app://workwell/%2E%2E%2Fsecret',
    'app://workwell/assets%2f..%2f..%2fsecret',
    'app://workwell/..%5csecret.txt',
    'app://workwell/%2e%2e/secret.txt',
    'app://workwell/%252e%252e%252fsecret.txt',
    'app://workwell/C:%5cWindows%5cwin.ini',
    'app://workwell/.env',
    'app://workwell/assets/linked.txt',
    'app://workwell/index.html%00.js',
    'app://workwell/%E0%A4%A',
  ])('refuses %s with 404 and never reveals the file outside', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses an absolute filesystem path in the URL', async () => {
    const absolute = path.join(base, 'secret.txt');
    const response = await get(`app://workwell/${encodeURIComponent(absolute)}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each(['app://evil/index.html', 'app://workwell.evil/index.html', 'app://workwell:81/index.html', 'https://workwell/index.html'])(
    'answers 404 for %s (not the app origin)',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toBe(INDEX);
    },
  );

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get(APP_URL, 'POST')).status).toBe(405);
    const head = await get(APP_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('accepts a real Request, as Electron passes', async () => {
    const response = await handler(new Request('app://workwell/assets/index-abc123.js'));
    expect(response.status).toBe(200);
  });

  it('registers the scheme as standard, secure and fetchable, without bypassCSP', () => {
    resetFakeElectron();
    registerAppScheme(protocol as unknown as Protocol);
    expect(protocol.privilegedSchemes).toEqual([APP_SCHEME_PRIVILEGES]);
    const privileges = APP_SCHEME_PRIVILEGES.privileges ?? {};
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(privileges.bypassCSP).not.toBe(true);
    expect(privileges.corsEnabled).not.toBe(true);
  });

  it('installs the handler for app: via protocol.handle', async () => {
    resetFakeElectron();
    handleAppProtocol(protocol as unknown as Protocol, rendererDir);
    const installed = protocol.handlers.get('app');
    expect(installed).toBeTypeOf('function');
    const response = await installed!(new Request(APP_URL));
    expect(await response.text()).toBe(INDEX);
    expect(APP_ORIGIN_HOST).toBe('workwell');
  });
});
