import { describe, expect, it } from 'vitest';
import { meetingClock, meetingClockText } from '../../../core/meetings/meeting-clock';

describe('the meeting clock', () => {
  it('shows the time left against the cases left, and the minutes each can have', () => {
    const clock = meetingClock({ spentSeconds: 48 * 60 + 30, durationMinutes: 90, minutesPerCase: 7, casesLeft: 6 });
    expect(clock).toEqual({ minutesLeft: 41, casesLeft: 6, minutesEach: 6, minutesNeeded: 42, fits: false });
    expect(meetingClockText(clock)).toBe('41 min left · 6 cases left · 6 min each');
  });

  it('warns when 12 cases of 8 minutes will not fit in a 90-minute meeting, and not when they fit', () => {
    expect(meetingClock({ spentSeconds: 0, durationMinutes: 90, minutesPerCase: 8, casesLeft: 12 }).fits).toBe(false);
    expect(meetingClock({ spentSeconds: 0, durationMinutes: 96, minutesPerCase: 8, casesLeft: 12 }).fits).toBe(true);
    expect(meetingClock({ spentSeconds: 1, durationMinutes: 96, minutesPerCase: 8, casesLeft: 12 }).fits).toBe(false);
  });

  it('says how far over the meeting is once its time is used, and never divides by no cases', () => {
    const over = meetingClock({ spentSeconds: 95 * 60, durationMinutes: 90, minutesPerCase: 8, casesLeft: 2 });
    expect(over.minutesEach).toBe(0);
    expect(meetingClockText(over)).toBe('5 min over the meeting’s time · 2 cases left');
    const done = meetingClock({ spentSeconds: 60, durationMinutes: 90, minutesPerCase: 8, casesLeft: 0 });
    expect(done).toMatchObject({ minutesEach: 0, fits: true });
    expect(meetingClockText(meetingClock({ spentSeconds: 0, durationMinutes: 30, minutesPerCase: 8, casesLeft: 1 }))).toBe(
      '30 min left · 1 case left · 30 min each',
    );
  });
});
