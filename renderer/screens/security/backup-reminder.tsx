import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../core/schemas/security';
import { useApi } from '../../api/api-context';
import { canCall } from '../../can-call';
import { formatDateTime } from '../../format';
import { routeHref } from '../../routing';
import { useSession } from '../../session-context';

/** On the home screen: a calm reminder when no backup has been made for 7 days. */
export function BackupReminder() {
  const api = useApi();
  const { user } = useSession();
  const [status, setStatus] = useState<BackupStatus | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void api.call('backup.status', {}).then((result) => {
      if (current && result.ok) setStatus(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);
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
        {status.lastBackupAt === null ? 'No backup of these records has been made yet.' : `The last backup was made on ${formatDateTime(status.lastBackupAt)}.`}{' '}
        {mayBackUp ? (
          <a href={routeHref({ name: 'backup' })}>Make a backup now</a>
        ) : (
          'Ask an administrator to make one: if this computer is lost or fails, a backup is the only copy.'
        )}
      </p>
    </div>
  );
}
