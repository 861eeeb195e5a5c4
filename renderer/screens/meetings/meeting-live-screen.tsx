import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaItem, Meeting } from '../../../core/schemas/meetings';
import { useApi } from '../../api/api-context';
import { canCall, offers, whoMay } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { KeyboardShortcuts } from '../../components/keyboard-shortcuts';
import { TextareaInput } from '../../components/textarea-input';
import { formatDate, formatTime } from '../../format';
import { navigate, routeHref } from '../../routing';
import { useSession } from '../../session-context';
import { PlanPanel } from '../plans/plan-panel';
import { AttendanceForm } from './attendance-form';
import { CaseSummary } from './case-summary';
import { CaseTimer } from './case-timer';
import { MeetingClockLine } from './meeting-clock-line';
import { PresentationView } from './presentation-view';
import { forgetMeetingPlace, rememberMeetingPlace, takeRestoredMeetingPlace } from '../../resume-place';
import { EndMeetingDialog } from './end-meeting-dialog';
import { AgendaChips } from './agenda-chips';
import { agendaPersonName } from './agenda-row';
import { LIVE_SHORTCUTS, useLiveShortcuts, type LiveShortcutAction } from './live-shortcuts';
import { useCaseNotes, type NotesStatus } from './use-case-notes';
import { useLoaded } from '../../use-loaded';
import { useReceivedChanges } from '../../sync/received-changes';

function hasRecord(item: AgendaItem): boolean {
  return item.notes !== '' || item.decisions !== '' || item.planAgreedHere;
}

/** Widens the page for a projector while meeting mode is open. */
function useWideLayout(): void {
  useEffect(() => {
    document.documentElement.classList.add('ww-wide');
    return () => document.documentElement.classList.remove('ww-wide');
  }, []);
}

/**
 * Meeting mode, for the projector: one case at a time with everything the team needs, a per-case
 * timer, live notes and decisions saved as they are typed, the plan drafted and agreed in place,
 * and keyboard shortcuts to move between cases. Attendance is taken first.
 */
export function MeetingLiveScreen({ id }: { id: string }) {
  useWideLayout();
  const api = useApi();
  const { user } = useSession();
  const meeting = useLoaded(
    useCallback(() => api.call('meetings.get', { meetingId: id }), [api, id]),
    useReceivedChanges(),
  );
  const config = useLoaded(useCallback(() => api.call('config.get', {}), [api]));
  const [editingAttendance, setEditingAttendance] = useState(false);
  const value = meeting.value;
  const title = value === undefined ? 'Meeting mode' : `Meeting on ${formatDate(value.heldOn)}`;
  if (value === undefined || config.value === undefined) {
    return (
      <AppPage title="Meeting mode">
        <ErrorSummary fieldErrors={{}} message={meeting.error ?? config.error} />
        {meeting.error === undefined && <p role="status">Loading the meeting…</p>}
      </AppPage>
    );
  }
  if (value.status === 'ended') {
    return (
      <AppPage title={title}>
        <p className="nhsuk-inset-text">
          This meeting has ended. <a href={routeHref({ name: 'meeting', id, view: 'minutes' })}>Read the minutes</a>.
        </p>
      </AppPage>
    );
  }
  if (value.presentIds === null && !canCall('meetings.recordAttendance', user.role)) {
    // Attendance opens the meeting; a role that may not record it waits for the chair rather than meeting a form it would be refused.
    return (
      <AppPage title={title}>
        <p className="nhsuk-inset-text">
          The meeting has not started yet: only the {whoMay('meetings.recordAttendance')} can take attendance and open it.
        </p>
      </AppPage>
    );
  }
  if (value.presentIds === null || editingAttendance) {
    return (
      <AppPage title={title}>
        <AttendanceForm
          meeting={value}
          config={config.value}
          onSaved={() => {
            setEditingAttendance(false);
            void meeting.reload();
          }}
          onCancel={value.presentIds === null ? undefined : () => setEditingAttendance(false)}
        />
      </AppPage>
    );
  }
  return (
    <AppPage title={title}>
      <LiveCase meeting={value} presentIds={value.presentIds} reload={meeting.reload} onEditAttendance={() => setEditingAttendance(true)} />
    </AppPage>
  );
}

function notesStatusText(status: NotesStatus): string {
  switch (status.kind) {
    case 'saved':
      return status.at === null ? 'Nothing typed yet' : `Saved at ${formatTime(status.at)}`;
    case 'unsaved':
      return 'Not saved yet';
    case 'saving':
      return 'Saving…';
    case 'conflict':
    case 'failed':
      return 'Not saved';
  }
}

interface LiveCaseProps {
  readonly meeting: Meeting;
  readonly presentIds: string[];
  readonly reload: () => Promise<void>;
  readonly onEditAttendance: () => void;
}

