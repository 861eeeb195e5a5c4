import { useCallback, useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import { EMPLOYMENT_OUTCOME_LABELS, EMPLOYMENT_OUTCOMES, EXIT_REASON_LABELS, EXIT_REASONS } from '../../../core/schemas/action-plan';
import type { ParticipantView } from '../../../core/schemas/participant-record';
import { useApi } from '../../api/api-context';
import { canCall, offers } from '../../can-call';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { SelectInput } from '../../components/select-input';
import { SummaryList } from '../../components/summary-list';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { formatDate } from '../../format';
import { useSession } from '../../session-context';
import { useLoaded } from '../../use-loaded';
import { LetterOffer } from './letter-buttons';
import { options } from './person-and-work-fields';

/** The coach chooser: every coach with how many open cases they hold, so the caseload is shared fairly. */
function CoachChooser({ record, onChanged }: { record: ParticipantView; onChanged: () => void }) {
  const api = useApi();
  const { value: coaches } = useLoaded(useCallback(() => api.call('caseload.coaches', {}), [api]));
  const [coachUserId, setCoachUserId] = useState(record.coach?.userId ?? '');
  const save = useSubmit<Record<string, never>>((path) => `case-${path}`);
  return (
    <form
      noValidate
      aria-labelledby="assign-coach-heading"
      {...offers('participants.assignCoach')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(
          () => api.call('participants.assignCoach', { participantId: record.id, coachUserId: coachUserId === '' ? null : coachUserId }),
          onChanged,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="assign-coach-heading">
        Coach
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <SelectInput
        id="case-coachUserId"
        label="Work and Health Coach"
        hint="Open cases each coach holds now are shown in brackets"
        value={coachUserId}
        placeholder="No coach"
        options={(coaches?.items ?? []).map((coach) => ({
          value: coach.userId,
          label: `${coach.displayName} (${coach.openCases} open ${coach.openCases === 1 ? 'case' : 'cases'})`,
        }))}
        error={save.fieldErrors['case-coachUserId']}
        onValueChange={setCoachUserId}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={save.busy}>
        Assign coach
      </button>
    </form>
  );
}

/** Closes the case at any stage: the reason (the plan review's exit list), its words for "other", the date and the employment outcome. */
function CloseCaseForm({ participantId, onDone, onCancel }: { participantId: string; onDone: () => void; onCancel: () => void }) {
  const api = useApi();
  const [closedOn, setClosedOn] = useState(todayInLondon());
  const [reason, setReason] = useState('');
  const [reasonNote, setReasonNote] = useState('');
  const [employmentOutcome, setEmploymentOutcome] = useState('');
  const save = useSubmit<Record<string, never>>((path) => `close-${path}`);
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="close-case-heading"
      {...offers('participants.close')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(
          () =>
            api.call('participants.close', {
              participantId,
              closedOn,
              reason: reason as never,
              reasonNote,
              employmentOutcome: employmentOutcome as never,
            }),
          onDone,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="close-case-heading">
        Close the case
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <p className="nhsuk-body-s">Closing keeps the whole record. The person leaves the open caseload and is listed as exited.</p>
      <SelectInput
        id="close-reason"
        label="Why is the case closing?"
        value={reason}
        placeholder="Choose a reason"
        options={options(EXIT_REASONS, EXIT_REASON_LABELS)}
        error={save.fieldErrors['close-reason']}
        onValueChange={setReason}
      />
      {reason === 'other' && (
        <TextareaInput
          id="close-reasonNote"
          label="The reason"
          value={reasonNote}
          rows={2}
          error={save.fieldErrors['close-reasonNote']}
          onValueChange={setReasonNote}
        />
      )}
      <SelectInput
        id="close-employmentOutcome"
        label="Employment outcome"
        value={employmentOutcome}
        placeholder="Choose the outcome"
        options={options(EMPLOYMENT_OUTCOMES, EMPLOYMENT_OUTCOME_LABELS)}
        error={save.fieldErrors['close-employmentOutcome']}
        onValueChange={setEmploymentOutcome}
      />
      <DateInput
        id="close-closedOn"
        label="Date the case closed"
        value={closedOn}
        error={save.fieldErrors['close-closedOn']}
        onValueChange={setClosedOn}
      />
      <FormActions submitLabel="Close the case" busy={save.busy} onCancel={onCancel} warning />
    </form>
  );
}

/** The case: its coach (assign or reassign) and closing it, or how it closed. */
export function CaseSection({ record, onChanged }: { record: ParticipantView; onChanged: () => void }) {
  const { user } = useSession();
  const [closing, setClosing] = useState(false);
  const [justClosed, setJustClosed] = useState(false);
  const { closure } = record;
  return (
    <section aria-labelledby="case-heading">
      <h2 className="nhsuk-heading-m" id="case-heading">
        Case
      </h2>
      {closure !== null && (
        <SummaryList
          rows={[
            ['Closed on', formatDate(closure.closedOn)],
            [
              'Reason',
              closure.reasonNote === null
                ? EXIT_REASON_LABELS[closure.reason]
                : `${EXIT_REASON_LABELS[closure.reason]}: ${closure.reasonNote}`,
            ],
            ['Employment outcome', EMPLOYMENT_OUTCOME_LABELS[closure.employmentOutcome]],
          ]}
        />
      )}
      {closure !== null && justClosed && canCall('documents.letterPdf', user.role) && (
        <LetterOffer participantId={record.id} kind="case_closed" onProduced={onChanged} />
      )}
      {closure === null && canCall('participants.assignCoach', user.role) ? (
        <CoachChooser record={record} onChanged={onChanged} />
      ) : (
        <p className="nhsuk-body">Coach: {record.coach?.displayName ?? 'None assigned'}</p>
      )}
      {closure === null &&
        canCall('participants.close', user.role) &&
        (closing ? (
          <CloseCaseForm
            participantId={record.id}
            onDone={() => {
              setClosing(false);
              setJustClosed(true);
              onChanged();
            }}
            onCancel={() => setClosing(false)}
          />
        ) : (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--warning"
            {...offers('participants.close')}
            onClick={() => setClosing(true)}
          >
            Close the case
          </button>
        ))}
    </section>
  );
}
