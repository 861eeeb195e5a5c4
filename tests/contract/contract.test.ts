import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../core/channels';
import { contract } from '../../core/contract';
import type { Dispatch } from '../../services/dispatch-types';
import { createAppServices, type AppServices } from '../../services/app-services';
import { startHostServer, type HostServer } from '../../host/host-server';
import { connectToHost, launchHostSession } from '../support/host-transport';
import { tempDir } from '../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../support/test-admin';
import { TEST_TODAY, testClock } from '../support/test-clock';

interface TransportUnderTest {
  readonly name: string;
  connect(services: AppServices): Promise<Dispatch>;
}

const hosts: HostServer[] = [];
const servicesMade: AppServices[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  for (const services of servicesMade.splice(0)) await services.close();
});

/** The same suite runs over every transport, the way Kysely runs one suite per dialect. */
const TRANSPORTS: readonly TransportUnderTest[] = [
  { name: 'in-process', connect: async (services) => services.dispatch },
  {
    name: 'loopback host',
    connect: async (services) => {
      const rendererDir = tempDir('workwell-renderer-');
      mkdirSync(rendererDir, { recursive: true });
      writeFileSync(`${rendererDir}/index.html`, '<!doctype html><title>t</title>');
      const host = await startHostServer({ dispatch: services.dispatch, rendererDir });
      hosts.push(host);
      return connectToHost(host.launchUrl);
    },
  },
];

