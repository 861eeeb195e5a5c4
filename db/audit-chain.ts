import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers, in a fixed order. */
export interface AuditEntryContent {
  readonly seq: number;
  readonly at: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly action: string;
  readonly channel: string;
  readonly participantId: string | null;
  readonly subjectJson: string;
  readonly outcome: string;
}

/** The hash that starts the chain. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over the previous hash and the entry's fields as a JSON array (fixed order, so the
 * encoding is canonical). Including `seq` makes a reordered or removed entry break the chain.
 */
export function auditEntryHash(previousHash: string, entry: AuditEntryContent): string {
  const canonical = JSON.stringify([
    previousHash,
    entry.seq,
    entry.at,
    entry.userId,
    entry.username,
    entry.action,
    entry.channel,
    entry.participantId,
    entry.subjectJson,
    entry.outcome,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
