/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), the items not
 * already pinned by the module tests beside this file: a strict CSP on every page, IPC sender
 * validation on every channel, and no remote content in the built renderer. Where each other item
 * is tested:
 *   1 secure content only ........ navigation-guards (request filter), app-protocol
 *   2,3,4,6,8,9,10,11 web prefs ... window-options; sandbox for all renderers: main
 *   5 permission handlers ......... navigation-guards (installPermissionGuards)
 *   12 webview attach ............. navigation-guards; 13 navigation, 14 new windows: same
 *   15 shell.openExternal ......... navigation-guards (allow-list, https only)
 *   18 custom protocol, no file:// app-protocol, main (loads APP_URL); fuses: build/electron-fuses
 *   19 fuses ...................... build/packaging-config, build/electron-fuses
 *   20 no Electron API exposed .... preload (one `invoke` only)
 *   devtools off in production .... packaged-main, window-options, app-menu
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMain } from 'electron';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../../core/channels';
import { CONTENT_SECURITY_POLICY } from '../../../core/content-security-policy';
import type { Result } from '../../../core/result';
import { APP_URL } from '../../../electron/app-protocol';
import { registerContractHandlers } from '../../../electron/ipc-bridge';
import { fakeFrame, ipcMain, resetFakeElectron } from '../../support/fake-electron';

const root = path.resolve(__dirname, '../../..');

/** A CSP as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') map.set(name, sources);
  }
  return map;
}

describe('checklist 7: a strict Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows only the app itself by default, and nothing inline or evaluated', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      for (const banned of [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'wasm-unsafe-eval'",
        "'unsafe-hashes'",
        '*',
        'http:',
        'https:',
        'ws:',
        'wss:',
        'file:',
        'filesystem:',
      ]) {
        expect(sources, `${name} allows ${banned}`).not.toContain(banned);
      }
      // No host sources at all: every allowed source is a keyword or a local scheme.
      for (const source of sources) expect(source, `${name} names a host`).toMatch(/^('self'|'none'|data:|blob:)$/);
    }
  });

  it('forbids plugins, base-tag tricks, form posts, framing in either direction', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src'])
      expect(csp.get(name), name).toEqual(["'none'"]);
  });

  it('keeps data: to images only (never scripts, styles or frames)', () => {
    for (const [name, sources] of csp) if (name !== 'img-src') expect(sources, name).not.toContain('data:');
  });

  it("is repeated in index.html's meta tag no looser than the header (for pages opened without the header)", () => {
    const html = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const [name, sources] of directives(meta!)) expect(sources, name).toEqual(csp.get(name));
  });
});

describe('checklist 17: the sender of every IPC message is validated', () => {
  const untrusted: ReadonlyArray<readonly [string, ReturnType<typeof fakeFrame> | null]> = [
    ['a remote page', fakeFrame('https://evil.example/')],
    ['another app: host', fakeFrame('app://evil/index.html')],
    ['a file: page', fakeFrame('file:///tmp/index.html')],
    ['a subframe of the app', fakeFrame(APP_URL, fakeFrame(APP_URL))],
    ['a destroyed frame', null],
  ];

  beforeAll(() => resetFakeElectron());

  it('refuses an untrusted frame on every channel, before dispatch', async () => {
    const dispatched: string[] = [];
    registerContractHandlers(ipcMain as unknown as IpcMain, async (channel) => {
      dispatched.push(channel);
      return { ok: true, value: null };
    });
    for (const channel of CHANNELS) {
      const handler = ipcMain.handlers.get(IPC_PREFIX + channel);
      expect(handler, channel).toBeTypeOf('function');
      for (const [label, frame] of untrusted) {
        const result = (await handler!({ senderFrame: frame }, {})) as Result<unknown>;
        expect(result, `${channel} from ${label}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(dispatched).toEqual([]);
  });
});

describe('checklist 1 and 18: the built renderer loads nothing remote', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'workwell-renderer-build-'));
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  }, 120_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  function builtFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? builtFiles(full) : [full];
    });
  }

  it('has no inline script and only relative or same-origin references in index.html', () => {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) expect(url, url).toMatch(/^\/(?!\/)|^\.\//);
  });

  it('has no stylesheet that fetches a remote font, image or stylesheet', () => {
    const css = builtFiles(outDir).filter((file) => file.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const file of css) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/url\(\s*['"]?(?:https?:)?\/\//i);
      expect(text, file).not.toMatch(/@import\s+(?:url\()?\s*['"]?(?:https?:)?\/\//i);
    }
  });

  it('ships the icons it refers to, inside the build', () => {
    expect(statSync(path.join(outDir, 'assets/images')).isDirectory()).toBe(true);
  });
});
