import { sql, type Kysely } from 'kysely';

/**
 * Partnership configuration: the team's disciplines (the four built in, seeded here, and local
 * additions), its members, and the local directory of onward services. Every row has a `version`
 * for optimistic concurrency and is deactivated, never deleted. Frozen in time: `Kysely<any>`,
 * no app imports (the built-in codes are written out).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disciplines')
    .addColumn('code', 'text', (column) => column.primaryKey())
    // Null for built-ins: their national names come from the code, so every partnership agrees.
    .addColumn('label', 'text')
    .addColumn('is_builtin', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('active', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.references('users.id'))
    .execute();
  await sql`CREATE UNIQUE INDEX disciplines_by_label ON disciplines (label COLLATE NOCASE) WHERE label IS NOT NULL`.execute(db);

  // The built-in disciplines come with the schema, so they carry the migration's own date rather
  // than the moment it ran (migrations get no clock, and no code but core/clock.ts reads one).
  const now = '2026-11-23T00:00:00.000Z';
  for (const code of ['employment_support', 'physiotherapy', 'mental_health', 'occupational_therapy']) {
    await db
      .insertInto('disciplines')
      .values({ code, label: null, is_builtin: 1, active: 1, version: 1, created_at: now, updated_at: now, updated_by: null })
      .execute();
  }

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('full_name', 'text', (column) => column.notNull())
    .addColumn('discipline_code', 'text', (column) => column.notNull().references('disciplines.code'))
    .addColumn('job_title', 'text', (column) => column.notNull())
    .addColumn('professional_body', 'text', (column) => column.notNull())
    .addColumn('registration_number', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('user_id', 'text', (column) => column.references('users.id'))
    .addColumn('active', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull().references('users.id'))
    .execute();
  // A signed-in user maps to at most one team member.
  await sql`CREATE UNIQUE INDEX team_members_by_user ON team_members (user_id) WHERE user_id IS NOT NULL`.execute(db);
  await db.schema.createIndex('team_members_by_name').on('team_members').column('full_name').execute();

  await db.schema
    .createTable('directory_services')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('eligibility', 'text', (column) => column.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('referral_methods_json', 'text', (column) => column.notNull())
    .addColumn('active', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull().references('users.id'))
    .execute();
  await sql`CREATE UNIQUE INDEX directory_services_by_name ON directory_services (name COLLATE NOCASE)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['directory_services', 'team_members', 'disciplines']) await db.schema.dropTable(table).execute();
}
