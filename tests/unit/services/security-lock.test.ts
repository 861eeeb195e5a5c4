import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { AuditEntry } from '../../../core/schemas/audit';
import { createAppServices } from '../../../services/app-services';
import { FREE_ATTEMPTS, UnlockBackoff } from '../../../services/security/unlock-backoff';
import { idleLockSecondsFromEnvironment } from '../../../services/security/idle-lock';
import type { Store } from '../../../db/store';
import { SessionHolder } from '../../../services/session-holder';
import { value } from '../../support/demo-with-person';
import { tempDir } from '../../support/temp-dir';
import { demoWithIdleClock } from '../../support/demo-with-idle-clock';

const PASS = DEMO_PARTNERSHIP.passphrase;

describe('idle lock', () => {
  it('locks after the idle time (default 5 minutes), enforced by the services whatever the renderer does', async () => {
    const { services, advance } = await demoWithIdleClock();
    expect(value(await services.dispatch('session.touch', {}))).toEqual({ idleLockSeconds: 300 });
    advance(299);
    value(await services.dispatch('participants.list', {}));
    advance(299);
    // Polling the status does not count as activity, and reports the lock once it is due.
    expect(value<{ state: string }>(await services.dispatch('app.status', {})).state).toBe('unlocked');
    advance(2);
    expect(value<{ state: string }>(await services.dispatch('app.status', {})).state).toBe('locked');
    expect(await services.dispatch('participants.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS }));
    const audit = value<{ entries: AuditEntry[] }>(await services.dispatch('audit.search', { action: 'lock' })).entries;
    expect(audit[0]).toMatchObject({ username: 'demo.admin', action: 'lock' });
    await services.close();
  });

  it('an administrator sets the idle time; the environment variable overrides it', async () => {
    const { services, advance } = await demoWithIdleClock();
    expect(await services.dispatch('security.saveIdleLock', { minutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { minutes: expect.any(String) } },
    });
    expect(value(await services.dispatch('security.saveIdleLock', { minutes: 2 }))).toMatchObject({
      idleLockSeconds: 120,
      idleLockFromEnvironment: false,
    });
    advance(121);
    expect(value<{ state: string }>(await services.dispatch('app.status', {})).state).toBe('locked');
    value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASS }));
    expect(await services.dispatch('security.saveIdleLock', { minutes: 10 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await services.close();
    expect(idleLockSecondsFromEnvironment({ WORKWELL_IDLE_LOCK_SECONDS: '3' })).toBe(3);
    expect(idleLockSecondsFromEnvironment({ WORKWELL_IDLE_LOCK_SECONDS: 'soon' })).toBeUndefined();
    const overridden = await demoWithIdleClock({ idleLockSeconds: 3 });
    expect(value(await overridden.services.dispatch('security.get', {}))).toMatchObject({
      idleLockSeconds: 3,
      idleLockFromEnvironment: true,
      hasRecoveryKey: true,
    });
    overridden.advance(4);
    expect(value<{ state: string }>(await overridden.services.dispatch('app.status', {})).state).toBe('locked');
    await overridden.services.close();
  });

  it('locks on demand from outside the contract (OS lock screen)', async () => {
    const { services } = await demoWithIdleClock();
    await services.lock('os-lock-screen');
    expect(value<{ state: string }>(await services.dispatch('app.status', {})).state).toBe('locked');
    await services.lock('suspend'); // already locked: nothing to do
    await services.close();
  });
});

describe('lock', () => {
  it('closes the store and zeroes the data key buffer', async () => {
    const holder = new SessionHolder();
    const dataKey = Buffer.alloc(32, 0xab);
    let closed = false;
    const store = { close: async () => void (closed = true) } as unknown as Store;
    holder.open({
      store,
      user: { userId: 'u', username: 'a.b', displayName: 'A B', role: 'coach' },
      partnershipName: 'P',
      isDemo: true,
      dataKey,
    });
    await holder.close();
    expect(closed).toBe(true);
    expect(dataKey.every((byte) => byte === 0)).toBe(true);
    expect(holder.current).toBeNull();
  });
});

describe('failed unlocks', () => {
  it('back off exponentially after three failures, with the wait in the message, and are audited', async () => {
    let now = new Date('2026-11-20T10:00:00Z');
    const services = createAppServices({ dataDir: tempDir(), clock: () => now });
    value(await services.dispatch('setup.createDemoPartnership', {}));
    value(await services.dispatch('session.lock', {}));
    const attempt = (passphrase: string) => services.dispatch('session.unlock', { username: 'demo.coach', passphrase });
    for (let i = 0; i < FREE_ATTEMPTS; i += 1)
      expect(await attempt('not right at all')).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    // The right passphrase is refused too while the wait runs: guessing gains nothing.
    expect(await attempt(PASS)).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('1 second') },
    });
    now = new Date(now.getTime() + 1000);
    expect(await attempt('still not right')).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await attempt(PASS)).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('2 seconds') },
    });
    now = new Date(now.getTime() + 2000);
    value(await attempt(PASS));
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS }));
    const failed = value<{ entries: AuditEntry[] }>(
      await services.dispatch('audit.search', { action: 'sign_in_failed', limit: 50 }),
    ).entries;
    expect(failed.map((entry) => entry.outcome).sort()).toEqual([
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
      'WRONG_PASSPHRASE',
      'WRONG_PASSPHRASE',
      'WRONG_PASSPHRASE',
      'WRONG_PASSPHRASE',
    ]);
    await services.close();
  });

  it('the count survives a restart of the app', async () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const dataDir = tempDir();
    const first = createAppServices({ dataDir, clock: () => now });
    value(await first.dispatch('setup.createDemoPartnership', {}));
    value(await first.dispatch('session.lock', {}));
    for (let i = 0; i < FREE_ATTEMPTS; i += 1)
      await first.dispatch('session.unlock', { username: 'demo.coach', passphrase: 'not right at all' });
    await first.close();
    const second = createAppServices({ dataDir, clock: () => now });
    expect(await second.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS' },
    });
    await second.close();
  });

  it('the wait doubles and is capped at five minutes', () => {
    const backoff = new UnlockBackoff();
    const at = new Date('2026-11-20T10:00:00Z');
    for (let i = 0; i < 40; i += 1) backoff.failed(at);
    expect(() => backoff.check(new Date(at.getTime() + 299_000))).toThrow(/Wait 1 second/);
    expect(() => backoff.check(new Date(at.getTime() + 300_000))).not.toThrow();
  });
});
