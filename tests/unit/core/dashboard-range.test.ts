import { describe, expect, it } from 'vitest';
import { defaultDashboardRange, weekStartOf, weeksOf } from '../../../core/dashboard/dashboard-range';

describe("the dashboard's weeks", () => {
  it('count a day in the week from its Monday, whatever the weekday, across a month and a year end', () => {
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(weekStartOf('2026-12-01')).toBe('2026-11-30');
    expect(weekStartOf('2027-01-02')).toBe('2026-12-28'); // a Saturday, the week began in the old year
    expect(weekStartOf('2026-03-29')).toBe('2026-03-23'); // the Sunday the clocks go forward: calendar days, no time zone
  });

  it('default to the last 12 weeks, this one included, up to today', () => {
    expect(defaultDashboardRange('2026-12-06')).toEqual({ from: '2026-09-14', to: '2026-12-06' });
    expect(weeksOf(defaultDashboardRange('2026-12-06'))).toHaveLength(12);
    expect(weeksOf({ from: '2026-12-01', to: '2026-12-06' })).toEqual(['2026-11-30']);
    expect(weeksOf({ from: '2026-11-29', to: '2026-11-30' })).toEqual(['2026-11-23', '2026-11-30']);
  });
});
