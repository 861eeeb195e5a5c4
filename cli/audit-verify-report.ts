import type { AuditEntryWire } from '../core/sync/audit-protocol';
import type { StoreAuditVerification } from '../services/audit/audit-commands';

const BREAK_DESCRIPTIONS = {
  altered: 'its content does not match its hash (altered).',
  out_of_sequence: 'an entry before it is missing or the entries were reordered.',
  broken_link: 'it does not follow from the entry before it (removed or reordered entries).',
} as const;

/** An entry named for an administrator: its number, what, where, who, when and how it ended. Ids only. */
function named(entry: AuditEntryWire): string {
  return `  entry ${entry.seq}: ${entry.action} (${entry.channel}) by ${entry.username ?? 'no user'} at ${entry.at}, ${entry.outcome}`;
}

/**
 * Prints `audit verify`'s findings and returns its exit code: 0 intact (and, on a joined laptop,
 * matching the server's copy or not comparable offline), 2 when the local chain is broken or the
 * server holds entries this laptop no longer has, or has changed.
 */
export function reportAuditVerification(result: StoreAuditVerification, out: (line: string) => void): number {
  let broken = false;
  // Each finding by entry number (changed, removed, cut from the end, unsigned, badly signed), then the verdict.
  result.findings.forEach((finding) => out(finding.message));
  if (result.firstBreak === null && result.findings.length === 0)
    out(`Audit trail intact: ${result.entries.toLocaleString('en-GB')} entries, every hash and signature verified.`);
  else if (result.firstBreak === null) {
    broken = true;
    out(
      `Audit trail BROKEN: ${result.findings.length} finding(s) above, though the hash chain itself was made to look intact (recomputed).`,
    );
  } else {
    broken = true;
    out(`Audit trail BROKEN at entry ${result.firstBreak.seq}: ${BREAK_DESCRIPTIONS[result.firstBreak.problem]}`);
  }
  const server = result.server;
  if (server === null) return broken ? 2 : 0;
  if (!server.compared) {
    out(`Could not compare with the partnership server: ${server.reason}`);
    return broken ? 2 : 0;
  }
  if (server.missing.length > 0) {
    out(
      `${server.missing.length} entr${server.missing.length === 1 ? 'y' : 'ies'} held by the partnership server are NO LONGER on this laptop (cut or removed here):`,
    );
    server.missing.forEach((entry) => out(named(entry)));
  }
  if (server.changed.length > 0) {
    out(
      `${server.changed.length} entr${server.changed.length === 1 ? 'y' : 'ies'} held by the partnership server were CHANGED on this laptop:`,
    );
    server.changed.forEach((entry) => out(named(entry)));
  }
  if (server.missing.length + server.changed.length > 0) return 2;
  out(
    `Matches the partnership server's copy: ${server.held.toLocaleString('en-GB')} entries held there, all present and unchanged here` +
      `${result.entries > server.held ? ` (${(result.entries - server.held).toLocaleString('en-GB')} newer ones not sent yet)` : ''}.`,
  );
  return broken ? 2 : 0;
}
