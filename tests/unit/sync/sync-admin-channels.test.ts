import { describe, expect, it, vi } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { SyncAdminOverview } from '../../../core/contracts/sync-admin-contract';
import type { SyncStatus } from '../../../core/contracts/sync-contract';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp, QUICK_SYNC } from '../../support/sync-partnership';
import { sessionFor } from '../../support/sync-session';
import { testReferral } from '../../support/test-referral';

const WAIT = { timeout: 10_000, interval: 50 };

describe('the Settings page for the partnership server, and the header status', () => {
  it(
    'an administrator sees the laptops and users and revokes them; others get FORBIDDEN; the header names each failure',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const laptopB = await partnership.enrol('demo.coordinator');
      const admin = await laptopApp(partnership.laptopA, 'demo.admin', QUICK_SYNC);
      const b = await laptopApp(laptopB.dataDir, 'demo.coordinator', QUICK_SYNC);

      const overview = await vi.waitFor(async () => {
        const seen = value<SyncAdminOverview>(await admin.dispatch('syncAdmin.overview', {}));
        expect(seen.serverProblem).toBeNull();
        return seen;
      }, WAIT);
      expect(overview).toMatchObject({ joined: true, serverUrl: partnership.serverUrl, thisDeviceId: partnership.init.deviceId });
      expect(overview.devices.map((device) => device.deviceId).sort()).toEqual([partnership.init.deviceId, laptopB.report.deviceId].sort());
      const deviceB = overview.devices.find((device) => device.deviceId === laptopB.report.deviceId)!;
      expect(deviceB).toMatchObject({ username: 'demo.coordinator', revokedAt: null });
      expect(deviceB.lastSeenAt).not.toBeNull();
      expect(overview.users.map((user) => user.username)).toContain('demo.coach');
      expect(overview.users.find((user) => user.username === 'demo.admin')).toMatchObject({ role: 'administrator', laptops: 1 });

      // A user added here reaches the server by the background sync alone (no `sync` run).
      value(
        await admin.dispatch('users.add', {
          username: 'late.coach',
          displayName: 'Lee Latecoach',
          role: 'coach',
          passphrase: DEMO_PARTNERSHIP.passphrase,
        }),
      );
      await vi.waitFor(async () => {
        const users = value<SyncAdminOverview>(await admin.dispatch('syncAdmin.overview', {})).users;
        expect(users.find((user) => user.username === 'late.coach')).toMatchObject({
          role: 'coach',
          displayName: 'Lee Latecoach',
          revokedAt: null,
        });
      }, WAIT);

      // Only administrators: the contract refuses everyone else before anything reaches the server.
      for (const channel of ['syncAdmin.overview', 'syncAdmin.revokeDevice', 'syncAdmin.revokeUser'] as const) {
        const refused = await b.dispatch(
          channel,
          channel === 'syncAdmin.revokeDevice' ? { deviceId: partnership.init.deviceId } : { userId: 'x' },
        );
        expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      // Bad input changes nothing.
      expect(await admin.dispatch('syncAdmin.revokeDevice', { deviceId: 'not-a-uuid' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
      expect(await admin.dispatch('syncAdmin.revokeDevice', { deviceId: partnership.init.deviceId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });

      // B's own change, and the header counts it as B's user's.
      await vi.waitFor(
        async () => expect(value<SyncStatus>(await b.dispatch('sync.status', {}))).toMatchObject({ mode: 'online', problem: null }),
        WAIT,
      );

      value(await admin.dispatch('syncAdmin.revokeDevice', { deviceId: laptopB.report.deviceId }));
      value(await b.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Afterrevoke' } })));
      const revoked = await vi.waitFor(async () => {
        const status = value<SyncStatus>(await b.dispatch('sync.status', {}));
        expect(status.problem?.kind).toBe('revoked');
        return status;
      }, WAIT);
      expect(revoked).toMatchObject({ mode: 'offline', waiting: 1, waitingOthers: 0 });
      expect(revoked.problem?.message).toMatch(/revoked on the partnership server/);
      const after = value<SyncAdminOverview>(await admin.dispatch('syncAdmin.overview', {}));
      expect(after.devices.find((device) => device.deviceId === laptopB.report.deviceId)?.revokedAt).not.toBeNull();

      // Revoking a user: refused on the server at once, and their row arrives revoked on the laptop.
      const coach = after.users.find((user) => user.username === 'demo.coach')!;
      value(await admin.dispatch('syncAdmin.revokeUser', { userId: coach.userId }));
      // The server's own answer (below `sync`, which now refuses a user revoked on this laptop before asking it).
      await expect(sessionFor(partnership.laptopA, 'demo.coach')).rejects.toMatchObject({ code: 'REVOKED' });
      await vi.waitFor(async () => {
        const users = value<{ users: Array<{ username: string; revokedAt: string | null }> }>(await admin.dispatch('users.list', {})).users;
        expect(users.find((user) => user.username === 'demo.coach')?.revokedAt).not.toBeNull();
      }, WAIT);

      // The server gone: "cannot reach", not "revoked".
      await partnership.stopServer();
      await vi.waitFor(async () => {
        expect(value<SyncStatus>(await admin.dispatch('sync.status', {})).problem?.kind).toBe('unreachable');
      }, WAIT);
      const offline = value<SyncAdminOverview>(await admin.dispatch('syncAdmin.overview', {}));
      expect(offline).toMatchObject({ joined: true, devices: [], users: [] });
      expect(offline.serverProblem).toMatch(/cannot be reached/);
    },
  );
});
