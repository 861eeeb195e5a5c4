import { useRoute } from './routing';
import { CaseloadScreen } from './screens/caseload/caseload-screen';
import { MeasureWordingScreen } from './screens/measures/measure-wording-screen';
import { AuditScreen } from './screens/settings/audit-screen';
import { ParticipantScreen } from './screens/participants/participant-screen';
import { RegisterScreen } from './screens/participants/register-screen';
import { SettingsHubScreen } from './screens/settings/settings-hub-screen';
import { SettingsSectionScreen } from './screens/settings/settings-section-screen';
import { RetentionRecordScreen } from './screens/settings/retention-record-screen';
import { RetentionScreen } from './screens/settings/retention-screen';
import { BackupScreen } from './screens/security/backup-screen';
import { ChangePassphraseScreen } from './screens/security/change-passphrase-screen';
import { SecurityScreen } from './screens/security/security-screen';
import { UsersScreen } from './screens/security/users-screen';
import { useSession } from './session-context';
import { DueForReviewScreen } from './screens/meetings/due-for-review-screen';
import { FollowUpsDueScreen } from './screens/follow-ups/follow-ups-due-screen';
import { MeetingLiveScreen } from './screens/meetings/meeting-live-screen';
import { MeetingScreen } from './screens/meetings/meeting-screen';
import { MeetingsScreen } from './screens/meetings/meetings-screen';
import { MinutesScreen } from './screens/meetings/minutes-screen';
import { TriageScreen } from './screens/meetings/triage-screen';
import { ExportsScreen } from './screens/exports/exports-screen';
import { SyncRefusedScreen } from './screens/sync/sync-refused-screen';
import { SyncSettingsScreen } from './screens/sync/sync-settings-screen';
import { WorklistScreen } from './screens/worklist/worklist-screen';
import { canCall } from './can-call';
import { ReferralInboxScreen } from './screens/referrals/referral-inbox-screen';
import { DashboardScreen } from './screens/dashboard/dashboard-screen';

/** The screens behind the unlock, chosen by the URL fragment. */
export function UnlockedApp() {
  const route = useRoute();
  const session = useSession();
  switch (route.name) {
    case 'register':
      return <RegisterScreen />;
    case 'sync-refused':
      return <SyncRefusedScreen />;
    case 'sync-settings':
      return <SyncSettingsScreen />;
    case 'participant':
      return <ParticipantScreen key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsHubScreen />;
    case 'settings-section':
      return <SettingsSectionScreen key={route.section} section={route.section} />;
    case 'measure-wording':
      return <MeasureWordingScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'triage':
      return <TriageScreen />;
    case 'meetings':
      return <MeetingsScreen />;
    case 'meeting':
      if (route.view === 'live') return <MeetingLiveScreen key={route.id} id={route.id} />;
      if (route.view === 'minutes') return <MinutesScreen key={route.id} id={route.id} />;
      return <MeetingScreen key={route.id} id={route.id} />;
    case 'due-for-review':
      return <DueForReviewScreen />;
    case 'follow-ups-due':
      return <FollowUpsDueScreen />;
    case 'retention':
      return <RetentionScreen />;
    case 'retention-record':
      return <RetentionRecordScreen key={route.id} id={route.id} />;
    case 'users':
      return <UsersScreen />;
    case 'security':
      return <SecurityScreen />;
    case 'backup':
      return <BackupScreen />;
    case 'passphrase':
      return <ChangePassphraseScreen />;
    case 'exports':
      return <ExportsScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'referrals':
      return <ReferralInboxScreen key={route.view} view={route.view} />;
    case 'home':
    case 'worklist':
      // The worklist is the home page of everyone who has one; administrators (no clinical content) start on the caseload.
      if (canCall('worklist.get', session.user.role)) return <WorklistScreen />;
      return <CaseloadScreen partnershipName={session.partnershipName} isDemo={session.isDemo} user={session.user} onLock={session.lock} />;
    case 'caseload':
      return <CaseloadScreen partnershipName={session.partnershipName} isDemo={session.isDemo} user={session.user} onLock={session.lock} />;
  }
}
