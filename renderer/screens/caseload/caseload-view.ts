import {
  CASELOAD_SORTS,
  CASELOAD_STATUS_FILTERS,
  MAX_CASELOAD_SEARCH_LENGTH,
  type CaseloadSort,
  type CaseloadStatusFilter,
} from '../../../core/schemas/participants';

/**
 * Everything that decides what the caseload shows: search, filters, sort and the page. It lives in
 * the URL fragment's query (`#/?q=smith&risk=1&page=2&cursor=...`) so Back from a record returns
 * to exactly this view, and a view can be bookmarked.
 */
export interface CaseloadView {
  readonly search: string;
  /** One status, `open` (every status but exited), or null for any. */
  readonly status: CaseloadStatusFilter | null;
  readonly coachUserId: string | null;
  readonly readyForMdt: boolean;
  readonly reviewDue: boolean;
  readonly openRiskFlag: boolean;
  readonly sort: CaseloadSort;
  /** The cursor the page on screen was read from; null for the first page. */
  readonly cursor: string | null;
  /** The page's number, counted as Next and Previous are pressed (keyset pages have no offset). */
  readonly page: number;
}

export const DEFAULT_CASELOAD_VIEW: CaseloadView = {
  search: '',
  status: null,
  coachUserId: null,
  readyForMdt: false,
  reviewDue: false,
  openRiskFlag: false,
  sort: 'name',
  cursor: null,
  page: 1,
};

/** Reads the view from a location hash such as `#/?q=smith&page=2`; anything unknown is ignored. */
export function parseCaseloadView(hash: string): CaseloadView {
  const queryStart = hash.indexOf('?');
  if (queryStart < 0) return DEFAULT_CASELOAD_VIEW;
  const params = new URLSearchParams(hash.slice(queryStart + 1));
  const status = params.get('status');
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  const cursor = params.get('cursor');
  const coach = params.get('coach');
  return {
    search: (params.get('q') ?? '').slice(0, MAX_CASELOAD_SEARCH_LENGTH),
    status: (CASELOAD_STATUS_FILTERS as readonly string[]).includes(status ?? '') ? (status as CaseloadStatusFilter) : null,
    coachUserId: coach !== null && /^[A-Za-z0-9-]{1,64}$/.test(coach) ? coach : null,
    readyForMdt: params.get('ready') === '1',
    reviewDue: params.get('due') === '1',
    openRiskFlag: params.get('risk') === '1',
    sort: (CASELOAD_SORTS as readonly string[]).includes(sort ?? '') ? (sort as CaseloadSort) : 'name',
    cursor: cursor !== null && cursor.length > 0 && cursor.length <= 1_000 && page > 1 ? cursor : null,
    page: cursor !== null && Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The hash for a view; the default view is plain `#/`. */
export function caseloadViewHash(view: CaseloadView): string {
  const params = new URLSearchParams();
  if (view.search !== '') params.set('q', view.search);
  if (view.status !== null) params.set('status', view.status);
  if (view.coachUserId !== null) params.set('coach', view.coachUserId);
  if (view.readyForMdt) params.set('ready', '1');
  if (view.reviewDue) params.set('due', '1');
  if (view.openRiskFlag) params.set('risk', '1');
  if (view.sort !== 'name') params.set('sort', view.sort);
  if (view.cursor !== null && view.page > 1) {
    params.set('page', String(view.page));
    params.set('cursor', view.cursor);
  }
  const query = params.toString();
  return query === '' ? '#/' : `#/?${query}`;
}

/** Whether any filter or search narrows the caseload (the sort and page do not). */
export function isFiltered(view: CaseloadView): boolean {
  return (
    view.search.trim() !== '' ||
    view.status !== null ||
    view.coachUserId !== null ||
    view.readyForMdt ||
    view.reviewDue ||
    view.openRiskFlag
  );
}

/** The view last on screen, for "Back to the caseload" links. Page memory only: locking reloads the page. */
let returnHash = '#/';

/** Notes the caseload view on screen, so a record's "Back to the caseload" link returns to it. */
export function rememberCaseloadView(view: CaseloadView): void {
  returnHash = caseloadViewHash(view);
}

/** Where "Back to the caseload" goes: the view last shown (search, filters, sort and page). */
export function caseloadReturnHref(): string {
  return returnHash;
}
