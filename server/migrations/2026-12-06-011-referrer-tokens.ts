import type { Kysely } from 'kysely';

/**
 * Referrer tokens (issue 20): a referrer's system (a GP practice's, an employer's occupational
 * health system) POSTs FHIR referral bundles to `/referrals/fhir` with a bearer token an
 * administrator made with `workwell-mdt server referrer-token`. Only the token's SHA-256 is kept,
 * so a copy of the database cannot be used to post; the name says whose it is; a revoked token is
 * refused. Read only by the owning account (the token lookup runs before a partnership is known,
 * as sign-in's does): the request role is granted nothing on it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('referrer_tokens')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('partnership_id', 'text', (column) => column.notNull().references('partnerships.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
}
