import type { Kysely } from 'kysely';
import { auditSignatureMessage } from '../../core/audit-entry-canonical';
import { AUDIT_GENESIS_HASH, auditEntryHash, type AuditEntryContent } from '../audit-chain';
import { auditSignerOf } from '../audit-signer';
import { signMessage } from '../signing-key';
import type { Database } from '../schema';
import type { Store } from '../store';

export type NewAuditEntry = Omit<AuditEntryContent, 'seq'>;

/** A row of `audit_log` as stored. */
export interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  channel: string;
  participant_id: string | null;
  subject_json: string;
  outcome: string;
  prev_hash: string;
  hash: string;
  signer_user_id: string | null;
  signature: string | null;
}

/**
 * Appends one entry to the chain. Synchronous on purpose: reading the last hash and inserting the
 * next row happen in one SQLite transaction with no await between, so two calls can never chain
 * from the same previous entry. Signed by the connection's signer (the user who unlocked it, see
 * db/audit-signer.ts): an Ed25519 signature costs about 0.1 ms.
 */
export function appendAuditEntry(store: Pick<Store, 'sqlite'>, entry: NewAuditEntry): void {
  const { sqlite } = store;
  const signer = auditSignerOf(store);
  sqlite.transaction(() => {
    const last = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const previousHash = last?.hash ?? AUDIT_GENESIS_HASH;
    const content: AuditEntryContent = { ...entry, seq };
    const hash = auditEntryHash(previousHash, content);
    sqlite
      .prepare(
        `INSERT INTO audit_log (seq, at, user_id, username, action, channel, participant_id, subject_json, outcome, prev_hash, hash, signer_user_id, signature)
         VALUES (@seq, @at, @userId, @username, @action, @channel, @participantId, @subjectJson, @outcome, @previousHash, @hash, @signerUserId, @signature)`,
      )
      .run({
        ...content,
        previousHash,
        hash,
        signerUserId: signer?.userId ?? null,
        signature:
          signer === undefined ? null : signMessage(signer.key, auditSignatureMessage(signer.userId, seq, hash)).toString('base64'),
      });
  })();
}

/** Appends several entries, in order, in one transaction: all of them or none. */
export function appendAuditEntries(store: Pick<Store, 'sqlite'>, entries: readonly NewAuditEntry[]): void {
  store.sqlite.transaction(() => {
    for (const entry of entries) appendAuditEntry(store, entry);
  })();
}

/** Tables whose rows belong to one person, so an audited call naming a row can be filed under that person. */
export type ParticipantOwnedTable = 'action_plans' | 'risk_flags' | 'consents' | 'assessments' | 'agenda_items';

/**
 * The person a row belongs to, or null when the row does not exist. Synchronous on the raw
 * connection, so it also works inside a call's open transaction, before its audit entry is written.
 */
export function participantIdOfRow(store: Pick<Store, 'sqlite'>, table: ParticipantOwnedTable, id: string): string | null {
  // `table` is one of the fixed names above, never input.
  const row = store.sqlite.prepare(`SELECT participant_id FROM ${table} WHERE id = ?`).get(id) as
    { participant_id: string | null } | undefined;
  return row?.participant_id ?? null;
}

/** Where the chain first fails, or null when every entry is intact and in order. */
export interface AuditChainBreak {
  readonly seq: number;
  readonly problem: 'altered' | 'out_of_sequence' | 'broken_link';
}

/** The fields a row's hash covers. */
export function contentOf(row: AuditRow): AuditEntryContent {
  return {
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    action: row.action,
    channel: row.channel,
    participantId: row.participant_id,
    subjectJson: row.subject_json,
    outcome: row.outcome,
  };
}

/** Walks the whole chain in order, recomputing every hash. */
export function verifyAuditChain(store: Pick<Store, 'sqlite'>): { entries: number; firstBreak: AuditChainBreak | null } {
  let previousHash = AUDIT_GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of store.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries += 1;
    if (row.seq !== expectedSeq) return { entries, firstBreak: { seq: row.seq, problem: 'out_of_sequence' } };
    if (row.prev_hash !== previousHash) return { entries, firstBreak: { seq: row.seq, problem: 'broken_link' } };
    if (auditEntryHash(previousHash, contentOf(row)) !== row.hash) return { entries, firstBreak: { seq: row.seq, problem: 'altered' } };
    previousHash = row.hash;
    expectedSeq += 1;
  }
  return { entries, firstBreak: null };
}

export interface AuditSearch {
  readonly participantId?: string | undefined;
  readonly userId?: string | undefined;
  readonly action?: string | undefined;
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

/** Newest first, filtered, a page at a time (keyset on `seq`). */
export async function searchAuditLog(db: Kysely<Database>, search: AuditSearch) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(search.limit);
  if (search.participantId !== undefined) query = query.where('participant_id', '=', search.participantId);
  if (search.userId !== undefined) query = query.where('user_id', '=', search.userId);
  if (search.action !== undefined) query = query.where('action', '=', search.action);
  if (search.beforeSeq !== undefined) query = query.where('seq', '<', search.beforeSeq);
  return query.execute();
}

/** An entry with its hash link, as it is sent to the partnership server. */
export interface ChainedAuditEntry extends AuditEntryContent {
  readonly prevHash: string;
  readonly hash: string;
}

/** Up to `limit` entries after `afterSeq`, oldest first, with their hash links. */
export function auditEntriesAfter(store: Pick<Store, 'sqlite'>, afterSeq: number, limit: number): ChainedAuditEntry[] {
  const rows = store.sqlite.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as AuditRow[];
  return rows.map((row) => ({ ...contentOf(row), prevHash: row.prev_hash, hash: row.hash }));
}
