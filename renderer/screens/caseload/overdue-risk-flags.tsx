import { useCallback } from 'react';
import type { SignedInUser } from '../../../core/schemas/session';
import { useApi } from '../../api/api-context';
import { canCall } from '../../can-call';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { useReceivedChanges } from '../../sync/received-changes';
import { useLoaded } from '../../use-loaded';

/**
 * "Overdue risk flags": open flags past one working day, shown first after sign-in to the
 * coordinator and every clinician qualified for risk (the services decide who sees them). Nothing
 * is shown when there are none, or to roles that cannot act on them.
 */
export function OverdueRiskFlags({ user }: { user: SignedInUser }) {
  if (!canCall('riskFlags.overdue', user.role)) return null;
  return <OverdueRiskFlagList />;
}

function OverdueRiskFlagList() {
  const api = useApi();
  const { value } = useLoaded(
    useCallback(() => api.call('riskFlags.overdue', {}), [api]),
    useReceivedChanges(),
  );
  if (value === undefined || value.flags.length === 0) return null;
  return (
    <div className="nhsuk-warning-callout ww-risk" data-testid="overdue-risk-flags">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Overdue risk flags
        </span>
      </h2>
      <p>Not acknowledged within one working day. Review each today.</p>
      <ul className="nhsuk-list">
        {value.flags.map((flag) => (
          <li key={flag.id}>
            <a href={routeHref({ name: 'participant', id: flag.participantId })}>
              {flag.familyName.toUpperCase()}, {flag.givenName}
            </a>{' '}
            ({flag.reference}): raised {formatDate(flag.raisedOn)}
          </li>
        ))}
      </ul>
    </div>
  );
}
