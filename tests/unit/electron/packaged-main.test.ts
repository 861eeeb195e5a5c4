/**
 * electron/main.ts as a packaged (production) build: devtools cannot open, the menu has no
 * developer items, and an internal error is logged without anything from the record.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, Menu, app, resetFakeElectron } from '../../support/fake-electron';

vi.mock('electron', () => import('../../support/fake-electron'));

const services = vi.hoisted(() => ({
  onInternalError: undefined as ((channel: string, error: unknown) => void) | undefined,
}));

// Only the wiring is under test here; the real services are exercised in tests/unit/services.
vi.mock('../../../services/app-services', () => ({
  createAppServices: (options: { onInternalError?: (channel: string, error: unknown) => void }) => {
    services.onInternalError = options.onInternalError;
    return { dispatch: async () => ({ ok: true, value: null }), close: async () => undefined };
  },
}));

const savedDataDir = process.env.WORKWELL_DATA_DIR;

/** Every menu role, however deeply nested. */
function roles(items: readonly unknown[]): string[] {
  return items.flatMap((item) => {
    const { role, submenu } = item as { role?: string; submenu?: unknown[] };
    return [...(role === undefined ? [] : [role]), ...(Array.isArray(submenu) ? roles(submenu) : [])];
  });
}

describe('electron/main.ts when packaged', () => {
  beforeAll(async () => {
    resetFakeElectron();
    app.isPackaged = true;
    process.env.WORKWELL_DATA_DIR = '/tmp/workwell-packaged-test';
    await import('../../../electron/main');
    app.fireReady();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
  });

  afterAll(() => {
    if (savedDataDir === undefined) delete process.env.WORKWELL_DATA_DIR;
    else process.env.WORKWELL_DATA_DIR = savedDataDir;
  });

  it('opens the window with devtools disabled', () => {
    const prefs = (BrowserWindow.instances[0]!.options as BrowserWindowConstructorOptions).webPreferences;
    expect(prefs?.devTools).toBe(false);
  });

  it('offers no devtools or reload in the menu', () => {
    const found = roles(Menu.applicationMenu?.template ?? []);
    expect(found.length).toBeGreaterThan(0);
    for (const developerRole of ['toggleDevTools', 'reload', 'forceReload']) expect(found).not.toContain(developerRole);
  });

  it('logs an internal error by channel and class only', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    try {
      const error = new TypeError("Cannot read properties of undefined (reading 'Jane Smith')");
      services.onInternalError?.('participants.get', error);
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual(['WorkWell MDT: internal error on participants.get (TypeError)']);
  });
});
