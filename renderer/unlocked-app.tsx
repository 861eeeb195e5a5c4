import { useRoute } from './routing';
import { HomeScreen } from './screens/home-screen';
import { MeasureWordingScreen } from './screens/measure-wording-screen';
import { AuditScreen } from './screens/settings/audit-screen';
import { ParticipantScreen } from './screens/participant-screen';
import { RegisterScreen } from './screens/register-screen';
import { SettingsHubScreen } from './screens/settings/settings-hub-screen';
import { SettingsSectionScreen } from './screens/settings/settings-section-screen';
import { BackupScreen } from './screens/security/backup-screen';
import { ChangePassphraseScreen } from './screens/security/change-passphrase-screen';
import { SecurityScreen } from './screens/security/security-screen';
import { UsersScreen } from './screens/security/users-screen';
import { useSession } from './session-context';

/** The screens behind the unlock, chosen by the URL fragment. */
export function UnlockedApp() {
  const route = useRoute();
  const session = useSession();
  switch (route.name) {
    case 'register':
      return <RegisterScreen />;
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
    case 'users':
      return <UsersScreen />;
    case 'security':
      return <SecurityScreen />;
    case 'backup':
      return <BackupScreen />;
    case 'passphrase':
      return <ChangePassphraseScreen />;
    case 'caseload':
      return <HomeScreen partnershipName={session.partnershipName} isDemo={session.isDemo} user={session.user} onLock={session.lock} />;
  }
}
