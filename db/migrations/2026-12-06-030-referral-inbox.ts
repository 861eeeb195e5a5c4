import type { Kysely } from 'kysely';

/**
 * The referral inbox (issue 20): referrals that came in (typed, imported from CSV or FHIR) and
 * wait until a coordinator or coach accepts or declines them. `details_json` holds the person's
 * details as registration takes them (the store is encrypted); `route` and `consent_to_contact`
 * sit in columns for lists and counts. A decision is a compare-and-set on `version`: two laptops
 * can never both accept the same referral. Declines are kept with their reason (for the MI return).
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('referral_inbox')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    // Its row number or entry index in the file it came in, so the inbox keeps the file's order.
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('route', 'text', (column) => column.notNull())
    .addColumn('consent_to_contact', 'integer', (column) => column.notNull())
    .addColumn('details_json', 'text', (column) => column.notNull())
    .addColumn('recorded_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (column) => column.references('users.id'))
    .addColumn('decline_reason', 'text')
    // No foreign key here: a laptop whose decision lost on the server takes the winning row (accepted,
    // naming a person registered in the same change) before its pull brings that person.
    .addColumn('participant_id', 'text')
    .execute();
  await db.schema.createIndex('referral_inbox_by_status').on('referral_inbox').columns(['status', 'received_at', 'position']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('referral_inbox').execute();
}
