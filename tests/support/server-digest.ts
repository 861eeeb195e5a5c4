import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../server/server-schema';

/**
 * A fingerprint of what the partnership server holds (every record, the change log, the audit
 * chain): equal before and after means nothing was stored or changed. Read as the owning account
 * outside row-level security's settings would see nothing of `records`, so it reads as PostgreSQL's
 * superuser does in the test cluster.
 */
export async function serverDigest(db: Kysely<ServerDatabase>): Promise<Record<string, string>> {
  const { rows } = await sql<Record<string, string>>`
    SELECT (SELECT md5(coalesce(string_agg(table_name || key || row::text, '|' ORDER BY table_name, key), '')) FROM records) AS records,
           (SELECT md5(coalesce(string_agg(seq::text || row::text, '|' ORDER BY seq), '')) FROM change_log) AS changes,
           (SELECT count(*)::text FROM audit_log) AS audit`.execute(db);
  return rows[0]!;
}
