import { describe, expect, it } from 'vitest';
import type { UserEntry } from '../../../core/schemas/security';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { unlockStore } from '../../../services/session/unlock-store';
import { value } from '../../support/demo-with-person';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';

const PASSPHRASE = 'orange kettle mountain river 7';

describe('changing a user’s role', () => {
  it(
    'an administrator changes another user’s role, audited; not their own, not as a non-administrator, never the last administrator',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDir();
      const services = createAppServices({ clock: testClock(), dataDir });
      value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
      const add = async (username: string, role: string) =>
        value<UserEntry>(await services.dispatch('users.add', { username, displayName: username, role, passphrase: PASSPHRASE }));
      const coach = await add('role.coach', 'coach');
      const second = await add('second.admin', 'administrator');
      const me = value<{ users: UserEntry[] }>(await services.dispatch('users.list', {})).users.find(
        (user) => user.username === 'test.admin',
      )!;

      const changed = value<UserEntry>(await services.dispatch('users.changeRole', { userId: coach.userId, role: 'coordinator' }));
      expect(changed).toMatchObject({ userId: coach.userId, role: 'coordinator' });
      // Bad input changes nothing.
      expect(await services.dispatch('users.changeRole', { userId: coach.userId, role: 'chief' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
      expect(await services.dispatch('users.changeRole', { userId: 'no-such-user', role: 'coach' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await services.dispatch('users.changeRole', { userId: me.userId, role: 'coach' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('your own role') },
      });

      // The new role holds from the user's next unlock; a non-administrator cannot change roles.
      value(await services.dispatch('session.lock', {}));
      expect(value(await services.dispatch('session.unlock', { username: 'role.coach', passphrase: PASSPHRASE }))).toMatchObject({
        role: 'coordinator',
      });
      expect(await services.dispatch('users.changeRole', { userId: second.userId, role: 'coach' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });

      // test.admin, still signed in as an administrator, after their own role was changed elsewhere
      // (another window, or a pull from the partnership server): second.admin is now the last one.
      value(await services.dispatch('session.lock', {}));
      value(await services.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE }));
      const behind = await unlockStore(storePaths(dataDir), 'second.admin', PASSPHRASE);
      behind.dataKey.fill(0);
      behind.store.sqlite.prepare("UPDATE users SET role = 'coordinator' WHERE id = ?").run(me.userId);
      await behind.store.close();
      expect(await services.dispatch('users.changeRole', { userId: second.userId, role: 'coach' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('last administrator') },
      });
      expect(
        value<{ users: UserEntry[] }>(await services.dispatch('users.list', {})).users.find((user) => user.userId === second.userId),
      ).toMatchObject({
        role: 'administrator',
      });
      await services.close();

      const after = await unlockStore(storePaths(dataDir), 'second.admin', PASSPHRASE);
      after.dataKey.fill(0);
      const audit = after.store.sqlite.prepare("SELECT outcome FROM audit_log WHERE channel = 'users.changeRole' ORDER BY seq").all();
      await after.store.close();
      // Each call is audited, refusals too (the failed validation never reached the handler).
      expect(audit.length).toBeGreaterThanOrEqual(2);
      expect(audit[0]).toEqual({ outcome: 'ok' });
    },
  );
});