for (const transport of TRANSPORTS) {
  describe(`contract over ${transport.name}`, () => {
    async function connect(): Promise<Dispatch> {
      const services = createAppServices({ clock: testClock(), dataDir: tempDir() });
      servicesMade.push(services);
      return transport.connect(services);
    }

    it('every channel in the contract has input and output schemas and an access rule', () => {
      expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    });

    it('walks first run -> lock -> unlock -> caseload', async () => {
      const call = await connect();
      expect(await call('app.status', {})).toEqual({ ok: true, value: { state: 'needs-setup', now: expect.stringContaining(TEST_TODAY) } });
      const created = await call('setup.createPartnership', testPartnershipInput());
      expect(created).toMatchObject({ ok: true, value: { username: 'test.admin', role: 'administrator' } });
      expect(await call('app.status', {})).toMatchObject({
        ok: true,
        value: { state: 'unlocked', partnershipName: 'WorkWell South Yorkshire', user: { username: 'test.admin' } },
      });
      expect(await call('session.lock', {})).toEqual({ ok: true, value: {} });
      expect(await call('app.status', {})).toEqual({
        ok: true,
        value: {
          state: 'locked',
          now: expect.stringContaining(TEST_TODAY),
          partnershipName: 'WorkWell South Yorkshire',
          isDemo: false,
          usernames: ['test.admin'],
        },
      });
      expect(await call('participants.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
      expect(await call('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE })).toMatchObject({ ok: true });
      expect(await call('participants.list', { pageSize: 10 })).toEqual({
        ok: true,
        value: { pageSize: 10, items: [], nextCursor: null, previousCursor: null },
      });
      expect(await call('participants.count', {})).toEqual({ ok: true, value: { total: 0 } });
    });

    it('refuses a second setup', async () => {
      const call = await connect();
      await call('setup.createPartnership', testPartnershipInput());
      expect(await call('setup.createPartnership', testPartnershipInput())).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    });

    it('returns field-level VALIDATION errors and writes nothing', async () => {
      const call = await connect();
      const result = await call('setup.createPartnership', {
        partnership: { kind: 'custom', name: '' },
        admin: { username: 'x', displayName: '', passphrase: 'short' },
      });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          fields: {
            'partnership.name': 'Enter the partnership name',
            'admin.username': 'Username must be at least 3 characters',
            'admin.displayName': 'Enter your full name',
            'admin.passphrase': expect.stringContaining('at least 12 characters'),
          },
        },
      });
      expect(await call('app.status', {})).toEqual({ ok: true, value: { state: 'needs-setup', now: expect.stringContaining(TEST_TODAY) } });
    });

    it('refuses unknown channels, unknown keys and prototype-pollution keys with typed errors', async () => {
      const call = await connect();
      expect(await call('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(await call('app.status', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const polluted = JSON.parse('{"username":"test.admin","passphrase":"x","__proto__":{"role":"administrator"}}') as unknown;
      expect(await call('session.unlock', polluted)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(({} as Record<string, unknown>).role).toBeUndefined();
    });

    it('a demo partnership comes with synthetic people in the 999 NHS-number range', async () => {
      const call = await connect();
      expect(await call('setup.createDemoPartnership', {})).toMatchObject({ ok: true, value: { username: 'demo.admin' } });
      expect(await call('participants.count', {})).toEqual({ ok: true, value: { total: 240 } });
      const page = await call('participants.list', { pageSize: 200 });
      if (!page.ok) throw new Error(page.error.message);
      const value = page.value as { items: Array<{ nhsNumber: string | null; reference: string }> };
      expect(value.items).toHaveLength(200);
      for (const item of value.items) {
        if (item.nhsNumber !== null) expect(item.nhsNumber.startsWith('999')).toBe(true);
        expect(item.reference).toMatch(/^WW-\d{6}$/);
      }
    });
  });
}

describe('loopback host boundary', () => {
  async function startHost() {
    const services = createAppServices({ clock: testClock(), dataDir: tempDir() });
    servicesMade.push(services);
    const rendererDir = tempDir('workwell-renderer-');
    writeFileSync(`${rendererDir}/index.html`, '<!doctype html><title>t</title>');
    const host = await startHostServer({ dispatch: services.dispatch, rendererDir });
    hosts.push(host);
    return host;
  }

  it('binds to 127.0.0.1 and accepts the launch token only once', async () => {
    const host = await startHost();
    expect(new URL(host.launchUrl).hostname).toBe('127.0.0.1');
    await connectToHost(host.launchUrl);
    const second = await fetch(host.launchUrl, { redirect: 'manual' });
    expect(second.status).toBe(403);
  });

  it('refuses calls without the session header, from another origin, or to another Host', async () => {
    const host = await startHost();
    const noSession = await fetch(`${host.origin}/rpc/app.status`, { method: 'POST', headers: { origin: host.origin }, body: '{}' });
    expect(noSession.status).toBe(403);
    const secret = await launchHostSession(host.launchUrl);
    const otherOrigin = await fetch(`${host.origin}/rpc/app.status`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'x-workwell-session': secret },
      body: '{}',
    });
    expect(otherOrigin.status).toBe(403);
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const traversal = await fetch(`${host.origin}/..%2f..%2fetc%2fpasswd.txt`);
    expect(traversal.status).toBe(404);
  });

  it("issue 18, item 4: no cookie reaches other local ports; a call needs the page's secret in its header, whatever its Origin says", async () => {
    const host = await startHost();
    const launch = await fetch(host.launchUrl, { redirect: 'manual' });
    // No cookie at all: a page served by any other program on 127.0.0.1 receives nothing.
    expect(launch.headers.get('set-cookie')).toBeNull();
    const secret = /#session=([0-9a-f]{64})$/.exec(launch.headers.get('location') ?? '')?.[1] ?? '';
    expect(secret).toHaveLength(64);
    const call = (headers: Record<string, string>) =>
      fetch(`${host.origin}/rpc/app.status`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    // Replayed by another local program with a forged Origin: refused without the secret...
    expect((await call({ origin: host.origin })).status).toBe(403);
    expect((await call({ origin: host.origin, cookie: `workwell_session=${secret}` })).status).toBe(403);
    expect((await call({ origin: host.origin, 'x-workwell-session': 'f'.repeat(64) })).status).toBe(403);
    // ...and from another port's origin even with it.
    const otherPort = `http://127.0.0.1:${Number(new URL(host.origin).port) === 65535 ? 65534 : Number(new URL(host.origin).port) + 1}`;
    expect((await call({ origin: otherPort, 'x-workwell-session': secret })).status).toBe(403);
    expect((await call({ origin: host.origin, 'x-workwell-session': secret })).status).toBe(200);
  });

  it('issue 18, item 4: the launch token is short-lived, and a secret unused for the idle period dies', async () => {
    const services = createAppServices({ clock: testClock(), dataDir: tempDir() });
    servicesMade.push(services);
    const rendererDir = tempDir('workwell-renderer-');
    writeFileSync(`${rendererDir}/index.html`, '<!doctype html><title>t</title>');
    let now = 0;
    const start = () => startHostServer({ dispatch: services.dispatch, rendererDir, sessionIdleMs: 5 * 60_000, monotonicNow: () => now });
    const late = await start();
    hosts.push(late);
    now = 2 * 60_000 + 1;
    expect((await fetch(late.launchUrl, { redirect: 'manual' })).status).toBe(403);

    now = 0;
    const host = await start();
    hosts.push(host);
    const call = await connectToHost(host.launchUrl);
    now = 4 * 60_000;
    expect(await call('app.status', {})).toMatchObject({ ok: true });
    now = 8 * 60_000;
    // Kept alive by the call at 4 minutes; then silent for more than 5.
    expect(await call('app.status', {})).toMatchObject({ ok: true });
    now = 13 * 60_000 + 1;
    expect(await call('app.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    now = 13 * 60_000 + 2;
    expect(await call('app.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
