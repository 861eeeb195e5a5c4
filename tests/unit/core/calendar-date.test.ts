import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, ageOn, daysBetween, lastCompleteMonth } from '../../../core/calendar-date';

describe('calendar dates', () => {
  it('adds days across month, year and leap-day boundaries, forwards and back', () => {
    expect(addDaysToIsoDate('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDaysToIsoDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToIsoDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToIsoDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDaysToIsoDate('2026-11-30', 0)).toBe('2026-11-30');
  });

  it('is not moved by the clock changes (the last Sundays of March and October)', () => {
    expect(addDaysToIsoDate('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDaysToIsoDate('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDaysToIsoDate('2026-10-24', 7)).toBe('2026-10-31');
    expect(daysBetween('2026-03-28', addDaysToIsoDate('2026-03-28', 120))).toBe(120);
  });
});

describe('lastCompleteMonth', () => {
  it('is the month before, across a year end', () => {
    expect(lastCompleteMonth('2026-12-06')).toBe('2026-11');
    expect(lastCompleteMonth('2027-01-01')).toBe('2026-12');
    expect(lastCompleteMonth('2026-10-31')).toBe('2026-09');
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday from its own day, and a 29 February birthday from 1 March', () => {
    expect(ageOn('1980-12-06', '2026-12-06')).toBe(46);
    expect(ageOn('1980-12-07', '2026-12-06')).toBe(45);
    expect(ageOn('1980-01-31', '2026-02-01')).toBe(46);
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22);
  });
});
