import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { ServerError } from '../server-error';

/**
 * Row-level security (issue 14 item 6, ../shared/sync.md): every request after sign-in runs as a
 * role of its own (server/request-scope.ts) that cannot bypass RLS, with the caller's partnership,
 * role and user in `app.partnership_id`, `app.role` and `app.user_id`. Then PostgreSQL itself keeps
 * a request to its own partnership and, of `records` and `change_log`, to the tables its role may
 * read (`table_readers`, refreshed from core/sync/synced-tables.ts at every start by
 * server/table-readers.ts, so the catalogue stays the one source). With the settings unset a request
 * sees nothing. This is defence in depth against a mistake in the server's own code (a filter
 * forgotten in a query); it is no barrier to someone who can run SQL as the server's account.
 *
 * - `records`, `change_log`: ENABLE and FORCE, so even the owning account sees nothing of them
 *   outside a scope (a superuser, as in the tests, always bypasses RLS). `change_log` has no UPDATE or
 *   DELETE policy and the request role no such privilege: it is append-only.
 * - `partnerships`, `users`, `devices`, `sessions`: ENABLE only. The request role sees its own
 *   partnership's rows (of sessions, only when each was made, for "last seen"); the owning account
 *   is not bound, because sign-in (challenge, answer, the enrolment slot, the bearer token's
 *   lookup) happens before a partnership is known. Those lookups go by a one-time challenge id, a
 *   token's hash or a username and read no records; SECURITY DEFINER functions would run them as
 *   the owner all the same, with more SQL to keep in step.
 * - `challenges`, `keyring_slots`: ENABLE with no policy and no privilege for the request role: only
 *   sign-in and adding a user (server/request-scope.ts, inAdministrationScope), as the owner, touch them.
 */

/**
 * The request role's name for a database. Roles belong to the whole PostgreSQL cluster, databases
 * do not: one role per database, named after it, so two partnership servers sharing a cluster
 * never share a role (the migration also refuses a role that already has privileges elsewhere).
 * Recorded in `server_meta.request_role`, so a copy or a renamed database keeps using its role.
 */
export function requestRoleName(database: string): string {
  const plain = `${database}_request`;
  // PostgreSQL would silently cut a name over 63 bytes; a hash keeps long names apart instead.
  return Buffer.byteLength(plain) <= 63 ? plain : `workwell_request_${createHash('sha256').update(database).digest('hex').slice(0, 24)}`;
}

/** A role name quoted as an SQL identifier, for the messages that tell an administrator what to run. */
function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
async function ensureRequestRole(db: Kysely<any>): Promise<string> {
  const me = await sql<{ database: string; account: string; may_create: boolean }>`
    SELECT current_database() AS database, current_user AS account, (rolsuper OR rolcreaterole) AS may_create
    FROM pg_roles WHERE rolname = current_user`.execute(db);
  const { database, account, may_create: mayCreate } = me.rows[0] ?? { database: '', account: '', may_create: false };
  const role = requestRoleName(database);
  const create = `CREATE ROLE ${quoted(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS ROLE ${quoted(account)};`;
  const found = await sql<{ unsafe: boolean; member: boolean; elsewhere: boolean }>`
    SELECT (r.rolsuper OR r.rolbypassrls) AS unsafe, pg_has_role(current_user, r.oid, 'MEMBER') AS member,
      EXISTS (SELECT 1 FROM pg_shdepend d WHERE d.refobjid = r.oid AND d.dbid NOT IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))) AS elsewhere
    FROM pg_roles r WHERE r.rolname = ${role}`.execute(db);
  const existing = found.rows[0];
  if (existing === undefined) {
    if (!mayCreate)
      throw new ServerError(
        'REQUEST_ROLE_MISSING',
        `The partnership server's requests run as the PostgreSQL role ${role}, which does not exist yet, and the account ${account} may not create roles. ` +
          `Ask a PostgreSQL administrator to run, once: ${create} Then start the server again. Nothing was changed.`,
      );
    await sql.raw(create).execute(db);
    return role;
  }
  if (existing.unsafe)
    throw new ServerError(
      'REQUEST_ROLE_UNSAFE',
      `The PostgreSQL role ${role} can bypass row-level security (SUPERUSER or BYPASSRLS). Ask a PostgreSQL administrator to run: ALTER ROLE ${quoted(role)} NOSUPERUSER NOBYPASSRLS; Nothing was changed.`,
    );
  if (existing.elsewhere)
    throw new ServerError(
      'REQUEST_ROLE_UNSAFE',
      `The PostgreSQL role ${role} already has privileges in another database, so it may serve another partnership server. Rename that database's role or this database. Nothing was changed.`,
    );
  if (!existing.member) {
    const grant = `GRANT ${quoted(role)} TO ${quoted(account)};`;
    if (!mayCreate)
      throw new ServerError(
        'REQUEST_ROLE_MISSING',
        `The account ${account} is not a member of the PostgreSQL role ${role} its requests run as. Ask a PostgreSQL administrator to run, once: ${grant} Nothing was changed.`,
      );
    await sql.raw(grant).execute(db);
  }
  return role;
}

