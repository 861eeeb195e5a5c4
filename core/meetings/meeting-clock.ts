/** Where a meeting stands against its booked length: what the chair needs to keep to time. */
export interface MeetingClock {
  /** Minutes of the booked length not yet used (negative once over), whole minutes rounded down. */
  readonly minutesLeft: number;
  readonly casesLeft: number;
  /** The minutes each case left can have in the time left (0 when none is left). */
  readonly minutesEach: number;
  /** What the cases left need at the planned minutes each. */
  readonly minutesNeeded: number;
  /** False when the cases left at the planned minutes each will not fit in the time left. */
  readonly fits: boolean;
}

/**
 * The meeting clock from the time spent so far (the sum of the per-case timers, so a pause pauses
 * it too), the booked length, the planned minutes a case and how many cases are still to discuss.
 */
export function meetingClock(input: {
  readonly spentSeconds: number;
  readonly durationMinutes: number;
  readonly minutesPerCase: number;
  readonly casesLeft: number;
}): MeetingClock {
  const secondsLeft = input.durationMinutes * 60 - input.spentSeconds;
  const minutesLeft = Math.floor(secondsLeft / 60);
  const minutesNeeded = input.casesLeft * input.minutesPerCase;
  return {
    minutesLeft,
    casesLeft: input.casesLeft,
    minutesEach: input.casesLeft === 0 || minutesLeft <= 0 ? 0 : Math.floor(minutesLeft / input.casesLeft),
    minutesNeeded,
    fits: minutesNeeded * 60 <= secondsLeft,
  };
}

/** "42 min left · 6 cases left · 7 min each", or how far over the meeting is. */
export function meetingClockText(clock: MeetingClock): string {
  const cases = `${clock.casesLeft} ${clock.casesLeft === 1 ? 'case' : 'cases'} left`;
  if (clock.minutesLeft < 0) return `${-clock.minutesLeft} min over the meeting’s time · ${cases}`;
  return `${clock.minutesLeft} min left · ${cases} · ${clock.minutesEach} min each`;
}
