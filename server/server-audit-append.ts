import { sql, type Kysely, type Transaction } from 'kysely';
import { AUDIT_GENESIS_HASH } from '../core/audit-entry-canonical';
import { serverAuditHash, type ServerAuditContent } from './server-audit-hash';
import type { ServerDatabase } from './server-schema';

/** A row for the chain, before the server gives it its place, time and hash. */
export type NewServerAuditEntry = Omit<ServerAuditContent, 'partnershipId' | 'chainSeq' | 'receivedAt'>;

/** First key of the chain's advisory lock, so it never meets another lock on the partnership's id. */
const CHAIN_LOCK = 0x41554454; // 'AUDT'

/** Holds the partnership's chain until the transaction ends (taking it twice in one transaction is fine). */
async function lockChain(trx: Transaction<ServerDatabase>, partnershipId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}::int, hashtext(${partnershipId}))`.execute(trx);
}

/**
 * Appends `entries`, in order, to the partnership's chain, inside the caller's transaction (so a
 * laptop's entries and their place in the chain commit together or not at all). The advisory lock
 * holds the chain's tail until commit: two requests never chain from the same previous row.
 */
export async function appendServerAudit(
  trx: Transaction<ServerDatabase>,
  partnershipId: string,
  entries: readonly NewServerAuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await lockChain(trx, partnershipId);
  const tail = await trx
    .selectFrom('audit_log')
    .select(['chain_seq', 'hash'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('chain_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Milliseconds: what a JavaScript Date holds, so the time hashed is the time read back.
  const { rows } = await sql<{ now: Date }>`SELECT date_trunc('milliseconds', now()) AS now`.execute(trx);
  const receivedAt = rows[0]?.now;
  if (receivedAt === undefined) throw new Error('PostgreSQL gave no time for the audit entry.');
  let chainSeq = Number(tail?.chain_seq ?? 0);
  let previousHash = tail?.hash ?? AUDIT_GENESIS_HASH;
  const values = entries.map((entry) => {
    chainSeq += 1;
    const content: ServerAuditContent = { ...entry, partnershipId, chainSeq, receivedAt: receivedAt.toISOString() };
    const hash = serverAuditHash(previousHash, content);
    const row = {
      partnership_id: partnershipId,
      chain_seq: chainSeq,
      received_at: receivedAt,
      source: entry.source,
      device_id: entry.deviceId,
      user_id: entry.userId,
      username: entry.username,
      action: entry.action,
      channel: entry.channel,
      participant_id: entry.participantId,
      subject_json: entry.subjectJson,
      outcome: entry.outcome,
      entry_seq: entry.entrySeq,
      entry_at: entry.entryAt,
      entry_prev_hash: entry.entryPrevHash,
      entry_hash: entry.entryHash,
      prev_hash: previousHash,
      hash,
    };
    previousHash = hash;
    return row;
  });
  for (let start = 0; start < values.length; start += 500)
    await trx
      .insertInto('audit_log')
      .values(values.slice(start, start + 500))
      .execute();
}

/** What the server itself records: who, on which laptop, did what, and how it ended. Ids and codes only. */
export interface ServerEvent {
  readonly partnershipId: string;
  readonly deviceId: string | null;
  readonly userId: string | null;
  readonly username: string | null;
  readonly action: 'sign_in' | 'sign_in_failed' | 'enrol' | 'refused' | 'revoke' | 'add_user' | 'change_role' | 'receive_referral';
  /** The route or the refused change's channel. */
  readonly channel: string;
  /** 'ok' or the error code given. */
  readonly outcome: string;
  /** Ids only (a mutation id, a revoked laptop's id), never text a person typed. */
  readonly subject?: Readonly<Record<string, string | number>>;
}

/** A server event as a row for the chain (appendServerAudit), for an event recorded inside the transaction that makes it. */
export function serverEventEntry(event: ServerEvent): NewServerAuditEntry {
  return {
    source: 'server',
    deviceId: event.deviceId,
    userId: event.userId,
    username: event.username,
    action: event.action,
    channel: event.channel,
    participantId: null,
    subjectJson: JSON.stringify(event.subject ?? {}),
    outcome: event.outcome,
    entrySeq: null,
    entryAt: null,
    entryPrevHash: null,
    entryHash: null,
  };
}

/** An administrator's change (`caller`, on their laptop) as a row for the chain, recorded in the change's own transaction. */
export function administratorEntry(
  caller: { readonly partnershipId: string; readonly deviceId: string; readonly userId: string; readonly username: string },
  action: 'add_user' | 'change_role',
  channel: string,
  subject: Readonly<Record<string, string | number>>,
): NewServerAuditEntry {
  const { partnershipId, deviceId, userId, username } = caller;
  return serverEventEntry({ partnershipId, deviceId, userId, username, action, channel, outcome: 'ok', subject });
}

/** True when the laptop's latest server event is this same one (a retry refused again). */
async function repeatsLastEvent(trx: Transaction<ServerDatabase>, event: ServerEvent): Promise<boolean> {
  if (event.deviceId === null) return false;
  const last = await trx
    .selectFrom('audit_log')
    .select(['action', 'channel', 'outcome'])
    .where('source', '=', 'server')
    .where('device_id', '=', event.deviceId)
    .where('partnership_id', '=', event.partnershipId)
    .orderBy('chain_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last !== undefined && last.action === event.action && last.channel === event.channel && last.outcome === event.outcome;
}

/**
 * Records one of the server's own events in the partnership's chain, in a transaction of its own.
 * `unlessRepeated`: not when the laptop's latest event is the same (a laptop retrying a refused
 * push every few seconds adds one entry, not thousands).
 */
export async function recordServerEvent(
  db: Kysely<ServerDatabase>,
  event: ServerEvent,
  options: { unlessRepeated?: boolean } = {},
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (options.unlessRepeated === true) {
      // Under the chain's lock, so two retries at once cannot both see "not yet recorded".
      await lockChain(trx, event.partnershipId);
      if (await repeatsLastEvent(trx, event)) return;
    }
    await appendServerAudit(trx, event.partnershipId, [serverEventEntry(event)]);
  });
}
