/**
 * The fields of a laptop's audit entry that its hash covers, in a fixed order. Shared by the
 * laptop's store (db/audit-chain.ts), which makes the chain, and the partnership server, which
 * checks each entry a laptop sends links to the one before it.
 */
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
 * What is hashed: the previous hash and the entry's fields as a JSON array (fixed order, so the
 * encoding is canonical). Including `seq` makes a reordered or removed entry break the chain.
 */
export function auditEntryCanonical(previousHash: string, entry: AuditEntryContent): string {
  return JSON.stringify([
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
}

/**
 * What the writer's key signs for an entry: its sequence number and chained hash (which covers the
 * hash before it), and who signs. Changing, removing or reordering an entry, even with the chain
 * recomputed, leaves the following entries' signatures over hashes the store no longer holds.
 */
export function auditSignatureMessage(signerUserId: string, seq: number, hash: string): string {
  return JSON.stringify(['workwell-mdt audit entry v1', signerUserId, seq, hash]);
}
