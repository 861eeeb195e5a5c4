import { describe, expect, it } from 'vitest';
import { verifyServerAudit } from '../../../server/server-audit-verify';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { listOutbox } from '../../../db/sync/outbox';
import { adminClient } from '../../../services/sync/admin-client';
import { push, ServerRefused } from '../../../services/sync/sync-client';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { sessionFor, withStore } from '../../support/sync-session';

const NEW_USER = {
  username: 'new.coach',
  displayName: 'Nia Newcoach',
  role: 'coach',
  passphrase: DEMO_PARTNERSHIP.passphrase,
} as const;

describe('users reach the partnership server', () => {
  it('a user added on laptop A enrols laptop B; revoked on A, their next sync is refused', { timeout: 120_000 }, async () => {
    const partnership = await demoOnServer();
    const a = await laptopApp(partnership.laptopA, 'demo.admin');
    // Their team member is made on this laptop too, offline: it reaches the server first, then the link.
    const member = value<{ id: string }>(
      await a.dispatch('config.saveTeamMember', {
        fullName: 'Nia Newcoach',
        disciplineCode: 'employment_support',
        jobTitle: 'Work and Health Coach',
        professionalBody: 'none',
      }),
    );
    const added = value<{ userId: string }>(await a.dispatch('users.add', { ...NEW_USER, teamMemberId: member.id }));

    // The first passphrase never joins the outbox: user administration goes through the admin routes.
    const queued = await withStore(partnership.laptopA, 'demo.admin', (opened) => listOutbox(opened.store));
    expect(queued.filter((entry) => entry.channel.startsWith('users.'))).toEqual([]);
    expect(JSON.stringify(queued)).not.toContain(NEW_USER.passphrase);

    // Not on the server yet: no laptop can enrol for them (the server answers with a decoy slot, so it fails as a wrong passphrase would).
    await expect(partnership.enrol(NEW_USER.username)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });

    const report = await partnership.sync(partnership.laptopA, 'demo.admin');
    expect(report).toMatchObject({ users: 1, refused: [] });
    const onServer = await partnership.db
      .selectFrom('users')
      .innerJoin('keyring_slots', 'keyring_slots.user_id', 'users.id')
      .select(['users.role', 'users.revoked_at', 'users.public_key'])
      .where('users.id', '=', added.userId)
      .executeTakeFirstOrThrow();
    expect(onServer).toMatchObject({ role: 'coach', revoked_at: null });
    const linked = await partnership.db
      .selectFrom('records')
      .select('row')
      .where('table_name', '=', 'team_members')
      .where('key', '=', JSON.stringify([member.id]))
      .executeTakeFirstOrThrow();
    expect(linked.row).toMatchObject({ user_id: added.userId, full_name: 'Nia Newcoach' });
    // Sending again changes nothing.
    expect(await partnership.sync(partnership.laptopA, 'demo.admin')).toMatchObject({ users: 0 });

    const laptopB = await partnership.enrol(NEW_USER.username);
    expect(laptopB.report.referenceBlock).toBe(2);
    // Unlocking B needs their users row, which came from the server: their role is the server's.
    const b = await laptopApp(laptopB.dataDir, NEW_USER.username);
    expect(value<{ items: unknown[] }>(await b.dispatch('participants.list', { pageSize: 10 })).items).toHaveLength(10);
    expect((await b.dispatch('users.list', {})).ok).toBe(false);
    expect(await partnership.sync(laptopB.dataDir, NEW_USER.username)).toMatchObject({ refused: [] });

    value(await a.dispatch('users.revoke', { userId: added.userId }));
    expect(await partnership.sync(partnership.laptopA, 'demo.admin')).toMatchObject({ users: 1 });
    await expect(partnership.sync(laptopB.dataDir, NEW_USER.username)).rejects.toMatchObject({ code: 'REVOKED' });

    // Adding (once, though sent twice) and revoking are entries in the server's audit chain, which still verifies.
    const events = await partnership.db
      .selectFrom('audit_log')
      .select(['username', 'action', 'subject_json'])
      .where('source', '=', 'server')
      .where('action', 'in', ['add_user', 'revoke'])
      .orderBy('chain_seq')
      .execute();
    expect(events).toEqual([
      { username: 'demo.admin', action: 'add_user', subject_json: JSON.stringify({ userId: added.userId, role: 'coach' }) },
      { username: 'demo.admin', action: 'revoke', subject_json: JSON.stringify({ userId: added.userId }) },
    ]);
    expect(await verifyServerAudit(partnership.db)).toEqual([expect.objectContaining({ firstBreak: null })]);
  });

  it('the server refuses a user change from anyone it does not hold as an administrator', { timeout: 120_000 }, async () => {
    const partnership = await demoOnServer();
    const usersBefore = await partnership.db.selectFrom('users').selectAll().execute();
    const coach = await sessionFor(partnership.laptopA, 'demo.coach');
    const forged = {
      row: {
        id: 'forged-user',
        username: 'forged.admin',
        display_name: 'Forged',
        role: 'administrator' as const,
        created_at: '2026-11-01T00:00:00.000Z',
        disabled_at: null,
      },
      slot: { userId: 'forged-user', username: 'forged.admin', publicKey: Buffer.alloc(32, 7).toString('base64') },
      teamMember: null,
    };
    const serverUrl = partnership.serverUrl;
    await expect(adminClient.addUser(serverUrl, coach.session.token, forged)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const someone = usersBefore.find((user) => user.username === 'demo.coordinator')!;
    await expect(adminClient.revokeUser(serverUrl, coach.session.token, someone.id)).rejects.toBeInstanceOf(ServerRefused);
    await expect(adminClient.listDevices(serverUrl, coach.session.token)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // A users row pushed through the outbox, even by an administrator, is refused: users change only through the admin routes.
    const admin = await sessionFor(partnership.laptopA, 'demo.admin');
    const answer = await push(serverUrl, admin.session.token, [
      {
        mutationId: 1_000,
        channel: 'users.revoke',
        input: { userId: someone.id },
        changes: [{ table: 'users', key: [someone.id], row: { ...forged.row, id: someone.id, username: 'demo.coordinator' }, base: null }],
        madeAt: '2026-11-20T10:00:00.000Z',
      },
    ]);
    expect(answer.results).toEqual([expect.objectContaining({ outcome: 'refused', code: 'FORBIDDEN' })]);
    expect(await partnership.db.selectFrom('users').selectAll().execute()).toEqual(usersBefore);
  });
});
