import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { auditEntryCanonical, type AuditEntryContent } from '../core/audit-entry-canonical';
import type { ServerAuditLogTable } from './server-schema';

/**
 * The fields of a row of the server's audit chain that its hash covers: the laptop entry's own
 * fields (for the server's events, the same fields describe the event) and the server's.
 */
export interface ServerAuditContent extends Omit<AuditEntryContent, 'seq' | 'at'> {
  readonly partnershipId: string;
  readonly chainSeq: number;
  /** ISO 8601, milliseconds, UTC: exactly what a Date read back from `received_at` prints. */
  readonly receivedAt: string;
  readonly source: 'laptop' | 'server';
  readonly deviceId: string | null;
  readonly entrySeq: number | null;
  readonly entryAt: string | null;
  readonly entryPrevHash: string | null;
  readonly entryHash: string | null;
}

/** A stored row's hashed content. */
export function serverAuditContent(row: Selectable<ServerAuditLogTable>): ServerAuditContent {
  return {
    partnershipId: row.partnership_id,
    chainSeq: Number(row.chain_seq),
    receivedAt: row.received_at.toISOString(),
    source: row.source,
    deviceId: row.device_id,
    userId: row.user_id,
    username: row.username,
    action: row.action,
    channel: row.channel,
    participantId: row.participant_id,
    subjectJson: row.subject_json,
    outcome: row.outcome,
    entrySeq: row.entry_seq,
    entryAt: row.entry_at,
    entryPrevHash: row.entry_prev_hash,
    entryHash: row.entry_hash,
  };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * SHA-256 over the previous row's hash and every field of the row as a JSON array in a fixed
 * order, so a changed field, a removed row or a reordered one breaks the chain from there on.
 */
export function serverAuditHash(previousHash: string, row: ServerAuditContent): string {
  return sha256Hex(
    JSON.stringify([
      previousHash,
      row.partnershipId,
      row.chainSeq,
      row.receivedAt,
      row.source,
      row.deviceId,
      row.userId,
      row.username,
      row.action,
      row.channel,
      row.participantId,
      row.subjectJson,
      row.outcome,
      row.entrySeq,
      row.entryAt,
      row.entryPrevHash,
      row.entryHash,
    ]),
  );
}

/** A laptop entry's hash as the laptop computes it (db/audit-chain.ts), to check what a laptop sends. */
export function laptopEntryHash(previousHash: string, entry: AuditEntryContent): string {
  return sha256Hex(auditEntryCanonical(previousHash, entry));
}
