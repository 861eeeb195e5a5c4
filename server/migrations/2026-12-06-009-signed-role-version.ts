import { sql, type Kysely } from 'kysely';

/**
 * Signed roles on the server (issue 18 item 1): `users.role_version` is the version of the signed
 * role assignment the server last accepted for the user (kept in their keyring slot). A role is
 * changed only by a newer one, so an earlier, higher-privilege assignment sent again is refused.
 * 0: no signed assignment (a server put up before signed roles); filled from the slots held.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('role_version', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await sql`
    UPDATE users SET role_version = (keyring_slots.slot -> 'role' ->> 'version')::integer
    FROM keyring_slots
    WHERE keyring_slots.user_id = users.id AND jsonb_typeof(keyring_slots.slot -> 'role' -> 'version') = 'number'`.execute(db);
}
