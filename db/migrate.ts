import { Migrator, sql, type Kysely } from 'kysely';
import { AppError } from '../core/app-error';
import { inCodeMigrationProvider, MIGRATIONS } from './migrations';
import type { Database } from './schema';
import { toStoreError } from './store-errors';

const MIGRATION_TABLE = 'kysely_migration';

/** The names of migrations already applied to the store, oldest first. */
export async function appliedMigrationNames(db: Kysely<Database>): Promise<string[]> {
  const table = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${MIGRATION_TABLE}`.execute(db);
  if (table.rows.length === 0) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/**
 * Brings the store to the code's schema. A store that has a migration this code does not know
 * was written by a newer version of the app: it is refused, never downgraded or half-migrated.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  try {
    await migrate(db);
  } catch (error) {
    // A full disk or a busy store while migrating is said as such (the migration rolled back).
    throw toStoreError(error);
  }
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const known = new Set(Object.keys(MIGRATIONS));
  const unknown = (await appliedMigrationNames(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError(
      'STORE_FROM_FUTURE',
      'This store was made by a newer version of WorkWell MDT. Update the app to open it; nothing was changed.',
    );
  }
  // Features are built in parallel and each brings its own migration; they touch disjoint tables,
  // so a store that already has a later-numbered one may still take an earlier-numbered newcomer.
  const migrator = new Migrator({ db, provider: inCodeMigrationProvider, allowUnorderedMigrations: true });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
}
