import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { canCall } from '../../can-call';
import { formatDateTime } from '../../format';
import { routeHref } from '../../routing';
import { useSession } from '../../session-context';
import { useLoaded } from '../../use-loaded';

/** On the home screen: a calm reminder when no backup has been made for 7 days. */
export function BackupReminder() {
  const api = useApi();
  const { user } = useSession();
  const { value: status } = useLoaded(useCallback(() => api.call('backup.status', {}), [api]));
  if (status === undefined || !status.due) return null;
  const mayBackUp = canCall('backup.create', user.role);
  return (
    <div className="nhsuk-warning-callout" data-testid="backup-reminder">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          No backup for over a week
        </span>
      </h2>
      <p>
        {status.lastBackupAt === null
          ? 'No backup of these records has been made yet.'
          : `The last backup was made on ${formatDateTime(status.lastBackupAt)}.`}{' '}
        {mayBackUp ? (
          <a href={routeHref({ name: 'backup' })}>Make a backup now</a>
        ) : (
          'Ask an administrator to make one: if this computer is lost or fails, a backup is the only copy.'
        )}
      </p>
    </div>
  );
}
