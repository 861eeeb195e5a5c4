import {
  SERVICE_CATEGORY_LABELS,
  REFERRAL_METHOD_LABELS,
  type DirectoryServiceEntry,
} from '../../../core/schemas/config/directory-services';
import { useApi } from '../../api/api-context';
import { ListTable } from '../../components/list-table';
import { ActiveTag, activeFirst } from './active-tag';
import { DirectoryServiceForm, directoryServiceInput } from './directory-service-form';
import { entryActions } from './entry-actions';
import { SectionMessages } from './section-messages';
import { SettingsPage } from './settings-page';
import { usePartnershipConfig } from './use-partnership-config';
import { useSectionEditor } from './use-section-editor';

/** A web address as people say it: without "https://". */
const withoutScheme = (website: string) => website.replace(/^https?:\/\//, '');

/** How to reach a service (phone, email, website) and the ways to refer to it. */
function ContactAndReferral({ service }: { service: DirectoryServiceEntry }) {
  return (
    <>
      <ul className="nhsuk-list ww-compact-list">
        {[service.phone, service.email, service.website === null ? null : withoutScheme(service.website)]
          .filter((contact) => contact !== null)
          .map((contact) => (
            <li key={contact}>{contact}</li>
          ))}
      </ul>
      <span className="ww-secondary-text">
        How to refer: {service.referralMethods.map((method) => REFERRAL_METHOD_LABELS[method]).join('; ')}
      </span>
    </>
  );
}

/** The local directory of onward services that action plans refer or signpost people to. */
export function DirectoryScreen() {
  const api = useApi();
  const { config, error, reload } = usePartnershipConfig();
  const editor = useSectionEditor<DirectoryServiceEntry>(reload);
  const toggle = (service: DirectoryServiceEntry) =>
    void editor.change(
      () =>
        api.call('config.saveService', {
          ...directoryServiceInput(service),
          id: service.id,
          version: service.version,
          active: !service.active,
        }),
      `${service.name} ${service.active ? 'deactivated' : 'reactivated'}.`,
    );
  return (
    <SettingsPage title="Service directory" back="settings">
      <p className="nhsuk-body">
        Local services the team refers or signposts people to: training, money advice, physical activity, support groups, council services
        and more. Action plans name these services, so a service that closes is deactivated rather than removed.
      </p>
      <SectionMessages saved={editor.saved} problem={editor.problem ?? error} />
      {editor.editing === undefined ? (
        <button type="button" className="nhsuk-button" id="add-service" onClick={() => editor.open({ kind: 'new' }, 'add-service')}>
          Add a service
        </button>
      ) : (
        <DirectoryServiceForm
          key={editor.editing.kind === 'edit' ? editor.editing.entry.id : 'new'}
          entry={editor.editing.kind === 'edit' ? editor.editing.entry : undefined}
          onSaved={editor.done}
          onCancel={editor.cancel}
        />
      )}
      {config !== undefined && config.services.length === 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>The directory is empty.</p>
        </div>
      )}
      {config !== undefined && config.services.length > 0 && (
        <ListTable
          caption="Services"
          testId="directory-table"
          rows={activeFirst(config.services)}
          rowKey={(service) => service.id}
          columns={[
            {
              header: 'Service and who it is for',
              rowHeader: true,
              cell: (service) => (
                <>
                  {service.name}
                  <span className="ww-secondary-text">{service.eligibility}</span>
                </>
              ),
            },
            { header: 'Category', cell: (service) => SERVICE_CATEGORY_LABELS[service.category] },
            { header: 'Contact and referral', cell: (service) => <ContactAndReferral service={service} /> },
            { header: 'Status', cell: (service) => <ActiveTag active={service.active} /> },
          ]}
          rowName={(service) => service.name}
          actions={entryActions({ editor, key: (service) => service.id, toggle })}
        />
      )}
    </SettingsPage>
  );
}
