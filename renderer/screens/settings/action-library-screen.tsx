import { useState } from 'react';
import { DUE_SHORTCUT_WORDS, DUE_SHORTCUTS, type DueShortcut } from '../../../core/plans/due-shortcuts';
import { ACTION_KIND_LABELS, ACTION_KINDS, type ActionKind } from '../../../core/schemas/action-plan';
import type { LibraryActionEntry } from '../../../core/schemas/config/action-library';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { useApi } from '../../api/api-context';
import { ListTable } from '../../components/list-table';
import { SelectInput } from '../../components/select-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { ActiveTag, activeFirst } from './active-tag';
import { entryActions } from './entry-actions';
import { EntryForm } from './entry-form';
import { SectionMessages } from './section-messages';
import { SettingsPage } from './settings-page';
import { usePartnershipConfig } from './use-partnership-config';
import { useSectionEditor } from './use-section-editor';

const usualTime = (dueAfter: DueShortcut | null) => (dueAfter === null ? 'No usual time' : `Due ${DUE_SHORTCUT_WORDS[dueAfter]}`);

/** The input that saves an entry as it stands, for Deactivate / Reactivate from the table. */
function libraryInput(entry: LibraryActionEntry) {
  return { disciplineCode: entry.disciplineCode, kind: entry.kind, description: entry.description, dueAfter: entry.dueAfter };
}

/** The partnership's common actions per discipline, offered with one press when drafting a plan. */
export function ActionLibraryScreen() {
  const api = useApi();
  const { config, error, reload } = usePartnershipConfig();
  const editor = useSectionEditor<LibraryActionEntry>(reload);
  const disciplineLabel = new Map((config?.disciplines ?? []).map((discipline) => [discipline.code, discipline.label]));
  const toggle = (entry: LibraryActionEntry) =>
    void editor.change(
      () => api.call('config.saveLibraryAction', { ...libraryInput(entry), id: entry.id, version: entry.version, active: !entry.active }),
      `“${entry.description}” ${entry.active ? 'deactivated' : 'reactivated'}.`,
    );
  return (
    <SettingsPage title="Action library" back="settings">
      <p className="nhsuk-body">
        Common actions of each discipline. When the team drafts a plan, one press adds an action from here with its discipline, kind and
        usual due date, and the responsible professional when only one of that discipline is there. Plans keep their own copy of the words,
        so changing or deactivating an action here never changes a plan.
      </p>
      <SectionMessages saved={editor.saved} problem={editor.problem ?? error} />
      {editor.editing === undefined ? (
        <button
          type="button"
          className="nhsuk-button"
          id="add-library-action"
          onClick={() => editor.open({ kind: 'new' }, 'add-library-action')}
        >
          Add a common action
        </button>
      ) : (
        config !== undefined && (
          <LibraryActionForm
            key={editor.editing.kind === 'edit' ? editor.editing.entry.id : 'new'}
            entry={editor.editing.kind === 'edit' ? editor.editing.entry : undefined}
            config={config}
            onSaved={editor.done}
            onCancel={editor.cancel}
          />
        )
      )}
      {config !== undefined && config.actionLibrary.length === 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>The library is empty.</p>
        </div>
      )}
      {config !== undefined && config.actionLibrary.length > 0 && (
        <ListTable
          caption="Common actions"
          testId="action-library-table"
          rows={activeFirst(config.actionLibrary)}
          rowKey={(entry) => entry.id}
          columns={[
            { header: 'Action', rowHeader: true, cell: (entry) => entry.description },
            { header: 'Discipline', cell: (entry) => disciplineLabel.get(entry.disciplineCode) ?? entry.disciplineCode },
            { header: 'Kind', cell: (entry) => ACTION_KIND_LABELS[entry.kind] },
            { header: 'Usual time', cell: (entry) => usualTime(entry.dueAfter) },
            { header: 'Status', cell: (entry) => <ActiveTag active={entry.active} /> },
          ]}
          rowName={(entry) => entry.description}
          actions={entryActions({ editor, key: (entry) => entry.id, toggle })}
        />
      )}
    </SettingsPage>
  );
}

function LibraryActionForm({
  entry,
  config,
  onSaved,
  onCancel,
}: {
  entry: LibraryActionEntry | undefined;
  config: PartnershipConfig;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [disciplineCode, setDisciplineCode] = useState(entry?.disciplineCode ?? '');
  const [kind, setKind] = useState<ActionKind>(entry?.kind ?? 'intervention');
  const [description, setDescription] = useState(entry?.description ?? '');
  const [dueAfter, setDueAfter] = useState<string>(entry?.dueAfter ?? '');
  const save = useSubmit<LibraryActionEntry>((path) => `library-${path}`);
  const disciplines = config.disciplines.filter((discipline) => discipline.active || discipline.code === entry?.disciplineCode);
  const submit = () => {
    const fields = { disciplineCode, kind, description, dueAfter: dueAfter === '' ? null : (dueAfter as DueShortcut) };
    void save.submit(
      () =>
        api.call(
          'config.saveLibraryAction',
          entry === undefined ? fields : { ...fields, id: entry.id, version: entry.version, active: entry.active },
        ),
      (saved) => onSaved(`“${saved.description}” saved.`),
    );
  };
  return (
    <EntryForm
      id="library-form"
      channel="config.saveLibraryAction"
      title={entry === undefined ? 'Add a common action' : 'Edit a common action'}
      submitLabel="Save action"
      state={save}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectInput
        id="library-disciplineCode"
        label="Discipline"
        placeholder="Choose the discipline"
        value={disciplineCode}
        options={disciplines.map((discipline) => ({ value: discipline.code, label: discipline.label }))}
        error={save.fieldErrors['library-disciplineCode']}
        onValueChange={setDisciplineCode}
      />
      <TextareaInput
        id="library-description"
        label="What will be done"
        hint="As it should read in a plan, for example Six physiotherapy sessions with a home exercise programme"
        rows={2}
        value={description}
        error={save.fieldErrors['library-description']}
        onValueChange={setDescription}
      />
      <SelectInput
        id="library-kind"
        label="Kind of action"
        value={kind}
        options={ACTION_KINDS.map((value) => ({ value, label: ACTION_KIND_LABELS[value] }))}
        error={save.fieldErrors['library-kind']}
        onValueChange={(value) => setKind(value as ActionKind)}
      />
      <SelectInput
        id="library-dueAfter"
        label="Usually due"
        hint="Sets the action's due date from the day the plan is drafted"
        placeholder="No usual time"
        value={dueAfter}
        options={DUE_SHORTCUTS.map((value) => ({ value, label: DUE_SHORTCUT_WORDS[value] }))}
        error={save.fieldErrors['library-dueAfter']}
        onValueChange={setDueAfter}
      />
    </EntryForm>
  );
}
