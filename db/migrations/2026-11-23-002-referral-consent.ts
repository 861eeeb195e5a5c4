import type { Kysely } from 'kysely';

/**
 * The participant record (contact, employment, coach), referrals and consent decisions. Frozen in
 * time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const columns: Array<[string, 'text' | 'integer', string | number | null]> = [
    ['phone', 'text', null],
    ['email', 'text', null],
    ['address', 'text', null],
    ['preferred_contact_mode', 'text', 'phone'],
    ['employment_status', 'text', 'in_work'],
    ['employer_name', 'text', null],
    ['employer_size', 'text', 'unknown'],
    ['employer_contact', 'text', null],
    ['may_contact_employer', 'integer', 0],
    ['job_title', 'text', null],
    ['physical_demands', 'text', null],
    ['cognitive_demands', 'text', null],
  ];
  for (const [name, type, defaultValue] of columns) {
    await db.schema
      .alterTable('participants')
      .addColumn(name, type, (column) => (defaultValue === null ? column : column.notNull().defaultTo(defaultValue)))
      .execute();
  }
  await db.schema
    .alterTable('participants')
    .addColumn('coach_user_id', 'text', (column) => column.references('users.id'))
    .execute();
  await db.schema.createIndex('participants_by_date_of_birth').on('participants').columns(['date_of_birth', 'family_name']).execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('referral_date', 'text', (column) => column.notNull())
    .addColumn('route', 'text', (column) => column.notNull())
    .addColumn('referrer_name', 'text')
    .addColumn('referrer_organisation', 'text')
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('recorded_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('referrals_by_participant').on('referrals').column('participant_id').execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('purpose', 'text', (column) => column.notNull())
    .addColumn('decision', 'text', (column) => column.notNull())
    .addColumn('decided_on', 'text', (column) => column.notNull())
    .addColumn('method', 'text', (column) => column.notNull())
    .addColumn('recorded_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdrawn_by', 'text', (column) => column.references('users.id'))
    .addColumn('withdrawn_recorded_at', 'text')
    .execute();
  await db.schema
    .createIndex('consents_by_participant_purpose')
    .on('consents')
    .columns(['participant_id', 'purpose', 'recorded_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consents').execute();
  await db.schema.dropTable('referrals').execute();
}
