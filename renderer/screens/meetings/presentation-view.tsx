import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { useLoaded } from '../../use-loaded';
import { useReceivedChanges } from '../../sync/received-changes';
import { PlanSummary } from '../plans/plan-summary';
import { planLabels, usePlanData } from '../plans/use-plan-data';
import { OwnWordsQuote } from './own-words-quote';

/** Hides the app's header, navigation and banners while the presentation view is open. */
function usePresentingLayout(): void {
  useEffect(() => {
    document.documentElement.classList.add('ww-presenting');
    return () => document.documentElement.classList.remove('ww-presenting');
  }, []);
}

export interface PresentationViewProps {
  readonly participantId: string;
  readonly name: string;
  readonly position: string;
  /** The case timer, as in meeting mode. */
  readonly timer: ReactNode;
  readonly onLeave: () => void;
}

/**
 * Meeting mode for the back of the room: large type, no navigation or banners (an open risk flag
 * still shows, as on every view of the person), the person's own words and the plan in focus. P (meeting mode's shortcut) or Escape leaves it; focus starts on the
 * person's name so a screen reader announces where it is.
 */
export function PresentationView({ participantId, name, position, timer, onLeave }: PresentationViewProps) {
  usePresentingLayout();
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const record = useLoaded(
    useCallback(() => api.call('participants.get', { id: participantId }), [api, participantId]),
    useReceivedChanges(),
  );
  const plan = usePlanData(participantId);
  useEffect(() => heading.current?.focus(), [participantId]);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onLeave();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [onLeave]);

  const person = record.value;
  const words = person === undefined || person.clinicalWithheld ? null : person.joinedUpAssessment;
  const versions = plan.data?.plans.versions ?? [];
  const shownPlan = versions.find((version) => version.status === 'draft') ?? versions.find((version) => version.status !== 'superseded');
  return (
    <div className="ww-present" data-testid="presentation-view">
      <div className="ww-present__bar">
        <div>
          <p className="ww-present__position">{position}</p>
          <h2 className="ww-present__name" tabIndex={-1} ref={heading}>
            {name}
          </h2>
        </div>
        {timer}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary ww-present__leave"
          aria-keyshortcuts="P Escape"
          onClick={onLeave}
        >
          Leave presentation view
        </button>
      </div>
      <ErrorSummary fieldErrors={{}} message={record.error ?? plan.error} />
      {person !== undefined && !person.clinicalWithheld && person.openRiskFlags.length > 0 && (
        // The one banner kept: an open risk flag shows on every view of the person.
        <p className="ww-present__risk" data-testid="presentation-risk">
          <strong>Open risk flag:</strong> not yet acknowledged. Leave this view to acknowledge it.
        </p>
      )}
      <div className="ww-present__columns">
        <section aria-labelledby="present-words" className="ww-present__words">
          <h3 id="present-words">In their own words</h3>
          {words === null ? (
            <p>{person === undefined ? 'Loading…' : 'No joined-up assessment yet.'}</p>
          ) : (
            <OwnWordsQuote assessment={words} className="ww-present__quote" />
          )}
        </section>
        <section aria-labelledby="present-plan" className="ww-present__plan">
          <h3 id="present-plan">The plan</h3>
          {plan.data === undefined ? (
            <p>Loading…</p>
          ) : shownPlan === undefined ? (
            <p>No plan yet.</p>
          ) : (
            <PlanSummary plan={shownPlan} labels={planLabels(plan.data.config)} />
          )}
        </section>
      </div>
      <p className="ww-present__hint">Press P or Escape to go back to meeting mode.</p>
    </div>
  );
}
