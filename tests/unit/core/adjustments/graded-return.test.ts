import { describe, expect, it } from 'vitest';
import { gradedReturnProblems, MAX_SCHEDULE_WEEKS, weekStartDate, type GradedReturnWeek } from '../../../../core/adjustments/graded-return';
import { workplaceAdjustmentsContentSchema } from '../../../../core/schemas/workplace-adjustments';

const START = '2026-12-07';

/** A schedule whose weeks follow on from START with the given hours. */
function weeks(...hours: number[]): GradedReturnWeek[] {
  return hours.map((value, index) => ({ startsOn: weekStartDate(START, index), hours: value, duties: `Duties for week ${index + 1}` }));
}

describe('graded return schedule validation', () => {
  it('accepts weeks that follow on from the start date, up to the contracted hours', () => {
    expect(gradedReturnProblems({ startOn: START, weeks: weeks(12, 18, 24, 30, 37.5) }, 37.5)).toEqual([]);
  });

  it('accepts a week of exactly the contracted hours and a week of zero hours (edges)', () => {
    expect(gradedReturnProblems({ startOn: START, weeks: weeks(0, 37.5) }, 37.5)).toEqual([]);
  });

  it('refuses a week over the contracted hours, by the field, even by a quarter of an hour', () => {
    expect(gradedReturnProblems({ startOn: START, weeks: weeks(20, 37.75) }, 37.5)).toEqual([
      { path: 'weeks.1.hours', message: 'Week 2: 37.75 hours is more than the contracted 37.5 hours a week' },
    ]);
  });

  it('refuses negative hours and hours that are not a number', () => {
    const problems = gradedReturnProblems(
      { startOn: START, weeks: [...weeks(-1), { startsOn: weekStartDate(START, 1), hours: Number.NaN, duties: 'Filing' }] },
      30,
    );
    expect(problems).toEqual([
      { path: 'weeks.0.hours', message: 'Week 1: hours cannot be negative' },
      { path: 'weeks.1.hours', message: 'Week 2: hours cannot be negative' },
    ]);
  });

  it('refuses more hours than a week has, whatever the contract says', () => {
    expect(gradedReturnProblems({ startOn: START, weeks: weeks(169) }, null).map((problem) => problem.path)).toEqual([
      'contractedHoursPerWeek',
      'weeks.0.hours',
    ]);
  });

  it('needs the contracted hours to check the schedule against', () => {
    expect(gradedReturnProblems({ startOn: START, weeks: weeks(10) }, null)).toEqual([
      { path: 'contractedHoursPerWeek', message: 'Enter the contracted hours a week, so the schedule can be checked against them' },
    ]);
  });

  it('needs week 1 to start on the start date', () => {
    const schedule = { startOn: START, weeks: [{ startsOn: '2026-12-08', hours: 10, duties: 'Phone calls' }] };
    expect(gradedReturnProblems(schedule, 37.5)).toEqual([
      { path: 'weeks.0.startsOn', message: 'Week 1 must start on the schedule’s start date' },
    ]);
  });

  it('refuses a gap between weeks and an overlap between weeks', () => {
    const gap = [...weeks(10), { startsOn: weekStartDate(START, 2), hours: 15, duties: 'Desk work' }];
    const overlap = [...weeks(10), { startsOn: '2026-12-13', hours: 15, duties: 'Desk work' }];
    const message = 'Week 2 must start 7 days after week 1, so the weeks follow on without gaps or overlaps';
    expect(gradedReturnProblems({ startOn: START, weeks: gap }, 37.5)).toEqual([{ path: 'weeks.1.startsOn', message }]);
    expect(gradedReturnProblems({ startOn: START, weeks: overlap }, 37.5)).toEqual([{ path: 'weeks.1.startsOn', message }]);
  });

  it('keeps weeks contiguous across a month, a year end and the clocks changing', () => {
    expect(weekStartDate('2026-12-28', 1)).toBe('2027-01-04');
    expect(weekStartDate('2027-03-22', 1)).toBe('2027-03-29');
    expect(weekStartDate('2027-02-22', 1)).toBe('2027-03-01');
  });

  it('needs the duties of every week', () => {
    const schedule = { startOn: START, weeks: [{ startsOn: START, hours: 10, duties: '   ' }] };
    expect(gradedReturnProblems(schedule, 37.5)).toEqual([{ path: 'weeks.0.duties', message: 'Week 1: describe the duties for the week' }]);
  });

  it('needs at least one week and allows at most six months of weeks', () => {
    expect(gradedReturnProblems({ startOn: START, weeks: [] }, 37.5)).toEqual([
      { path: 'weeks', message: 'Add at least one week to the schedule' },
    ]);
    const full = weeks(...Array.from({ length: MAX_SCHEDULE_WEEKS }, () => 10));
    expect(gradedReturnProblems({ startOn: START, weeks: full }, 37.5)).toEqual([]);
    const tooMany = weeks(...Array.from({ length: MAX_SCHEDULE_WEEKS + 1 }, () => 10));
    expect(gradedReturnProblems({ startOn: START, weeks: tooMany }, 37.5)[0]?.path).toBe('weeks');
  });

  it('reports every problem of every week at once, in table order', () => {
    const schedule = {
      startOn: START,
      weeks: [
        { startsOn: '2026-12-01', hours: 40, duties: '' },
        { startsOn: '2026-12-14', hours: -2, duties: 'Light duties' },
      ],
    };
    expect(gradedReturnProblems(schedule, 37.5).map((problem) => problem.path)).toEqual([
      'weeks.0.startsOn',
      'weeks.0.hours',
      'weeks.0.duties',
      'weeks.1.hours',
    ]);
  });
});

describe('the adjustments schema applies the schedule rules by field', () => {
  const adjustment = {
    id: 'adj-1',
    category: 'phased_return',
    recommendation: 'graded_hours',
    functionalNeed: 'Build up stamina for a full working day',
    startOn: START,
    durationWeeks: 4,
    reviewOn: '2027-01-04',
    status: 'proposed',
  };

  it('puts a schedule problem on the schedule field path', () => {
    const result = workplaceAdjustmentsContentSchema.safeParse({
      contractedHoursPerWeek: 20,
      adjustments: [adjustment],
      gradedReturn: { startOn: START, weeks: weeks(10, 25) },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['gradedReturn.weeks.1.hours']);
  });

  it('refuses hours under zero at the schema too, and a contract of zero hours', () => {
    const result = workplaceAdjustmentsContentSchema.safeParse({
      contractedHoursPerWeek: 0,
      adjustments: [],
      gradedReturn: { startOn: START, weeks: weeks(-1) },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['contractedHoursPerWeek', 'gradedReturn.weeks.0.hours']);
  });

  it('needs the wording of a recommendation that is not in the library, and a review on or after the start', () => {
    const result = workplaceAdjustmentsContentSchema.safeParse({
      adjustments: [{ ...adjustment, recommendation: 'other', reviewOn: '2026-12-01' }],
    });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'adjustments.0.otherRecommendation: Describe the recommendation',
      'adjustments.0.reviewOn: The review date must be on or after the start date',
    ]);
  });

  it('accepts a draft with no schedule', () => {
    expect(workplaceAdjustmentsContentSchema.safeParse({ adjustments: [adjustment] }).success).toBe(true);
  });
});
