import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateServerToLatest } from '../../../server/migrate-server';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from '../../../server/migrations';
import { createServerDatabase } from '../../../server/server-database';
import type { ServerDatabase } from '../../../server/server-schema';
import { freshServerDatabase } from '../../support/postgres';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A Kysely over a new database (blank or migrated), closed and dropped after the test. */
async function openDatabase(migrated: boolean) {
  const database = await freshServerDatabase({ migrated });
  const db = createServerDatabase(database.url);
  cleanups.push(database.drop, () => db.destroy());
  return db;
}

/**
 * Every column of every table, as the migrations must make them. Typed from ServerDatabase so a
 * table or column added to one and not the other fails typecheck or this test.
 */
const SCHEMA_COLUMNS: { [Table in keyof ServerDatabase]: Record<keyof ServerDatabase[Table], true> } = {
  server_meta: { id: true, schema_version: true, created_at: true, migrated_at: true, request_role: true },
  partnerships: { id: true, name: true, created_at: true, store_id: true, keyring_meta: true },
  users: { id: true, partnership_id: true, username: true, role: true, role_version: true, public_key: true, revoked_at: true },
  keyring_slots: { user_id: true, slot: true },
  devices: {
    id: true,
    partnership_id: true,
    user_id: true,
    reference_block: true,
    enrolled_at: true,
    revoked_at: true,
    last_mutation_id: true,
    legacy_mutation_id: true,
    pulled_as: true,
  },
  device_user_progress: {
    device_id: true,
    user_id: true,
    partnership_id: true,
    last_mutation_id: true,
    refusals_settled_below: true,
    pulled_as: true,
    pulled_to: true,
  },
  refused_mutations: { device_id: true, user_id: true, mutation_id: true, partnership_id: true, code: true, message: true },
  records: { partnership_id: true, table_name: true, key: true, row: true, version: true, seq: true },
  change_log: { seq: true, partnership_id: true, table_name: true, key: true, row: true, device_id: true, mutation_id: true },
  challenges: {
    id: true,
    user_id: true,
    device_id: true,
    server_public_key: true,
    server_private_key: true,
    nonce: true,
    expires_at: true,
  },
  sessions: { token_hash: true, user_id: true, device_id: true, expires_at: true },
  referrer_tokens: { id: true, partnership_id: true, name: true, token_hash: true, created_at: true, revoked_at: true },
  audit_log: {
    partnership_id: true,
    chain_seq: true,
    received_at: true,
    source: true,
    device_id: true,
    user_id: true,
    username: true,
    action: true,
    channel: true,
    participant_id: true,
    subject_json: true,
    outcome: true,
    entry_seq: true,
    entry_at: true,
    entry_prev_hash: true,
    entry_hash: true,
    prev_hash: true,
    hash: true,
  },
  table_readers: { table_name: true, role: true },
  table_drafts: { table_name: true, author_column: true, unsigned_column: true },
  server_export_log: {
    seq: true,
    id: true,
    partnership_id: true,
    at: true,
    kind: true,
    destination: true,
    outcome: true,
    included: true,
    skipped: true,
    failed: true,
    sha256: true,
    bytes: true,
    reason: true,
  },
  server_export_log_subjects: { export_id: true, participant_id: true, outcome: true, reason: true },
};

describe('migrateServerToLatest', () => {
  it('builds a blank database to the current schema, which matches ServerDatabase, and does it only once', async () => {
    const db = await openDatabase(false);
    expect(await migrateServerToLatest(db)).toBe(SERVER_SCHEMA_VERSION);

    const columns = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name, column_name`.execute(db);
    const actual: Record<string, string[]> = {};
    for (const row of columns.rows) (actual[row.table_name] ??= []).push(row.column_name);
    const expected = Object.fromEntries(Object.entries(SCHEMA_COLUMNS).map(([table, names]) => [table, Object.keys(names).sort()]));
    expect(actual).toEqual(expected);

    const meta = await db.selectFrom('server_meta').selectAll().execute();
    expect(meta).toEqual([
      {
        id: 1,
        schema_version: SERVER_SCHEMA_VERSION,
        created_at: expect.any(Date),
        migrated_at: expect.any(Date),
        request_role: expect.stringMatching(/^workwell_test_[0-9a-f]+_request$/),
      },
    ]);
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(SERVER_MIGRATIONS));

    // Starting again changes nothing but the time it was last checked.
    expect(await migrateServerToLatest(db)).toBe(SERVER_SCHEMA_VERSION);
    expect(await db.selectFrom('server_meta').select(['id', 'created_at']).execute()).toEqual([{ id: 1, created_at: meta[0]?.created_at }]);
    // server_meta holds exactly one row: the database refuses a second.
    await expect(db.insertInto('server_meta').values({ id: 2, schema_version: 1 }).execute()).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses a database a newer server has migrated, with a clear message, and changes nothing', async () => {
    const db = await openDatabase(true);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-001-from-the-future', now()::text)`.execute(db);
    await db
      .updateTable('server_meta')
      .set({ schema_version: SERVER_SCHEMA_VERSION + 1 })
      .execute();
    const before = await db.selectFrom('server_meta').selectAll().executeTakeFirstOrThrow();

    const refused = await migrateServerToLatest(db).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'ServerError', code: 'SCHEMA_FROM_FUTURE' });
    expect((refused as Error).message).toBe(
      `This database was set up by a newer WorkWell MDT server (schema version ${SERVER_SCHEMA_VERSION + 1}; this server knows version ${SERVER_SCHEMA_VERSION}; ` +
        'unknown migrations: 2099-01-01-001-from-the-future). Update the server before starting it. Nothing was changed.',
    );
    expect(await db.selectFrom('server_meta').selectAll().executeTakeFirstOrThrow()).toEqual(before);
  });

  it('also refuses a higher schema version alone (server_meta is the operator-visible record)', async () => {
    const db = await openDatabase(true);
    await db
      .updateTable('server_meta')
      .set({ schema_version: SERVER_SCHEMA_VERSION + 5 })
      .execute();
    await expect(migrateServerToLatest(db)).rejects.toMatchObject({ code: 'SCHEMA_FROM_FUTURE' });
  });

  it('says plainly when the database does not exist or PostgreSQL is not there', async () => {
    const database = await freshServerDatabase();
    await database.drop();
    const gone = createServerDatabase(database.url);
    await expect(migrateServerToLatest(gone)).rejects.toMatchObject({
      code: 'DATABASE_MISSING',
      message: expect.stringMatching(/does not exist/),
    });
    await gone.destroy();

    const url = new URL(database.url);
    url.port = '1';
    const nobody = createServerDatabase(url.toString());
    await expect(migrateServerToLatest(nobody)).rejects.toMatchObject({
      code: 'DATABASE_UNREACHABLE',
      message: expect.stringMatching(/ECONNREFUSED/),
    });
    await nobody.destroy();
  });
});
