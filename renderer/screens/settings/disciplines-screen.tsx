import { useState } from 'react';
import type { DisciplineEntry } from '../../../core/schemas/config/disciplines';
import { useApi } from '../../api/api-context';
import { ListTable } from '../../components/list-table';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { ActiveTag, activeFirst } from './active-tag';
import { entryActions } from './entry-actions';
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
      () =>
        api.call('config.saveDiscipline', {
          code: discipline.code,
          version: discipline.version,
          ...(discipline.builtin ? {} : { label: discipline.label }),
          active: !discipline.active,
        }),
      `${discipline.label} ${discipline.active ? 'deactivated' : 'reactivated'}.`,
    );
  return (
    <SettingsPage title="Disciplines" back="settings">
      <p className="nhsuk-body">
        The disciplines in this team. The four national disciplines are built in: they keep their names, which the clinical forms and
        reports use, but one this team does not have can be deactivated. Add any local disciplines, such as welfare rights or peer support.
        Inactive disciplines stay on older plans but cannot be chosen for new team members.
      </p>
      <SectionMessages saved={editor.saved} problem={editor.problem ?? error} />
      {editor.editing === undefined ? (
        <button type="button" className="nhsuk-button" id="add-discipline" onClick={() => editor.open({ kind: 'new' }, 'add-discipline')}>
          Add a local discipline
        </button>
      ) : (
        <DisciplineForm
          key={editor.editing.kind === 'edit' ? editor.editing.entry.code : 'new'}
          entry={editor.editing.kind === 'edit' ? editor.editing.entry : undefined}
          onSaved={editor.done}
          onCancel={editor.cancel}
        />
      )}
      {config !== undefined && (
        <ListTable
          caption="Disciplines"
          testId="disciplines-table"
          rows={activeFirst(config.disciplines)}
          rowKey={(discipline) => discipline.code}
          columns={[
            { header: 'Discipline', rowHeader: true, cell: (discipline) => discipline.label },
            { header: 'Type', className: 'ww-nowrap', cell: (discipline) => (discipline.builtin ? 'Built in' : 'Local') },
            {
              header: 'Active team members',
              cell: (discipline) => members.filter((member) => member.active && member.disciplineCode === discipline.code).length,
            },
            { header: 'Status', cell: (discipline) => <ActiveTag active={discipline.active} /> },
          ]}
          rowName={(discipline) => discipline.label}
          actions={entryActions({ editor, key: (discipline) => discipline.code, toggle, editable: (discipline) => !discipline.builtin })}
        />
      )}
    </SettingsPage>
  );
}

function DisciplineForm({
  entry,
  onSaved,
  onCancel,
}: {
  entry: DisciplineEntry | undefined;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [label, setLabel] = useState(entry?.label ?? '');
  const save = useSubmit<DisciplineEntry>((path) => `discipline-${path}`);
  const submit = () =>
    void save.submit(
      () =>
        api.call(
          'config.saveDiscipline',
          entry === undefined ? { label } : { code: entry.code, version: entry.version, label, active: entry.active },
        ),
      (saved) => onSaved(`${saved.label} saved.`),
    );
  return (
    <EntryForm
      channel="config.saveDiscipline"
      id="discipline-form"
      title={entry === undefined ? 'Add a local discipline' : `Edit ${entry.label}`}
      submitLabel="Save discipline"
      state={save}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextInput
        id="discipline-label"
        label="Name of the discipline"
        hint="For example Dietetics, Welfare rights or Peer support"
        value={label}
        error={save.fieldErrors['discipline-label']}
        onValueChange={setLabel}
        autoComplete="off"
      />
    </EntryForm>
  );
}
