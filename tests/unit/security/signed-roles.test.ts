import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { AppStatus } from '../../../core/schemas/session';
import { anchorSlot, findSlot, readKeyring } from '../../../db/keyring';
import { signRoleAssignment } from '../../../db/role-assignment';
import { signingKeyFromSlotSecret } from '../../../db/signing-key';
import { unwrapUserPrivateKey } from '../../../db/keyring';
import { storePaths } from '../../../db/store-paths';
import { demoFromTemplate } from '../../support/demo-template';
import { value } from '../../support/demo-with-person';
import { asKeyHolder } from '../../support/key-holder';

const PASSPHRASE = DEMO_PARTNERSHIP.passphrase;

/** Issue 18, item 1: a role set with the data key behind the app's back is not a role. */
describe('roles signed by an administrator', () => {
  it('a coach who makes themselves and a colleague administrators in the store with the raw key gets nothing; the next administrator unlock flags it', async () => {
    const { dataDir, services } = await demoFromTemplate();
    value(await services.dispatch('session.lock', {}));
    const coach = await asKeyHolder(dataDir, 'demo.coach', PASSPHRASE);
    // The attack: the store opened with the data key the coach's own passphrase unwraps.
    coach.edit((database) =>
      database.prepare("UPDATE users SET role = 'administrator' WHERE username IN ('demo.coach', 'demo.physio')").run(),
    );

    // The coach: still a coach; every administrator channel refuses them.
    expect(value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASSPHRASE }))).toMatchObject({
      role: 'coach',
    });
    for (const [channel, input] of [
      ['users.list', {}],
      ['audit.search', { limit: 10 }],
      ['security.rotateDataKey', {}],
    ] as const)
      expect(await services.dispatch(channel, input), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await services.dispatch('session.lock', {}));

    // The colleague: not an administrator either.
    expect(value(await services.dispatch('session.unlock', { username: 'demo.physio', passphrase: PASSPHRASE }))).toMatchObject({
      role: 'physiotherapist',
    });
    expect(await services.dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await services.dispatch('session.lock', {}));

    // The administrator's unlock: a visible warning naming both, and a security_warning audit entry.
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASSPHRASE }));
    const status = value<AppStatus>(await services.dispatch('app.status', {}));
    expect(status).toMatchObject({ state: 'unlocked', securityWarning: expect.stringContaining('demo.coach') });
    expect(status.state === 'unlocked' && status.securityWarning).toContain('demo.physio');
    const warnings = value<{ entries: { action: string; username: string | null }[] }>(
      await services.dispatch('audit.search', { action: 'security_warning', limit: 10 }),
    ).entries;
    expect(warnings).toEqual([expect.objectContaining({ action: 'security_warning', username: 'demo.admin' })]);

    // Saving the role (as it is signed) is how the administrator confirms it: the warning then goes.
    const users = value<{ users: { userId: string; username: string }[] }>(await services.dispatch('users.list', {})).users;
    for (const username of ['demo.coach', 'demo.physio']) {
      const role = username === 'demo.coach' ? 'coach' : 'physiotherapist';
      value(await services.dispatch('users.changeRole', { userId: users.find((user) => user.username === username)?.userId, role }));
    }
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASSPHRASE }));
    expect(value<AppStatus>(await services.dispatch('app.status', {}))).not.toHaveProperty('securityWarning');
    await services.close();
  });

  it('a forger who re-signs with their own key is an administrator to nobody but themselves', async () => {
    const { dataDir, services } = await demoFromTemplate();
    value(await services.dispatch('session.lock', {}));
    const paths = storePaths(dataDir);
    const coach = await asKeyHolder(dataDir, 'demo.coach', PASSPHRASE);
    // The coach knows their own passphrase, so they can rewrite their own slot to trust their own
    // key, sign themselves and a colleague as administrators with it, and edit the store to match.
    const keyring = (await readKeyring(paths.keyring))!;
    const coachSlot = findSlot(keyring, 'demo.coach')!;
    const secret = await unwrapUserPrivateKey(keyring, coachSlot, PASSPHRASE);
    const forgerKey = { userId: coachSlot.userId, key: signingKeyFromSlotSecret(secret) };
    const selfTrusting = await anchorSlot(keyring, coachSlot, PASSPHRASE, [
      { userId: coachSlot.userId, signingPublicKey: forgerKey.key.publicKey.toString('base64') },
    ]);
    coach.editKeyring((current) => ({
      ...current,
      slots: current.slots.map((slot) => {
        if (slot.username === 'demo.coach')
          return { ...selfTrusting, role: signRoleAssignment(current.storeId, forgerKey, selfTrusting, 'administrator', 9) };
        if (slot.username === 'demo.physio')
          return { ...slot, role: signRoleAssignment(current.storeId, forgerKey, slot, 'administrator', 9) };
        return slot;
      }),
    }));
    coach.edit((database) =>
      database.prepare("UPDATE users SET role = 'administrator' WHERE username IN ('demo.coach', 'demo.physio')").run(),
    );

    // Their own session: an administrator (their slot trusts what they chose; nothing on a laptop can stop that).
    expect(value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASSPHRASE }))).toMatchObject({
      role: 'administrator',
    });
    value(await services.dispatch('session.lock', {}));
    // Anyone else: the forged signature is from a key their slot does not trust.
    expect(await services.dispatch('session.unlock', { username: 'demo.physio', passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('not signed by an administrator you trust') },
    });
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASSPHRASE }));
    const status = value<AppStatus>(await services.dispatch('app.status', {}));
    expect(status.state === 'unlocked' && status.securityWarning).toMatch(/demo\.coach.*demo\.physio|demo\.physio.*demo\.coach/);
    await services.close();
  });

  it('an administrator revoked or demoted stops vouching: the roles they signed are signed again by the administrator acting', async () => {
    const { dataDir, services } = await demoFromTemplate();
    const users = value<{ users: { userId: string; username: string }[] }>(await services.dispatch('users.list', {})).users;
    const id = (username: string) => users.find((user) => user.username === username)!.userId;
    const signerOf = async (username: string) => findSlot((await readKeyring(storePaths(dataDir).keyring))!, username)?.role;
    // A second administrator (certified by the first) gives two colleagues their roles.
    value(await services.dispatch('users.changeRole', { userId: id('demo.coach'), role: 'administrator' }));
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASSPHRASE }));
    value(await services.dispatch('users.changeRole', { userId: id('demo.physio'), role: 'coordinator' }));
    value(await services.dispatch('users.changeRole', { userId: id('demo.ot'), role: 'coach' }));
    expect(await signerOf('demo.physio')).toMatchObject({ signerUserId: id('demo.coach'), version: 2 });
    value(await services.dispatch('session.lock', {}));

    // Revoked by the first administrator: their signatures are replaced by the first's.
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASSPHRASE }));
    value(await services.dispatch('users.revoke', { userId: id('demo.coach') }));
    expect(await signerOf('demo.physio')).toMatchObject({ role: 'coordinator', signerUserId: id('demo.admin'), version: 3 });
    expect(await signerOf('demo.ot')).toMatchObject({ role: 'coach', signerUserId: id('demo.admin'), version: 3 });
    value(await services.dispatch('session.lock', {}));
    // The colleagues keep the roles they were given, and the administrator's unlock finds nothing amiss.
    expect(value(await services.dispatch('session.unlock', { username: 'demo.physio', passphrase: PASSPHRASE }))).toMatchObject({
      role: 'coordinator',
    });
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASSPHRASE }));
    expect(value<AppStatus>(await services.dispatch('app.status', {}))).not.toHaveProperty('securityWarning');
    await services.close();
  });

  it('a role forged in the keyring while a session is open is refused at the next call', async () => {
    const { dataDir, services } = await demoFromTemplate();
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASSPHRASE }));
    value(await services.dispatch('participants.count', {}));
    const coach = await asKeyHolder(dataDir, 'demo.coach', PASSPHRASE);
    coach.editKeyring((keyring) => ({
      ...keyring,
      slots: keyring.slots.map((slot) =>
        slot.username === 'demo.coach' && slot.role !== undefined ? { ...slot, role: { ...slot.role, role: 'administrator' } } : slot,
      ),
    }));
    expect(await services.dispatch('participants.count', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Locking still works.
    value(await services.dispatch('session.lock', {}));
    await services.close();
  });
});
