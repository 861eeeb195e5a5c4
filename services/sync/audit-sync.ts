import type { AuditEntryWire } from '../../core/sync/audit-protocol';
import { auditEntriesAfter } from '../../db/repositories/audit-repository';
import type { Store } from '../../db/store';
import { fetchAuditTail, fetchHeldAudit, pushAuditEntries } from './audit-client';
import type { SyncState } from '../../db/sync/sync-state';
import { ServerRefused, ServerUnreachable, signIn } from './sync-client';

/** What one sync did with this laptop's audit trail. */
export interface AuditPushReport {
  readonly sent: number;
  /** Why the trail could not be sent (the server refused it as not matching its copy), or null. */
  readonly problem: string | null;
}

const BATCH = 500;

/**
 * Sends the laptop's audit entries the server does not hold yet, oldest first, in batches. The
 * server keeps each once and checks each follows from the last it holds; when this laptop's trail
 * no longer matches the server's copy (entries cut or changed here), nothing is sent and the
 * problem is reported rather than thrown: the records still sync, and `audit verify` names the
 * entries. Throws ServerUnreachable when the server cannot be reached.
 */
export async function pushAuditTrail(store: Pick<Store, 'sqlite'>, serverUrl: string, token: string): Promise<AuditPushReport> {
  let sent = 0;
  try {
    let tail = await fetchAuditTail(serverUrl, token);
    for (let checked = tail.lastSeq === 0; ; checked = true) {
      // Each batch starts with the last entry the server holds, which it checks is still the one it
      // received: a trail cut here and grown again over the gap is found at the next sync.
      const batch = auditEntriesAfter(store, Math.max(tail.lastSeq - 1, 0), BATCH);
      if (tail.lastSeq > 0 && batch[0]?.seq !== tail.lastSeq)
        return {
          sent,
          problem: `This laptop's audit trail no longer holds entry ${tail.lastSeq}, which the partnership server received: entries were removed here. Run "workwell-mdt audit verify" and tell the partnership's administrator.`,
        };
      const fresh = batch.length - (tail.lastSeq > 0 ? 1 : 0);
      if (fresh === 0 && checked) return { sent, problem: null };
      const answer = await pushAuditEntries(serverUrl, token, batch);
      sent += answer.received;
      // The server's tail only moves forward; if it did not, stop rather than send the same batch forever.
      if (fresh === 0 || answer.tail.lastSeq <= tail.lastSeq) return { sent, problem: null };
      tail = answer.tail;
    }
  } catch (error) {
    if (error instanceof ServerRefused) return { sent, problem: error.message };
    throw error;
  }
}

/** How this laptop's trail compares with the server's copy of it. */
export type AuditServerComparison =
  | { readonly compared: false; readonly reason: string }
  | {
      readonly compared: true;
      /** Entries the server holds for this laptop. */
      readonly held: number;
      /** Held by the server, no longer on this laptop (cut from the end, or removed). */
      readonly missing: readonly AuditEntryWire[];
      /** Held by the server, different on this laptop. */
      readonly changed: readonly AuditEntryWire[];
    };

/** Compares every entry the server holds for this laptop with the laptop's own, a page at a time. */
export async function compareAuditWithServer(
  store: Pick<Store, 'sqlite'>,
  serverUrl: string,
  token: string,
): Promise<Extract<AuditServerComparison, { compared: true }>> {
  const missing: AuditEntryWire[] = [];
  const changed: AuditEntryWire[] = [];
  let held = 0;
  let afterSeq = 0;
  for (let more = true; more;) {
    const page = await fetchHeldAudit(serverUrl, token, afterSeq);
    const local = new Map(auditEntriesAfter(store, afterSeq, page.entries.length).map((entry) => [entry.seq, entry.hash]));
    for (const entry of page.entries) {
      const hash = local.get(entry.seq);
      if (hash === undefined) missing.push(entry);
      else if (hash !== entry.hash) changed.push(entry);
      afterSeq = entry.seq;
    }
    held += page.entries.length;
    more = page.more;
  }
  return { compared: true, held, missing, changed };
}

/**
 * For `audit verify` on a joined laptop: signs in as the user and compares the trail with the
 * server's copy. Offline, or refused by the server, it says it could not compare (and why).
 */
export async function auditAgainstServer(
  store: Pick<Store, 'sqlite'>,
  state: Pick<SyncState, 'serverUrl' | 'deviceId'>,
  user: { username: string; privateKey: Buffer; publicKey: Buffer },
): Promise<AuditServerComparison> {
  try {
    const session = await signIn(state.serverUrl, { ...user, deviceId: state.deviceId });
    return await compareAuditWithServer(store, state.serverUrl, session.token);
  } catch (error) {
    if (error instanceof ServerUnreachable)
      return { compared: false, reason: `The partnership server at ${state.serverUrl} could not be reached.` };
    if (error instanceof ServerRefused)
      return { compared: false, reason: `The partnership server refused (${error.code}): ${error.message}` };
    throw error;
  }
}
