import { sql, type Kysely } from 'kysely';

/**
 * The sync protocol's tables (issue 14):
 * - `partnerships` gains the keyring's description (store id, name, demo flag), so a new laptop's
 *   keyring binds its slot to the same store id as every other laptop's;
 * - `users`: who may sign in, their role AS THE SERVER KNOWS IT (never a laptop's word), their
 *   X25519 public key, and revocation; `keyring_slots`: each user's slot, fetched by a new laptop
 *   and unwrapped there with the passphrase (which never leaves the laptop);
 * - `devices`: enrolled laptops, the last mutation each has had applied (idempotent push), the
 *   block their participant references come from, revocation;
 * - `records`: the partnership's current rows by synced table and key; `change_log`: every change
 *   in the server's own order (`seq`), which pulls read after a cursor;
 * - `challenges` and `sessions`: sign-in by X25519 challenge, then a short-lived bearer token
 *   (only its SHA-256 is kept).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('partnerships').addColumn('store_id', 'text').execute();
  await db.schema.alterTable('partnerships').addColumn('keyring_meta', 'jsonb').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('partnership_id', 'text', (column) => column.notNull().references('partnerships.id'))
    .addColumn('username', 'text', (column) => column.notNull().unique())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('public_key', 'text', (column) => column.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('keyring_slots')
    .addColumn('user_id', 'text', (column) => column.primaryKey().references('users.id'))
    .addColumn('slot', 'jsonb', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('partnership_id', 'text', (column) => column.notNull().references('partnerships.id'))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('reference_block', 'integer', (column) => column.notNull())
    .addColumn('enrolled_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_mutation_id', 'bigint', (column) => column.notNull().defaultTo(0))
    .addUniqueConstraint('devices_reference_block_unique', ['partnership_id', 'reference_block'])
    .execute();
  await db.schema
    .createTable('records')
    .addColumn('partnership_id', 'text', (column) => column.notNull().references('partnerships.id'))
    .addColumn('table_name', 'text', (column) => column.notNull())
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('row', 'jsonb', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('seq', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('records_pkey', ['partnership_id', 'table_name', 'key'])
    .execute();
  await db.schema
    .createTable('change_log')
    .addColumn('seq', 'bigserial', (column) => column.primaryKey())
    .addColumn('partnership_id', 'text', (column) => column.notNull().references('partnerships.id'))
    .addColumn('table_name', 'text', (column) => column.notNull())
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('row', 'jsonb')
    .addColumn('device_id', 'text')
    .addColumn('mutation_id', 'bigint')
    .execute();
  await db.schema.createIndex('change_log_partnership_seq').on('change_log').columns(['partnership_id', 'seq']).execute();
  await db.schema
    .createTable('challenges')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('device_id', 'text', (column) => column.notNull())
    .addColumn('server_public_key', 'text', (column) => column.notNull())
    .addColumn('server_private_key', 'text', (column) => column.notNull())
    .addColumn('nonce', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('device_id', 'text', (column) => column.notNull().references('devices.id'))
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .execute();
}
