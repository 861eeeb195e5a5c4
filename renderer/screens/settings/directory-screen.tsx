import { SERVICE_CATEGORY_LABELS, REFERRAL_METHOD_LABELS, type DirectoryServiceEntry } from '../../../core/schemas/config/directory-services';
import { useApi } from '../../api/api-context';
import { ActiveTag, activeFirst } from './active-tag';
import { DirectoryServiceForm, directoryServiceInput } from './directory-service-form';
import { SectionMessages } from './section-messages';
import { SettingsPage } from './settings-page';
import { usePartnershipConfig } from './use-partnership-config';
import { useSectionEditor } from './use-section-editor';

/** A web address as people say it: without "https://". */
const withoutScheme = (website: string) => website.replace(/^https?:\/\//, '');

/** The local directory of onward services that action plans refer or signpost people to. */
export function DirectoryScreen() {
  const api = useApi();
  const { config, error, reload } = usePartnershipConfig();
  const editor = useSectionEditor<DirectoryServiceEntry>(reload);
  const toggle = (service: DirectoryServiceEntry) =>
    void editor.change(
      () => api.call('config.saveService', { ...directoryServiceInput(service), id: service.id, version: service.version, active: !service.active }),
      `${service.name} ${service.active ? 'deactivated' : 'reactivated'}.`,
    );
  return (
    <SettingsPage title="Service directory" back="settings">
      <p className="nhsuk-body">
        Local services the team refers or signposts people to: training, money advice, physical activity, support groups, council services and more. Action plans name these services,
        so a service that closes is deactivated rather than removed.
      </p>
      <SectionMessages saved={editor.saved} problem={editor.problem ?? error} />
      {editor.editing === undefined ? (
        <button type="button" className="nhsuk-button" id="add-service" onClick={() => editor.open({ kind: 'new' }, 'add-service')}>
          Add a service
        </button>
      ) : (
        <DirectoryServiceForm key={editor.editing.kind === 'edit' ? editor.editing.entry.id : 'new'} entry={editor.editing.kind === 'edit' ? editor.editing.entry : undefined} onSaved={editor.done} onCancel={editor.cancel} />
      )}
      {config !== undefined && config.services.length === 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>The directory is empty.</p>
        </div>
      )}
      {config !== undefined && config.services.length > 0 && (
        <table className="nhsuk-table" data-testid="directory-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Services</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Service and who it is for</th>
              <th scope="col" className="nhsuk-table__header">Category</th>
              <th scope="col" className="nhsuk-table__header">Contact and referral</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {activeFirst(config.services).map((service) => (
              <tr className="nhsuk-table__row" key={service.id}>
                <th scope="row" className="nhsuk-table__cell">
                  {service.name}
                  <span className="ww-secondary-text">{service.eligibility}</span>
                </th>
                <td className="nhsuk-table__cell">{SERVICE_CATEGORY_LABELS[service.category]}</td>
                <td className="nhsuk-table__cell">
                  <ul className="nhsuk-list ww-compact-list">
                    {[service.phone, service.email, service.website === null ? null : withoutScheme(service.website)]
                      .filter((contact) => contact !== null)
                      .map((contact) => (
                        <li key={contact}>{contact}</li>
                      ))}
                  </ul>
                  <span className="ww-secondary-text">How to refer: {service.referralMethods.map((method) => REFERRAL_METHOD_LABELS[method]).join('; ')}</span>
                </td>
                <td className="nhsuk-table__cell">
                  <ActiveTag active={service.active} />
                </td>
                <td className="nhsuk-table__cell">
                  <div className="ww-row-actions">
                    <button
                      type="button"
                      id={`edit-${service.id}`}
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      aria-label={`Edit ${service.name}`}
                      onClick={() => editor.open({ kind: 'edit', entry: service }, `edit-${service.id}`)}
                    >
                      Edit
                    </button>
                    <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-label={`${service.active ? 'Deactivate' : 'Reactivate'} ${service.name}`} onClick={() => toggle(service)}>
                      {service.active ? 'Deactivate' : 'Reactivate'}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SettingsPage>
  );
}
