import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from '../open-store';
import type { Store } from '../store';

/** How a page is ordered: the key expressions (the last is always the id, so keys are unique). */
interface SortDefinition {
  readonly keys: readonly string[];
  readonly descending: boolean;
}

/**
 * The sort keys exactly as migration 012 indexes them, so each page is a walk along one index.
 * A missing next review sorts last; a missing referral date sorts last when newest come first.
 */
const SORTS = {
  name: { keys: ['p.family_name', 'p.given_name', 'p.id'], descending: false },
  nextReview: { keys: ["ifnull(p.next_review_on, '9999-12-31')", 'p.id'], descending: false },
  referralDate: { keys: ["ifnull(p.referred_on, '')", 'p.id'], descending: true },
} as const satisfies Record<string, SortDefinition>;

/**
 * Above this many matches a search is "broad" (a lone "999", a single letter): rather than read
 * every match, the page walks the sort index and keeps the rows the search matched, which finds
 * 25 quickly precisely because so many match.
 */
const BROAD_SEARCH_MATCHES = 20_000;

/**
 * A search's matches joined to their people through the covering index keyed by reference number
 * (migration 012, third part): every sort key and filter value is read from that index, in the
 * search index's rowid order, without touching the table. CROSS JOIN keeps the search outermost.
 */
const SEARCH_JOIN = 'participants_search s CROSS JOIN participants p ON CAST(substr(p.reference, 4) AS INTEGER) = s.rowid';

// The withdrawal is read per row shown (a page at most), from the newest service decision.
const PARTICIPANT_COLUMNS = `p.id, p.reference, p.given_name, p.family_name, p.date_of_birth, p.nhs_number, p.status, p.next_review_on,
      p.referred_on, p.open_risk_flag_count,
      (SELECT c.withdrawn_on FROM consents c WHERE c.participant_id = p.id AND c.purpose = 'service'
        ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1) AS service_withdrawn_on`;

export type CaseloadSortKey = keyof typeof SORTS;

/** The filters as the store sees them; `ftsQuery` is already an FTS5 query (core/caseload-search). */
export interface CaseloadQuery {
  readonly ftsQuery: string | null;
  readonly status: string | null;
  /** Only people who have not exited (the "Open cases" choice); absent means anyone. */
  readonly openOnly?: boolean;
  readonly coachUserId: string | null;
  /** Only people whose next review is on or before this date (YYYY-MM-DD). */
  readonly reviewDueBy: string | null;
  readonly openRiskFlag: boolean;
}

/** Where a page starts: after (next page) or before (previous page) the row with these sort keys. */
export interface CaseloadPosition {
  readonly direction: 'after' | 'before';
  readonly keys: readonly string[];
}

export interface CaseloadRow {
  readonly id: string;
  readonly reference: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly date_of_birth: string;
  readonly nhs_number: string | null;
  readonly status: string;
  readonly next_review_on: string | null;
  readonly referred_on: string | null;
  readonly open_risk_flag_count: number;
  readonly service_withdrawn_on: string | null;
  /** The row's sort keys, in order, to build the cursors of the page. */
  readonly sortKeys: readonly string[];
}

export interface CaseloadPageRows {
  readonly rows: readonly CaseloadRow[];
  /** Whether there are rows beyond the page in the direction it was read. */
  readonly hasMoreAfter: boolean;
  readonly hasMoreBefore: boolean;
}

/** How many keys each sort's cursor holds, to reject a cursor made for another sort. */
export function sortKeyCount(sort: CaseloadSortKey): number {
  return SORTS[sort].keys.length;
}

/**
 * One page of the caseload by keyset: filters, then `(sort keys) > cursor` along the sort's index,
 * `limit` rows. No OFFSET (page 4,000 costs what page 1 does) and no COUNT. A search starts from the
 * full-text index, takes each match's sort keys and filter values from the covering index keyed by
 * reference number, and reads only the rows on the page from `participants`.
 */
