import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ParticipantPage } from '../../../core/schemas/participants';
import { useApi } from '../../api/api-context';
import { markCaseloadFirstPage } from '../../performance-marks';
import { ErrorSummary } from '../../components/error-summary';
import { useReceivedChanges } from '../../sync/received-changes';
import { CaseloadFilters } from './caseload-filters';
import { CaseloadTable } from './caseload-table';
import {
  caseloadViewHash,
  DEFAULT_CASELOAD_VIEW,
  isFiltered,
  parseCaseloadView,
  rememberCaseloadView,
  type CaseloadView,
} from './caseload-view';

const PAGE_SIZE = 25;

type Coaches = ReadonlyArray<{ readonly userId: string; readonly displayName: string }>;

/** The filters of a view as the contract takes them (sort, cursor and page apart). */
function filterOf(view: CaseloadView) {
  return {
    search: view.search,
    status: view.status,
    coachUserId: view.coachUserId,
    readyForMdt: view.readyForMdt,
    reviewDue: view.reviewDue,
    openRiskFlag: view.openRiskFlag,
  };
}

/**
 * The caseload list: search, filters, sort, one keyset page at a time and the matching total. The
 * view is written into the URL fragment (replacing the history entry, so Back leaves the caseload
 * rather than stepping through every filter), and read back from it when someone returns. The
 * search and filters sit in a column beside the table (`aside` above them), so a laptop screen
 * shows the people rather than the form.
 */
export function CaseloadList({ aside }: { aside?: ReactNode }) {
  const api = useApi();
  const [view, setView] = useState<CaseloadView>(() => {
    const initial = parseCaseloadView(window.location.hash);
    rememberCaseloadView(initial);
    return initial;
  });
  const [data, setData] = useState<ParticipantPage | undefined>(undefined);
  const [loadedView, setLoadedView] = useState<CaseloadView | undefined>(undefined);
  // The total and the search and filters it counts: a new search shows no total until its own
  // arrives, while a reload for changes from other laptops keeps showing the last one.
  const [counted, setCounted] = useState<{ readonly filterKey: string; readonly total: number } | undefined>(undefined);
  const [coaches, setCoaches] = useState<Coaches>([]);
  const [error, setError] = useState<string | undefined>(undefined);

  const update = useCallback((next: CaseloadView) => {
    window.history.replaceState(window.history.state, '', caseloadViewHash(next));
    rememberCaseloadView(next);
    setView(next);
  }, []);
  const viewRef = useRef(view);
  viewRef.current = view;
  const changeFilters = useCallback(
    (change: Partial<CaseloadView>) => update({ ...viewRef.current, ...change, cursor: null, page: 1 }),
    [update],
  );

  // Asked for once the first page is on screen: the coaches come with their open-case counts, a
  // count over the whole caseload, and the store answers one call at a time, so asked at once it
  // would hold back the first page at 250,000 people.
  const firstPageShown = data !== undefined;
  useEffect(() => {
    if (!firstPageShown) return;
    let current = true;
    void api.call('caseload.coaches', {}).then((result) => {
      if (current && result.ok) setCoaches(result.value.items);
    });
    return () => {
      current = false;
    };
  }, [api, firstPageShown]);

  // Changes from other laptops reload the page shown (the view, and so the scroll place, stay).
  const received = useReceivedChanges();
  useEffect(() => {
    let current = true;
    void api.call('participants.list', { ...filterOf(view), sort: view.sort, cursor: view.cursor, pageSize: PAGE_SIZE }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setData(result.value);
        setLoadedView(view);
        setError(undefined);
      } else if (view.cursor !== null && result.error.code === 'VALIDATION') {
        // A cursor from an older view (the list has changed): start again from the first page.
        update({ ...view, cursor: null, page: 1 });
      } else {
        setError(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [api, view, update, received]);

  // After the first page is committed to the DOM (a layout effect: before the browser paints it).
  const hasRows = data !== undefined && data.items.length > 0;
  useLayoutEffect(() => {
    if (hasRows) markCaseloadFirstPage();
  }, [hasRows]);

  // The total is asked once per search and filters, never per page.
  const filterKey = JSON.stringify(filterOf(view));
  useEffect(() => {
    let current = true;
    void api.call('participants.count', JSON.parse(filterKey) as ReturnType<typeof filterOf>).then((result) => {
      if (current && result.ok) setCounted({ filterKey, total: result.value.total });
    });
    return () => {
      current = false;
    };
  }, [api, filterKey, received]);

  const filtered = isFiltered(view);
  const busy = loadedView !== view;
  const total = counted?.filterKey === filterKey ? counted.total : undefined;
  const pageCount = total === undefined ? undefined : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const goTo = (cursor: string | null, page: number) => update({ ...view, cursor: page <= 1 ? null : cursor, page: Math.max(1, page) });

  return (
    <>
      <ErrorSummary fieldErrors={{}} message={error} />
      <div className="ww-caseload-layout">
        <div className="ww-caseload-actions">
          {aside}
          <CaseloadFilters view={view} coaches={coaches} onChange={changeFilters} />
          {filtered && (
            <p className="nhsuk-body">
              <button type="button" className="ww-link-button" onClick={() => update(DEFAULT_CASELOAD_VIEW)}>
                Clear search and filters
              </button>
            </p>
          )}
        </div>
        <div>
          {data === undefined && error === undefined && (
            <p role="status" className="nhsuk-body">
              Loading the caseload…
            </p>
          )}
          <p className="nhsuk-body ww-caseload-summary" role="status" data-testid="caseload-summary">
            {data !== undefined && total !== undefined && summaryText(total, filtered, view.page, pageCount ?? 1)}
          </p>
          {data !== undefined && total === 0 && !filtered && (
            <div className="nhsuk-inset-text" data-testid="empty-caseload">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>No one is on the caseload yet. People appear here once a Work and Health Coach registers their referral.</p>
            </div>
          )}
          {data !== undefined && data.items.length === 0 && filtered && (
            <div className="nhsuk-inset-text" data-testid="no-matches">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>No one matches. Check the spelling, search by part of a name, or clear some filters.</p>
            </div>
          )}
          {data !== undefined && data.items.length > 0 && (
            <>
              <CaseloadTable items={data.items} sort={loadedView?.sort ?? view.sort} busy={busy} />
              <nav className="ww-pager" aria-label="Caseload pages">
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary"
                  disabled={data.previousCursor === null}
                  onClick={() => goTo(data.previousCursor, view.page - 1)}
                >
                  Previous page
                </button>
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary"
                  disabled={data.nextCursor === null}
                  onClick={() => goTo(data.nextCursor, view.page + 1)}
                >
                  Next page
                </button>
              </nav>
            </>
          )}
        </div>
      </div>
    </>
  );
}

function summaryText(total: number, filtered: boolean, page: number, pageCount: number): string {
  if (total === 0) return filtered ? 'No one matches your search and filters.' : '';
  const people = `${total.toLocaleString('en-GB')} ${total === 1 ? 'person' : 'people'}`;
  return `${filtered ? `${people} ${total === 1 ? 'matches' : 'match'}.` : `${people}.`} Page ${Math.min(page, pageCount).toLocaleString('en-GB')} of ${pageCount.toLocaleString('en-GB')}.`;
}
