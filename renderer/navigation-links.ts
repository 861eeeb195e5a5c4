import type { Role } from '../core/roles';
import { canCall, canChangeSettings } from './can-call';
import type { Route } from './routing';

/** One part of the app a person can go to. */
export interface NavigationLink {
  readonly label: string;
  readonly route: Route;
  /** Route names that count as being in this part of the app (for aria-current). */
  readonly section: readonly Route['name'][];
}

const SETTINGS_SECTION: readonly Route['name'][] = [
  'settings',
  'settings-section',
  'measure-wording',
  'audit',
  'retention',
  'retention-record',
  'users',
  'security',
  'backup',
];

/** The main navigation's parts of the app, those the role may use (the contract's own role lists decide). */
export function mainNavigationLinks(role: Role): NavigationLink[] {
  const hasWorklist = canCall('worklist.get', role);
  return [
    ...(hasWorklist ? [{ label: 'Worklist', route: { name: 'worklist' }, section: ['home', 'worklist'] } satisfies NavigationLink] : []),
    {
      label: 'Caseload',
      route: { name: 'caseload' },
      // Without a worklist the caseload is the home page.
      section: hasWorklist ? ['caseload', 'register', 'participant'] : ['home', 'caseload', 'register', 'participant'],
    },
    ...(canCall('referrals.list', role)
      ? [{ label: 'Referral inbox', route: { name: 'referrals', view: 'waiting' }, section: ['referrals'] } satisfies NavigationLink]
      : []),
    ...(canCall('triage.queue', role)
      ? [{ label: 'Triage', route: { name: 'triage' }, section: ['triage'] } satisfies NavigationLink]
      : []),
    ...(canCall('meetings.get', role)
      ? [{ label: 'Meetings', route: { name: 'meetings' }, section: ['meetings', 'meeting'] } satisfies NavigationLink]
      : []),
    { label: 'Due for review', route: { name: 'due-for-review' }, section: ['due-for-review'] },
    ...(canCall('dashboard.get', role)
      ? [{ label: 'Dashboard', route: { name: 'dashboard' }, section: ['dashboard'] } satisfies NavigationLink]
      : []),
    ...(canCall('exports.startFhir', role)
      ? [{ label: 'Exports', route: { name: 'exports' }, section: ['exports'] } satisfies NavigationLink]
      : []),
    ...(canChangeSettings(role)
      ? [{ label: 'Settings', route: { name: 'settings' }, section: SETTINGS_SECTION } satisfies NavigationLink]
      : []),
  ];
}

/** Every screen the command palette offers the role: the main parts and the screens inside them it may use. */
export function paletteScreens(role: Role): Array<{ readonly label: string; readonly route: Route }> {
  const inside: Array<{ label: string; route: Route; channel: Parameters<typeof canCall>[0] }> = [
    { label: 'Register a referral', route: { name: 'register' }, channel: 'participants.register' },
    { label: 'Follow-ups due', route: { name: 'follow-ups-due' }, channel: 'followUps.due' },
    { label: 'Users', route: { name: 'users' }, channel: 'users.list' },
    { label: 'Security', route: { name: 'security' }, channel: 'security.saveIdleLock' },
    { label: 'Backup and restore', route: { name: 'backup' }, channel: 'backup.create' },
    { label: 'Audit trail', route: { name: 'audit' }, channel: 'audit.search' },
    { label: 'Retention', route: { name: 'retention' }, channel: 'retention.due' },
    { label: 'Partnership server', route: { name: 'sync-settings' }, channel: 'syncAdmin.overview' },
    { label: 'Change passphrase', route: { name: 'passphrase' }, channel: 'account.changePassphrase' },
  ];
  return [
    ...mainNavigationLinks(role).map(({ label, route }) => ({ label, route })),
    ...inside.filter((screen) => canCall(screen.channel, role)).map(({ label, route }) => ({ label, route })),
  ];
}
