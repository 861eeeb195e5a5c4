import type { ReactNode } from 'react';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { useSubmit } from '../../components/use-submit';
import { navigate } from '../../routing';
import { hasSameNhsNumber, PossibleDuplicatesCallout } from '../participants/possible-duplicates-callout';
import { DecidedElsewhere } from './decided-elsewhere';

type AcceptInput = { linkToParticipantId?: string; confirmedNotDuplicate?: boolean };

/**
 * Accepting a referral goes through registration's duplicate checks (the services make them again):
 * with no one alike it registers the person; with the same name and date of birth it warns and asks
 * to link the referral to that person or confirm they are different people; with the same NHS
 * number only linking is offered (registering twice is refused). Linking to a person whose case has
 * closed starts their next episode; to an open case it joins the current one (each button says which).
 * Then the person's record opens.
 */
export function AcceptReferral({
  entry,
  name,
  onReload,
  children,
}: {
  entry: InboxEntry;
  name: string;
  onReload: () => void;
  children: ReactNode;
}) {
  const api = useApi();
  const accept = useSubmit<{ participantId: string }>((path) => (path === 'linkToParticipantId' ? `accept-${entry.id}` : path));
  const run = (choice: AcceptInput) =>
    void accept.submit(
      () => api.call('referrals.accept', { id: entry.id, version: entry.version, ...choice }),
      (accepted) => navigate({ name: 'participant', id: accepted.participantId }),
    );
  const duplicates = entry.possibleDuplicates;
  const sameNhsNumber = hasSameNhsNumber(duplicates);
  return (
    <>
      <ErrorSummary fieldErrors={accept.fieldErrors} message={accept.message} />
      {duplicates.length > 0 && (
        <PossibleDuplicatesCallout
          duplicates={duplicates}
          heading="h3"
          testId="referral-duplicates"
          action={(match) => (
            <div>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2"
                disabled={accept.busy}
                {...offers('referrals.accept')}
                onClick={() => run({ linkToParticipantId: match.id })}
              >
                {match.status === 'exited'
                  ? `Accept and start a new episode for ${match.reference}`
                  : `Accept and add this referral to ${match.reference}`}
              </button>
              <p className="nhsuk-body-s" data-testid={`episode-choice-${match.id}`}>
                {match.status === 'exited'
                  ? 'Their case is closed: the referral starts their next episode, with its own measures, plan and outcome.'
                  : 'Their case is open: the referral joins their current episode.'}
              </p>
            </div>
          )}
        />
      )}
      <div className="ww-actions" id={`accept-${entry.id}`} tabIndex={-1}>
        {!sameNhsNumber && (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--small"
            disabled={accept.busy}
            aria-label={duplicates.length > 0 ? undefined : `Accept the referral of ${name}`}
            {...offers('referrals.accept')}
            onClick={() => run({ confirmedNotDuplicate: duplicates.length > 0 })}
          >
            {duplicates.length > 0 ? 'These are different people: accept and register' : 'Accept'}
          </button>
        )}
        {children}
      </div>
      <DecidedElsewhere message={accept.message} onReload={onReload} />
    </>
  );
}