/** A row is a request's when it is of the request's partnership. */
const OWN_PARTNERSHIP = `partnership_id = NULLIF(current_setting('app.partnership_id', true), '')`;
/**
 * ... and, of records and the change log, of a table the request's role may read. An uncorrelated
 * IN, so PostgreSQL reads table_readers once per query, not once per row.
 */
const VISIBLE = `${OWN_PARTNERSHIP} AND table_name IN (SELECT r.table_name FROM table_readers r WHERE r.role = NULLIF(current_setting('app.role', true), ''))`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const role = await ensureRequestRole(db);
  const to = sql.id(role);
  await sql`ALTER TABLE server_meta ADD COLUMN request_role text NOT NULL DEFAULT ${sql.lit(role)}`.execute(db);

  await db.schema
    .createTable('table_readers')
    .addColumn('table_name', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('table_readers_pkey', ['table_name', 'role'])
    .execute();

  for (const table of ['records', 'change_log']) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
  }
  for (const table of ['partnerships', 'users', 'devices', 'sessions', 'challenges', 'keyring_slots'])
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);

  await sql.raw(`CREATE POLICY records_visible ON records USING (${VISIBLE}) WITH CHECK (${VISIBLE})`).execute(db);
  await sql.raw(`CREATE POLICY change_log_read ON change_log FOR SELECT USING (${VISIBLE})`).execute(db);
  await sql.raw(`CREATE POLICY change_log_append ON change_log FOR INSERT WITH CHECK (${VISIBLE})`).execute(db);
  await sql
    .raw(`CREATE POLICY partnerships_own ON partnerships FOR SELECT USING (id = NULLIF(current_setting('app.partnership_id', true), ''))`)
    .execute(db);
  await sql.raw(`CREATE POLICY users_own ON users USING (${OWN_PARTNERSHIP}) WITH CHECK (${OWN_PARTNERSHIP})`).execute(db);
  await sql.raw(`CREATE POLICY devices_own ON devices USING (${OWN_PARTNERSHIP}) WITH CHECK (${OWN_PARTNERSHIP})`).execute(db);
  // A laptop's sessions, for when it was last seen (GET /admin/devices): its devices row decides.
  await sql.raw(`CREATE POLICY sessions_own_devices ON sessions FOR SELECT USING (device_id IN (SELECT d.id FROM devices d))`).execute(db);

  // Only what pull, push and the administrator's routes need: no UPDATE or DELETE on the change log;
  // of sign-in's tables, revoking and when a laptop was last seen (never a token's hash or a key).
  await sql`GRANT SELECT ON table_readers, partnerships TO ${to}`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON records TO ${to}`.execute(db);
  await sql`GRANT SELECT, INSERT ON change_log TO ${to}`.execute(db);
  await sql`GRANT USAGE ON SEQUENCE change_log_seq_seq TO ${to}`.execute(db);
  await sql`GRANT SELECT, UPDATE (revoked_at) ON users TO ${to}`.execute(db);
  await sql`GRANT SELECT, UPDATE (last_mutation_id, revoked_at) ON devices TO ${to}`.execute(db);
  await sql`GRANT SELECT (device_id, expires_at) ON sessions TO ${to}`.execute(db);
}
