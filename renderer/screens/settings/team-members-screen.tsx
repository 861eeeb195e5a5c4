import { PROFESSIONAL_BODY_SHORT_NAMES } from '../../../core/schemas/config/professional-registration';
import type { TeamMemberEntry } from '../../../core/schemas/config/team-members';
import { useApi } from '../../api/api-context';
import { ListTable } from '../../components/list-table';
import { ActiveTag, activeFirst } from './active-tag';
import { entryActions } from './entry-actions';
import { SectionMessages } from './section-messages';
import { SettingsPage } from './settings-page';
import { TeamMemberForm, teamMemberInput } from './team-member-form';
import { usePartnershipConfig } from './use-partnership-config';
import { useSectionEditor } from './use-section-editor';

/** The people in the MDT: discipline, registration, and the app account each one signs in with. */
export function TeamMembersScreen() {
  const api = useApi();
  const { config, error, reload } = usePartnershipConfig();
  const editor = useSectionEditor<TeamMemberEntry>(reload);
  const toggle = (member: TeamMemberEntry) =>
    void editor.change(
      () =>
        api.call('config.saveTeamMember', { ...teamMemberInput(member), id: member.id, version: member.version, active: !member.active }),
      `${member.fullName} ${member.active ? 'deactivated' : 'reactivated'}.`,
    );
  const disciplineLabel = (code: string) => config?.disciplines.find((discipline) => discipline.code === code)?.label ?? code;
  const accountLabel = (userId: string | null) =>
    userId === null ? 'None' : (config?.accounts.find((account) => account.id === userId)?.username ?? 'Account disabled');
  return (
    <SettingsPage title="Team members" back="settings">
      <p className="nhsuk-body">
        Everyone who takes part in the MDT, with their discipline and professional registration. Link a member to their app account so the
        app knows who they are when they sign in. When someone leaves, deactivate them: they stay on the plans they were part of.
      </p>
      <SectionMessages saved={editor.saved} problem={editor.problem ?? error} />
      {config !== undefined &&
        (editor.editing === undefined ? (
          <button
            type="button"
            className="nhsuk-button"
            id="add-team-member"
            onClick={() => editor.open({ kind: 'new' }, 'add-team-member')}
          >
            Add a team member
          </button>
        ) : (
          <TeamMemberForm
            key={editor.editing.kind === 'edit' ? editor.editing.entry.id : 'new'}
            config={config}
            entry={editor.editing.kind === 'edit' ? editor.editing.entry : undefined}
            onSaved={editor.done}
            onCancel={editor.cancel}
          />
        ))}
      {config !== undefined && config.teamMembers.length === 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No team members yet.</p>
        </div>
      )}
      {config !== undefined && config.teamMembers.length > 0 && (
        <ListTable
          caption="Team members"
          testId="team-members-table"
          rows={activeFirst(config.teamMembers)}
          rowKey={(member) => member.id}
          columns={[
            {
              header: 'Name and job title',
              rowHeader: true,
              cell: (member) => (
                <>
                  {member.fullName}
                  <span className="ww-secondary-text">{member.jobTitle}</span>
                </>
              ),
            },
            { header: 'Discipline', cell: (member) => disciplineLabel(member.disciplineCode) },
            {
              header: 'Registration',
              cell: (member) =>
                member.professionalBody === 'none' ? (
                  'None'
                ) : (
                  <>
                    {PROFESSIONAL_BODY_SHORT_NAMES[member.professionalBody]} <span className="ww-nowrap">{member.registrationNumber}</span>
                  </>
                ),
            },
            { header: 'App account', cell: (member) => accountLabel(member.userId) },
            { header: 'Status', cell: (member) => <ActiveTag active={member.active} /> },
          ]}
          rowName={(member) => member.fullName}
          actions={entryActions({ editor, key: (member) => member.id, toggle })}
        />
      )}
    </SettingsPage>
  );
}
