import type { Kysely, Selectable, Transaction } from 'kysely';
import { AUDIT_GENESIS_HASH } from '../core/audit-entry-canonical';
import { auditHeldRequestSchema, auditPushRequestSchema, type AuditEntryWire, type AuditTail } from '../core/sync/audit-protocol';
import { authenticate, type Caller } from './auth-session';
import { HttpError } from './http-error';
import { inRequestScope } from './request-scope';
import type { Route } from './route';
import { appendServerAudit, recordServerEvent } from './server-audit-append';
import { laptopEntryHash, serverAuditContent } from './server-audit-hash';
import type { ServerAuditLogTable, ServerDatabase } from './server-schema';
import { parseBody } from './sync-body';

/** Where the server's copy of a laptop's trail ends. */
async function deviceTail(db: Kysely<ServerDatabase>, deviceId: string): Promise<AuditTail> {
  const last = await db
    .selectFrom('audit_log')
    .select(['entry_seq', 'entry_hash'])
    .where('source', '=', 'laptop')
    .where('device_id', '=', deviceId)
    .orderBy('entry_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { lastSeq: last?.entry_seq ?? 0, lastHash: last?.entry_hash ?? null };
}

const diverged = (seq: number) =>
  new HttpError(
    409,
    'AUDIT_DIVERGED',
    `This laptop's audit trail no longer matches what the partnership server holds (from entry ${seq}): entries were removed or changed on this laptop. Nothing was stored. Run "workwell-mdt audit verify" and tell the partnership's administrator.`,
  );

/**
 * The entries to keep, after checking each against the server's copy: one already held must be
 * identical (a resend); a new one must come next in the laptop's order and follow from the one
 * before by its hash, so the server's copy is always an unbroken prefix of the laptop's trail.
 */
async function entriesToKeep(trx: Transaction<ServerDatabase>, deviceId: string, entries: readonly AuditEntryWire[]) {
  let tail = await deviceTail(trx, deviceId);
  const resent = entries.filter((entry) => entry.seq <= tail.lastSeq).map((entry) => entry.seq);
  const held = new Map<number, string>();
  if (resent.length > 0) {
    const rows = await trx
      .selectFrom('audit_log')
      .select(['entry_seq', 'entry_hash'])
      .where('source', '=', 'laptop')
      .where('device_id', '=', deviceId)
      .where('entry_seq', 'in', resent)
      .execute();
    for (const row of rows) held.set(row.entry_seq ?? 0, row.entry_hash ?? '');
  }
  const fresh: AuditEntryWire[] = [];
  for (const entry of entries) {
    if (entry.seq <= tail.lastSeq) {
      if (held.get(entry.seq) !== entry.hash) throw diverged(entry.seq);
      continue;
    }
    if (entry.seq !== tail.lastSeq + 1)
      throw new HttpError(
        400,
        'AUDIT_OUT_OF_ORDER',
        `Audit entries must arrive in this laptop's order: entry ${tail.lastSeq + 1} comes next, not ${entry.seq}. Nothing was stored.`,
      );
    const { prevHash, hash, ...content } = entry;
    if (prevHash !== (tail.lastHash ?? AUDIT_GENESIS_HASH) || laptopEntryHash(prevHash, content) !== hash) throw diverged(entry.seq);
    fresh.push(entry);
    tail = { lastSeq: entry.seq, lastHash: hash };
  }
  return { fresh, duplicates: entries.length - fresh.length, tail };
}

/** Records a refused audit push in the server's own chain. */
function recordRefusal(db: Kysely<ServerDatabase>, caller: Caller, error: HttpError, entries: readonly AuditEntryWire[]) {
  return recordServerEvent(
    db,
    {
      partnershipId: caller.partnershipId,
      deviceId: caller.deviceId,
      userId: caller.userId,
      username: caller.username,
      action: 'refused',
      channel: auditPushRoute.pattern,
      outcome: error.code,
      subject: { firstSeq: entries[0]?.seq ?? 0, lastSeq: entries.at(-1)?.seq ?? 0 },
    },
    { unlessRepeated: true },
  );
}

/** GET /audit/tail: where the server's copy of the caller's laptop's trail ends. */
export const auditTailRoute: Route = {
  method: 'GET',
  pattern: '/audit/tail',
  async handle({ db, headers }) {
    const caller = await authenticate(db, headers);
    return { status: 200, body: await inRequestScope(db, caller, (trx) => deviceTail(trx, caller.deviceId)) };
  },
};

/**
 * POST /audit/push: the caller's laptop's audit entries, in its order, for the caller's
 * partnership, into the partnership's chain. Idempotent: an entry sent again is kept once. Only
 * an enrolled, unrevoked laptop (authenticate) may push; a refusal is itself recorded.
 */
export const auditPushRoute: Route = {
  method: 'POST',
  pattern: '/audit/push',
  body: 'json',
  async handle({ db, body, headers }) {
    const caller = await authenticate(db, headers);
    const { entries } = parseBody(auditPushRequestSchema, body);
    try {
      // As the request role, under row-level security: only the caller's partnership's rows.
      const kept = await inRequestScope(db, caller, async (trx) => {
        // One push of a laptop at a time: the device's row is the lock.
        await trx.selectFrom('devices').select('id').where('id', '=', caller.deviceId).forUpdate().executeTakeFirstOrThrow();
        const checked = await entriesToKeep(trx, caller.deviceId, entries);
        await appendServerAudit(
          trx,
          caller.partnershipId,
          checked.fresh.map((entry) => ({
            source: 'laptop' as const,
            deviceId: caller.deviceId,
            userId: entry.userId,
            username: entry.username,
            action: entry.action,
            channel: entry.channel,
            participantId: entry.participantId,
            subjectJson: entry.subjectJson,
            outcome: entry.outcome,
            entrySeq: entry.seq,
            entryAt: entry.at,
            entryPrevHash: entry.prevHash,
            entryHash: entry.hash,
          })),
        );
        return checked;
      });
      return { status: 200, body: { received: kept.fresh.length, duplicates: kept.duplicates, tail: kept.tail } };
    } catch (error) {
      if (error instanceof HttpError) await recordRefusal(db, caller, error, entries);
      throw error;
    }
  },
};

/** A stored laptop entry as the laptop sent it. */
function toWire(row: Selectable<ServerAuditLogTable>): AuditEntryWire {
  const { entrySeq, entryAt, entryPrevHash, entryHash, userId, username, action, channel, participantId, subjectJson, outcome } =
    serverAuditContent(row);
  return {
    seq: entrySeq ?? 0,
    at: entryAt ?? '',
    userId,
    username,
    action,
    channel,
    participantId,
    subjectJson,
    outcome,
    prevHash: entryPrevHash ?? '',
    hash: entryHash ?? '',
  };
}

/** POST /audit/held: the server's copy of the caller's laptop's trail, a page at a time, oldest first. */
export const auditHeldRoute: Route = {
  method: 'POST',
  pattern: '/audit/held',
  body: 'json',
  async handle({ db, body, headers }) {
    const caller = await authenticate(db, headers);
    const { afterSeq, limit } = parseBody(auditHeldRequestSchema, body);
    const rows = await inRequestScope(db, caller, (trx) =>
      trx
        .selectFrom('audit_log')
        .selectAll()
        .where('source', '=', 'laptop')
        .where('device_id', '=', caller.deviceId)
        .where('entry_seq', '>', afterSeq)
        .orderBy('entry_seq')
        .limit(limit + 1)
        .execute(),
    );
    return { status: 200, body: { entries: rows.slice(0, limit).map(toWire), more: rows.length > limit } };
  },
};

/** The audit trail's endpoints (core/sync/audit-protocol.ts). */
export function auditRoutes(): Route[] {
  return [auditTailRoute, auditPushRoute, auditHeldRoute];
}
