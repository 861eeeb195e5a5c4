import { sql, type Transaction } from 'kysely';
import type { Role } from '../core/roles';
import { SYNCED_TABLES } from '../core/sync/synced-tables';
import type { Caller } from './auth-session';
import type { ServerDatabase } from './server-schema';

/** The synced tables `role` receives (core/sync/synced-tables.ts `readBy`). */
export function tablesReadBy(role: Role) {
  return SYNCED_TABLES.filter((entry) => entry.readBy.includes(role));
}

/**
 * One page of a pull: each key's newest state after `cursor`, in the server's order, at most
 * `limit + 1` rows (the one over says there is more). The newest states are `records` (each key's
 * current row carries the sequence number of the change that made it), and the deletions are the
 * change log's entries with no row for a key `records` no longer holds. Each half is read by its own
 * index in sequence order and stops at the limit (migration 012), so a page costs the same at the
 * start of a 300,000-record enrolment as at its end; reading the change log and asking `records`
 * which entries were current read far more than a page (tests/unit/sync/pull-plan.test.ts).
 * Only tables the caller's role receives (at least one: `tablesReadBy`), and of a draft table only
 * signed rows and the caller's own drafts. Read it with readPage.
 */
export function pageQuery(
  trx: Transaction<ServerDatabase>,
  caller: Pick<Caller, 'partnershipId' | 'userId' | 'role'>,
  page: { cursor: string; limit: number },
) {
  const { cursor, limit } = page;
  const readable = tablesReadBy(caller.role);
  const tables = readable.map((entry) => entry.table);
  const drafts = readable.flatMap(({ table, draft }) => (draft === undefined ? [] : [{ table, ...draft }]));
  const newest = trx
    .selectFrom('records')
    .select(['records.seq', 'records.table_name', 'records.key', 'records.row'])
    .where('records.partnership_id', '=', caller.partnershipId)
    .where('records.seq', '>', cursor as never)
    .where('records.table_name', 'in', tables)
    // Another's draft: not until it is signed.
    .where((eb) =>
      eb.and(
        drafts.map((draft) =>
          eb.not(
            eb.and([
              eb('records.table_name', '=', draft.table),
              eb(sql<string | null>`records.row->>${draft.unsignedWhileNull}`, 'is', null),
              eb(sql<string>`coalesce(records.row->>${draft.author}, '')`, '<>', caller.userId),
            ]),
          ),
        ),
      ),
    )
    .orderBy('records.seq')
    .limit(limit + 1);
  // A key deleted after the cursor and not made again since (then its new row is in `records`).
  const deleted = trx
    .selectFrom('change_log')
    .select(['change_log.seq', 'change_log.table_name', 'change_log.key', sql<null>`NULL::jsonb`.as('row')])
    .where('change_log.partnership_id', '=', caller.partnershipId)
    .where('change_log.seq', '>', cursor as never)
    .where('change_log.row', 'is', null)
    .where('change_log.table_name', 'in', tables)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('records')
            .select('records.seq')
            .whereRef('records.partnership_id', '=', 'change_log.partnership_id')
            .whereRef('records.table_name', '=', 'change_log.table_name')
            .whereRef('records.key', '=', 'change_log.key'),
        ),
      ),
    )
    .orderBy('change_log.seq')
    .limit(limit + 1);
  return trx
    .selectFrom(sql<PageRow>`((${newest}) UNION ALL (${deleted}))`.as('page'))
    .select(['page.seq', 'page.table_name', 'page.key', 'page.row'])
    .orderBy('page.seq')
    .limit(limit + 1);
}

/** A row of a pull's page as PostgreSQL returns it (bigint as text, jsonb parsed). */
interface PageRow {
  readonly seq: string;
  readonly table_name: string;
  readonly key: string;
  readonly row: unknown;
}

/**
 * Reads one page (pageQuery) as the planner must run it: in the sequence order of the indexes,
 * stopping at the limit. Row-level security's filters leave PostgreSQL guessing how many rows a
 * page matches; guessing few, it reads every current record of the partnership through the
 * primary key and sorts them (measured: all 15,764 records for each 5,000-row page). Sorting is
 * priced out for this transaction only, so it takes the ordered indexes, and the JIT is off: a
 * page's query is quick, and compiling it took 0.2 s a page when PostgreSQL judged it costly.
 */
export async function readPage(
  trx: Transaction<ServerDatabase>,
  caller: Pick<Caller, 'partnershipId' | 'userId' | 'role'>,
  page: { cursor: string; limit: number },
) {
  await planPageInOrder(trx);
  return pageQuery(trx, caller, page).execute();
}

/** The planner settings readPage runs a page under, until the transaction ends. */
export async function planPageInOrder(trx: Transaction<ServerDatabase>): Promise<void> {
  await sql`SELECT set_config('enable_sort', 'off', true), set_config('jit', 'off', true)`.execute(trx);
}
