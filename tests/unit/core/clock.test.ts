import { afterEach, describe, expect, it } from 'vitest';
import { clockStartingAt, currentClock, fixedClock, londonDateOf, setClockSource, systemClock, todayInLondon } from '../../../core/clock';

describe('the one clock', () => {
  afterEach(() => setClockSource(() => systemClock));

  it('dates a moment by the calendar in England, whatever the computer’s time zone', () => {
    // 23:30 UTC in summer is 00:30 the next day in British Summer Time.
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    // In winter London is on UTC.
    expect(londonDateOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(londonDateOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
    // Across both clock changes.
    expect(londonDateOf(new Date('2027-03-28T00:30:00Z'))).toBe('2027-03-28');
    expect(londonDateOf(new Date('2027-03-28T23:30:00Z'))).toBe('2027-03-29');
    expect(londonDateOf(new Date('2027-10-30T23:30:00Z'))).toBe('2027-10-31');
    expect(londonDateOf(new Date('2027-10-31T23:30:00Z'))).toBe('2027-10-31');
    expect(londonDateOf(new Date('2028-02-29T12:00:00Z'))).toBe('2028-02-29');
  });

  it('a fixed clock never moves; a clock started at an instant moves on from it', async () => {
    const fixed = fixedClock('2026-12-06T10:00:00Z');
    expect(fixed().toISOString()).toBe('2026-12-06T10:00:00.000Z');
    const moving = clockStartingAt('2026-12-06T10:00:00Z');
    const first = moving().getTime();
    expect(first).toBeGreaterThanOrEqual(Date.parse('2026-12-06T10:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(moving().getTime()).toBeGreaterThan(first);
    expect(fixed().toISOString()).toBe('2026-12-06T10:00:00.000Z');
    expect(() => fixedClock('not a date')).toThrow('Not an instant');
  });

  it('code without a clock of its own (shared schemas) reads the clock the runtime set', () => {
    setClockSource(() => fixedClock('2028-02-29T23:30:00Z'));
    expect(todayInLondon()).toBe('2028-02-29');
    expect(currentClock()().toISOString()).toBe('2028-02-29T23:30:00.000Z');
  });
});
