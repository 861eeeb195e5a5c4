import { Migrator, sql, type Kysely } from 'kysely';
import { describeDatabaseError } from './describe-database-error';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION, serverMigrationProvider } from './migrations';
import { ServerError } from './server-error';
import type { ServerDatabase } from './server-schema';
import { refreshTableReaders } from './table-readers';

/** What a database already holds: the migrations applied and the version it says it is at. */
interface AppliedSchema {
  readonly names: readonly string[];
  readonly version: number | null;
}

async function appliedSchema(db: Kysely<ServerDatabase>): Promise<AppliedSchema> {
  const tables = await sql<{ migrations: string | null; meta: string | null }>`
    SELECT to_regclass('kysely_migration')::text AS migrations, to_regclass('server_meta')::text AS meta`.execute(db);
  const found = tables.rows[0];
  const names =
    found?.migrations == null
      ? []
      : (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map((row) => row.name);
  const version =
    found?.meta == null ? null : ((await db.selectFrom('server_meta').select('schema_version').executeTakeFirst())?.schema_version ?? null);
  return { names, version };
}

/** Throws SCHEMA_FROM_FUTURE when the database holds a migration or version this code does not know. */
async function refuseNewerSchema(db: Kysely<ServerDatabase>): Promise<void> {
  let applied: AppliedSchema;
  try {
    applied = await appliedSchema(db);
  } catch (error) {
    throw describeDatabaseError(error, 'Reading the database schema');
  }
  const unknown = applied.names.filter((name) => !Object.hasOwn(SERVER_MIGRATIONS, name));
  if (unknown.length === 0 && (applied.version ?? 0) <= SERVER_SCHEMA_VERSION) return;
  throw new ServerError(
    'SCHEMA_FROM_FUTURE',
    `This database was set up by a newer WorkWell MDT server (schema version ${applied.version ?? 'unknown'}; this server knows version ${SERVER_SCHEMA_VERSION}` +
      `${unknown.length > 0 ? `; unknown migrations: ${unknown.join(', ')}` : ''}). Update the server before starting it. Nothing was changed.`,
  );
}

/**
 * Brings the server database to this code's schema and returns its schema version. A database
 * with a migration this code does not know (or a higher version) was built by a newer server: it
 * is refused before anything is changed, never downgraded or half-migrated, as the laptops refuse
 * a newer store (db/migrate.ts). Then copies the synced tables' readers for row-level security.
 */
export async function migrateServerToLatest(db: Kysely<ServerDatabase>): Promise<number> {
  await refuseNewerSchema(db);
  // Unlike the laptops, migrations must run in order: one server database outlives many releases,
  // and a migration arriving out of order means two branches were merged wrongly. On PostgreSQL
  // Kysely runs all pending migrations in one transaction under an advisory lock, so two servers
  // starting together cannot both migrate, and a failure leaves the schema as it was.
  const { error } = await new Migrator({ db, provider: serverMigrationProvider }).migrateToLatest();
  if (error !== undefined) {
    // A newer server may have migrated between the check above and the lock: say so plainly
    // rather than pass on Kysely's "corrupted migrations".
    await refuseNewerSchema(db);
    throw describeDatabaseError(error, 'Bringing the database schema up to date');
  }
  await db
    .updateTable('server_meta')
    .set({ schema_version: SERVER_SCHEMA_VERSION, migrated_at: sql<Date>`now()` })
    .execute();
  await refreshTableReaders(db);
  return SERVER_SCHEMA_VERSION;
}
