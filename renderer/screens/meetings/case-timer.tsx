/** Minutes and seconds: 3:07. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The per-case timer against the minutes allotted: large enough to read from the back of the room,
 * amber in the last minute and red once over. A `timer` role is not announced on every tick.
 */
export function CaseTimer({
  elapsedSeconds,
  allottedMinutes,
  running,
}: {
  elapsedSeconds: number;
  allottedMinutes: number;
  running: boolean;
}) {
  const allotted = allottedMinutes * 60;
  const over = elapsedSeconds > allotted;
  const state = over ? 'over' : allotted - elapsedSeconds <= 60 ? 'ending' : 'ok';
  const share = Math.min(1, elapsedSeconds / allotted);
  return (
    <div
      className={`ww-timer ww-timer--${state}`}
      role="timer"
      aria-label={`Time on this case: ${clock(elapsedSeconds)} of ${allottedMinutes} minutes${over ? ', over time' : ''}${running ? '' : ', paused'}`}
    >
      <span className="ww-timer__time" aria-hidden="true">
        {clock(elapsedSeconds)}
        <span className="ww-timer__of"> / {allottedMinutes}:00</span>
      </span>
      <span className="ww-timer__label" aria-hidden="true">
        {over ? `${clock(elapsedSeconds - allotted)} over` : running ? 'on this case' : 'paused'}
      </span>
      <span className="ww-timer__bar" aria-hidden="true">
        <span className="ww-timer__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
    </div>
  );
}
