import { describe, expect, it } from 'vitest';
import { lockOnOsEvents } from '../../../electron/os-lock';
import { FakeEmitter } from '../../support/fake-electron';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('OS lock-screen and suspend', () => {
  it.each(['lock-screen', 'suspend'])('"%s" locks the services, then reloads the renderer', async (event) => {
    const powerMonitor = new FakeEmitter();
    const calls: string[] = [];
    lockOnOsEvents(
      powerMonitor,
      async (reason) => void calls.push(`lock:${reason}`),
      () => calls.push('reload'),
    );
    powerMonitor.emit(event);
    await settle();
    expect(calls).toEqual([`lock:${event}`, 'reload']);
  });

  it('reloads the renderer even if locking failed, and ignores other power events', async () => {
    const powerMonitor = new FakeEmitter();
    const calls: string[] = [];
    lockOnOsEvents(
      powerMonitor,
      async () => Promise.reject(new Error('disk gone')),
      () => calls.push('reload'),
    );
    powerMonitor.emit('resume');
    powerMonitor.emit('on-battery');
    expect(calls).toEqual([]);
    powerMonitor.emit('lock-screen');
    await settle();
    await settle();
    expect(calls).toEqual(['reload']);
  });
});
