import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../../core/channels';
import type { WorkwellBridge } from '../../../electron/preload-api';
import { contextBridge, ipcRenderer, resetFakeElectron } from '../../support/fake-electron';

vi.mock('electron', () => import('../../support/fake-electron'));

describe('preload', () => {
  let bridge: WorkwellBridge;

  beforeAll(async () => {
    resetFakeElectron();
    await import('../../../electron/preload');
    bridge = contextBridge.exposed.get('workwell') as WorkwellBridge;
  });

  beforeEach(() => {
    ipcRenderer.invocations = [];
    ipcRenderer.respond = () => Promise.resolve({ ok: true, value: 'from main' });
  });

  it('exposes one key, workwell, holding only invoke', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['workwell']);
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(bridge.invoke).toBeTypeOf('function');
    // Never the raw IPC object, nor anything shaped like it.
    expect(bridge).not.toBe(ipcRenderer);
    expect(bridge).not.toHaveProperty('send');
    expect(bridge).not.toHaveProperty('on');
  });

  it('sends a contract channel over its prefixed IPC channel with the input', async () => {
    for (const channel of CHANNELS) {
      await expect(bridge.invoke(channel, { page: 1 })).resolves.toEqual({ ok: true, value: 'from main' });
    }
    expect(ipcRenderer.invocations).toEqual(CHANNELS.map((c) => ({ channel: IPC_PREFIX + c, args: [{ page: 1 }] })));
  });

  it.each(['shell.openExternal', 'workwell:app.status', '', 'APP.STATUS', '__proto__', 'constructor'])(
    'refuses %j with UNKNOWN_CHANNEL without touching IPC',
    async (channel) => {
      const result = await bridge.invoke(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(ipcRenderer.invocations).toEqual([]);
    },
  );

  it('refuses a non-string channel', async () => {
    const result = await bridge.invoke(42 as unknown as string);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(ipcRenderer.invocations).toEqual([]);
  });

  it('turns an IPC rejection into a Result instead of rejecting', async () => {
    ipcRenderer.respond = () => Promise.reject(new Error("No handler registered for 'workwell:app.status'"));
    await expect(bridge.invoke('app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('cannot be changed by the page', () => {
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
