import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { KeyboardShortcuts } from '../../components/keyboard-shortcuts';
import { canCall } from '../../can-call';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { useSession } from '../../session-context';
import { useReceivedChanges } from '../../sync/received-changes';
import { useLoaded } from '../../use-loaded';
import { useWideLayout } from '../../use-wide-layout';
import { OverdueRiskFlags } from '../caseload/overdue-risk-flags';
import { FollowUpsWorklistPart } from '../follow-ups/follow-ups-worklist-part';
import { ActionsDue, DraftsStarted, NextMeetingCases, ReferralsWaiting, ReviewsDue, RiskFlagsToAcknowledge } from './worklist-sections';

/**
 * The home page of the team's coordinator, coaches and clinicians: what needs them today, before
 * the caseload. It follows changes from other laptops like every shared view.
 */
export function WorklistScreen() {
  useWideLayout();
  const api = useApi();
  const { user } = useSession();
  const { value, error } = useLoaded(
    useCallback(() => api.call('worklist.get', {}), [api]),
    useReceivedChanges(),
  );
  // Only those who may acknowledge a flag are given the worklist's own list; the coordinator, who may not, sees the sign-in panel.
  const mayAcknowledge = canCall('riskFlags.acknowledge', user.role);
  return (
    <AppPage title="Worklist">
      <ErrorSummary fieldErrors={{}} message={error} />
      {!mayAcknowledge && <OverdueRiskFlags user={user} />}
      {value === undefined && error === undefined && <p role="status">Loading your worklist…</p>}
      {value !== undefined && (
        <>
          <p className="nhsuk-body">
            What needs you on {formatDate(value.today)}. Everyone else is on the <a href={routeHref({ name: 'caseload' })}>caseload</a>.
          </p>
          <div className="ww-worklist" data-testid="worklist">
            {mayAcknowledge && <RiskFlagsToAcknowledge flags={value.riskFlags} />}
            <ActionsDue actions={value.actions} total={value.totals.actions} />
            <NextMeetingCases meeting={value.nextMeeting} />
            {value.referralsWaiting !== null && <ReferralsWaiting count={value.referralsWaiting} />}
            <ReviewsDue reviews={value.reviews} total={value.totals.reviews} />
            <DraftsStarted drafts={value.drafts} total={value.totals.drafts} />
            <FollowUpsWorklistPart />
          </div>
        </>
      )}
      <KeyboardShortcuts />
    </AppPage>
  );
}
