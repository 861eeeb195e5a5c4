import type { Kysely } from 'kysely';

/**
 * Each audit entry signed by the user whose session wrote it (issue 18, item 2): `signer_user_id`
 * and `signature`, an Ed25519 signature by that user's own key over the entry's sequence number and
 * chained hash. A holder of the data key can still drop the triggers and recompute the SHA-256
 * chain, but cannot sign as anyone else, so a changed or removed entry of another user shows.
 * Entries written before this migration have neither (the keyring's `auditHead.signedFrom` says
 * from which entry on a signature is required). Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('signer_user_id', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('signature', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('signature').execute();
  await db.schema.alterTable('audit_log').dropColumn('signer_user_id').execute();
}
