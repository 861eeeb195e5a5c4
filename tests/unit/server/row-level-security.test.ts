import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../core/contract';
import { SYNCED_TABLES } from '../../../core/sync/synced-tables';
import type { Role } from '../../../core/roles';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { migrateServerToLatest } from '../../../server/migrate-server';
import { requestRoleName } from '../../../server/migrations/2026-12-06-003-row-level-security';
import { inRequestScope, inWholePartnershipScope, type RequestScope } from '../../../server/request-scope';
import { createServerDatabase } from '../../../server/server-database';
import type { ServerDatabase } from '../../../server/server-schema';
import { writeChange } from '../../../server/sync-apply';
import { refreshTableReaders } from '../../../server/table-readers';
import { adminClient } from '../../../services/sync/admin-client';
import { value } from '../../support/demo-with-person';
import { freshServerDatabase } from '../../support/postgres';
import { storeReader } from '../../support/store-reader';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { sessionFor } from '../../support/sync-session';
import { testReferral } from '../../support/test-referral';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Tests that enrol laptops from the demo partnership: a minute or more on a busy 2-core machine. */
const SLOW = 240_000;

async function count(trx: Kysely<ServerDatabase> | Transaction<ServerDatabase>, table: keyof ServerDatabase, where = sql`true`) {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${where}`.execute(trx);
  return Number(rows[0]?.n);
}

/** Runs one statement as the request role with `scope` (or no settings at all) and gives its SQLSTATE, or 'ok'. */
async function sqlstate(db: Kysely<ServerDatabase>, scope: RequestScope | undefined, statement: ReturnType<typeof sql>): Promise<string> {
  try {
    if (scope === undefined)
      await db.transaction().execute(async (trx) => {
        await setRoleOnly(trx);
        await statement.execute(trx);
      });
    else await inRequestScope(db, scope, (trx) => statement.execute(trx));
    return 'ok';
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
}

/** SET LOCAL ROLE to the request role, with none of the app.* settings. */
async function setRoleOnly(trx: Transaction<ServerDatabase>): Promise<void> {
  const { request_role: role } = await trx.selectFrom('server_meta').select('request_role').executeTakeFirstOrThrow();
  await sql`SET LOCAL ROLE ${sql.id(role)}`.execute(trx);
}

/** A second partnership on the same server database: the same participant id as B's first, and one of its own. */
async function seedPartnershipA(db: Kysely<ServerDatabase>, partnershipB: string) {
  const shared = await db
    .selectFrom('records')
    .select(['key', 'row'])
    .where('partnership_id', '=', partnershipB)
    .where('table_name', '=', 'participants')
    .orderBy('key')
    .limit(1)
    .executeTakeFirstOrThrow();
  const sharedRow = shared.row as Record<string, string | number | null>;
  await db.insertInto('partnerships').values({ id: 'partnership-a', name: 'Partnership A' }).execute();
  const scopeA: RequestScope = { partnershipId: 'partnership-a', role: 'coordinator', userId: 'a-coordinator' };
  const write = (row: Record<string, string | number | null>) =>
    inRequestScope(db, scopeA, (trx) =>
      writeChange(trx, {
        partnershipId: 'partnership-a',
        table: 'participants',
        key: JSON.stringify([String(row.id)]),
        row,
        deviceId: null,
        mutationId: null,
      }),
    );
  await write({ ...sharedRow, family_name: 'Foreignperson' });
  const ownId = randomUUID();
  await write({ ...sharedRow, id: ownId, family_name: 'Foreignperson', given_name: 'Alex' });
  return { sharedRow, ownId, write };
}

describe('row-level security on the partnership server', () => {
  it(
    'a laptop of partnership B never receives partnership A’s records through pull, even under the same keys',
    async () => {
      const partnership = await demoOnServer();
      const b = partnership.init.partnershipId;
      const a = await seedPartnershipA(partnership.db, b);
      const bChanges = await count(partnership.db, 'change_log', sql`partnership_id = ${b}`);

      const laptop = await partnership.enrol('demo.coordinator');
      expect(laptop.report.pulled).toBeGreaterThan(240);
      // A writes again after B's cursor; B's next sync brings nothing of it.
      await a.write({ ...a.sharedRow, id: a.ownId, family_name: 'Foreignperson', given_name: 'Later' });
      expect((await partnership.sync(laptop.dataDir, 'demo.coordinator')).pulled).toBe(0);

      const store = await storeReader(laptop.dataDir, 'demo.coordinator', DEMO_PARTNERSHIP.passphrase);
      cleanups.push(async () => store.forget());
      const names = store.read(
        (database) =>
          database
            .prepare("SELECT id, family_name FROM participants WHERE family_name = 'Foreignperson' OR id = ?")
            .all(a.sharedRow.id) as Array<{
            id: string;
            family_name: string;
          }>,
      );
      expect(names).toEqual([{ id: a.sharedRow.id, family_name: a.sharedRow.family_name }]);
      expect(store.rowCounts()).toMatchObject({ participants: 240 });

      // Asked directly, as B's request, PostgreSQL shows none of A's rows whatever the query says.
      const scopeB: RequestScope = { partnershipId: b, role: 'coordinator', userId: 'b-coordinator' };
      await inRequestScope(partnership.db, scopeB, async (trx) => {
        expect(await count(trx, 'records', sql`partnership_id = 'partnership-a'`)).toBe(0);
        expect(await count(trx, 'change_log', sql`partnership_id = 'partnership-a'`)).toBe(0);
        expect(await count(trx, 'change_log')).toBe(bChanges);
        expect(await count(trx, 'partnerships')).toBe(1);
        expect(await count(trx, 'users', sql`partnership_id <> ${b}`)).toBe(0);
      });
      // The superuser (the tests' connection) still sees both: the rows are there.
      expect(await count(partnership.db, 'records', sql`partnership_id = 'partnership-a'`)).toBe(2);
    },
    SLOW,
  );

  it(
    'a role that may not read a table sees none of its rows in records or the change log, and its laptop receives none',
    async () => {
      const partnership = await demoOnServer();
      const b = partnership.init.partnershipId;
      const flags = await count(partnership.db, 'records', sql`table_name = 'risk_flags'`);
      expect(flags).toBeGreaterThan(0);
      // Every role reads every table today; a catalogue where coaches may not read risk flags.
      await refreshTableReaders(
        partnership.db,
        SYNCED_TABLES.map((entry) =>
          entry.table === 'risk_flags' ? { ...entry, readBy: entry.readBy.filter((role) => role !== 'coach') } : entry,
        ),
      );
      const as = (role: Role) => ({ partnershipId: b, role, userId: 'someone' });
      await inRequestScope(partnership.db, as('coach'), async (trx) => {
        expect(await count(trx, 'records', sql`table_name = 'risk_flags'`)).toBe(0);
        expect(await count(trx, 'change_log', sql`table_name = 'risk_flags'`)).toBe(0);
        expect(await count(trx, 'records', sql`table_name = 'participants'`)).toBe(240);
      });
      await inRequestScope(partnership.db, as('coordinator'), async (trx) => {
        expect(await count(trx, 'records', sql`table_name = 'risk_flags'`)).toBe(flags);
      });
      // The pull's own filter still reads the catalogue in code (coaches read risk flags): what
      // keeps them off the coach's laptop here is PostgreSQL alone.
      const laptop = await partnership.enrol('demo.coach');
      const store = await storeReader(laptop.dataDir, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
      cleanups.push(async () => store.forget());
      expect(store.rowCounts()).toMatchObject({ risk_flags: 0, participants: 240 });

      // The next start copies the catalogue back.
      await migrateServerToLatest(partnership.db);
      await inRequestScope(partnership.db, as('coach'), async (trx) => {
        expect(await count(trx, 'records', sql`table_name = 'risk_flags'`)).toBe(flags);
      });
    },
    SLOW,
  );

  it(
    'with no settings a request sees nothing; the request role cannot change the change log, write for another partnership, or read sign-in’s tables',
    async () => {
      const database = await freshServerDatabase();
      const db = createServerDatabase(database.url, { maxConnections: 2 });
      cleanups.push(database.drop, () => db.destroy());
      await db.insertInto('partnerships').values({ id: 'p1', name: 'One' }).execute();
      const scope: RequestScope = { partnershipId: 'p1', role: 'coordinator', userId: 'u1' };
      const row = { id: 'x1', family_name: 'Synthetic' };
      await inRequestScope(db, scope, (trx) =>
        writeChange(trx, { partnershipId: 'p1', table: 'participants', key: '["x1"]', row, deviceId: null, mutationId: null }),
      );

      await db.transaction().execute(async (trx) => {
        await setRoleOnly(trx);
        const { rows } = await sql<{ who: string }>`SELECT current_user AS who`.execute(trx);
        expect(rows[0]?.who).toMatch(/_request$/);
        for (const table of ['records', 'change_log', 'partnerships', 'users', 'devices', 'sessions'] as const)
          expect(await count(trx, table)).toBe(0);
      });
      // A partnership but no role: no table is readable.
      await db.transaction().execute(async (trx) => {
        await setRoleOnly(trx);
        await sql`SELECT set_config('app.partnership_id', 'p1', true)`.execute(trx);
        expect(await count(trx, 'records')).toBe(0);
        expect(await count(trx, 'partnerships')).toBe(1);
      });
      await inRequestScope(db, scope, async (trx) => expect(await count(trx, 'records')).toBe(1));

      // 42501: insufficient privilege, or a row the policies refuse.
      expect(await sqlstate(db, scope, sql`UPDATE change_log SET row = NULL`)).toBe('42501');
      expect(await sqlstate(db, scope, sql`DELETE FROM change_log`)).toBe('42501');
      expect(await sqlstate(db, scope, sql`TRUNCATE change_log`)).toBe('42501');
      expect(await sqlstate(db, scope, sql`TRUNCATE records`)).toBe('42501');
      await db.insertInto('partnerships').values({ id: 'p2', name: 'Two' }).execute();
      const foreign = sql`INSERT INTO change_log (partnership_id, table_name, key, row) VALUES ('p2', 'participants', '["x2"]', '{}')`;
      expect(await sqlstate(db, scope, foreign)).toBe('42501');
      expect(
        await sqlstate(
          db,
          scope,
          sql`INSERT INTO records (partnership_id, table_name, key, row, seq) VALUES ('p2', 'participants', '["x2"]', '{}', 1)`,
        ),
      ).toBe('42501');
      expect(await sqlstate(db, scope, sql`UPDATE records SET partnership_id = 'p2'`)).toBe('42501');
      for (const table of ['sessions', 'challenges', 'keyring_slots', 'server_meta', 'kysely_migration'])
        expect(await sqlstate(db, scope, sql`SELECT * FROM ${sql.table(table)}`)).toBe('42501');
      // Revoking is allowed; changing who someone is, or a laptop's reference block, is not.
      expect(await sqlstate(db, scope, sql`UPDATE users SET role = 'administrator'`)).toBe('42501');
      expect(await sqlstate(db, scope, sql`UPDATE devices SET reference_block = 0`)).toBe('42501');
      expect(await sqlstate(db, scope, sql`SELECT token_hash FROM sessions`)).toBe('42501');
      expect(await sqlstate(db, scope, sql`SELECT public_key FROM users`)).toBe('ok');
      expect(await sqlstate(db, scope, sql`DELETE FROM table_readers`)).toBe('42501');
      // With no settings, no row is the request's own to write either.
      expect(
        await sqlstate(
          db,
          undefined,
          sql`INSERT INTO change_log (partnership_id, table_name, key, row) VALUES ('p1', 'participants', '["x3"]', '{}')`,
        ),
      ).toBe('42501');
      // The one row the scope wrote is all there is: every refusal changed nothing.
      expect(await count(db, 'change_log')).toBe(1);
      expect(await count(db, 'records')).toBe(1);

      // The role: not a superuser, cannot bypass RLS, cannot log in, owns nothing here.
      const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean; owns: string }>`
        SELECT rolsuper, rolbypassrls, rolcanlogin, (SELECT count(*) FROM pg_class WHERE relowner = pg_roles.oid) AS owns
        FROM pg_roles WHERE rolname = (SELECT request_role FROM server_meta)`.execute(db);
      expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: false, owns: '0' }]);
    },
    SLOW,
  );

  it(
    'an account without CREATEROLE is told the one command to run; then, as that (non-superuser) owner, init, enrol and sync work and nothing is visible outside a request',
    async () => {
      const blank = await freshServerDatabase({ migrated: false });
      const name = new URL(blank.url).pathname.slice(1);
      const account = `${name}_owner`;
      // Roles belong to the cluster: made and dropped from the maintenance database.
      const admin = new Client({ connectionString: blank.url.replace(`/${name}`, '/postgres') });
      await admin.connect();
      cleanups.push(async () => {
        await blank.drop();
        await admin.query(`DROP ROLE IF EXISTS "${requestRoleName(name)}"`);
        await admin.query(`DROP ROLE IF EXISTS "${account}"`);
        await admin.end();
      });
      await admin.query(`CREATE ROLE "${account}" LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB`);
      await admin.query(`ALTER DATABASE "${name}" OWNER TO "${account}"`);
      const url = new URL(blank.url);
      url.username = account;
      const asOwner = createServerDatabase(url.toString(), { maxConnections: 2 });
      cleanups.push(() => asOwner.destroy());

      const refused = await migrateServerToLatest(asOwner).catch((error: unknown) => error);
      expect(refused).toMatchObject({ name: 'ServerError', code: 'REQUEST_ROLE_MISSING' });
      const command = `CREATE ROLE "${requestRoleName(name)}" NOLOGIN NOSUPERUSER NOBYPASSRLS ROLE "${account}";`;
      expect((refused as Error).message).toBe(
        `The partnership server's requests run as the PostgreSQL role ${requestRoleName(name)}, which does not exist yet, and the account ${account} may not create roles. ` +
          `Ask a PostgreSQL administrator to run, once: ${command} Then start the server again. Nothing was changed.`,
      );
      const { rows } = await sql<{ meta: string | null }>`SELECT to_regclass('server_meta')::text AS meta`.execute(asOwner);
      expect(rows).toEqual([{ meta: null }]);

      await admin.query(command);
      const partnership = await demoOnServer({ databaseUrl: url.toString() });
      const b = partnership.init.partnershipId;
      // FORCE: the owning account itself sees nothing of the records outside a request's scope.
      expect(await count(partnership.db, 'records')).toBe(0);
      expect(await count(partnership.db, 'change_log')).toBe(0);
      const everything = await inWholePartnershipScope(partnership.db, { partnershipId: b, role: 'administrator', userId: 'x' }, (trx) =>
        count(trx, 'change_log'),
      );
      expect(everything).toBe(partnership.init.records);
      // An administrator's own scope reads no clinical table (migration 008).
      const administrators = await inRequestScope(partnership.db, { partnershipId: b, role: 'administrator', userId: 'x' }, (trx) =>
        count(trx, 'change_log', sql`table_name = 'assessments'`),
      );
      expect(administrators).toBe(0);

      const laptop = await partnership.enrol('demo.coordinator');
      expect(laptop.report.pulled).toBeGreaterThan(240);
      const coach = await laptopApp(partnership.laptopA, 'demo.coach');
      value(await coach.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Ownerperson' } })));
      expect(await partnership.sync(partnership.laptopA, 'demo.coach')).toMatchObject({ pushed: 1, refused: [] });
      expect((await partnership.sync(laptop.dataDir, 'demo.coordinator')).pulled).toBeGreaterThan(0);
      const store = await storeReader(laptop.dataDir, 'demo.coordinator', DEMO_PARTNERSHIP.passphrase);
      cleanups.push(async () => store.forget());
      expect(
        store.read((database) => database.prepare("SELECT count(*) AS n FROM participants WHERE family_name = 'Ownerperson'").get()),
      ).toEqual({ n: 1 });

      // The administrator's routes, as the same non-superuser account: add a user (through sync),
      // list users and laptops, revoke a laptop and a user.
      value(await coach.dispatch('session.lock', {}));
      value(await coach.dispatch('session.unlock', { username: 'demo.admin', passphrase: DEMO_PARTNERSHIP.passphrase }));
      const adminLaptop = coach;
      const added = value<{ userId: string }>(
        await adminLaptop.dispatch('users.add', {
          username: 'rls.coach',
          displayName: 'Rita Rls',
          role: 'coach',
          passphrase: DEMO_PARTNERSHIP.passphrase,
        }),
      );
      expect(await partnership.sync(partnership.laptopA, 'demo.admin')).toMatchObject({ users: 1, refused: [] });
      const { session } = await sessionFor(partnership.laptopA, 'demo.admin');
      const users = await adminClient.listUsers(partnership.serverUrl, session.token);
      expect(users.users).toContainEqual(
        expect.objectContaining({ userId: added.userId, displayName: 'Rita Rls', role: 'coach', revokedAt: null }),
      );
      const devices = await adminClient.listDevices(partnership.serverUrl, session.token);
      const coordinators = devices.devices.find((device) => device.username === 'demo.coordinator');
      expect(coordinators).toMatchObject({ revokedAt: null, lastSeenAt: expect.any(String) });
      await adminClient.revokeDevice(partnership.serverUrl, session.token, coordinators!.deviceId);
      await expect(partnership.sync(laptop.dataDir, 'demo.coordinator')).rejects.toMatchObject({ code: 'REVOKED' });
      await adminClient.revokeUser(partnership.serverUrl, session.token, added.userId);
      expect((await adminClient.listUsers(partnership.serverUrl, session.token)).users).toContainEqual(
        expect.objectContaining({ userId: added.userId, revokedAt: expect.any(String) }),
      );
    },
    SLOW,
  );

  it('a role writes only tables it reads, but for the administrator withdrawing consent (agendas: applied in the whole partnership)', () => {
    // A push is applied in the whole partnership's scope (migration 008), so such a write is not refused; the
    // administrator's laptop holds no agenda, so in practice their withdrawal changes none (README: a known gap).
    const writtenUnread = SYNCED_TABLES.flatMap((entry) =>
      entry.writtenBy.flatMap((channel) => {
        const access = contract[channel].access;
        return (access === 'public' ? [] : access)
          .filter((role) => !entry.readBy.includes(role))
          .map((role) => `${entry.table} ${channel} ${role}`);
      }),
    );
    expect(writtenUnread).toEqual(['agenda_items consents.withdraw administrator']);
  });
});
