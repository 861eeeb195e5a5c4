import { sql, type Kysely } from 'kysely';

/**
 * The audit trail on the partnership server (issue 14 item 7): `audit_log`, one row per laptop
 * audit entry pushed by sync and per event of the server's own (sign-in, enrolment, a refused
 * push, revocation), in each partnership's own hash chain, continued in arrival order.
 *
 * Append-only twice over: UPDATE, DELETE and TRUNCATE are revoked from every role, the owner (the
 * server's role, which runs this migration) included; and statement triggers refuse them for every
 * role, since an owner could grant itself the privilege back and a superuser skips privileges.
 * Whoever gets past both (a superuser disabling the triggers) still cannot hide it: the chain
 * (`workwell-mdt server audit-verify`) breaks at the first changed or removed row.
 *
 * Numbered 004: 003 is row-level security's. Kysely's Migrator orders by name, so this applies
 * after it when present, and alone when not.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('partnership_id', 'text', (column) => column.notNull().references('partnerships.id'))
    // The entry's place in its partnership's chain: 1, 2, 3... in the order the server received them.
    .addColumn('chain_seq', 'bigint', (column) => column.notNull())
    .addColumn('received_at', 'timestamptz', (column) => column.notNull())
    // 'laptop': an entry of a laptop's own trail; 'server': an event the server saw itself.
    .addColumn('source', 'text', (column) => column.notNull().check(sql`source IN ('laptop', 'server')`))
    // Not a foreign key: a refused sign-in can name a laptop the server has never enrolled.
    .addColumn('device_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('username', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('participant_id', 'text')
    .addColumn('subject_json', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    // The laptop entry's own sequence, time and hash link, exactly as the laptop recorded them.
    .addColumn('entry_seq', 'integer')
    .addColumn('entry_at', 'text')
    .addColumn('entry_prev_hash', 'text')
    .addColumn('entry_hash', 'text')
    .addColumn('prev_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('audit_log_pkey', ['partnership_id', 'chain_seq'])
    .addCheckConstraint(
      'audit_log_laptop_entry_complete',
      sql`source = 'server' OR (device_id IS NOT NULL AND entry_seq IS NOT NULL AND entry_at IS NOT NULL AND entry_prev_hash IS NOT NULL AND entry_hash IS NOT NULL)`,
    )
    .execute();
  // A laptop's entry is kept once, however often it is sent.
  await sql`CREATE UNIQUE INDEX audit_log_device_entry ON audit_log (device_id, entry_seq) WHERE source = 'laptop'`.execute(db);
  // A laptop's latest server event, so a refusal repeated by every retry is recorded once in a row.
  await sql`CREATE INDEX audit_log_device_events ON audit_log (device_id, chain_seq) WHERE source = 'server'`.execute(db);

  await sql`
    CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'The audit trail is append-only: % of audit_log is refused.', TG_OP USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  // Statement triggers: they fire even when no row matches, so the attempt itself is refused.
  await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER`.execute(db);
  await underRowLevelSecurity(db);
}

/**
 * When row-level security is there (migration 003 records its request role in `server_meta`), the
 * request role may only read and append, and only its own partnership's rows. ENABLE, not FORCE:
 * the owning account records sign-in's events before a partnership is known, as 003 leaves
 * sign-in's tables to it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
async function underRowLevelSecurity(db: Kysely<any>): Promise<void> {
  const column = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'server_meta' AND column_name = 'request_role') AS found`.execute(db);
  if (column.rows[0]?.found !== true) return;
  const meta = await sql<{ role: string }>`SELECT request_role AS role FROM server_meta WHERE id = 1`.execute(db);
  const role = meta.rows[0]?.role;
  if (role === undefined) return;
  const own = sql.raw(`partnership_id = NULLIF(current_setting('app.partnership_id', true), '')`);
  await sql`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (${own})`.execute(db);
  await sql`CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK (${own})`.execute(db);
  await sql`GRANT SELECT, INSERT ON audit_log TO ${sql.id(role)}`.execute(db);
}
