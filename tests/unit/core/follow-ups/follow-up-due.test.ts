import { describe, expect, it } from 'vitest';
import { fixedClock, londonDateOf } from '../../../../core/clock';
import { addCalendarMonths, dueFollowUps, followUpDueOn, followUpSchedule, followUpState } from '../../../../core/follow-ups/follow-up-due';

describe('follow-up due dates after exit (issue 20 item 6)', () => {
  it('falls 3 and 6 calendar months after the exit date', () => {
    expect(followUpSchedule('2026-09-10')).toEqual([
      { point: 'three_months', dueOn: '2026-12-10' },
      { point: 'six_months', dueOn: '2027-03-10' },
    ]);
  });

  it('takes the last day of a shorter month, never the month after (month ends and leap years)', () => {
    expect(followUpDueOn('2026-08-31', 'three_months')).toBe('2026-11-30');
    expect(followUpDueOn('2026-08-31', 'six_months')).toBe('2027-02-28');
    expect(followUpDueOn('2027-08-31', 'six_months')).toBe('2028-02-29');
    expect(followUpDueOn('2026-11-30', 'three_months')).toBe('2027-02-28');
    expect(followUpDueOn('2026-05-31', 'three_months')).toBe('2026-08-31');
    expect(addCalendarMonths('2026-12-15', 3)).toBe('2027-03-15');
    expect(addCalendarMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-01-10', -3)).toBe('2026-10-10');
  });

  it('is overdue after its due date, due from 14 days before it, recorded once recorded', () => {
    expect(followUpState('2026-12-01', '2026-12-06', false)).toBe('overdue');
    expect(followUpState('2026-12-06', '2026-12-06', false)).toBe('due');
    expect(followUpState('2026-12-20', '2026-12-06', false)).toBe('due');
    expect(followUpState('2026-12-21', '2026-12-06', false)).toBe('not_yet_due');
    expect(followUpState('2026-12-01', '2026-12-06', true)).toBe('recorded');
  });

  it('counts "today" in London: late on the evening of a British Summer Time day is already the next day', () => {
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST, UTC+1): a follow-up due on 31 May is then overdue.
    const today = londonDateOf(fixedClock('2026-05-31T23:30:00Z')());
    expect(today).toBe('2026-06-01');
    expect(followUpState('2026-05-31', today, false)).toBe('overdue');
    // In winter (GMT) the same UTC time is still the same day.
    const winterToday = londonDateOf(fixedClock('2026-12-31T23:30:00Z')());
    expect(winterToday).toBe('2026-12-31');
    expect(followUpState('2026-12-31', winterToday, false)).toBe('due');
    // The clocks going forward (29 March 2026) do not move a due date: 29 December + 3 months is 29 March.
    expect(followUpDueOn('2025-12-29', 'three_months')).toBe('2026-03-29');
  });

  it('keeps each exit’s follow-ups due until recorded: episode 1’s 3-month follow-up after they were referred again and left once more', () => {
    // Left (episode 1) on 10 September, referred again, left again (episode 2) on 20 September; today is 8 December.
    const first = { episode: 1, exitedOn: '2026-09-10', recorded: new Set<string>() };
    const second = { episode: 2, exitedOn: '2026-09-20', recorded: new Set<string>() };
    const due = (exits: ReadonlyArray<typeof first>) =>
      dueFollowUps(exits, '2026-12-08').map((item) => [item.exit.episode, item.point, item.dueOn, item.state]);
    expect(due([first, second])).toEqual([
      [1, 'three_months', '2026-12-10', 'due'],
      [2, 'three_months', '2026-12-20', 'due'],
    ]);
    // Episode 1's recorded follow-up is that episode's alone: episode 2's stays due.
    expect(due([{ ...first, recorded: new Set(['three_months']) }, second])).toEqual([[2, 'three_months', '2026-12-20', 'due']]);
    // Overdue once its day has passed, whatever happened since.
    expect(dueFollowUps([first], '2026-12-11').map((item) => item.state)).toEqual(['overdue']);
    expect(dueFollowUps([first], '2026-11-20')).toEqual([]);
  });
});
