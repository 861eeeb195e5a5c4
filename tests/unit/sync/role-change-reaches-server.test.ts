import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { Role } from '../../../core/roles';
import type { UserEntry } from '../../../core/schemas/security';
import { readKeyring } from '../../../db/keyring';
import { signRoleAssignment } from '../../../db/role-assignment';
import { storePaths } from '../../../db/store-paths';
import { listOutbox } from '../../../db/sync/outbox';
import { verifyServerAudit } from '../../../server/server-audit-verify';
import { adminClient } from '../../../services/sync/admin-client';
import { value } from '../../support/demo-with-person';
import { asKeyHolder } from '../../support/key-holder';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { sessionFor, withStore } from '../../support/sync-session';

describe('a role changed on a laptop reaches the partnership server', () => {
  it(
    'through the administrator routes, checked there against the server’s own roles, and on to every laptop',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const laptopB = await partnership.enrol('demo.coach');
      const a = await laptopApp(partnership.laptopA, 'demo.admin');
      const coach = value<{ users: UserEntry[] }>(await a.dispatch('users.list', {})).users.find((user) => user.username === 'demo.coach')!;
      const roleOnServer = async () =>
        (await partnership.db.selectFrom('users').select('role').where('id', '=', coach.userId).executeTakeFirstOrThrow()).role;

      value(await a.dispatch('users.changeRole', { userId: coach.userId, role: 'coordinator' }));
      // Never through the outbox, like adding and revoking users.
      const queued = await withStore(partnership.laptopA, 'demo.admin', (opened) => listOutbox(opened.store));
      expect(queued.filter((entry) => entry.channel.startsWith('users.'))).toEqual([]);
      expect(await roleOnServer()).toBe('coach');

      expect(await partnership.sync(partnership.laptopA, 'demo.admin')).toMatchObject({ users: 1, refused: [] });
      expect(await roleOnServer()).toBe('coordinator');
      // Sent again, nothing more.
      expect(await partnership.sync(partnership.laptopA, 'demo.admin')).toMatchObject({ users: 0 });
      // The coach's own laptop receives their row, and the server now checks them as a coordinator.
      await partnership.sync(laptopB.dataDir, 'demo.coach');
      const held = await withStore(laptopB.dataDir, 'demo.coach', (opened) =>
        opened.store.sqlite.prepare('SELECT role FROM users WHERE id = ?').get(coach.userId),
      );
      expect(held).toEqual({ role: 'coordinator' });
      const b = await laptopApp(laptopB.dataDir, 'demo.coach');
      expect((await b.dispatch('users.list', {})).ok).toBe(false);

      // The signed assignment went with it: the server holds it, version 2, in the coach's slot.
      const keyringA = (await readKeyring(storePaths(partnership.laptopA).keyring))!;
      const signed = keyringA.slots.find((slot) => slot.userId === coach.userId)!;
      expect(signed.role).toMatchObject({ role: 'coordinator', version: 2 });
      const onServer = await partnership.db
        .selectFrom('users')
        .innerJoin('keyring_slots', 'keyring_slots.user_id', 'users.id')
        .select(['users.role_version', 'keyring_slots.slot'])
        .where('users.id', '=', coach.userId)
        .executeTakeFirstOrThrow();
      expect(onServer).toEqual({ role_version: 2, slot: expect.objectContaining({ role: signed.role }) });
      const admin = await asKeyHolder(partnership.laptopA, 'demo.admin', DEMO_PARTNERSHIP.passphrase);
      const resign = (role: Role, version: number) => signRoleAssignment(keyringA.storeId, admin.signer, signed, role, version);

      // The server decides by its own roles: a non-administrator is refused, and so is your own role.
      const asCoach = await sessionFor(laptopB.dataDir, 'demo.coach');
      await expect(
        adminClient.changeUserRole(asCoach.state.serverUrl, asCoach.session.token, coach.userId, {
          role: 'administrator',
          seenUpTo: '999999',
          assignment: resign('administrator', 3),
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const asAdmin = await sessionFor(partnership.laptopA, 'demo.admin');
      const adminId = (await partnership.db.selectFrom('users').select('id').where('username', '=', 'demo.admin').executeTakeFirstOrThrow())
        .id;
      await expect(
        adminClient.changeUserRole(asAdmin.state.serverUrl, asAdmin.session.token, adminId, {
          role: 'coach',
          seenUpTo: '999999',
          assignment: resign('coach', 3),
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      // A laptop that had not pulled the coach's latest row cannot set it back.
      await expect(
        adminClient.changeUserRole(asAdmin.state.serverUrl, asAdmin.session.token, coach.userId, {
          role: 'coach',
          seenUpTo: '1',
          assignment: resign('coach', 3),
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      // Bad input: a typed error, nothing changed.
      await expect(
        adminClient.changeUserRole(asAdmin.state.serverUrl, asAdmin.session.token, coach.userId, {
          role: 'chief' as 'coach',
          seenUpTo: '999999',
          assignment: resign('coach', 3),
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(await roleOnServer()).toBe('coordinator');

      // The change, and only it (not the refused attempts), is an entry in the server's audit chain, which still verifies.
      const events = await partnership.db
        .selectFrom('audit_log')
        .select(['username', 'action', 'channel', 'subject_json', 'outcome'])
        .where('source', '=', 'server')
        .where('action', '=', 'change_role')
        .execute();
      expect(events).toEqual([
        {
          username: 'demo.admin',
          action: 'change_role',
          channel: '/admin/users/:id/role',
          subject_json: JSON.stringify({ userId: coach.userId, from: 'coach', to: 'coordinator', version: 2 }),
          outcome: 'ok',
        },
      ]);
      expect(await verifyServerAudit(partnership.db)).toEqual([expect.objectContaining({ firstBreak: null })]);
    },
  );
});
