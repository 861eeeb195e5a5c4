import { describe, expect, it } from 'vitest';
import { addOneMonth, dueDateFrom } from '../../../../core/plans/due-shortcuts';

describe('due-date shortcuts', () => {
  it('count a week, two weeks and a calendar month from today, across a year end', () => {
    expect(dueDateFrom('2026-12-06', 'one_week')).toBe('2026-12-13');
    expect(dueDateFrom('2026-12-28', 'two_weeks')).toBe('2027-01-11');
    expect(dueDateFrom('2026-12-06', 'one_month')).toBe('2027-01-06');
  });

  it('a month from the 31st is the last day of a shorter month, leap years included', () => {
    expect(addOneMonth('2027-01-31')).toBe('2027-02-28');
    expect(addOneMonth('2028-01-31')).toBe('2028-02-29');
    expect(addOneMonth('2027-03-31')).toBe('2027-04-30');
  });
});