export function readCaseloadPage(
  store: Pick<Store, 'sqlite'>,
  query: CaseloadQuery,
  sort: CaseloadSortKey,
  position: CaseloadPosition | null,
  limit: number,
  /** Tests lower it to take the broad-search path on a small store. */
  broadSearchMatches = BROAD_SEARCH_MATCHES,
): CaseloadPageRows {
  const definition: SortDefinition = SORTS[sort];
  if (position !== null && position.keys.length !== definition.keys.length) throw new Error('cursor does not match the sort');
  const backwards = position?.direction === 'before';
  // Reading a previous page walks the index the other way, then the rows are put back in order.
  const descending = definition.descending !== backwards;
  const narrowSearch = query.ftsQuery !== null && !isBroadSearch(store.sqlite, query.ftsQuery, broadSearchMatches);
  const keys = definition.keys;
  const { where, params } = narrowSearch ? searchFilterClause(query) : filterClause(query);
  if (position !== null) {
    where.push(`(${keys.join(', ')}) ${descending ? '<' : '>'} (${keys.map(() => '?').join(', ')})`);
    params.push(...position.keys);
  }
  const order = (columns: readonly string[]) => columns.map((key) => `${key} ${descending ? 'DESC' : 'ASC'}`).join(', ');
  const keyColumns = keys.map((key, index) => `${key} AS sort_key_${index}`).join(', ');
  const hitKeys = keys.map((_, index) => `hits.sort_key_${index}`);
  const text = narrowSearch
    ? `WITH hits AS MATERIALIZED (
        SELECT p.id AS hit_id, ${keyColumns} FROM ${SEARCH_JOIN}
        WHERE ${where.join(' AND ')} ORDER BY ${order(keys)} LIMIT ?)
      SELECT ${PARTICIPANT_COLUMNS}, ${hitKeys.join(', ')} FROM hits CROSS JOIN participants p ON p.id = hits.hit_id ORDER BY ${order(hitKeys)}`
    : `SELECT ${PARTICIPANT_COLUMNS}, ${keyColumns} FROM participants p
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order(keys)} LIMIT ?`;
  const raw = statement(store.sqlite, text).all(...params, limit + 1) as Array<Record<string, unknown>>;
  const more = raw.length > limit;
  const page = raw.slice(0, limit).map((row) => toCaseloadRow(row, definition.keys.length));
  if (backwards) page.reverse();
  return {
    rows: page,
    hasMoreAfter: backwards ? position !== null : more,
    hasMoreBefore: backwards ? more : position !== null,
  };
}

/** How many people match the filters: asked when the filters change, not per page. */
export function countCaseload(store: Pick<Store, 'sqlite'>, query: CaseloadQuery): number {
  const { where, params } = query.ftsQuery === null ? filterClause(query) : searchFilterClause(query);
  const from = query.ftsQuery === null ? 'participants p' : SEARCH_JOIN;
  const text = `SELECT count(*) AS total FROM ${from} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  return (statement(store.sqlite, text).get(...params) as { total: number }).total;
}

/** Whether a search matches more than `threshold` people: reads only the index's doclists. */
function isBroadSearch(sqlite: SqliteDatabase, ftsQuery: string, threshold: number): boolean {
  const text = 'SELECT count(*) AS matches FROM (SELECT rowid FROM participants_search WHERE participants_search MATCH ? LIMIT ?)';
  return (statement(sqlite, text).get(ftsQuery, threshold + 1) as { matches: number }).matches > threshold;
}

/** The filters on `participants p`; a (broad) search keeps the rows whose reference number it matched. */
function filterClause(query: CaseloadQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.ftsQuery !== null) {
    where.push('CAST(substr(p.reference, 4) AS INTEGER) IN (SELECT rowid FROM participants_search WHERE participants_search MATCH ?)');
    params.push(query.ftsQuery);
  }
  if (query.status !== null) {
    where.push('p.status = ?');
    params.push(query.status);
  }
  // SQLite cannot walk an index on `<>`: the page walks its sort index and skips exited people.
  if (query.openOnly === true) where.push("p.status <> 'exited'");
  if (query.coachUserId !== null) {
    where.push('p.coach_user_id = ?');
    params.push(query.coachUserId);
  }
  if (query.reviewDueBy !== null) {
    // The same expression as the next-review index, so a "review due" page is one range of it.
    where.push("ifnull(p.next_review_on, '9999-12-31') <= ?");
    params.push(query.reviewDueBy);
  }
  if (query.openRiskFlag) where.push('p.open_risk_flag_count > 0');
  return { where, params };
}

/** The search's MATCH, then the same filters on `participants p` (read from the covering index). */
function searchFilterClause(query: CaseloadQuery): { where: string[]; params: unknown[] } {
  const { where, params } = filterClause({ ...query, ftsQuery: null });
  return { where: ['participants_search MATCH ?', ...where], params: [query.ftsQuery, ...params] };
}

function toCaseloadRow(row: Record<string, unknown>, keyCount: number): CaseloadRow {
  const sortKeys: string[] = [];
  for (let index = 0; index < keyCount; index += 1) sortKeys.push(String(row[`sort_key_${index}`]));
  return {
    id: String(row.id),
    reference: String(row.reference),
    given_name: String(row.given_name),
    family_name: String(row.family_name),
    date_of_birth: String(row.date_of_birth),
    nhs_number: row.nhs_number === null ? null : String(row.nhs_number),
    status: String(row.status),
    next_review_on: row.next_review_on === null ? null : String(row.next_review_on),
    referred_on: row.referred_on === null ? null : String(row.referred_on),
    open_risk_flag_count: Number(row.open_risk_flag_count),
    service_withdrawn_on:
      row.service_withdrawn_on === null || row.service_withdrawn_on === undefined ? null : String(row.service_withdrawn_on),
    sortKeys,
  };
}

/** Prepared statements by SQL text, per connection: the filter combinations are few and repeat. */
const statements = new WeakMap<SqliteDatabase, Map<string, Statement>>();

function statement(sqlite: SqliteDatabase, text: string): Statement {
  let cache = statements.get(sqlite);
  if (cache === undefined) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let prepared = cache.get(text);
  if (prepared === undefined) {
    prepared = sqlite.prepare(text);
    cache.set(text, prepared);
  }
  return prepared;
}
