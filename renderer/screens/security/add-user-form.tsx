import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/roles';
import { inputProblems } from '../../../core/field-errors';
import type { DisciplineEntry } from '../../../core/schemas/config/disciplines';
import { addUserInputSchema, type AddUserInput, type UserEntry } from '../../../core/schemas/security';
import { saveTeamMemberInputSchema, type SaveTeamMemberInput, type TeamMemberEntry } from '../../../core/schemas/config/team-members';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { PassphraseFeedback } from '../../components/passphrase-feedback';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { offers } from '../../can-call';
import { EMPTY_TEAM_MEMBER, newMemberFieldId, NewTeamMemberFields, withRoleDefaults, type NewTeamMember } from './new-team-member-fields';

const FIELD_IDS: Readonly<Record<string, string>> = {
  displayName: 'user-display-name',
  username: 'user-username',
  role: 'user-role',
  passphrase: 'user-passphrase',
  teamMemberId: 'user-team-member',
};
const TEAM_FIELDS = ['disciplineCode', 'jobTitle', 'professionalBody', 'registrationNumber'];
/** Paths of both calls (users.add and config.saveTeamMember) to this form's fields; the team entry's full name is the user's. */
const fieldIdFor = (path: string) => (TEAM_FIELDS.includes(path) ? newMemberFieldId(path) : (FIELD_IDS[path] ?? 'user-display-name'));

/** The select's value for "add them to the team now". */
const NEW_MEMBER = 'new';

/** Each problem zod finds in `input`, by this form's field ids (none when it is valid). */
function problems(...args: Parameters<typeof inputProblems>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputProblems(...args)).map(([path, message]) => [fieldIdFor(path), message]));
}

/**
 * Adds an account: name, username, role, the team member it belongs to (by default a new entry in the
 * team, made in the same step from the name and role: discipline, job title and professional body),
 * and a first passphrase the administrator hands over in person (the user then changes it).
 */
export function AddUserForm({
  teamMembers,
  disciplines,
  onAdded,
  onCancel,
}: {
  teamMembers: readonly TeamMemberEntry[];
  disciplines: readonly DisciplineEntry[];
  onAdded: (user: UserEntry) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState('');
  const [teamMemberId, setTeamMemberId] = useState(NEW_MEMBER);
  const [member, setMember] = useState<NewTeamMember>(EMPTY_TEAM_MEMBER);
  // Set once the team entry is saved: a retry after the account is refused (a username taken) links to it, never adds it twice.
  const [savedMember, setSavedMember] = useState<TeamMemberEntry | undefined>(undefined);
  const [passphrase, setPassphrase] = useState('');
  const add = useSubmit<UserEntry>(fieldIdFor);
  const unlinked = teamMembers.filter((entry) => entry.active && entry.userId === null);
  const creating = teamMemberId === NEW_MEMBER && savedMember === undefined;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const user: AddUserInput = { displayName, username, role: role as Role, passphrase, teamMemberId: null };
    if (teamMemberId !== NEW_MEMBER) {
      void add.submit(() => api.call('users.add', { ...user, teamMemberId: teamMemberId === '' ? null : teamMemberId }), onAdded);
      return;
    }
    const entry: SaveTeamMemberInput = {
      ...member,
      fullName: displayName,
      professionalBody: member.professionalBody as never,
      registrationNumber: member.professionalBody === 'none' ? '' : member.registrationNumber,
    };
    // Both are checked before either is saved, so every problem shows at once and nothing is left half-made.
    const found = { ...problems(addUserInputSchema, user), ...(creating ? problems(saveTeamMemberInputSchema, entry) : {}) };
    if (Object.keys(found).length > 0) {
      add.showErrors(found);
      return;
    }
    void add.submit(async () => {
      let linked = savedMember;
      if (linked === undefined) {
        const saved = await api.call('config.saveTeamMember', entry);
        if (!saved.ok) return saved;
        linked = saved.value;
        setSavedMember(linked);
      }
      return api.call('users.add', { ...user, teamMemberId: linked.id });
    }, onAdded);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-busy={add.busy}
      aria-labelledby="add-user-heading"
      className="nhsuk-u-width-two-thirds"
      {...offers('users.add')}
    >
      <h2 className="nhsuk-heading-m" id="add-user-heading" tabIndex={-1}>
        Add a user
      </h2>
      <ErrorSummary fieldErrors={add.fieldErrors} message={add.message} />
      <TextInput
        id="user-display-name"
        label="Full name"
        value={displayName}
        error={add.fieldErrors['user-display-name']}
        onValueChange={setDisplayName}
        autoComplete="off"
      />
      <TextInput
        id="user-username"
        label="Username"
        hint="Letters, numbers and dots, for example s.patel. It cannot be changed or reused."
        value={username}
        error={add.fieldErrors['user-username']}
        onValueChange={setUsername}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        className="nhsuk-u-width-one-half"
      />
      <SelectInput
        id="user-role"
        label="Role"
        hint="What they may do in the app. Administrators manage users, settings and backups."
        placeholder="Choose a role"
        value={role}
        options={ROLES.map((each) => ({ value: each, label: ROLE_LABELS[each] }))}
        error={add.fieldErrors['user-role']}
        onValueChange={(value) => {
          setRole(value);
          setMember((current) => withRoleDefaults(current, value as Role | ''));
        }}
      />
      <SelectInput
        id="user-team-member"
        label="Team member"
        hint="Their entry in the team, so the app knows who they are: add them to the team now, or link someone already in it."
        placeholder="Not linked"
        value={teamMemberId}
        options={[
          {
            value: NEW_MEMBER,
            label: savedMember === undefined ? 'Add them to the team now' : `${savedMember.fullName} (added to the team)`,
          },
          ...unlinked.map((entry) => ({ value: entry.id, label: `${entry.fullName}, ${entry.jobTitle}` })),
        ]}
        error={add.fieldErrors['user-team-member']}
        onValueChange={setTeamMemberId}
      />
      {creating && <NewTeamMemberFields member={member} disciplines={disciplines} errors={add.fieldErrors} onChange={setMember} />}
      <TextInput
        id="user-passphrase"
        type="password"
        label="First passphrase"
        hint="At least 12 characters. Give it to them in person, not by email; they change it under 'Change passphrase' once signed in."
        value={passphrase}
        error={add.fieldErrors['user-passphrase']}
        onValueChange={setPassphrase}
        autoComplete="new-password"
        after={<PassphraseFeedback passphrase={passphrase} id="user-passphrase-strength" />}
      />
      <FormActions submitLabel={add.busy ? 'Adding…' : 'Add user'} busy={add.busy} onCancel={onCancel} />
    </form>
  );
}
