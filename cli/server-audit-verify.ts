import { describeDatabaseError } from '../server/describe-database-error';
import { createServerDatabase } from '../server/server-database';
import { verifyServerAudit } from '../server/server-audit-verify';
import { checkedDatabaseUrl } from './server-command';

const PROBLEMS = {
  altered: 'its content does not match its hash (changed behind the server).',
  out_of_sequence: 'an entry before it is missing, or the entries were reordered.',
  broken_link: 'it does not follow from the entry before it (removed or reordered entries).',
} as const;

/**
 * `workwell-mdt server audit-verify --database-url URL`: recomputes every partnership's audit
 * chain on the server. Exit 0 when every chain is intact, 3 when one is broken (named), 1 when the
 * database could not be read (thrown, reported by the CLI).
 */
export async function serverAuditVerifyCommand(databaseUrl: string | undefined, out: (line: string) => void): Promise<number> {
  const db = createServerDatabase(checkedDatabaseUrl(databaseUrl), { maxConnections: 1 });
  try {
    let results;
    try {
      results = await verifyServerAudit(db);
    } catch (error) {
      throw describeDatabaseError(error, 'Reading the audit trail (has `server start` brought this database up to date?)');
    }
    let broken = 0;
    for (const result of results) {
      if (result.firstBreak === null) {
        out(
          `Partnership ${result.partnershipId}: audit trail intact, ${result.entries.toLocaleString('en-GB')} entries, every hash verified.`,
        );
      } else {
        broken += 1;
        out(
          `Partnership ${result.partnershipId}: audit trail BROKEN at entry ${result.firstBreak.chainSeq}: ${PROBLEMS[result.firstBreak.problem]}`,
        );
      }
    }
    if (results.length === 0) out('No partnership is on this server yet: there is no audit trail to verify.');
    return broken > 0 ? 3 : 0;
  } finally {
    await db.destroy();
  }
}
