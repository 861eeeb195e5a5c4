import type { Kysely } from 'kysely';

/**
 * Where the partnership export goes: a folder (file drop), a FHIR base URL and the bearer token
 * for it, set by an administrator. The token lives only here, inside the encrypted store.
 * Also an index for reading each person's plans. Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('export_settings')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  // The exports read each person's newest agreed plan; without this they scan every plan per person.
  await db.schema
    .createIndex('action_plans_by_participant_version')
    .on('action_plans')
    .columns(['participant_id', 'version_number'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('action_plans_by_participant_version').execute();
  await db.schema.dropTable('export_settings').execute();
}
