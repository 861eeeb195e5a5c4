import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { createAppServices } from '../../../services/app-services';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { auditEntriesAfter } from '../../../db/repositories/audit-repository';
import { storePaths } from '../../../db/store-paths';
import { migrateServerToLatest } from '../../../server/migrate-server';
import { requestRoleName } from '../../../server/migrations/2026-12-06-003-row-level-security';
import { recordServerEvent } from '../../../server/server-audit-append';
import { createServerDatabase } from '../../../server/server-database';
import { fetchAuditTail, pushAuditEntries } from '../../../services/sync/audit-client';
import { adminClient } from '../../../services/sync/admin-client';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { push, ServerRefused } from '../../../services/sync/sync-client';
import { unlockStore } from '../../../services/session/unlock-store';
import { value } from '../../support/demo-with-person';
import { freshServerDatabase } from '../../support/postgres';
import { storeReader } from '../../support/store-reader';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { sessionFor } from '../../support/sync-session';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

const passphrase = DEMO_PARTNERSHIP.passphrase;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Partnership = Awaited<ReturnType<typeof demoOnServer>>;

/** The laptop's own trail, straight from its store: sequence and hash of every entry. */
async function localTrail(dataDir: string): Promise<Array<{ seq: number; hash: string }>> {
  const reader = await storeReader(dataDir, 'demo.admin', passphrase);
  return reader.read(
    (database) => database.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as Array<{ seq: number; hash: string }>,
  );
}

/** What the server holds of a laptop's trail, in the server chain's order. */
async function heldTrail(partnership: Partnership, deviceId: string) {
  const rows = await partnership.db
    .selectFrom('audit_log')
    .select(['partnership_id', 'chain_seq', 'entry_seq', 'entry_hash'])
    .where('source', '=', 'laptop')
    .where('device_id', '=', deviceId)
    .orderBy('chain_seq')
    .execute();
  return rows.map((row) => ({
    partnershipId: row.partnership_id,
    chainSeq: Number(row.chain_seq),
    seq: row.entry_seq,
    hash: row.entry_hash,
  }));
}

/** The server's own events for a laptop, oldest first. */
async function serverEvents(partnership: Partnership, deviceId: string) {
  return partnership.db
    .selectFrom('audit_log')
    .select(['action', 'channel', 'outcome', 'username', 'subject_json as subject'])
    .where('source', '=', 'server')
    .where('device_id', '=', deviceId)
    .orderBy('chain_seq')
    .execute();
}

/** Runs `workwell-mdt` with the demo passphrase in a file; returns the exit code and the lines printed. */
async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const passphraseFile = join(tempDir(), 'pass.txt');
  writeFileSync(passphraseFile, `${passphrase}\n`);
  const lines: string[] = [];
  const withPassphrase = argv[0] === 'audit' ? [...argv, '--passphrase-file', passphraseFile] : argv;
  const code = await runCli(withPassphrase, (line) => lines.push(line));
  return { code, lines };
}

/** Someone with the store's key and a SQLite shell: the triggers refuse, so they drop them first. */
async function behindTheApp(dataDir: string, statements: string): Promise<void> {
  const { store, dataKey } = await unlockStore(storePaths(dataDir), 'demo.admin', passphrase);
  dataKey.fill(0);
  try {
    const guarded = store.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'audit_log_never_deleted'").get() !== undefined;
    if (guarded) expect(() => store.sqlite.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/WORKWELL_LOCKED/);
    store.sqlite.exec('DROP TRIGGER IF EXISTS audit_log_append_only; DROP TRIGGER IF EXISTS audit_log_never_deleted;');
    store.sqlite.exec(statements);
  } finally {
    await store.close();
  }
}

