import { routeHref } from '../../routing';
import { SettingsPage } from './settings-page';
import { usePartnershipConfig } from './use-partnership-config';

const count = (entries: ReadonlyArray<{ active: boolean }> | undefined, noun: string) =>
  entries === undefined
    ? ''
    : `${entries.filter((entry) => entry.active).length} active ${noun}${entries.some((entry) => !entry.active) ? `, ${entries.filter((entry) => !entry.active).length} inactive` : ''}.`;

/** The administrators' hub: how this partnership's team and local offer are set up. */
export function SettingsHubScreen() {
  const { config } = usePartnershipConfig();
  const pages = [
    {
      href: routeHref({ name: 'settings-section', section: 'disciplines' }),
      title: 'Disciplines',
      description: 'The disciplines in this team, built in and local.',
      summary: count(config?.disciplines, 'disciplines'),
    },
    {
      href: routeHref({ name: 'settings-section', section: 'team' }),
      title: 'Team members',
      description: 'Who is in the MDT, their registration, and their app account.',
      summary: count(config?.teamMembers, 'members'),
    },
    {
      href: routeHref({ name: 'settings-section', section: 'directory' }),
      title: 'Service directory',
      description: 'Local onward services that action plans refer or signpost people to.',
      summary: count(config?.services, 'services'),
    },
    {
      href: routeHref({ name: 'settings-section', section: 'action-library' }),
      title: 'Action library',
      description: 'Common actions of each discipline, added to a plan with one press.',
      summary: count(config?.actionLibrary, 'actions'),
    },
    {
      href: routeHref({ name: 'settings-section', section: 'clinical-leads' }),
      title: 'Clinical leads for risk',
      description: 'Clinicians who, with the mental health practitioner, may acknowledge PHQ-9 risk flags.',
      summary: config === undefined ? '' : `${config.clinicalLeads.usernames.length} named.`,
    },
    {
      href: routeHref({ name: 'settings-section', section: 'eligibility' }),
      title: 'Eligibility for referrals',
      description: 'Work status, time out of work, area and age: the referral inbox shows each referral against them.',
      summary: '',
    },
    {
      href: routeHref({ name: 'settings-section', section: 'waiting-targets' }),
      title: 'Waiting-time targets',
      description:
        'Days from referral to first contact, to the joined-up assessment and to an agreed plan: the dashboard measures against them.',
      summary: '',
    },
    {
      href: routeHref({ name: 'settings-section', section: 'area-code' }),
      title: 'Area code for the MI return',
      description: 'The integrated care board’s ONS code, for a partnership that is not one of the pilot areas.',
      summary: '',
    },
    {
      href: '#/settings/measure-wording',
      title: 'Wording of licensed outcome measures',
      description: 'The item wording of WSAS and MSK-HQ, under your licence.',
      summary: '',
    },
    {
      href: routeHref({ name: 'audit' }),
      title: 'Audit trail',
      description: 'Who viewed, changed, signed or exported what, and when; check it is intact.',
      summary: '',
    },
    {
      href: routeHref({ name: 'retention' }),
      title: 'Retention review',
      description: 'Records of people who left 8 or more years ago: delete them, or keep them under a legal hold.',
      summary: '',
    },
    {
      href: routeHref({ name: 'users' }),
      title: 'Users',
      description: 'Who can unlock these records: add a user, or revoke one.',
      summary: '',
    },
    {
      href: routeHref({ name: 'sync-settings' }),
      title: 'Partnership server',
      description: 'The server this laptop syncs with, its enrolled laptops and users: revoke a lost laptop or a departed user.',
      summary: '',
    },
    {
      href: routeHref({ name: 'security' }),
      title: 'Security',
      description: 'Idle lock time, the recovery key, and rotating the data key.',
      summary: '',
    },
    {
      href: routeHref({ name: 'backup' }),
      title: 'Backup and restore',
      description: 'Make an encrypted backup, or restore one.',
      summary: '',
    },
  ];
  return (
    <SettingsPage title="Partnership settings" back="caseload">
      <p className="nhsuk-body">
        Each partnership designs its own team and local offer. Changes apply to everyone in this partnership; nothing is ever deleted, only
        deactivated.
      </p>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {pages.map((page) => (
          <li className="nhsuk-grid-column-one-half nhsuk-card-group__item" key={page.href}>
            <div className="nhsuk-card nhsuk-card--clickable">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <a className="nhsuk-card__link" href={page.href}>
                    {page.title}
                  </a>
                </h2>
                <p className="nhsuk-card__description">{page.description}</p>
                {page.summary !== '' && <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{page.summary}</p>}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </SettingsPage>
  );
}
