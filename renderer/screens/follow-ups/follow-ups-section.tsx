import { useCallback, useRef, useState } from 'react';
import { FOLLOW_UP_POINT_LABELS, type FollowUpPoint } from '../../../core/follow-ups/follow-up-due';
import { CONTACT_KIND_LABELS } from '../../../core/schemas/contact-log';
import type { FollowUp, PersonFollowUps } from '../../../core/schemas/follow-up';
import { EMPLOYMENT_STATUS_LABELS } from '../../../core/schemas/referral';
import { useApi } from '../../api/api-context';
import { canCall, offers, whoMay } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { formatDate, formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { useLoaded } from '../../use-loaded';
import { FollowUpForm } from './follow-up-form';
import { FollowUpStateTag } from './follow-up-state-tag';

/** What a follow-up found, in words: "In work, same employer, 30 hours a week", or "Could not be contacted after 3 attempts". */
export function followUpFinding(entry: FollowUp): string {
  if (entry.outcome === 'could_not_contact')
    return `Could not be contacted after ${entry.attempts ?? 0} attempt${entry.attempts === 1 ? '' : 's'}`;
  const parts = [entry.employmentStatus === null ? 'Status not recorded' : EMPLOYMENT_STATUS_LABELS[entry.employmentStatus]];
  if (entry.sameEmployer !== null) parts.push(entry.sameEmployer ? 'same employer' : 'a different employer');
  if (entry.hoursPerWeek !== null) parts.push(`${entry.hoursPerWeek} hours a week`);
  return parts.join(', ');
}

function Entry({ entry }: { entry: FollowUp }) {
  return (
    <li>
      <strong>{followUpFinding(entry)}</strong> ({formatDate(entry.contactedOn)}, {CONTACT_KIND_LABELS[entry.method].toLowerCase()})
      {entry.note !== null && <div>Note: {entry.note}</div>}
      {entry.correctionReason !== null && <div className="ww-secondary-text">Correction: {entry.correctionReason}</div>}
      <div className="ww-secondary-text">
        Recorded by {entry.recordedByName}, {formatDateTime(entry.recordedAt)}.
      </div>
      {entry.replacedById !== null && <strong className="nhsuk-tag nhsuk-tag--grey">Corrected by a later entry</strong>}
    </li>
  );
}

type Editing = { exitedOn: string; point: FollowUpPoint; correcting?: FollowUp };

/**
 * "Follow-ups after exit" on the record of someone who has left at least once (issue 20 items 4
 * and 6): for each exit, newest first, the 3- and 6-month follow-ups with their due dates and where
 * each stands, what was recorded (corrections kept), and for the coach and coordinator a form to
 * record one or correct it. An earlier episode's follow-ups stay here after they are referred again.
 * `endedOn` (the episodes' end dates) reloads the section when a case closes or a new one starts.
 */
export function FollowUpsSection({ participantId, endedOn }: { participantId: string; endedOn: string }) {
  const api = useApi();
  const { user } = useSession();
  const mayRecord = canCall('followUps.record', user.role);
  const { value, error, reload } = useLoaded(
    useCallback(() => api.call('followUps.ofPerson', { participantId }), [api, participantId]),
    endedOn,
  );
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const close = () => {
    setEditing(undefined);
    heading.current?.focus();
  };
  return (
    <section aria-labelledby="follow-ups-section" data-testid="follow-ups-section">
      <h2 className="nhsuk-heading-m" id="follow-ups-section" tabIndex={-1} ref={heading}>
        Follow-ups after exit
      </h2>
      <ErrorSummary fieldErrors={{}} message={error} />
      {value?.exits.map((exit) => (
        <FollowUpPoints
          key={exit.exitedOn}
          exit={exit}
          named={value.exits.length > 1}
          mayRecord={mayRecord}
          editing={editing}
          onEdit={setEditing}
        />
      ))}
      {!mayRecord && <p className="nhsuk-inset-text">Only the {whoMay('followUps.record')} can record follow-ups.</p>}
      {editing !== undefined && (
        <FollowUpForm
          participantId={participantId}
          exitedOn={editing.exitedOn}
          point={editing.point}
          correcting={editing.correcting}
          onCancel={close}
          onDone={() => {
            close();
            void reload();
          }}
        />
      )}
    </section>
  );
}

/** One exit's follow-ups; `named` (when the person has left more than once) says which episode in each heading and button. */
function FollowUpPoints({
  exit,
  named,
  mayRecord,
  editing,
  onEdit,
}: {
  exit: PersonFollowUps['exits'][number];
  named: boolean;
  mayRecord: boolean;
  editing: unknown;
  onEdit: (editing: Editing) => void;
}) {
  const ofEpisode = named ? ` (episode ${exit.episode})` : '';
  return (
    <div data-testid={`follow-ups-episode-${exit.episode}`}>
      <p className="nhsuk-body">
        {named ? `Episode ${exit.episode}: they` : 'They'} left the service on {formatDate(exit.exitedOn)}. Did they stay in work? Follow
        them up at 3 and 6 months.
      </p>
      {exit.points.map((point) => (
        <div className="ww-panel" key={point.point} data-testid={`follow-up-${point.point}`}>
          <h3 className="nhsuk-heading-s">
            {FOLLOW_UP_POINT_LABELS[point.point]}
            {ofEpisode}: due {formatDate(point.dueOn)} <FollowUpStateTag state={point.state} />
          </h3>
          {point.entries.length > 0 && (
            <ul className="nhsuk-list">
              {point.entries.map((entry) => (
                <Entry key={entry.id} entry={entry} />
              ))}
            </ul>
          )}
          {mayRecord && editing === undefined && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              {...offers('followUps.record')}
              onClick={() =>
                onEdit({
                  exitedOn: exit.exitedOn,
                  point: point.point,
                  ...(point.current === null ? {} : { correcting: point.current }),
                })
              }
            >
              {point.current === null ? 'Record' : 'Correct'} the {FOLLOW_UP_POINT_LABELS[point.point].toLowerCase()}
              {ofEpisode}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
