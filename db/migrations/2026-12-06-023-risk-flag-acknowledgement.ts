import type { Kysely } from 'kysely';

/**
 * Risk-flag acknowledgement as a clinical-safety control (issue 15, defect 5):
 * - `risk_flags.acknowledgement_action`: the action taken, from a short list (null on flags
 *   acknowledged before, which carry a note only);
 * - `partnership_settings`: settings an administrator edits for the whole partnership, one JSON value
 *   per key, compare-and-set by `version` (first: `clinical_leads`, the clinicians who may acknowledge
 *   risk flags besides the mental health practitioner). Synced, so every laptop applies the same list.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('risk_flags').addColumn('acknowledgement_action', 'text').execute();
  await db.schema
    .createTable('partnership_settings')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value_json', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull().references('users.id'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('partnership_settings').execute();
  await db.schema.alterTable('risk_flags').dropColumn('acknowledgement_action').execute();
}
