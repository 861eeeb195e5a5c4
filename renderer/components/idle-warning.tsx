import { useEffect, useRef, useState } from 'react';

export interface IdleWarningProps {
  /** Seconds to the idle lock when the warning appeared (the services' count). */
  readonly secondsLeft: number;
  readonly onStay: () => void;
}

/**
 * A minute before the idle lock: says so, counts down, and offers "Stay signed in" (focused, so
 * Enter or Space keeps the session). The place on screen is already saved for after the unlock.
 */
export function IdleWarning({ secondsLeft, onStay }: IdleWarningProps) {
  const stay = useRef<HTMLButtonElement>(null);
  const [shownAt] = useState(() => ({ seconds: secondsLeft, at: performance.now() }));
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => stay.current?.focus(), []);
  useEffect(() => {
    // A duration on screen, so the monotonic clock, not the app's.
    const tick = setInterval(() => setLeft(Math.max(0, shownAt.seconds - Math.floor((performance.now() - shownAt.at) / 1000))), 1000);
    return () => clearInterval(tick);
  }, [shownAt]);
  return (
    <div
      className="ww-panel ww-idle-warning"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="idle-warning-heading"
      aria-describedby="idle-warning-body"
    >
      <h2 className="nhsuk-heading-m" id="idle-warning-heading">
        You will be signed out soon
      </h2>
      <p id="idle-warning-body">
        No one has used WorkWell MDT for a while, so it will lock in <span data-testid="idle-seconds-left">{left}</span> seconds. Where you
        are is kept: after unlocking you return to this screen.
      </p>
      <button type="button" className="nhsuk-button" ref={stay} onClick={onStay}>
        Stay signed in
      </button>
    </div>
  );
}
