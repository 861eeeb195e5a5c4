import { useCallback, useEffect, useRef, useState } from 'react';
import { DECLINE_REASON_LABELS } from '../../../core/referrals/inbox-referral';
import { REFERRAL_ROUTE_LABELS } from '../../../core/schemas/referral';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { useApi } from '../../api/api-context';
import { canCall, whoMay } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
import { formatDateTime } from '../../format';
import { routeHref, type ReferralsRoute } from '../../routing';
import { useSession } from '../../session-context';
import { useReceivedChanges } from '../../sync/received-changes';
import { useLoaded } from '../../use-loaded';
import { useWideLayout } from '../../use-wide-layout';
import { EligibilityRulesSummary } from './eligibility-rules-summary';
import { ImportReferralsForm } from './import-referrals-form';
import { ReferralCard } from './referral-card';

type View = ReferralsRoute['view'];

/** Waiting and Declined as tabs that are links: each has its own address, so Back and the keyboard work as everywhere. */
function InboxTabs({ view, declinedCount }: { view: View; declinedCount: number | undefined }) {
  const tabs: ReadonlyArray<{ view: View; label: string }> = [
    { view: 'waiting', label: 'Waiting' },
    { view: 'declined', label: declinedCount === undefined ? 'Declined' : `Declined (${declinedCount})` },
  ];
  return (
    <nav className="nhsuk-frontend-supported" aria-label="Referral inbox">
      <div className="nhsuk-tabs ww-inbox-tabs">
        <ul className="nhsuk-tabs__list">
          {tabs.map((tab) => (
            <li key={tab.view} className={`nhsuk-tabs__list-item${tab.view === view ? ' nhsuk-tabs__list-item--selected' : ''}`}>
              <a
                className="nhsuk-tabs__tab"
                href={routeHref({ name: 'referrals', view: tab.view })}
                aria-current={tab.view === view ? 'page' : undefined}
              >
                {tab.label}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

function DeclinedList({ referrals }: { referrals: readonly InboxEntry[] }) {
  if (referrals.length === 0) return <p className="nhsuk-body">No referral has been declined.</p>;
  return (
    <ListTable
      caption="Declined referrals, kept and counted for the MI return"
      captionVisible
      testId="declined-referrals"
      rows={referrals}
      rowKey={(entry) => entry.id}
      columns={[
        { header: 'Name', rowHeader: true, cell: (entry) => `${entry.givenName} ${entry.familyName}` },
        { header: 'Route', cell: (entry) => REFERRAL_ROUTE_LABELS[entry.route] },
        { header: 'Received', cell: (entry) => formatDateTime(entry.receivedAt) },
        { header: 'Why declined', cell: (entry) => (entry.declineReason === null ? '' : DECLINE_REASON_LABELS[entry.declineReason]) },
        { header: 'Declined by', cell: (entry) => entry.decidedBy ?? 'Not recorded' },
        { header: 'Declined on', cell: (entry) => (entry.decidedAt === null ? '' : formatDateTime(entry.decidedAt)) },
      ]}
    />
  );
}

/**
 * The referral inbox (coordinators and coaches): referrals that came in from elsewhere, each
 * against the partnership's eligibility rules, waiting to be accepted or declined; the declined
 * ones under their own tab; and importing a CSV or FHIR file. It follows other laptops' decisions.
 */
export function ReferralInboxScreen({ view }: { view: View }) {
  useWideLayout();
  const api = useApi();
  const { user } = useSession();
  const allowed = canCall('referrals.list', user.role);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // A decided referral leaves the list: the keyboard focus goes to what happened, not to the top of the page.
  useEffect(() => {
    if (notice !== undefined) noticeRef.current?.focus();
  }, [notice]);
  const load = useCallback(
    () =>
      allowed
        ? api.call('referrals.list', { status: view })
        : Promise.resolve({ ok: true as const, value: { referrals: [] as InboxEntry[], declinedCount: 0 } }),
    [api, view, allowed],
  );
  const { value, error, reload } = useLoaded(load, useReceivedChanges());
  if (!allowed)
    return (
      <AppPage title="Referral inbox">
        <p className="nhsuk-body">Only the {whoMay('referrals.list')} can see the referral inbox and decide referrals.</p>
      </AppPage>
    );
  return (
    <AppPage title="Referral inbox">
      <ErrorSummary fieldErrors={{}} message={error} />
      <div className="ww-inbox">
        <div className="ww-inbox__main">
          <InboxTabs view={view} declinedCount={value?.declinedCount} />
          <div role="status">
            {notice !== undefined && (
              <p className="nhsuk-body" tabIndex={-1} ref={noticeRef}>
                {notice}
              </p>
            )}
          </div>
          {value === undefined && error === undefined && <p role="status">Loading the referral inbox…</p>}
          {value !== undefined && view === 'declined' && <DeclinedList referrals={value.referrals} />}
          {value !== undefined && view === 'waiting' && (
            <>
              <p className="nhsuk-body">
                {value.referrals.length === 0
                  ? 'No referrals are waiting.'
                  : `${value.referrals.length} referral${value.referrals.length === 1 ? '' : 's'} waiting, oldest first.`}
              </p>
              {value.referrals.map((entry) => (
                <ReferralCard
                  key={`${entry.id}-${entry.version}`}
                  entry={entry}
                  onReload={() => void reload()}
                  onDeclined={(declined) => {
                    setNotice(`The referral of ${declined.givenName} ${declined.familyName} was declined: it is listed under Declined.`);
                    void reload();
                  }}
                />
              ))}
            </>
          )}
        </div>
        <aside className="ww-inbox__side" aria-label="Eligibility rules and importing">
          <ImportReferralsForm
            onImported={() => {
              setNotice(undefined);
              void reload();
            }}
          />
          <EligibilityRulesSummary />
        </aside>
      </div>
    </AppPage>
  );
}
