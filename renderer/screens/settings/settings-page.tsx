import type { ReactNode } from 'react';
import { AppPage } from '../../components/app-page';
import { canChangeSettings } from '../../can-call';
import { routeHref } from '../../routing';
import { useSession } from '../../session-context';

/**
 * A page of partnership settings, for administrators only: other roles are told so (the services
 * layer refuses their changes anyway). `back` says where the back link goes.
 */
export function SettingsPage({ title, back, children }: { title: string; back: 'caseload' | 'settings'; children: ReactNode }) {
  const { user } = useSession();
  if (!canChangeSettings(user.role)) {
    return (
      <AppPage title="Partnership settings">
        <a className="nhsuk-back-link" href={routeHref({ name: 'caseload' })}>
          Back to the caseload
        </a>
        <p className="nhsuk-body">
          Only administrators can change the partnership's settings. Ask an administrator if something needs changing.
        </p>
      </AppPage>
    );
  }
  return (
    <AppPage title={title}>
      {back === 'settings' ? (
        <a className="nhsuk-back-link" href={routeHref({ name: 'settings' })}>
          Back to partnership settings
        </a>
      ) : (
        <a className="nhsuk-back-link" href={routeHref({ name: 'caseload' })}>
          Back to the caseload
        </a>
      )}
      {children}
    </AppPage>
  );
}
