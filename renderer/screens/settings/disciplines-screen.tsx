import { useState } from 'react';
import type { DisciplineEntry } from '../../../core/schemas/config/disciplines';
import { useApi } from '../../api/api-context';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { ActiveTag, activeFirst } from './active-tag';
import { EntryForm } from './entry-form';
import { SectionMessages } from './section-messages';
import { SettingsPage } from './settings-page';
import { usePartnershipConfig } from './use-partnership-config';
import { useSectionEditor } from './use-section-editor';

/** The team's disciplines: the four built in (activation only) and local additions. */
export function DisciplinesScreen() {
  const api = useApi();
  const { config, error, reload } = usePartnershipConfig();
  const editor = useSectionEditor<DisciplineEntry>(reload);
  const members = config?.teamMembers ?? [];
  const toggle = (discipline: DisciplineEntry) =>
    void editor.change(
      () => api.call('config.saveDiscipline', { code: discipline.code, version: discipline.version, ...(discipline.builtin ? {} : { label: discipline.label }), active: !discipline.active }),
      `${discipline.label} ${discipline.active ? 'deactivated' : 'reactivated'}.`,
    );
  return (
    <SettingsPage title="Disciplines" back="settings">
      <p className="nhsuk-body">
        The disciplines in this team. The four national disciplines are built in: they keep their names, which the clinical forms and reports use, but one this team does not have can be
        deactivated. Add any local disciplines, such as welfare rights or peer support. Inactive disciplines stay on older plans but cannot be chosen for new team members.
      </p>
      <SectionMessages saved={editor.saved} problem={editor.problem ?? error} />
      {editor.editing === undefined ? (
        <button type="button" className="nhsuk-button" id="add-discipline" onClick={() => editor.open({ kind: 'new' }, 'add-discipline')}>
          Add a local discipline
        </button>
      ) : (
        <DisciplineForm key={editor.editing.kind === 'edit' ? editor.editing.entry.code : 'new'} entry={editor.editing.kind === 'edit' ? editor.editing.entry : undefined} onSaved={editor.done} onCancel={editor.cancel} />
      )}
      {config !== undefined && (
        <table className="nhsuk-table" data-testid="disciplines-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Disciplines</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Discipline</th>
              <th scope="col" className="nhsuk-table__header">Type</th>
              <th scope="col" className="nhsuk-table__header">Active team members</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {activeFirst(config.disciplines).map((discipline) => (
              <tr className="nhsuk-table__row" key={discipline.code}>
                <th scope="row" className="nhsuk-table__cell">
                  {discipline.label}
                </th>
                <td className="nhsuk-table__cell ww-nowrap">{discipline.builtin ? 'Built in' : 'Local'}</td>
                <td className="nhsuk-table__cell">{members.filter((member) => member.active && member.disciplineCode === discipline.code).length}</td>
                <td className="nhsuk-table__cell">
                  <ActiveTag active={discipline.active} />
                </td>
                <td className="nhsuk-table__cell">
                  <div className="ww-row-actions">
                    {!discipline.builtin && (
                      <button
                        type="button"
                        id={`edit-${discipline.code}`}
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                        aria-label={`Edit ${discipline.label}`}
                        onClick={() => editor.open({ kind: 'edit', entry: discipline }, `edit-${discipline.code}`)}
                      >
                        Edit
                      </button>
                    )}
                    <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-label={`${discipline.active ? 'Deactivate' : 'Reactivate'} ${discipline.label}`} onClick={() => toggle(discipline)}>
                      {discipline.active ? 'Deactivate' : 'Reactivate'}
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

function DisciplineForm({ entry, onSaved, onCancel }: { entry: DisciplineEntry | undefined; onSaved: (message: string) => void; onCancel: () => void }) {
  const api = useApi();
  const [label, setLabel] = useState(entry?.label ?? '');
  const save = useSubmit<DisciplineEntry>((path) => `discipline-${path}`);
  const submit = () =>
    void save.submit(
      () => api.call('config.saveDiscipline', entry === undefined ? { label } : { code: entry.code, version: entry.version, label, active: entry.active }),
      (saved) => onSaved(`${saved.label} saved.`),
    );
  return (
    <EntryForm id="discipline-form" title={entry === undefined ? 'Add a local discipline' : `Edit ${entry.label}`} submitLabel="Save discipline" state={save} onSubmit={submit} onCancel={onCancel}>
      <TextInput id="discipline-label" label="Name of the discipline" hint="For example Dietetics, Welfare rights or Peer support" value={label} error={save.fieldErrors['discipline-label']} onValueChange={setLabel} autoComplete="off" />
    </EntryForm>
  );
}
