import { pullRequestSchema, type PulledChange } from '../core/sync/sync-protocol';
import { authenticate } from './auth-session';
import { MAX_WAIT_MS } from './change-waiters';
import { settledProgressOf } from './device-user-progress';
import { readPage, tablesReadBy } from './pull-page';
import { startOfPull } from './pull-reader';
import { inRequestScope } from './request-scope';
import type { Route } from './route';
import { parseBody } from './sync-body';

/**
 * POST /sync/pull: the changes after the laptop's cursor, in the server's order, for the caller's
 * partnership only, only of tables the caller's server-side role may receive, and of a draft table
 * (core/sync/synced-tables.ts `draft`) only signed rows and the caller's own drafts: another's
 * draft is held back and sent when it is signed, as the change that signs it. The filter is here
 * and, again, in PostgreSQL's row-level security (migrations 003 and 008): each read runs in the
 * caller's request scope (its own short transaction, so a long poll holds no connection while it
 * waits). Where the pull starts: server/pull-reader.ts; what a page holds: server/pull-page.ts.
 */
export const pullRoute: Route = {
  method: 'POST',
  pattern: '/sync/pull',
  body: 'json',
  async handle({ db, body, headers, changes: waiters }) {
    const caller = await authenticate(db, headers);
    const { cursor: sent, limit, wait, formatVersion } = parseBody(pullRequestSchema, body);
    const readable = tablesReadBy(caller.role);
    const cursor = await inRequestScope(db, caller, (trx) => startOfPull(trx, caller, sent));
    const read = async () =>
      readable.length === 0 ? [] : await inRequestScope(db, caller, (trx) => readPage(trx, caller, { cursor, limit }));
    let rows = await read();
    if (wait === true && rows.length === 0 && waiters !== undefined) {
      // Long poll: wait for a push to this partnership (NOTIFY), then read again.
      await waiters.wait(caller.partnershipId, MAX_WAIT_MS, async () => (rows = await read()).length > 0);
      if (rows.length === 0) rows = await read();
    }
    const page = rows.slice(0, limit);
    const changes: PulledChange[] = page.map((row) => ({
      seq: String(row.seq),
      table: row.table_name,
      key: JSON.parse(row.key) as string[],
      row: (row.row as PulledChange['row']) ?? null,
    }));
    // The caller's own watermark on this laptop, below any refusal it may not have heard of. A laptop older than format 2 marks every waiting
    // change up to it as done, another user's too: it is told 0, and its pushes are refused anyway.
    const lastMutationId = formatVersion === undefined ? 0 : await inRequestScope(db, caller, (trx) => settledProgressOf(trx, caller));
    return { status: 200, body: { changes, cursor: changes.at(-1)?.seq ?? cursor, more: rows.length > limit, lastMutationId } };
  },
};
