import type { Kysely } from 'kysely';
import { AUDIT_GENESIS_HASH } from '../core/audit-entry-canonical';
import { serverAuditContent, serverAuditHash } from './server-audit-hash';
import type { ServerDatabase } from './server-schema';

/** Where a partnership's chain first fails. */
export interface ServerAuditBreak {
  readonly chainSeq: number;
  readonly problem: 'altered' | 'out_of_sequence' | 'broken_link';
}

/** One partnership's chain, checked. */
export interface PartnershipAuditVerification {
  readonly partnershipId: string;
  readonly entries: number;
  readonly firstBreak: ServerAuditBreak | null;
}

const PAGE = 1_000;

/** Walks one partnership's chain in order, a page at a time, recomputing every hash. */
async function verifyChain(db: Kysely<ServerDatabase>, partnershipId: string): Promise<PartnershipAuditVerification> {
  let previousHash = AUDIT_GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .where('chain_seq', '>=', String(expected) as never)
      .orderBy('chain_seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const chainSeq = Number(row.chain_seq);
      const fail = (problem: ServerAuditBreak['problem']) => ({ partnershipId, entries: expected, firstBreak: { chainSeq, problem } });
      if (chainSeq !== expected) return fail('out_of_sequence');
      if (row.prev_hash !== previousHash) return fail('broken_link');
      const recomputed = serverAuditHash(previousHash, serverAuditContent(row));
      if (recomputed !== row.hash) return fail('altered');
      previousHash = row.hash;
      expected += 1;
    }
    if (rows.length < PAGE) return { partnershipId, entries: expected - 1, firstBreak: null };
  }
}

/**
 * `workwell-mdt server audit-verify`: recomputes every partnership's audit chain on the server.
 * Finds a row changed, removed or reordered behind the server (by someone who got past the
 * append-only triggers). A cut from the very end of the chain leaves no trace here; the laptops'
 * own trails (`audit verify`) and the database's backups are the witnesses for that.
 */
export async function verifyServerAudit(db: Kysely<ServerDatabase>): Promise<PartnershipAuditVerification[]> {
  const partnerships = await db
    .selectFrom('partnerships')
    .select('id')
    .union(db.selectFrom('audit_log').select('partnership_id as id'))
    .orderBy('id')
    .execute();
  const results: PartnershipAuditVerification[] = [];
  for (const { id } of partnerships) results.push(await verifyChain(db, id));
  return results;
}
