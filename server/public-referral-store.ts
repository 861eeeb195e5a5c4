import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { InboxReferral } from '../core/referrals/inbox-referral';
import { waitingInboxRow } from '../core/referrals/waiting-inbox-row';
import type { RowChange } from '../core/sync/sync-protocol';
import { CHANGES_CHANNEL, type ChangeWaiters } from './change-waiters';
import { inWholePartnershipScope } from './request-scope';
import { appendServerAudit, serverEventEntry } from './server-audit-append';
import type { ServerDatabase } from './server-schema';
import { applyChanges, currentRow, lockChangeLog } from './sync-apply';

/**
 * Who a referral received by the server is recorded by (`referral_inbox.recorded_by` must name a
 * user: a foreign key in every laptop's store). No person: a `users` row the server adds to the
 * partnership with the first such referral, already disabled, with no key and no keyring slot, so
 * it can never sign in, and a laptop's user sync leaves it alone (a user disabled before the
 * server knew them is never sent: services/sync/user-changes.ts). The id is also the one the
 * server's own jobs act as (server/partnership-rows.ts).
 */
export const SERVER_USER_ID = 'partnership-server';

/** Where a referral came to the server from: its public form, or a referrer's system's FHIR POST. */
export type ServerReferralSource = 'public-form' | 'fhir-post';

/**
 * Whether PostgreSQL can hold a referral's text: no NUL character and no lone surrogate (both
 * refused in JSONB), so such input is refused as the sender's, not failed as the server's.
 */
export function isStorableReferral(referral: InboxReferral): boolean {
  return !/\\u0000|\\ud[89a-f][0-9a-f]{2}/i.test(JSON.stringify(referral));
}

/** The pseudo-user's row as laptops hold it. */
function serverUserRow(at: string): Record<string, string> {
  return {
    id: SERVER_USER_ID,
    username: SERVER_USER_ID,
    display_name: 'Partnership server (referral form)',
    role: 'administrator',
    created_at: at,
    disabled_at: at,
  };
}

/**
 * Adds referrals to a partnership's inbox as the server: each a new `referral_inbox` row (status
 * waiting, version 1) through the same apply and change log as a laptop's push, in one transaction
 * with an entry in the partnership's audit chain (ids only), so every coordinator's and coach's
 * laptop receives them at its next pull; waiting pulls wake at once. Returns nothing a caller could
 * send back: a submission never reads anything.
 */
export async function storeServerReferrals(
  db: Kysely<ServerDatabase>,
  job: {
    partnershipId: string;
    source: ServerReferralSource;
    /** Each with its position (the bundle entry's index; 0 for the form). */
    referrals: ReadonlyArray<{ at: number; referral: InboxReferral }>;
    receivedAt: Date;
    /** Names the route in the audit chain, e.g. `POST /refer`. */
    channel: string;
    changes?: ChangeWaiters;
  },
): Promise<void> {
  if (job.referrals.length === 0) return;
  const at = job.receivedAt.toISOString();
  const scope = { partnershipId: job.partnershipId, role: 'coordinator' as const, userId: SERVER_USER_ID };
  await inWholePartnershipScope(db, scope, async (trx) => {
    await lockChangeLog(trx, job.partnershipId);
    const rows: RowChange[] = [];
    if ((await currentRow(trx, job.partnershipId, 'users', JSON.stringify([SERVER_USER_ID]))) === null)
      rows.push({ table: 'users', key: [SERVER_USER_ID], row: serverUserRow(at) });
    const ids: string[] = [];
    for (const { at: position, referral } of job.referrals) {
      const id = randomUUID();
      ids.push(id);
      const row = waitingInboxRow({ id, receivedAt: at, source: job.source, position, referral, recordedBy: SERVER_USER_ID });
      rows.push({ table: 'referral_inbox', key: [id], row: { ...row } });
    }
    await applyChanges(trx, { partnershipId: job.partnershipId, deviceId: null, mutationId: null }, rows);
    await appendServerAudit(trx, job.partnershipId, [
      serverEventEntry({
        partnershipId: job.partnershipId,
        deviceId: null,
        userId: SERVER_USER_ID,
        username: SERVER_USER_ID,
        action: 'receive_referral',
        channel: job.channel,
        outcome: 'ok',
        subject: { source: job.source, referrals: ids.length, ids: ids.join(' ') },
      }),
    ]);
    await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${job.partnershipId})`.execute(trx);
  });
  job.changes?.wake(job.partnershipId);
}
