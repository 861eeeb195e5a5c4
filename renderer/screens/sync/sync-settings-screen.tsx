import { useCallback, useState } from 'react';
import type { ServerDevice, ServerUser } from '../../../core/sync/admin-protocol';
import { ROLE_LABELS } from '../../../core/roles';
import { useApi } from '../../api/api-context';
import { ConfirmCallout } from '../../components/confirm-callout';
import { describeSyncStatus } from '../../components/sync-status';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
import { SummaryList } from '../../components/summary-list';
import { formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { useLoaded } from '../../use-loaded';
import { SettingsPage } from '../settings/settings-page';

/** A laptop's id as people compare it: its first 8 characters. */
const shortId = (id: string) => id.slice(0, 8);

type Revoking = { readonly kind: 'laptop'; readonly device: ServerDevice } | { readonly kind: 'user'; readonly user: ServerUser };

/**
 * The partnership server, for administrators (issue 14): the server's address and this laptop's
 * sync state, the enrolled laptops and the users on the server, each of which can be revoked
 * (after a confirm step). Revoking refuses the laptop's or user's next connection at once.
 */
export function SyncSettingsScreen() {
  const api = useApi();
  const { user: me } = useSession();
  const overview = useLoaded(useCallback(() => api.call('syncAdmin.overview', {}), [api]));
  const [revoking, setRevoking] = useState<Revoking | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const value = overview.value;

  const revoke = async (target: Revoking) => {
    setRevoking(undefined);
    const result =
      target.kind === 'laptop'
        ? await api.call('syncAdmin.revokeDevice', { deviceId: target.device.deviceId })
        : await api.call('syncAdmin.revokeUser', { userId: target.user.userId });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(undefined);
    setNotice(
      target.kind === 'laptop'
        ? `Laptop ${shortId(target.device.deviceId)} was revoked: the partnership server refuses its next connection, whoever signs in on it.`
        : `${target.user.displayName ?? target.user.username} was revoked: the partnership server refuses their next connection, from any laptop.`,
    );
    await overview.reload();
  };

  return (
    <SettingsPage title="Partnership server" back="settings">
      <ErrorSummary fieldErrors={{}} message={problem ?? overview.error} />
      {notice !== undefined && (
        <div className="nhsuk-inset-text" role="status" data-testid="sync-settings-notice">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{notice}</p>
        </div>
      )}
      {value === undefined && overview.error === undefined && <p className="nhsuk-body">Loading…</p>}
      {value !== undefined && !value.joined && (
        <p className="nhsuk-body" data-testid="sync-settings-solo">
          This laptop works on its own: it does not sync with a partnership server. An administrator puts a partnership on a server with{' '}
          <code>workwell-mdt server init</code> and enrols each laptop with <code>workwell-mdt enrol</code> (see the README).
        </p>
      )}
      {value?.joined === true && (
        <>
          <h2 className="nhsuk-heading-m">This laptop</h2>
          <SummaryList
            rows={[
              ['Server address', value.serverUrl ?? ''],
              ['This laptop', value.thisDeviceId === null ? '' : shortId(value.thisDeviceId)],
              ['Sync', Object.values(describeSyncStatus(value.status)).filter(Boolean).join(' · ')],
            ]}
          />
          {value.serverProblem !== null && (
            <div className="nhsuk-warning-callout" data-testid="sync-settings-problem">
              <h2 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  The partnership server’s laptops and users could not be read
                </span>
              </h2>
              <p>{value.serverProblem}</p>
            </div>
          )}
          {revoking !== undefined && (
            <ConfirmCallout
              testId="sync-revoke-confirmation"
              heading={
                revoking.kind === 'laptop'
                  ? `Revoke laptop ${shortId(revoking.device.deviceId)}?`
                  : `Revoke ${revoking.user.displayName ?? revoking.user.username}?`
              }
              confirmLabel={
                revoking.kind === 'laptop' ? `Revoke laptop ${shortId(revoking.device.deviceId)}` : `Revoke ${revoking.user.username}`
              }
              onConfirm={() => void revoke(revoking)}
              onCancel={() => setRevoking(undefined)}
            >
              <p>
                {revoking.kind === 'laptop'
                  ? 'The partnership server will refuse its next connection, whoever signs in on it. Its store stays encrypted. This cannot be undone: enrol it again as a new laptop.'
                  : 'The partnership server will refuse their next connection from any laptop, and every laptop stops them unlocking once it has synced. Their name stays on everything they recorded. This cannot be undone.'}
              </p>
            </ConfirmCallout>
          )}
          {value.serverProblem === null && (
            <>
              <ListTable
                caption="Enrolled laptops"
                captionVisible
                testId="sync-devices-table"
                rows={value.devices}
                rowKey={(device) => device.deviceId}
                columns={[
                  {
                    header: 'Laptop',
                    cell: (device) => `${shortId(device.deviceId)}${device.deviceId === value.thisDeviceId ? ' (this laptop)' : ''}`,
                  },
                  { header: 'Enrolled for', cell: (device) => device.username },
                  { header: 'Enrolled', cell: (device) => formatDateTime(device.enrolledAt) },
                  { header: 'Last seen', cell: (device) => (device.lastSeenAt === null ? 'Not yet' : formatDateTime(device.lastSeenAt)) },
                  {
                    header: 'Status',
                    cell: (device) => (device.revokedAt === null ? 'Active' : `Revoked ${formatDateTime(device.revokedAt)}`),
                  },
                ]}
                rowName={(device) => `laptop ${shortId(device.deviceId)}`}
                actions={[
                  {
                    label: 'Revoke',
                    shownFor: (device) => device.revokedAt === null && device.deviceId !== value.thisDeviceId,
                    onClick: (device) => setRevoking({ kind: 'laptop', device }),
                  },
                ]}
              />
              <ListTable
                caption="Users on the partnership server"
                captionVisible
                testId="sync-users-table"
                rows={value.users}
                rowKey={(user) => user.userId}
                columns={[
                  { header: 'Name', cell: (user) => user.displayName ?? '—' },
                  { header: 'Username', cell: (user) => user.username },
                  { header: 'Role on the server', cell: (user) => ROLE_LABELS[user.role] },
                  { header: 'Laptops', cell: (user) => String(user.laptops) },
                  { header: 'Status', cell: (user) => (user.revokedAt === null ? 'Active' : `Revoked ${formatDateTime(user.revokedAt)}`) },
                ]}
                rowName={(user) => user.username}
                actions={[
                  {
                    label: 'Revoke',
                    shownFor: (user) => user.revokedAt === null && user.userId !== me.userId,
                    onClick: (user) => setRevoking({ kind: 'user', user }),
                  },
                ]}
              />
            </>
          )}
        </>
      )}
    </SettingsPage>
  );
}
