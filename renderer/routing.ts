import { useEffect, useState } from 'react';

/** The screens of the unlocked app, addressed by the URL fragment so Back and links work. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'worklist' }
  | { readonly name: 'caseload' }
  | { readonly name: 'dashboard' }
  | { readonly name: 'register' }
  | { readonly name: 'participant'; readonly id: string }
  | SettingsRoute
  | { readonly name: 'measure-wording' }
  | { readonly name: 'audit' }
  | MeetingsRoute
  | RetentionRoute
  | SecurityRoute
  | ExportsRoute
  | SyncRoute
  | ReferralsRoute;

/** The referral inbox (coordinators and coaches): the referrals waiting, or those declined. */
export type ReferralsRoute = { readonly name: 'referrals'; readonly view: 'waiting' | 'declined' };

/** The changes the partnership server refused, with its reasons and the kept text; the server's Settings page (administrators). */
export type SyncRoute = { readonly name: 'sync-refused' } | { readonly name: 'sync-settings' };

/** Exports (coordinators and administrators): the partnership export, the MI return, the export log. */
export type ExportsRoute = { readonly name: 'exports' };

/** Retention review (administrators): the records due, and one record's hold or deletion. */
export type RetentionRoute = { readonly name: 'retention' } | { readonly name: 'retention-record'; readonly id: string };

/** Users, security, backup (administrators) and the signed-in user's own passphrase. */
export type SecurityRoute =
  { readonly name: 'users' } | { readonly name: 'security' } | { readonly name: 'backup' } | { readonly name: 'passphrase' };

const SECURITY_PATHS: Readonly<Record<SecurityRoute['name'], string>> = {
  users: '/settings/users',
  security: '/settings/security',
  backup: '/settings/backup',
  passphrase: '/account/passphrase',
};

/** The administrators' partnership settings: the hub, and one page per part of the configuration. */
export type SettingsRoute = { readonly name: 'settings' } | { readonly name: 'settings-section'; readonly section: SettingsSection };

/** The partnership settings pages under #/settings/. */
export const SETTINGS_SECTIONS = [
  'disciplines',
  'team',
  'directory',
  'action-library',
  'clinical-leads',
  'eligibility',
  'waiting-targets',
  'area-code',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** Triage, meetings (agenda, live meeting mode, minutes) and the follow-up list. */
export type MeetingsRoute =
  | { readonly name: 'triage' }
  | { readonly name: 'meetings' }
  | { readonly name: 'meeting'; readonly id: string; readonly view: 'agenda' | 'live' | 'minutes' }
  | { readonly name: 'due-for-review' }
  | { readonly name: 'follow-ups-due' };

function parseMeetingsRoute(path: string): MeetingsRoute | undefined {
  if (path === '/triage') return { name: 'triage' };
  if (path === '/meetings') return { name: 'meetings' };
  if (path === '/due-for-review') return { name: 'due-for-review' };
  if (path === '/follow-ups') return { name: 'follow-ups-due' };
  const meeting = /^\/meetings\/([A-Za-z0-9-]{1,64})(?:\/(live|minutes))?$/.exec(path);
  if (meeting?.[1] !== undefined)
    return { name: 'meeting', id: meeting[1], view: meeting[2] === 'live' || meeting[2] === 'minutes' ? meeting[2] : 'agenda' };
  return undefined;
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const meetings = parseMeetingsRoute(path);
  if (meetings !== undefined) return meetings;
  // No fragment at all (the app opened, or signed in again): the home page, whose screen depends on the role.
  if (path === '') return { name: 'home' };
  if (path === '/worklist') return { name: 'worklist' };
  if (path === '/register') return { name: 'register' };
  if (path === '/exports') return { name: 'exports' };
  if (path === '/dashboard') return { name: 'dashboard' };
  if (path === '/referrals') return { name: 'referrals', view: 'waiting' };
  if (path === '/referrals/declined') return { name: 'referrals', view: 'declined' };
  if (path === '/sync/refused') return { name: 'sync-refused' };
  if (path === '/settings/partnership-server') return { name: 'sync-settings' };
  if (path === '/settings/measure-wording') return { name: 'measure-wording' };
  if (path === '/settings/audit') return { name: 'audit' };
  if (path === '/settings/retention') return { name: 'retention' };
  const retentionRecord = /^\/settings\/retention\/([A-Za-z0-9-]{1,64})$/.exec(path);
  if (retentionRecord?.[1] !== undefined) return { name: 'retention-record', id: retentionRecord[1] };
  const security = (Object.keys(SECURITY_PATHS) as Array<SecurityRoute['name']>).find((name) => SECURITY_PATHS[name] === path);
  if (security !== undefined) return { name: security };
  const participant = /^\/participants\/([A-Za-z0-9-]{1,64})$/.exec(path);
  if (participant?.[1] !== undefined) return { name: 'participant', id: participant[1] };
  if (path === '/settings') return { name: 'settings' };
  const settings = SETTINGS_SECTIONS.find((section) => path === `/settings/${section}`);
  if (settings !== undefined) return { name: 'settings-section', section: settings };
  return { name: 'caseload' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#';
    case 'worklist':
      return '#/worklist';
    case 'caseload':
      return '#/';
    case 'register':
      return '#/register';
    case 'participant':
      return `#/participants/${route.id}`;
    case 'settings':
      return '#/settings';
    case 'settings-section':
      return `#/settings/${route.section}`;
    case 'measure-wording':
      return '#/settings/measure-wording';
    case 'audit':
      return '#/settings/audit';
    case 'triage':
      return '#/triage';
    case 'meetings':
      return '#/meetings';
    case 'meeting':
      return route.view === 'agenda' ? `#/meetings/${route.id}` : `#/meetings/${route.id}/${route.view}`;
    case 'due-for-review':
      return '#/due-for-review';
    case 'follow-ups-due':
      return '#/follow-ups';
    case 'retention':
      return '#/settings/retention';
    case 'retention-record':
      return `#/settings/retention/${route.id}`;
    case 'users':
    case 'security':
    case 'backup':
    case 'passphrase':
      return `#${SECURITY_PATHS[route.name]}`;
    case 'exports':
      return '#/exports';
    case 'dashboard':
      return '#/dashboard';
    case 'referrals':
      return route.view === 'declined' ? '#/referrals/declined' : '#/referrals';
    case 'sync-refused':
      return '#/sync/refused';
    case 'sync-settings':
      return '#/settings/partnership-server';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
