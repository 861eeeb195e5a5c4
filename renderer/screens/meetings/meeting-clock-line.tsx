import { meetingClock, meetingClockText } from '../../../core/meetings/meeting-clock';

/**
 * The whole meeting's clock beside the case timer: the time left against the cases left, and a
 * warning the chair cannot miss when the cases left at the planned minutes each will not fit.
 */
export function MeetingClockLine(props: { spentSeconds: number; durationMinutes: number; minutesPerCase: number; casesLeft: number }) {
  const clock = meetingClock(props);
  return (
    <div className={`ww-meeting-clock${clock.fits ? '' : ' ww-meeting-clock--short'}`} data-testid="meeting-clock">
      <span className="ww-meeting-clock__text">{meetingClockText(clock)}</span>
      {!clock.fits && (
        <strong className="ww-meeting-clock__warning">
          Will not fit: {clock.casesLeft} × {props.minutesPerCase} min = {clock.minutesNeeded} min
          {clock.minutesLeft >= 0 ? ` in ${clock.minutesLeft} min left` : ' and the meeting is over time'}
        </strong>
      )}
    </div>
  );
}
