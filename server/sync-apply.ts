import { sql, type Transaction } from 'kysely';
import { syncedTable } from '../core/sync/synced-tables';
import type { RowChange } from '../core/sync/sync-protocol';
import type { ServerDatabase } from './server-schema';
import { clashingUnique, parentsHeld } from './sync-unique';

type RowValues = Record<string, string | number | null>;

/** Why a mutation could not be applied as it stands: the whole mutation is refused, nothing of it kept. */
export class ApplyConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApplyConflict';
  }
}

/** Why a change that builds on a record the server never accepted is refused (issue 14: dependants are refused with it). */
export const MISSING_PARENT =
  'This builds on a record the partnership server does not hold: an earlier change it refused. Nothing of it was shared.';

/** The columns `row` changed from `base`. */
function changedColumns(base: RowValues, row: RowValues): RowValues {
  return Object.fromEntries(Object.entries(row).filter(([column, item]) => !Object.hasOwn(base, column) || base[column] !== item));
}

/** Two rows hold the same values in the columns both know (a newer laptop may send a column more). */
export function sameRow(left: RowValues, right: RowValues): boolean {
  const columns = Object.keys(left).filter((column) => Object.hasOwn(right, column));
  return columns.length > 0 && columns.every((column) => left[column] === right[column]);
}

/**
 * The server's current row for a key (null when it has none), locked until the transaction ends
 * unless `lock` is false (a read that must not take a record's lock before the change-log lock).
 */
export async function currentRow(
  trx: Transaction<ServerDatabase>,
  partnershipId: string,
  table: string,
  key: string,
  lock = true,
): Promise<RowValues | null> {
  const query = trx
    .selectFrom('records')
    .select('row')
    .where('partnership_id', '=', partnershipId)
    .where('table_name', '=', table)
    .where('key', '=', key);
  const found = await (lock ? query.forUpdate() : query).executeTakeFirst();
  return (found?.row as RowValues | undefined) ?? null;
}

/** Transactions holding the change-log lock (until they end), so writeChange takes it only once. */
const changeLogLocked = new WeakMap<Transaction<ServerDatabase>, string>();

/**
 * Makes this transaction the partnership's only writer to the change log until it commits. Pulls
 * read "everything after seq N", so sequence numbers must become visible in order: without this,
 * a push that took seq 736 but commits after another's 738 is skipped by a laptop that pulled in
 * between (the load test, tests/unit/sync/load.test.ts, saw exactly that). Every writer to the
 * change log takes it before locking any record (only a row no other writer locks, such as the
 * laptop's own `devices` row, may come first), so two writers can never wait on each other.
 */
export async function lockChangeLog(trx: Transaction<ServerDatabase>, partnershipId: string): Promise<void> {
  if (changeLogLocked.get(trx) === partnershipId) return;
  // The two-key form: a key space of its own, apart from enrolment's block-numbering lock.
  await sql`SELECT pg_advisory_xact_lock(14, hashtext(${partnershipId}))`.execute(trx);
  changeLogLocked.set(trx, partnershipId);
}