function LiveCase({ meeting, presentIds, reload, onEditAttendance }: LiveCaseProps) {
  const api = useApi();
  const { user } = useSession();
  const agenda = meeting.agenda;
  // Back from an idle lock: the same case, with each case's time so far.
  const [restored] = useState(takeRestoredMeetingPlace);
  const [index, setIndex] = useState(() => {
    const restoredIndex = agenda.findIndex((item) => item.id === restored?.caseId);
    return restoredIndex >= 0
      ? restoredIndex
      : Math.max(
          0,
          agenda.findIndex((item) => !hasRecord(item)),
        );
  });
  const item = agenda[Math.min(index, agenda.length - 1)];
  const notes = useCaseNotes(item);
  const [elapsed, setElapsed] = useState<Record<string, number>>(() => ({ ...(restored?.timers ?? {}) }));
  useEffect(() => rememberMeetingPlace({ caseId: item?.id, timers: elapsed }), [item?.id, elapsed]);
  useEffect(() => forgetMeetingPlace, []);
  const [running, setRunning] = useState(true);
  const [presenting, setPresenting] = useState(false);
  // Where focus goes once meeting mode is back after the presentation view: the case, or the notes (Alt+J).
  const [focusAfterPresenting, setFocusAfterPresenting] = useState<'case' | 'notes' | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  // When ending was asked for: the case whose notes had not reached the store then, if any.
  const [ending, setEnding] = useState<{ unsavedCase: string | undefined } | undefined>(undefined);
  const [endState, setEndState] = useState<{ busy: boolean; message?: string | undefined }>({ busy: false });
  const [typedBeforeConflict, setTypedBeforeConflict] = useState<{ notes: string; decisions: string } | undefined>(undefined);
  const caseHeading = useRef<HTMLHeadingElement>(null);
  const notesField = useRef<HTMLDivElement>(null);
  const mayEnd = canCall('meetings.end', user.role);

  useEffect(() => {
    if (!running || item === undefined) return undefined;
    const tick = setInterval(() => setElapsed((current) => ({ ...current, [item.id]: (current[item.id] ?? 0) + 1 })), 1000);
    return () => clearInterval(tick);
  }, [running, item]);

  const goTo = async (next: number) => {
    if (next < 0 || next >= agenda.length || next === index) return;
    if (!(await notes.flush())) {
      setAnnouncement('The notes on this case could not be saved. Resolve that before moving on.');
      return;
    }
    const target = agenda[next];
    setIndex(next);
    setRunning(true);
    if (target !== undefined) setAnnouncement(`Case ${next + 1} of ${agenda.length}: ${agendaPersonName(target)}.`);
    await reload();
    caseHeading.current?.focus();
  };

  const onShortcut = (action: LiveShortcutAction) => {
    if (action === 'next') void goTo(index + 1);
    if (action === 'previous') void goTo(index - 1);
    if (action === 'timer') {
      setRunning((current) => !current);
      setAnnouncement(running ? 'Timer paused.' : 'Timer running.');
    }
    if (action === 'save') void notes.flush().then((saved) => setAnnouncement(saved ? 'Notes saved.' : 'The notes could not be saved.'));
    if (action === 'notes') {
      if (presenting) {
        // The notes field is back on the page once the presentation view has gone.
        setPresenting(false);
        setFocusAfterPresenting('notes');
      } else notesField.current?.querySelector('textarea')?.focus();
    }
    if (action === 'present') togglePresenting();
  };
  const togglePresenting = () => {
    setAnnouncement(presenting ? 'Back to meeting mode.' : 'Presentation view. Press P or Escape to leave.');
    if (presenting) setFocusAfterPresenting('case');
    setPresenting(!presenting);
  };
  useLiveShortcuts(ending === undefined, onShortcut);
  useEffect(() => {
    if (presenting || focusAfterPresenting === undefined) return;
    if (focusAfterPresenting === 'notes') notesField.current?.querySelector('textarea')?.focus();
    else caseHeading.current?.focus();
    setFocusAfterPresenting(undefined);
  }, [presenting, focusAfterPresenting]);

  const end = async (saveFirst: boolean) => {
    setEndState({ busy: true });
    if (saveFirst && !(await notes.flush())) {
      setEndState({
        busy: false,
        message: 'The notes could not be saved, so the meeting has not ended. Go back and resolve them, or end without saving.',
      });
      return;
    }
    const result = await api.call('meetings.end', { meetingId: meeting.id });
    if (!result.ok) {
      setEndState({ busy: false, message: result.error.message });
      return;
    }
    navigate({ name: 'meeting', id: meeting.id, view: 'minutes' });
  };

  if (item === undefined) return <p className="nhsuk-inset-text">The agenda is empty.</p>;
  const recordedHere = (candidate: AgendaItem) =>
    candidate.id === item.id ? notes.notes !== '' || notes.decisions !== '' || candidate.planAgreedHere : hasRecord(candidate);
  // The case on screen is still being discussed, whatever has been typed on it so far.
  const casesLeft = agenda.filter((candidate) => candidate.id === item.id || !recordedHere(candidate)).length;
  const spentSeconds = Object.values(elapsed).reduce((sum, seconds) => sum + seconds, 0);
  const timer = <CaseTimer elapsedSeconds={elapsed[item.id] ?? 0} allottedMinutes={meeting.minutesPerCase} running={running} />;
  if (presenting) {
    return (
      <>
        <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        <PresentationView
          participantId={item.participantId}
          name={agendaPersonName(item)}
          position={`Case ${index + 1} of ${agenda.length}`}
          timer={timer}
          onLeave={togglePresenting}
        />
      </>
    );
  }
  if (ending !== undefined) {
    return (
      <EndMeetingDialog
        notDiscussed={agenda.filter((candidate) => !recordedHere(candidate)).map(agendaPersonName)}
        unsavedCase={ending.unsavedCase}
        busy={endState.busy}
        message={endState.message}
        onSaveAndEnd={() => void end(true)}
        onEndWithoutSaving={() => void end(false)}
        onCancel={() => {
          setEnding(undefined);
          setEndState({ busy: false });
        }}
      />
    );
  }
  return (
    <div className="ww-live" data-testid="meeting-live">
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="ww-live__bar">
        <div className="ww-live__case-title">
          <p className="ww-live__count">
            Case {index + 1} of {agenda.length}
            {item.carriedOver && <strong className="nhsuk-tag nhsuk-tag--yellow">Carried over</strong>}
          </p>
          <h2 className="ww-live__name" tabIndex={-1} ref={caseHeading}>
            {agendaPersonName(item)} <span className="ww-live__reference">{item.reference}</span>
          </h2>
        </div>
        {timer}
        <div className="ww-live__nav">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            aria-keyshortcuts="Alt+P"
            disabled={index === 0}
            onClick={() => void goTo(index - 1)}
          >
            Previous case
          </button>
          <button
            type="button"
            className="nhsuk-button"
            aria-keyshortcuts="Alt+N"
            disabled={index === agenda.length - 1}
            onClick={() => void goTo(index + 1)}
          >
            Next case
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-keyshortcuts="P" onClick={togglePresenting}>
            Present
          </button>
        </div>
        <MeetingClockLine
          spentSeconds={spentSeconds}
          durationMinutes={meeting.durationMinutes}
          minutesPerCase={meeting.minutesPerCase}
          casesLeft={casesLeft}
        />
      </div>
      <AgendaChips agenda={agenda} currentIndex={index} recorded={recordedHere} onGoTo={(position) => void goTo(position)} />
      <div className="ww-live__columns">
        <section className="ww-live__summary" aria-label="About the person">
          <CaseSummary key={item.participantId} participantId={item.participantId} />
        </section>
        <section className="ww-live__work" aria-label="Discussion and plan">
          <div ref={notesField} className="ww-live__notes">
            <h3 className="nhsuk-heading-s">Discussion</h3>
            {notes.status.kind === 'conflict' || notes.status.kind === 'failed' ? (
              <div className="nhsuk-error-summary" role="alert">
                <p>{notes.status.message}</p>
                {notes.status.kind === 'conflict' && (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    onClick={() => {
                      setTypedBeforeConflict({ notes: notes.notes, decisions: notes.decisions });
                      void api.call('meetings.get', { meetingId: meeting.id }).then((result) => {
                        const saved = result.ok ? result.value.agenda.find((candidate) => candidate.id === item.id) : undefined;
                        if (saved !== undefined) notes.adopt(saved);
                      });
                    }}
                  >
                    Show the saved notes
                  </button>
                )}
              </div>
            ) : null}
            {typedBeforeConflict !== undefined && (
              <details className="nhsuk-details" open>
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">What you typed (not saved): copy what you need</span>
                </summary>
                <div className="nhsuk-details__text ww-preserve">
                  {typedBeforeConflict.notes}
                  {'\n'}
                  {typedBeforeConflict.decisions}
                </div>
              </details>
            )}
            <TextareaInput id={`notes-${item.id}`} label="Discussion notes" rows={4} value={notes.notes} onValueChange={notes.setNotes} />
            <TextareaInput
              id={`decisions-${item.id}`}
              label="Outcome and decisions"
              rows={3}
              value={notes.decisions}
              onValueChange={notes.setDecisions}
            />
            <p className="ww-secondary-text" role="status">
              {notesStatusText(notes.status)}
            </p>
          </div>
          <h3 className="nhsuk-heading-s">Action plan</h3>
          <PlanPanel
            key={item.participantId}
            participantId={item.participantId}
            meeting={{ id: meeting.id, attendeeTeamMemberIds: presentIds }}
          />
        </section>
      </div>
      <div className="ww-live__footer">
        {canCall('meetings.recordAttendance', user.role) ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            {...offers('meetings.recordAttendance')}
            onClick={onEditAttendance}
          >
            Attendance ({presentIds.length} present)
          </button>
        ) : (
          <p className="nhsuk-body">{presentIds.length} present.</p>
        )}
        {mayEnd && (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--warning"
            {...offers('meetings.end')}
            onClick={() => {
              void reload();
              setEnding({
                unsavedCase:
                  notes.hasUnsaved() || notes.status.kind === 'conflict' || notes.status.kind === 'failed'
                    ? agendaPersonName(item)
                    : undefined,
              });
            }}
          >
            End the meeting
          </button>
        )}
        <KeyboardShortcuts shortcuts={LIVE_SHORTCUTS} />
      </div>
    </div>
  );
}
