import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dashboard } from '../../../core/schemas/dashboard';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { useSubmit } from '../../components/use-submit';
import { formatDate } from '../../format';
import { useWideLayout } from '../../use-wide-layout';
import { ChartWithTable } from './chart-with-table';
import { dashboardFigures } from './dashboard-figures';

/** Loading shorter than this shows nothing; longer, a message says the figures are being read. */
const PROGRESS_AFTER_MS = 1_000;

const fieldIdFor = (path: string) => (path === 'from' || path === 'to' ? `dashboard-${path}` : path);

/**
 * The manager's view (coordinators and administrators; `dashboard.get`): for a date range (the last
 * 12 weeks by default), each figure as a chart with its numbers in a table beside it. The figures
 * come from the same facts and rules as the MI return.
 */
export function DashboardScreen() {
  const api = useApi();
  const [dashboard, setDashboard] = useState<Dashboard | undefined>(undefined);
  const [range, setRange] = useState({ from: '', to: '' });
  const [slow, setSlow] = useState(false);
  const load = useSubmit<Dashboard>(fieldIdFor);
  const timer = useRef<number | undefined>(undefined);
  useWideLayout();

  const show = useCallback(
    (input: { from?: string; to?: string }) => {
      window.clearTimeout(timer.current);
      setSlow(false);
      timer.current = window.setTimeout(() => setSlow(true), PROGRESS_AFTER_MS);
      void load.submit(
        () => api.call('dashboard.get', input),
        (value) => {
          setDashboard(value);
          setRange(value.range);
        },
      );
    },
    [api, load.submit],
  );
  useEffect(() => {
    show({});
  }, [show]);
  useEffect(() => {
    if (!load.busy) {
      window.clearTimeout(timer.current);
      setSlow(false);
    }
  }, [load.busy]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <AppPage title="Dashboard">
      <p className="nhsuk-body">
        How the service is doing over a period: referrals, waiting times against the partnership’s targets, where people stand, caseloads,
        outcomes and measure change. Counts only, worked out as the MI return works them out; each chart’s numbers are in the table beside
        it.
      </p>
      <form
        noValidate
        aria-label="Date range"
        {...offers('dashboard.get')}
        onSubmit={(event) => {
          event.preventDefault();
          show({ from: range.from, to: range.to });
        }}
      >
        <ErrorSummary fieldErrors={load.fieldErrors} message={load.message} />
        <div className="ww-dashboard-range">
          <DateInput
            id="dashboard-from"
            label="From"
            value={range.from}
            error={load.fieldErrors['dashboard-from']}
            onValueChange={(from) => setRange((current) => ({ ...current, from }))}
          />
          <DateInput
            id="dashboard-to"
            label="To"
            value={range.to}
            error={load.fieldErrors['dashboard-to']}
            onValueChange={(to) => setRange((current) => ({ ...current, to }))}
          />
        </div>
        <button type="submit" className="nhsuk-button" disabled={load.busy}>
          Show figures
        </button>
      </form>
      <div role="status" aria-live="polite">
        {slow && <p className="nhsuk-body">Reading the figures for this range…</p>}
      </div>
      {dashboard !== undefined && (
        <div aria-busy={load.busy} data-testid="dashboard-figures">
          <p className="nhsuk-body-l">
            {formatDate(dashboard.range.from)} to {formatDate(dashboard.range.to)}
          </p>
          {dashboardFigures(dashboard).map((figure) => (
            <ChartWithTable key={figure.testId} {...figure} />
          ))}
        </div>
      )}
    </AppPage>
  );
}