/** Appends one change to the log and makes it the current row; returns its sequence number. */
export async function writeChange(
  trx: Transaction<ServerDatabase>,
  change: { partnershipId: string; table: string; key: string; row: RowValues | null; deviceId: string | null; mutationId: number | null },
): Promise<string> {
  // A writer that did not take the lock first still gets it here: ordered, at worst a deadlock PostgreSQL breaks.
  await lockChangeLog(trx, change.partnershipId);
  const json = change.row === null ? null : JSON.stringify(change.row);
  // The log entry and the current row in one statement (one round trip): the record takes the log's seq.
  const logged = sql`INSERT INTO change_log (partnership_id, table_name, key, row, device_id, mutation_id)
    VALUES (${change.partnershipId}, ${change.table}, ${change.key}, ${json}::jsonb, ${change.deviceId}, ${change.mutationId})
    RETURNING seq`;
  const { rows } =
    change.row === null
      ? await sql<{ seq: string }>`WITH logged AS (${logged}), gone AS (
          DELETE FROM records WHERE partnership_id = ${change.partnershipId} AND table_name = ${change.table} AND key = ${change.key})
          SELECT seq FROM logged`.execute(trx)
      : await sql<{ seq: string }>`WITH logged AS (${logged})
          INSERT INTO records (partnership_id, table_name, key, row, seq)
          SELECT ${change.partnershipId}, ${change.table}, ${change.key}, ${json}::jsonb, seq FROM logged
          ON CONFLICT (partnership_id, table_name, key) DO UPDATE SET row = excluded.row, seq = excluded.seq, version = records.version + 1
          RETURNING seq`.execute(trx);
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error('The change log gave no sequence number.');
  return seq;
}

/**
 * Applies one mutation's row changes by each table's rule (core/sync/synced-tables.ts) inside the
 * caller's transaction, and returns the last sequence number written ('' when every change was
 * already there). Throws ApplyConflict when a rule refuses: the caller rolls everything back.
 * `deviceId` and `mutationId` are null for the server's own writes (a referral received by the
 * public form or the FHIR POST: server/public-referral-store.ts).
 */
export async function applyChanges(
  trx: Transaction<ServerDatabase>,
  scope: { partnershipId: string; deviceId: string | null; mutationId: number | null },
  changes: readonly RowChange[],
): Promise<string> {
  let last = '';
  const written: Array<{ change: RowChange; key: string }> = [];
  for (let change of changes) {
    const entry = syncedTable(change.table);
    if (entry === undefined) throw new ApplyConflict(`Records of kind "${change.table}" are not shared through the partnership server.`);
    const key = JSON.stringify(change.key);
    const current = await currentRow(trx, scope.partnershipId, change.table, key);
    const base = change.base ?? null;
    if (entry.rule === 'append-only') {
      if (change.row === null) throw new ApplyConflict('A record that is kept for good cannot be removed.');
      if (current !== null) {
        if (sameRow(current, change.row)) continue; // sent before: nothing to do
        throw new ApplyConflict('This record was already saved differently on the partnership server.');
      }
    } else if (entry.rule === 'mutable' && base !== null) {
      if (current === null) throw new ApplyConflict(MISSING_PARENT);
      // Last write wins column by column: only what this change changed, so a refused earlier change it was made on top of stays out.
      if (change.row !== null) change = { ...change, row: { ...current, ...changedColumns(base, change.row) } };
    } else if (entry.rule === 'versioned') {
      // Compare-and-set: the row this laptop changed must still be the server's row.
      const unchanged = current === null ? base === null : base !== null && sameRow(current, base);
      if (!unchanged) {
        if (current !== null && change.row !== null && sameRow(current, change.row)) continue;
        throw new ApplyConflict('Someone else changed this record on another laptop first.');
      }
    }
    last = await writeChange(trx, {
      partnershipId: scope.partnershipId,
      table: change.table,
      key,
      row: change.row,
      deviceId: scope.deviceId,
      mutationId: scope.mutationId,
    });
    written.push({ change, key });
  }
  // Judged once all the mutation's rows are in place: two laptops each made a row that is fine alone;
  // a row whose parent the server does not hold builds on a change that was refused.
  for (const { change, key } of written) {
    const entry = syncedTable(change.table);
    if (entry === undefined || change.row === null) continue;
    if ((await clashingUnique(trx, scope.partnershipId, entry, key, change.row)) !== undefined)
      throw new ApplyConflict('Someone else recorded the same thing on another laptop first (for example a draft for the same person).');
    if (!(await parentsHeld(trx, scope.partnershipId, entry, change.row, change.base ?? null))) throw new ApplyConflict(MISSING_PARENT);
  }
  return last;
}
