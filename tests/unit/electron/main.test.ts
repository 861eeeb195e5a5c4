/**
 * Wiring of electron/main.ts against the fake electron module: checks the order-sensitive steps
 * (scheme and sandbox before ready) and that every guard is installed on ready.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../../core/channels';
import { APP_SCHEME_PRIVILEGES } from '../../../electron/app-protocol';
import { BrowserWindow, app, fakeEvent, fakeFrame, ipcMain, protocol, resetFakeElectron, session } from '../../support/fake-electron';

vi.mock('electron', () => import('../../support/fake-electron'));

const services = vi.hoisted(() => ({
  options: [] as Array<{ dataDir: string }>,
  dispatched: [] as string[],
  closed: 0,
}));

vi.mock('../../../services/app-services', () => ({
  createAppServices: (options: { dataDir: string }) => {
    services.options.push(options);
    return {
      dispatch: async (channel: string) => {
        services.dispatched.push(channel);
        return { ok: true, value: null };
      },
      close: async () => {
        services.closed += 1;
      },
    };
  },
}));

const savedDataDir = process.env.WORKWELL_DATA_DIR;

describe('electron/main.ts', () => {
  beforeAll(async () => {
    resetFakeElectron();
    process.env.WORKWELL_DATA_DIR = '/tmp/workwell-main-test';
    await import('../../../electron/main');
  });

  afterAll(() => {
    if (savedDataDir === undefined) delete process.env.WORKWELL_DATA_DIR;
    else process.env.WORKWELL_DATA_DIR = savedDataDir;
  });

  it('enables the sandbox and registers app: before ready, and does nothing else yet', () => {
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.privilegedSchemes).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(protocol.handlers.size).toBe(0);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(services.options).toHaveLength(0);
  });

  it('on ready: serves app:, guards the session, registers IPC, opens the window on APP_URL', async () => {
    app.fireReady();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));

    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(session.defaultSession.webRequest.beforeRequest).toBeTypeOf('function');
    expect(session.defaultSession.listenerCount('will-download')).toBe(1);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
    expect(services.options).toEqual([expect.objectContaining({ dataDir: '/tmp/workwell-main-test' })]);

    const window = BrowserWindow.instances[0]!;
    expect(window.loadedUrls).toEqual(['app://workwell/index.html']);
    const prefs = (window.options as BrowserWindowConstructorOptions).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs?.preload).toMatch(/preload\.cjs$/);

    // Guards reached the window's contents through 'web-contents-created'.
    const navigation = fakeEvent({ url: 'https://example.com/', isMainFrame: true });
    window.webContents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('routes trusted IPC to the services dispatch and refuses untrusted frames', async () => {
    const handler = ipcMain.handlers.get(IPC_PREFIX + 'app.status')!;
    await handler({ senderFrame: fakeFrame('app://workwell/index.html') }, {});
    const refused = await handler({ senderFrame: fakeFrame('https://evil.example/') }, {});
    expect(services.dispatched).toEqual(['app.status']);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('holds a quit until the services have closed, and closes them only once', async () => {
    const quit = fakeEvent({});
    app.emit('will-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    app.emit('window-all-closed');
    await vi.waitFor(() => expect(app.quitCalls).toBe(2));
    expect(services.closed).toBe(1);

    const again = fakeEvent({});
    app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});
