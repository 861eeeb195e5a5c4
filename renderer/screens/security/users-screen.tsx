import { useCallback, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/roles';
import type { UserEntry } from '../../../core/schemas/security';
import { useApi } from '../../api/api-context';
import { ConfirmCallout } from '../../components/confirm-callout';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
import { formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { useLoaded } from '../../use-loaded';
import { SettingsPage } from '../settings/settings-page';
import { usePartnershipConfig } from '../settings/use-partnership-config';
import { AddUserForm } from './add-user-form';

/**
 * The accounts that can unlock this partnership's store. Adding one gives them a key slot;
 * revoking removes it, so their passphrase no longer opens anything. An administrator changes
 * another account's role from the list, after confirming.
 */
export function UsersScreen() {
  const api = useApi();
  const { user: me } = useSession();
  const { config, reload: reloadConfig } = usePartnershipConfig();
  const list = useLoaded(useCallback(() => api.call('users.list', {}), [api]));
  /** Why the last revocation was refused. */
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<UserEntry | undefined>(undefined);
  /** A role chosen in the list, waiting for the administrator to confirm it. */
  const [changingRole, setChangingRole] = useState<{ user: UserEntry; role: Role } | undefined>(undefined);

  const changeRole = async (user: UserEntry, role: Role) => {
    const result = await api.call('users.changeRole', { userId: user.userId, role });
    setChangingRole(undefined);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(undefined);
    setNotice(`${user.displayName} (${user.username}) is now ${ROLE_LABELS[role]}, from their next unlock on this computer.`);
    await list.reload();
  };

  /** The role column: a select for other active accounts (the change waits for confirmation), plain text otherwise. */
  const roleCell = (user: UserEntry) => {
    if (user.revokedAt !== null || user.userId === me.userId) return ROLE_LABELS[user.role];
    const shown = changingRole?.user.userId === user.userId ? changingRole.role : user.role;
    return (
      <select
        className="nhsuk-select"
        aria-label={`Role of ${user.username}`}
        data-testid={`role-select-${user.username}`}
        value={shown}
        onChange={(event) => {
          const role = event.target.value as Role;
          setChangingRole(role === user.role ? undefined : { user, role });
        }}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    );
  };

  const revoke = async (user: UserEntry) => {
    const result = await api.call('users.revoke', { userId: user.userId });
    setConfirming(undefined);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(undefined);
    setNotice(
      `${user.displayName} (${user.username}) was revoked and can no longer unlock. To shut out a copy of the data key they might have kept, rotate the data key under Security.`,
    );
    await list.reload();
  };

  return (
    <SettingsPage title="Users" back="settings">
      <p className="nhsuk-body">Everyone who can unlock this partnership's records on this computer. Each user has their own passphrase.</p>
      <ErrorSummary fieldErrors={{}} message={problem ?? list.error} />
      {notice !== undefined && (
        <div className="nhsuk-inset-text" role="status" data-testid="users-notice">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{notice}</p>
        </div>
      )}
      {confirming !== undefined && (
        <ConfirmCallout
          testId="revoke-confirmation"
          heading={`Revoke ${confirming.displayName}?`}
          confirmLabel={`Revoke ${confirming.username}`}
          onConfirm={() => void revoke(confirming)}
          onCancel={() => setConfirming(undefined)}
        >
          <p>
            Their passphrase will stop working at once. Their name stays on everything they recorded. This cannot be undone: to let them
            back in, add a new account.
          </p>
        </ConfirmCallout>
      )}
      {changingRole !== undefined && (
        <ConfirmCallout
          testId="role-confirmation"
          heading={`Make ${changingRole.user.displayName} ${ROLE_LABELS[changingRole.role]}?`}
          confirmLabel={`Change the role of ${changingRole.user.username}`}
          onConfirm={() => void changeRole(changingRole.user, changingRole.role)}
          onCancel={() => setChangingRole(undefined)}
        >
          <p>
            They are {ROLE_LABELS[changingRole.user.role]} now. From their next unlock they can see and do what a{' '}
            {ROLE_LABELS[changingRole.role]} may, and nothing else. The change is recorded in the audit trail.
          </p>
        </ConfirmCallout>
      )}
      {list.value !== undefined && (
        <ListTable
          caption="Users, active first"
          testId="users-table"
          rows={list.value.users}
          rowKey={(user) => user.userId}
          columns={[
            { header: 'Name', cell: (user) => user.displayName },
            { header: 'Username', cell: (user) => user.username },
            { header: 'Role', cell: roleCell },
            { header: 'Team member', cell: (user) => user.teamMemberName ?? 'Not linked' },
            { header: 'Status', cell: (user) => (user.revokedAt === null ? 'Active' : `Revoked ${formatDateTime(user.revokedAt)}`) },
          ]}
          rowName={(user) => user.username}
          actions={[{ label: 'Revoke', shownFor: (user) => user.revokedAt === null && user.userId !== me.userId, onClick: setConfirming }]}
        />
      )}
      {adding ? (
        <AddUserForm
          teamMembers={config?.teamMembers ?? []}
          disciplines={config?.disciplines ?? []}
          onCancel={() => setAdding(false)}
          onAdded={(added) => {
            setAdding(false);
            setProblem(undefined);
            setNotice(
              `${added.displayName} can now unlock as ${added.username} with the first passphrase you chose. Give it to them in person.`,
            );
            void list.reload();
            void reloadConfig();
          }}
        />
      ) : (
        <button type="button" className="nhsuk-button" onClick={() => setAdding(true)}>
          Add a user
        </button>
      )}
    </SettingsPage>
  );
}
