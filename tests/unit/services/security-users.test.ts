import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { UserEntry } from '../../../core/schemas/security';
import { readKeyring } from '../../../db/keyring';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';

const NEW_PASSPHRASE = 'orange kettle mountain river 7';

describe('users and the keyring', () => {
  it('an administrator adds a user, linked to a team member, who can then unlock in their role', async () => {
    const demo = await demoWithPerson();
    const { services } = demo;
    const config = value<{ teamMembers: Array<{ id: string; userId: string | null; fullName: string }> }>(
      await services.dispatch('config.get', {}),
    );
    const unlinked = config.teamMembers.find((member) => member.userId === null);
    const added = value<UserEntry>(
      await services.dispatch('users.add', {
        username: 'New.Coach',
        displayName: 'Nia Coach',
        role: 'coach',
        passphrase: NEW_PASSPHRASE,
        teamMemberId: unlinked?.id ?? null,
      }),
    );
    expect(added).toMatchObject({ username: 'new.coach', role: 'coach', revokedAt: null });
    if (unlinked !== undefined) expect(added.teamMemberName).toBe(unlinked.fullName);
    const list = value<{ users: UserEntry[] }>(await services.dispatch('users.list', {}));
    expect(list.users.map((user) => user.username)).toContain('new.coach');

    value(await services.dispatch('session.lock', {}));
    expect(value<{ usernames: string[] }>(await services.dispatch('app.status', {})).usernames).toContain('new.coach');
    expect(value(await services.dispatch('session.unlock', { username: 'new.coach', passphrase: NEW_PASSPHRASE }))).toMatchObject({
      role: 'coach',
    });
    // A coach cannot manage users: the services layer refuses.
    expect(
      await services.dispatch('users.add', { username: 'x.y', displayName: 'X', role: 'administrator', passphrase: NEW_PASSPHRASE }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await services.close();
  });

  it('refuses a weak first passphrase and a username already used, changing nothing', async () => {
    const { services, dataDir } = await demoWithPerson();
    const weak = await services.dispatch('users.add', { username: 'weak.user', displayName: 'Weak', role: 'coach', passphrase: 'short' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { passphrase: expect.any(String) } } });
    const taken = await services.dispatch('users.add', {
      username: 'demo.coach',
      displayName: 'Again',
      role: 'coach',
      passphrase: NEW_PASSPHRASE,
    });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { username: expect.any(String) } } });
    expect((await readKeyring(storePaths(dataDir).keyring))?.slots).toHaveLength(6);
    await services.close();
  });

  it('a revoked user can no longer unlock; you cannot revoke yourself or the last administrator', async () => {
    const demo = await demoWithPerson();
    const { services } = demo;
    const users = value<{ users: UserEntry[] }>(await services.dispatch('users.list', {})).users;
    const byName = (username: string) => users.find((user) => user.username === username)?.userId ?? '';
    expect(await services.dispatch('users.revoke', { userId: byName('demo.admin') })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    value(await services.dispatch('users.revoke', { userId: byName('demo.physio') }));
    const after = value<{ users: UserEntry[] }>(await services.dispatch('users.list', {})).users;
    expect(after.find((user) => user.username === 'demo.physio')?.revokedAt).not.toBeNull();
    expect((await readKeyring(storePaths(demo.dataDir).keyring))?.slots.map((slot) => slot.username)).not.toContain('demo.physio');

    value(await services.dispatch('session.lock', {}));
    expect(await services.dispatch('session.unlock', { username: 'demo.physio', passphrase: DEMO_PARTNERSHIP.passphrase })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    await services.close();
  });

  it('refuses to revoke the last administrator (made a second one, revoked the first)', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
    const second = value<UserEntry>(
      await services.dispatch('users.add', {
        username: 'second.admin',
        displayName: 'Second Admin',
        role: 'administrator',
        passphrase: NEW_PASSPHRASE,
      }),
    );
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'second.admin', passphrase: NEW_PASSPHRASE }));
    const first = value<{ users: UserEntry[] }>(await services.dispatch('users.list', {})).users.find(
      (user) => user.username === 'test.admin',
    );
    value(await services.dispatch('users.revoke', { userId: first?.userId ?? '' }));
    // The administrator left is still one, at once and after unlocking again (their role, signed by the
    // revoked one, is not taken away by revoking them).
    expect((await services.dispatch('users.list', {})).ok).toBe(true);
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'second.admin', passphrase: NEW_PASSPHRASE }));
    expect((await services.dispatch('users.list', {})).ok).toBe(true);
    expect(await services.dispatch('users.revoke', { userId: second.userId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await services.close();
  });

  it('changes your own passphrase: the old one stops working, the new one unlocks', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
    expect(
      await services.dispatch('account.changePassphrase', { currentPassphrase: 'not my passphrase', newPassphrase: NEW_PASSPHRASE }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: { currentPassphrase: expect.any(String) } },
    });
    expect(
      await services.dispatch('account.changePassphrase', { currentPassphrase: TEST_ADMIN_PASSPHRASE, newPassphrase: 'too weak' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { newPassphrase: expect.any(String) } },
    });
    value(await services.dispatch('account.changePassphrase', { currentPassphrase: TEST_ADMIN_PASSPHRASE, newPassphrase: NEW_PASSPHRASE }));
    value(await services.dispatch('session.lock', {}));
    expect(await services.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    value(await services.dispatch('session.unlock', { username: 'test.admin', passphrase: NEW_PASSPHRASE }));
    await services.close();
    // Passphrases never reach the keyring file or the audit trail in the clear.
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(storePaths(dataDir).keyring, 'utf8')).not.toContain(NEW_PASSPHRASE);
    const { unlockStore } = await import('../../../services/session/unlock-store');
    const { store, dataKey } = await unlockStore(storePaths(dataDir), 'test.admin', NEW_PASSPHRASE);
    dataKey.fill(0);
    const audit = JSON.stringify(store.sqlite.prepare('SELECT * FROM audit_log').all());
    await store.close();
    expect(audit).toContain('account.changePassphrase');
    expect(audit).not.toContain(NEW_PASSPHRASE);
    expect(audit).not.toContain(TEST_ADMIN_PASSPHRASE);
  });

  it('shows a recovery key once at setup; it sets a new administrator passphrase on the unlock screen', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    const created = value<{ recoveryKey?: string }>(await services.dispatch('setup.createPartnership', testPartnershipInput()));
    expect(created.recoveryKey).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    value(await services.dispatch('session.lock', {}));
    expect(
      await services.dispatch('session.recover', {
        recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
        username: 'test.admin',
        newPassphrase: NEW_PASSPHRASE,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: { recoveryKey: expect.any(String) } },
    });
    const typed = (created.recoveryKey ?? '').toLowerCase().replace(/-/g, ' ');
    expect(
      value(await services.dispatch('session.recover', { recoveryKey: typed, username: 'test.admin', newPassphrase: NEW_PASSPHRASE })),
    ).toMatchObject({ username: 'test.admin' });
    // A new recovery key replaces the old one.
    const fresh = value<{ recoveryKey: string }>(await services.dispatch('security.newRecoveryKey', {}));
    value(await services.dispatch('session.lock', {}));
    expect(await services.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE })).toMatchObject({
      ok: false,
    });
    value(await services.dispatch('session.unlock', { username: 'test.admin', passphrase: NEW_PASSPHRASE }));
    value(await services.dispatch('session.lock', {}));
    expect(
      await services.dispatch('session.recover', {
        recoveryKey: created.recoveryKey,
        username: 'test.admin',
        newPassphrase: NEW_PASSPHRASE,
      }),
    ).toMatchObject({ ok: false });
    value(
      await services.dispatch('session.recover', {
        recoveryKey: fresh.recoveryKey,
        username: 'test.admin',
        newPassphrase: 'another fine passphrase 99',
      }),
    );
    await services.close();
  });

  it('the demo partnership has the published recovery key, and it recovers only administrators', async () => {
    const { services } = await demoWithPerson();
    value(await services.dispatch('session.lock', {}));
    expect(
      await services.dispatch('session.recover', {
        recoveryKey: DEMO_PARTNERSHIP.recoveryKey,
        username: 'demo.coach',
        newPassphrase: NEW_PASSPHRASE,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { username: expect.any(String) } },
    });
    value(
      await services.dispatch('session.recover', {
        recoveryKey: DEMO_PARTNERSHIP.recoveryKey,
        username: 'demo.admin',
        newPassphrase: NEW_PASSPHRASE,
      }),
    );
    await services.close();
  });
});