describe('the audit trail on the partnership server', () => {
  it('a laptop’s entries reach the server’s chain after sync, in the laptop’s order, once; sign-in and enrolment are recorded too', async () => {
    const partnership = await demoOnServer();
    const coach = await laptopApp(partnership.laptopA, 'demo.coach');
    value(await coach.dispatch('participants.list', { pageSize: 10 }));
    await coach.close();
    expect((await localTrail(partnership.laptopA)).length).toBeGreaterThanOrEqual(2);

    const report = await partnership.sync(partnership.laptopA, 'demo.admin');
    // Everything, the sync's own entry (written as it starts) included.
    const local = await localTrail(partnership.laptopA);
    expect(report.audit).toEqual({ sent: local.length, problem: null });
    const held = await heldTrail(partnership, partnership.init.deviceId);
    expect(held.map(({ seq, hash }) => ({ seq, hash }))).toEqual(local);
    expect(held.every((row) => row.partnershipId === partnership.init.partnershipId)).toBe(true);
    // The server's chain continues in arrival order: the laptop's order, without gaps of its own entries.
    expect(held.map((row) => row.chainSeq)).toEqual([...held.map((row) => row.chainSeq)].sort((a, b) => a - b));

    // Synced again: only that sync's own entry goes.
    expect((await partnership.sync(partnership.laptopA, 'demo.admin')).audit).toEqual({ sent: 1, problem: null });
    const heldAfter = await heldTrail(partnership, partnership.init.deviceId);
    expect(heldAfter.slice(0, -1)).toEqual(held);
    // The same entries sent again by hand: kept once.
    const { session, state } = await sessionFor(partnership.laptopA, 'demo.admin');
    const opened = await openSyncStore(partnership.laptopA, 'demo.admin', passphrase);
    const entries = auditEntriesAfter(opened.store, 0, 1_000);
    await opened.close();
    const again = await pushAuditEntries(state.serverUrl, session.token, entries);
    expect(again).toMatchObject({ received: 0, duplicates: entries.length, tail: { lastSeq: entries.at(-1)?.seq } });
    expect(await heldTrail(partnership, partnership.init.deviceId)).toEqual(heldAfter);

    // Out of the laptop's order: refused whole, and the refusal is in the server's chain (once).
    const skipping = [{ ...entries[0]!, seq: entries.length + 2 }];
    for (let attempt = 0; attempt < 2; attempt += 1)
      await expect(pushAuditEntries(state.serverUrl, session.token, skipping)).rejects.toMatchObject({ code: 'AUDIT_OUT_OF_ORDER' });
    const events = await serverEvents(partnership, partnership.init.deviceId);
    expect(events.filter((event) => event.outcome === 'AUDIT_OUT_OF_ORDER')).toEqual([
      expect.objectContaining({ action: 'refused', channel: '/audit/push', outcome: 'AUDIT_OUT_OF_ORDER', username: 'demo.admin' }),
    ]);
    expect(events.filter((event) => event.action === 'sign_in').length).toBeGreaterThanOrEqual(3);

    // A new laptop: its enrolment and sign-in are the server's own entries.
    const laptopB = await partnership.enrol('demo.coordinator');
    const deviceB = (await partnership.db.selectFrom('devices').select('id').where('reference_block', '=', 2).executeTakeFirstOrThrow()).id;
    expect(await serverEvents(partnership, deviceB)).toEqual([
      { action: 'enrol', channel: '/auth/answer', outcome: 'ok', username: 'demo.coordinator', subject: '{"referenceBlock":2}' },
      { action: 'sign_in', channel: '/auth/answer', outcome: 'ok', username: 'demo.coordinator', subject: '{}' },
    ]);
    expect(laptopB.report.pulled).toBeGreaterThan(0);

    // An administrator revokes laptop B (from laptop A): recorded; B's next push is refused, and that is recorded too.
    const b = await sessionFor(laptopB.dataDir, 'demo.coordinator');
    await adminClient.revokeDevice(state.serverUrl, (await sessionFor(partnership.laptopA, 'demo.admin')).session.token, deviceB);
    await expect(fetchAuditTail(state.serverUrl, b.session.token)).rejects.toMatchObject({ code: 'REVOKED' });
    await expect(pushAuditEntries(state.serverUrl, b.session.token, [])).rejects.toBeInstanceOf(ServerRefused);
    await expect(push(state.serverUrl, b.session.token, [])).rejects.toMatchObject({ code: 'REVOKED' });
    expect((await serverEvents(partnership, partnership.init.deviceId)).at(-1)).toEqual({
      action: 'revoke',
      channel: '/admin/devices/:id/revoke',
      outcome: 'ok',
      username: 'demo.admin',
      subject: JSON.stringify({ deviceId: deviceB }),
    });
    expect((await serverEvents(partnership, deviceB)).at(-1)).toMatchObject({
      action: 'refused',
      channel: '/sync/push',
      outcome: 'REVOKED',
      username: 'demo.coordinator',
    });
    expect((await cli('server', 'audit-verify', '--database-url', partnership.databaseUrl)).code).toBe(0);
  }, 120_000);

  it('entries cut from the end of a laptop’s trail (rows deleted behind the app) are named by audit verify against the server', async () => {
    const partnership = await demoOnServer();
    const coach = await laptopApp(partnership.laptopA, 'demo.coach');
    value(await coach.dispatch('participants.list', { pageSize: 10 }));
    value(await coach.dispatch('participants.list', { pageSize: 20 }));
    await coach.close();
    await partnership.sync(partnership.laptopA, 'demo.admin');
    const local = await localTrail(partnership.laptopA);
    const last = local.at(-1)!.seq;

    const intact = await cli('audit', 'verify', '--store', partnership.laptopA, '--user', 'demo.admin');
    expect(intact.code).toBe(0);
    expect(intact.lines.at(-1)).toMatch(new RegExp(`^Matches the partnership server's copy: ${last} entries held there`));

    await behindTheApp(partnership.laptopA, `DELETE FROM audit_log WHERE seq > ${last - 2}`);
    const cut = await cli('audit', 'verify', '--store', partnership.laptopA, '--user', 'demo.admin');
    expect(cut.code).toBe(2);
    // The chain alone cannot see a cut from its end: the head kept in the keyring can (up to the
    // intact verify's own entry, one past the server's copy), and the server's copy names what went.
    expect(cut.lines[0]).toMatch(new RegExp(`^Entries ${last - 1}–${last + 1} CUT from the end`));
    expect(cut.lines[1]).toMatch(/^Audit trail BROKEN: 1 finding/);
    expect(cut.lines[2]).toContain('2 entries held by the partnership server are NO LONGER on this laptop');
    expect(cut.lines.slice(3)).toEqual([
      expect.stringMatching(new RegExp(`^  entry ${last - 1}: search \\(participants\\.list\\) by demo\\.coach at .+, ok$`)),
      // The sync's own entry, written as it started and sent in that push.
      expect.stringMatching(new RegExp(`^  entry ${last}: export \\(cli\\.sync\\) by demo\\.admin at .+, started$`)),
    ]);

    // The trail grows again over the gap: the new entries take the cut ones' numbers, and differ.
    const again = await laptopApp(partnership.laptopA, 'demo.coach');
    value(await again.dispatch('participants.list', { pageSize: 5 }));
    value(await again.dispatch('participants.list', { pageSize: 5 }));
    await again.close();
    const regrown = await cli('audit', 'verify', '--store', partnership.laptopA, '--user', 'demo.admin');
    expect(regrown.code).toBe(2);
    expect(regrown.lines.join('\n')).toMatch(new RegExp(`were CHANGED on this laptop:\\n  entry ${last - 1}: search`));
    // Sync still moves records, says the trail was not sent, and the server records the refusal.
    const synced = await partnership.sync(partnership.laptopA, 'demo.admin');
    expect(synced.refused).toEqual([]);
    expect(synced.audit).toEqual({ sent: 0, problem: expect.stringContaining('no longer matches what the partnership server holds') });
    expect((await serverEvents(partnership, partnership.init.deviceId)).at(-1)).toMatchObject({
      action: 'refused',
      outcome: 'AUDIT_DIVERGED',
    });
    expect((await heldTrail(partnership, partnership.init.deviceId)).map((row) => row.seq)).toEqual(local.map((row) => row.seq));

    // Offline, it cannot compare and says so.
    await behindTheApp(partnership.laptopA, "UPDATE sync_state SET server_url = 'http://127.0.0.1:9'");
    const offline = await cli('audit', 'verify', '--store', partnership.laptopA, '--user', 'demo.admin');
    expect(offline.lines.at(-1)).toBe(
      'Could not compare with the partnership server: The partnership server at http://127.0.0.1:9 could not be reached.',
    );
    // Still broken: the head kept outside the store saw the cut without the server.
    expect(offline.code).toBe(2);
  }, 120_000);

  it('an open, unlocked laptop sends its trail in the background, with no manual sync', async () => {
    const partnership = await demoOnServer();
    const app = createAppServices({
      dataDir: partnership.laptopA,
      clock: testClock(),
      sync: { debounceMs: 50, backoffMs: 100, maxBackoffMs: 300 },
    });
    try {
      value(await app.dispatch('session.unlock', { username: 'demo.coach', passphrase }));
      const started = performance.now();
      let held = await heldTrail(partnership, partnership.init.deviceId);
      while (held.length === 0 && performance.now() - started < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        held = await heldTrail(partnership, partnership.init.deviceId);
      }
      const unlock = await partnership.db
        .selectFrom('audit_log')
        .select(['action', 'username'])
        .where('device_id', '=', partnership.init.deviceId)
        .where('channel', '=', 'session.unlock')
        .execute();
      expect(unlock).toContainEqual({ action: 'sign_in', username: 'demo.coach' });
    } finally {
      await app.close();
    }
  }, 60_000);

  it('server audit-verify finds a row changed or removed behind the server (triggers disabled by a superuser)', async () => {
    const partnership = await demoOnServer();
    const coach = await laptopApp(partnership.laptopA, 'demo.coach');
    value(await coach.dispatch('participants.list', { pageSize: 10 }));
    await coach.close();
    await partnership.sync(partnership.laptopA, 'demo.admin');
    const verify = () => cli('server', 'audit-verify', '--database-url', partnership.databaseUrl);
    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.lines).toEqual([
      expect.stringMatching(new RegExp(`^Partnership ${partnership.init.partnershipId}: audit trail intact, \\d+ entries`)),
    ]);

    const superuser = async (statement: string) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(partnership.db);
      try {
        await sql.raw(statement).execute(partnership.db);
      } finally {
        await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(partnership.db);
      }
    };
    await superuser("UPDATE audit_log SET username = 'someone.else' WHERE chain_seq = 3");
    const changed = await verify();
    expect(changed.code).toBe(3);
    expect(changed.lines[0]).toBe(
      `Partnership ${partnership.init.partnershipId}: audit trail BROKEN at entry 3: its content does not match its hash (changed behind the server).`,
    );

    await superuser('DELETE FROM audit_log WHERE chain_seq IN (2, 3)');
    expect((await verify()).lines[0]).toContain('BROKEN at entry 4: an entry before it is missing');
    await expect(cli('server', 'audit-verify', '--database-url', 'postgres://nobody@127.0.0.1:9/none')).rejects.toThrow(
      /PostgreSQL did not answer/,
    );
    expect((await cli('help')).lines.join('\n')).toContain('workwell-mdt server audit-verify --database-url URL');
  }, 120_000);

  it('UPDATE, DELETE and TRUNCATE of the server’s audit table are refused for its owner (even after re-granting itself) and for a superuser', async () => {
    const database = await freshServerDatabase({ migrated: false });
    const role = `audit_owner_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    // CREATEROLE: row-level security's migration makes the database's request role.
    await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER CREATEROLE`);
    await admin.query(`ALTER DATABASE ${new URL(database.url).pathname.slice(1)} OWNER TO ${role}`);
    const ownerUrl = new URL(database.url);
    ownerUrl.username = role;
    const owner = createServerDatabase(ownerUrl.toString(), { maxConnections: 1 });
    cleanups.push(async () => {
      await admin.end();
      await database.drop();
      const cleanup = new Client({ connectionString: new URL('/postgres', database.url).toString() });
      await cleanup.connect();
      await cleanup.query(`DROP ROLE IF EXISTS ${requestRoleName(new URL(database.url).pathname.slice(1))}`);
      await cleanup.query(`DROP ROLE IF EXISTS ${role}`);
      await cleanup.end();
    });
    cleanups.push(() => owner.destroy());

    await migrateServerToLatest(owner);
    // Row-level security's request role may only read and append, under the partnership policy.
    const requestRole = requestRoleName(new URL(database.url).pathname.slice(1));
    const granted = await admin.query<Record<string, boolean>>(
      `SELECT ${['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'].map((p) => `has_table_privilege($1, 'audit_log', '${p}') AS "${p}"`).join(', ')},
        (SELECT relrowsecurity FROM pg_class WHERE relname = 'audit_log') AS "RLS"`,
      [requestRole],
    );
    expect(granted.rows[0]).toEqual({ SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false, RLS: true });
    await owner.insertInto('partnerships').values({ id: 'p1', name: 'Test partnership', store_id: null, keyring_meta: null }).execute();
    await recordServerEvent(owner, {
      partnershipId: 'p1',
      deviceId: 'd1',
      userId: 'u1',
      username: 'someone',
      action: 'sign_in',
      channel: '/auth/answer',
      outcome: 'ok',
    });
    const attempts = ["UPDATE audit_log SET username = 'x'", 'DELETE FROM audit_log', 'TRUNCATE audit_log'];

    for (const statement of attempts)
      await expect(sql.raw(statement).execute(owner)).rejects.toMatchObject({
        code: '42501',
        message: expect.stringContaining('permission denied'),
      });
    // The owner could grant itself the privileges back; the triggers still refuse.
    await sql`GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO CURRENT_USER`.execute(owner);
    for (const statement of attempts) await expect(sql.raw(statement).execute(owner)).rejects.toThrow(/audit trail is append-only/);
    // A superuser skips privileges, not triggers.
    for (const statement of attempts) await expect(admin.query(statement)).rejects.toThrow(/audit trail is append-only/);
    expect((await owner.selectFrom('audit_log').select('username').execute()).map((row) => row.username)).toEqual(['someone']);
  }, 60_000);
});
