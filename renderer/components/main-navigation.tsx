import type { SignedInUser } from '../../core/schemas/session';
import { canCall, canChangeSettings } from '../can-call';
import { routeHref, useRoute, type Route } from '../routing';

interface NavigationLink {
  readonly label: string;
  readonly route: Route;
  /** Route names that count as being in this part of the app (for aria-current). */
  readonly section: readonly Route['name'][];
}

/**
 * The main navigation of the unlocked app: plain links in a list, so Tab reaches each in turn and
 * Enter follows it; the current part of the app is marked with aria-current for screen readers.
 * Each role sees only the parts it may use.
 */
export function MainNavigation({ user }: { user: SignedInUser }) {
  const current = useRoute();
  const links: NavigationLink[] = [
    { label: 'Caseload', route: { name: 'caseload' }, section: ['caseload', 'register', 'participant'] },
    ...(canCall('triage.queue', user.role)
      ? [{ label: 'Triage', route: { name: 'triage' }, section: ['triage'] } satisfies NavigationLink]
      : []),
    ...(canCall('meetings.get', user.role)
      ? [{ label: 'Meetings', route: { name: 'meetings' }, section: ['meetings', 'meeting'] } satisfies NavigationLink]
      : []),
    { label: 'Due for review', route: { name: 'due-for-review' }, section: ['due-for-review'] },
    ...(canCall('exports.startFhir', user.role)
      ? [{ label: 'Exports', route: { name: 'exports' }, section: ['exports'] } satisfies NavigationLink]
      : []),
    ...(canChangeSettings(user.role)
      ? [
          {
            label: 'Settings',
            route: { name: 'settings' },
            section: [
              'settings',
              'settings-section',
              'measure-wording',
              'audit',
              'retention',
              'retention-record',
              'users',
              'security',
              'backup',
            ],
          } satisfies NavigationLink,
        ]
      : []),
  ];
  return (
    <nav className="ww-main-nav" aria-label="Main">
      <ul className="ww-main-nav__list nhsuk-width-container">
        {links.map((link) => {
          const here = link.section.includes(current.name);
          return (
            <li key={link.label} className="ww-main-nav__item">
              <a className="ww-main-nav__link" href={routeHref(link.route)} aria-current={here ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
