import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { AppStatus } from '../../../core/schemas/session';
import type { UserEntry } from '../../../core/schemas/security';
import { anchorSlot, findSlot, readKeyring, type Keyring } from '../../../db/keyring';
import { signRoleAssignment } from '../../../db/role-assignment';
import { storePaths } from '../../../db/store-paths';
import { adminClient } from '../../../services/sync/admin-client';
import { value } from '../../support/demo-with-person';
import { asKeyHolder } from '../../support/key-holder';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { sessionFor } from '../../support/sync-session';
import { assignmentSignedOver, heldSlot } from '../../../server/signed-role';

const PASSPHRASE = DEMO_PARTNERSHIP.passphrase;

const keyringOf = async (dataDir: string): Promise<Keyring> => (await readKeyring(storePaths(dataDir).keyring))!;

async function userIdOf(app: Awaited<ReturnType<typeof laptopApp>>, username: string): Promise<string> {
  return value<{ users: UserEntry[] }>(await app.dispatch('users.list', {})).users.find((user) => user.username === username)!.userId;
}

/**
 * Issue 18 item 1 with the partnership server: a role is what an administrator signed, on every
 * laptop and on the server, and an earlier signed role put back is a rollback, not a role.
 */
describe('signed roles with the partnership server', () => {
  it(
    'a role saved on a joined laptop reaches the server signed: a laptop enrolled later and one enrolled before open with it, no warning',
    { timeout: 300_000 },
    async () => {
      const partnership = await demoOnServer();
      const earlier = await partnership.enrol('demo.coach');
      const a = await laptopApp(partnership.laptopA, 'demo.admin');
      const coachId = await userIdOf(a, 'demo.coach');
      value(await a.dispatch('users.changeRole', { userId: coachId, role: 'administrator' }));
      expect(await partnership.sync(partnership.laptopA, 'demo.admin')).toMatchObject({ users: 1, refused: [] });

      // Enrolled after the change: the slot the server hands out carries the role as now signed.
      const later = await partnership.enrol('demo.coach');
      expect(findSlot(await keyringOf(later.dataDir), 'demo.coach')?.role).toMatchObject({ role: 'administrator', version: 2 });
      const c = await laptopApp(later.dataDir, 'demo.coach');
      expect(value<AppStatus>(await c.dispatch('app.status', {}))).toMatchObject({ state: 'unlocked', user: { role: 'administrator' } });
      expect(value<AppStatus>(await c.dispatch('app.status', {}))).not.toHaveProperty('securityWarning');
      expect((await c.dispatch('users.list', {})).ok).toBe(true);

      // Enrolled before it: its next sync brings the signed role into its keyring.
      await partnership.sync(earlier.dataDir, 'demo.coach');
      expect(findSlot(await keyringOf(earlier.dataDir), 'demo.coach')?.role).toMatchObject({ role: 'administrator', version: 2 });
      const b = await laptopApp(earlier.dataDir, 'demo.coach');
      expect(value<AppStatus>(await b.dispatch('app.status', {}))).toMatchObject({ user: { role: 'administrator' } });
      expect(value<AppStatus>(await b.dispatch('app.status', {}))).not.toHaveProperty('securityWarning');
    },
  );

  it(
    'an administrator on an enrolled laptop, holding only their own slot, signs a role over the user’s public slot: it reaches the server signed and opens everywhere',
    { timeout: 300_000 },
    async () => {
      const partnership = await demoOnServer();
      const coachLaptop = await partnership.enrol('demo.coach');
      // Not the laptop that ran `server init`: its keyring holds the administrator's slot only, and the others as far as they are public.
      const adminLaptop = await partnership.enrol('demo.admin');
      const enrolled = await keyringOf(adminLaptop.dataDir);
      expect(enrolled.slots.map((slot) => slot.username)).toEqual(['demo.admin']);
      const known = enrolled.publicSlots?.find((each) => each.username === 'demo.coach');
      const coachSlot = findSlot(await keyringOf(coachLaptop.dataDir), 'demo.coach')!;
      expect(known).toEqual({
        userId: coachSlot.userId,
        username: 'demo.coach',
        publicKey: coachSlot.publicKey,
        signingPublicKey: coachSlot.signingPublicKey,
        role: coachSlot.role,
      });
      const coachId = coachSlot.userId;
      const held = () =>
        partnership.db
          .selectFrom('users')
          .innerJoin('keyring_slots', 'keyring_slots.user_id', 'users.id')
          .select(['users.role', 'users.role_version', 'keyring_slots.slot'])
          .where('users.id', '=', coachId)
          .executeTakeFirstOrThrow();

      // A public slot whose keys are not the ones a trusted administrator signed over is not signed over: that role stays here.
      const physioId = enrolled.publicSlots!.find((each) => each.username === 'demo.physio')!.userId;
      const admin = await asKeyHolder(adminLaptop.dataDir, 'demo.admin', PASSPHRASE);
      admin.editKeyring((current) => ({
        ...current,
        publicSlots: current.publicSlots!.map((each) => (each.userId === physioId ? { ...each, publicKey: coachSlot.publicKey! } : each)),
      }));
      const c = await laptopApp(adminLaptop.dataDir, 'demo.admin');
      value(await c.dispatch('users.changeRole', { userId: physioId, role: 'coordinator' }));
      expect((await keyringOf(adminLaptop.dataDir)).publicSlots!.find((each) => each.userId === physioId)?.role.version).toBe(1);

      value(await c.dispatch('users.changeRole', { userId: coachId, role: 'coordinator' }));
      expect(await partnership.sync(adminLaptop.dataDir, 'demo.admin')).toMatchObject({ users: 1, refused: [] });
      const onServer = await held();
      expect(onServer).toMatchObject({
        role: 'coordinator',
        role_version: 2,
        slot: { role: { role: 'coordinator', version: 2, signerPublicKey: enrolled.slots[0]!.signingPublicKey } },
      });
      const signedOnServer = heldSlot(onServer.slot)!;
      expect(assignmentSignedOver(enrolled.storeId, signedOnServer, signedOnServer.role!)).toBe(true);
      const physioOnServer = await partnership.db
        .selectFrom('users')
        .select(['role', 'role_version'])
        .where('id', '=', physioId)
        .executeTakeFirst();
      expect(physioOnServer).toEqual({ role: 'physiotherapist', role_version: 1 });
      // The sync put the physio's public slot back as the server holds it.
      expect((await keyringOf(adminLaptop.dataDir)).publicSlots!.find((each) => each.userId === physioId)?.publicKey).not.toBe(
        coachSlot.publicKey,
      );

      // The coach's laptop takes it at its next sync and opens as a coordinator, with no warning.
      await partnership.sync(coachLaptop.dataDir, 'demo.coach');
      expect(findSlot(await keyringOf(coachLaptop.dataDir), 'demo.coach')?.role).toMatchObject({ role: 'coordinator', version: 2 });
      const b = await laptopApp(coachLaptop.dataDir, 'demo.coach');
      expect(value<AppStatus>(await b.dispatch('app.status', {}))).toMatchObject({ state: 'unlocked', user: { role: 'coordinator' } });
      expect(value<AppStatus>(await b.dispatch('app.status', {}))).not.toHaveProperty('securityWarning');

      // A laptop enrolled later receives the slot validly signed, and opens with it.
      const later = await partnership.enrol('demo.coach');
      const laterSlot = findSlot(await keyringOf(later.dataDir), 'demo.coach')!;
      expect(laterSlot.role).toEqual(signedOnServer.role);
      const d = await laptopApp(later.dataDir, 'demo.coach');
      expect(value<AppStatus>(await d.dispatch('app.status', {}))).toMatchObject({ user: { role: 'coordinator' } });
      expect(value<AppStatus>(await d.dispatch('app.status', {}))).not.toHaveProperty('securityWarning');

      // Laptop A, which holds every slot, takes it too: its administrator's unlock flags nothing.
      await partnership.sync(partnership.laptopA, 'demo.admin');
      expect(findSlot(await keyringOf(partnership.laptopA), 'demo.coach')?.role).toEqual(signedOnServer.role);
      const a = await laptopApp(partnership.laptopA, 'demo.admin');
      expect(value<AppStatus>(await a.dispatch('app.status', {}))).not.toHaveProperty('securityWarning');
    },
  );

  it(
    'an administrator added after a laptop was enrolled is trusted there through their public slot: the role they sign opens on it',
    { timeout: 300_000 },
    async () => {
      const partnership = await demoOnServer();
      const coachLaptop = await partnership.enrol('demo.coach');
      const a = await laptopApp(partnership.laptopA, 'demo.admin');
      const added = value<UserEntry>(
        await a.dispatch('users.add', {
          username: 'demo.admin2',
          displayName: 'Second Admin',
          role: 'administrator',
          passphrase: PASSPHRASE,
        }),
      );
      expect(await partnership.sync(partnership.laptopA, 'demo.admin')).toMatchObject({ users: 1, refused: [] });
      const coachId = await userIdOf(a, 'demo.coach');
      // The coach's slot was made trusting demo.admin only: the new administrator is not bound into it.
      const coachSlot = findSlot(await keyringOf(coachLaptop.dataDir), 'demo.coach')!;
      expect(coachSlot.anchor?.administrators.map((key) => key.userId)).not.toContain(added.userId);

      const secondLaptop = await partnership.enrol('demo.admin2');
      const c = await laptopApp(secondLaptop.dataDir, 'demo.admin2');
      value(await c.dispatch('users.changeRole', { userId: coachId, role: 'coordinator' }));
      expect(await partnership.sync(secondLaptop.dataDir, 'demo.admin2')).toMatchObject({ users: 1, refused: [] });
      expect(
        await partnership.db.selectFrom('users').select(['role', 'role_version']).where('id', '=', coachId).executeTakeFirst(),
      ).toEqual({ role: 'coordinator', role_version: 2 });

      await partnership.sync(coachLaptop.dataDir, 'demo.coach');
      expect(findSlot(await keyringOf(coachLaptop.dataDir), 'demo.coach')?.role).toMatchObject({
        role: 'coordinator',
        version: 2,
        signerUserId: added.userId,
      });
      const b = await laptopApp(coachLaptop.dataDir, 'demo.coach');
      expect(value<AppStatus>(await b.dispatch('app.status', {}))).toMatchObject({ state: 'unlocked', user: { role: 'coordinator' } });
      expect(value<AppStatus>(await b.dispatch('app.status', {}))).not.toHaveProperty('securityWarning');
    },
  );

  it(
    'the server acts on the signed role: a coach who makes themselves administrator in their store and keyring, and sends forged assignments, is refused',
    { timeout: 300_000 },
    async () => {
      const partnership = await demoOnServer();
      const laptop = await partnership.enrol('demo.coach');
      // The attack on their own laptop: the store's row, and their slot re-signed with their own key and trusting it.
      const coach = await asKeyHolder(laptop.dataDir, 'demo.coach', PASSPHRASE);
      const keyring = await keyringOf(laptop.dataDir);
      const slot = findSlot(keyring, 'demo.coach')!;
      const selfTrusting = await anchorSlot(keyring, slot, PASSPHRASE, [
        { userId: slot.userId, signingPublicKey: coach.signer.key.publicKey.toString('base64') },
      ]);
      const forged = signRoleAssignment(keyring.storeId, coach.signer, selfTrusting, 'administrator', 99);
      coach.editKeyring((current) => ({ ...current, slots: [{ ...selfTrusting, role: forged }] }));
      coach.edit((database) => database.prepare("UPDATE users SET role = 'administrator' WHERE username = 'demo.coach'").run());
      // On their own laptop they are an administrator (nothing there can stop that)...
      const own = await laptopApp(laptop.dataDir, 'demo.coach');
      expect(value<AppStatus>(await own.dispatch('app.status', {}))).toMatchObject({ user: { role: 'administrator' } });
      value(await own.dispatch('session.lock', {}));

      // ...but not to the server: it signs them in as the coach it holds, and refuses every administrator route.
      const asCoach = await sessionFor(laptop.dataDir, 'demo.coach');
      expect(asCoach.session.user.role).toBe('coach');
      const { serverUrl } = asCoach.state;
      const token = asCoach.session.token;
      await expect(adminClient.listUsers(serverUrl, token)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        adminClient.changeUserRole(serverUrl, token, slot.userId, { role: 'administrator', seenUpTo: '999999', assignment: forged }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await partnership.sync(laptop.dataDir, 'demo.coach')).toMatchObject({ users: 0 });
      const held = () =>
        partnership.db.selectFrom('users').select(['role', 'role_version']).where('id', '=', slot.userId).executeTakeFirstOrThrow();
      expect(await held()).toEqual({ role: 'coach', role_version: 1 });

      // An administrator's laptop cannot pass the forged assignment on either: the server takes
      // only what the calling administrator signed with their own key over the user's keys.
      const asAdmin = await sessionFor(partnership.laptopA, 'demo.admin');
      await expect(
        adminClient.changeUserRole(asAdmin.state.serverUrl, asAdmin.session.token, slot.userId, {
          role: 'administrator',
          seenUpTo: '999999',
          assignment: forged,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // Nor one the administrator signed over keys that are not the user's (the coach's self-trusting slot is the same
      // key pair, so take another user's slot): the signature does not match the slot the server holds.
      const admin = await asKeyHolder(partnership.laptopA, 'demo.admin', PASSPHRASE);
      const physio = findSlot(await keyringOf(partnership.laptopA), 'demo.physio')!;
      await expect(
        adminClient.changeUserRole(asAdmin.state.serverUrl, asAdmin.session.token, slot.userId, {
          role: 'administrator',
          seenUpTo: '999999',
          assignment: signRoleAssignment(keyring.storeId, admin.signer, physio, 'administrator', 5),
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await held()).toEqual({ role: 'coach', role_version: 1 });

      // A role written into the server's users table without a signature is not acted on either.
      await partnership.db.updateTable('users').set({ role: 'administrator' }).where('id', '=', slot.userId).execute();
      await expect(adminClient.listUsers(serverUrl, token)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('not the one an administrator signed'),
      });
    },
  );

  it(
    'a demoted user who puts back their earlier signed role is flagged at an administrator’s unlock and refused by the server',
    { timeout: 300_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.admin');
      const coachId = await userIdOf(a, 'demo.coach');
      value(await a.dispatch('users.changeRole', { userId: coachId, role: 'administrator' }));
      await partnership.sync(partnership.laptopA, 'demo.admin');
      // The coach keeps a copy of their administrator assignment (version 2) before they are demoted (version 3).
      const promoted = findSlot(await keyringOf(partnership.laptopA), 'demo.coach')!.role!;
      value(await a.dispatch('users.changeRole', { userId: coachId, role: 'coach' }));
      value(await a.dispatch('session.lock', {}));
      await partnership.sync(partnership.laptopA, 'demo.admin');
      expect(
        await partnership.db.selectFrom('users').select(['role', 'role_version']).where('id', '=', coachId).executeTakeFirst(),
      ).toEqual({
        role: 'coach',
        role_version: 3,
      });

      // The rollback, on the shared laptop: the earlier, validly signed assignment and the store's row put back.
      const coach = await asKeyHolder(partnership.laptopA, 'demo.coach', PASSPHRASE);
      coach.editKeyring((current) => ({
        ...current,
        slots: current.slots.map((slot) => (slot.userId === coachId ? { ...slot, role: promoted } : slot)),
      }));
      coach.edit((database) => database.prepare("UPDATE users SET role = 'administrator' WHERE id = ?").run(coachId));

      // It does not open the app for them, and the administrator's unlock names it.
      expect(await a.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASSPHRASE })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      value(await a.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASSPHRASE }));
      const status = value<AppStatus>(await a.dispatch('app.status', {}));
      expect(status.state === 'unlocked' && status.securityWarning).toContain(
        'demo.coach (an earlier signed role, administrator, was put back',
      );
      value(await a.dispatch('session.lock', {}));

      // The server signs them in as the coach it holds, and refuses the earlier assignment sent again, even by an administrator.
      const asAdmin = await sessionFor(partnership.laptopA, 'demo.admin');
      await expect(
        adminClient.changeUserRole(asAdmin.state.serverUrl, asAdmin.session.token, coachId, {
          role: 'administrator',
          seenUpTo: '999999',
          assignment: promoted,
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('an earlier role cannot be put back') });
      expect((await sessionFor(partnership.laptopA, 'demo.coach')).session.user.role).toBe('coach');
      expect(
        await partnership.db.selectFrom('users').select(['role', 'role_version']).where('id', '=', coachId).executeTakeFirst(),
      ).toEqual({
        role: 'coach',
        role_version: 3,
      });

      // The next sync puts the server's assignment back into the slot.
      await partnership.sync(partnership.laptopA, 'demo.admin');
      expect(findSlot(await keyringOf(partnership.laptopA), 'demo.coach')?.role).toMatchObject({ role: 'coach', version: 3 });
    },
  );
});
