import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../../core/channels';
import type { Result } from '../../../core/result';
import { registerContractHandlers, removeContractHandlers } from '../../../electron/ipc-bridge';
import { fakeFrame, ipcMain, resetFakeElectron } from '../../support/fake-electron';

const fakeIpcMain = ipcMain as unknown as IpcMain;

describe('registerContractHandlers', () => {
  let calls: Array<{ channel: string; input: unknown }>;
  const dispatch = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    calls.push({ channel, input });
    return { ok: true, value: { echoed: channel } };
  };

  beforeEach(() => {
    resetFakeElectron();
    calls = [];
  });

  function call(channel: string, frame: ReturnType<typeof fakeFrame> | null, input: unknown) {
    const handler = ipcMain.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame }, input) as Promise<Result<unknown>>;
  }

  it('registers exactly one prefixed handler per contract channel', () => {
    registerContractHandlers(fakeIpcMain, dispatch);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
    expect(CHANNELS.length).toBeGreaterThan(0);
  });

  it('passes a trusted call to dispatch with its channel and untouched input', async () => {
    registerContractHandlers(fakeIpcMain, dispatch);
    const input = { passphrase: 'correct horse battery staple' };
    for (const channel of CHANNELS) {
      const result = await call(IPC_PREFIX + channel, fakeFrame('app://workwell/index.html'), input);
      expect(result).toEqual({ ok: true, value: { echoed: channel } });
    }
    expect(calls.map((c) => c.channel)).toEqual([...CHANNELS]);
    expect(calls.every((c) => c.input === input)).toBe(true);
  });

  it.each([
    ['a remote page', fakeFrame('https://evil.example/')],
    ['a loopback page', fakeFrame('http://127.0.0.1:4173/index.html')],
    ['a file page', fakeFrame('file:///tmp/index.html')],
    ['an app subframe', fakeFrame('app://workwell/index.html', fakeFrame('app://workwell/index.html'))],
    ['a destroyed frame', null],
  ])('refuses %s with FORBIDDEN and never dispatches', async (_label, frame) => {
    registerContractHandlers(fakeIpcMain, dispatch);
    const result = await call(IPC_PREFIX + 'session.unlock', frame, { passphrase: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
    expect(calls).toEqual([]);
  });

  it('turns a throwing dispatch into INTERNAL without leaking the error', async () => {
    registerContractHandlers(fakeIpcMain, async () => {
      throw new Error('SQLITE_ERROR near "Jane Smith"');
    });
    const result = await call(IPC_PREFIX + 'app.status', fakeFrame('app://workwell/'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('Jane');
  });

  it('removes every handler, via the returned function or removeContractHandlers', () => {
    const remove = registerContractHandlers(fakeIpcMain, dispatch);
    remove();
    expect(ipcMain.handlers.size).toBe(0);
    registerContractHandlers(fakeIpcMain, dispatch);
    removeContractHandlers(fakeIpcMain);
    expect(ipcMain.handlers.size).toBe(0);
  });
});
