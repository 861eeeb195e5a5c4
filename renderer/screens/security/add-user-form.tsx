import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/roles';
import type { UserEntry } from '../../../core/schemas/security';
import type { TeamMemberEntry } from '../../../core/schemas/config/team-members';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { PassphraseFeedback } from '../../components/passphrase-feedback';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { offers } from '../../can-call';

const FIELD_IDS: Readonly<Record<string, string>> = {
  displayName: 'user-display-name',
  username: 'user-username',
  role: 'user-role',
  passphrase: 'user-passphrase',
  teamMemberId: 'user-team-member',
};
const fieldIdFor = (path: string) => FIELD_IDS[path] ?? 'user-display-name';

/**
 * Adds an account: name, username, role, optionally the team member it belongs to, and a first
 * passphrase the administrator hands over in person (the user then changes it).
 */
export function AddUserForm({
  teamMembers,
  onAdded,
  onCancel,
}: {
  teamMembers: readonly TeamMemberEntry[];
  onAdded: (user: UserEntry) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState('');
  const [teamMemberId, setTeamMemberId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const add = useSubmit<UserEntry>(fieldIdFor);
  const unlinked = teamMembers.filter((member) => member.active && member.userId === null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void add.submit(
      () =>
        api.call('users.add', {
          displayName,
          username,
          role: role as Role,
          passphrase,
          teamMemberId: teamMemberId === '' ? null : teamMemberId,
        }),
      onAdded,
    );
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
        onValueChange={setRole}
      />
      <SelectInput
        id="user-team-member"
        label="Team member (optional)"
        hint="Link the account to their entry in the team, so the app knows who they are."
        placeholder="Not linked"
        value={teamMemberId}
        options={unlinked.map((member) => ({ value: member.id, label: `${member.fullName}, ${member.jobTitle}` }))}
        error={add.fieldErrors['user-team-member']}
        onValueChange={setTeamMemberId}
      />
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
