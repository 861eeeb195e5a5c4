import { describe, expect, it } from 'vitest';
import type { WorkplaceAdjustmentsContent } from '../../../core/schemas/workplace-adjustments';
import { newAdjustment, newSchedule } from '../../../renderer/screens/adjustments/adjustments-draft';
import { ahpStartFromAdjustments } from '../../../renderer/screens/adjustments/ahp-report-start';
import { EMPTY_TEAM_MEMBER, withRoleDefaults } from '../../../renderer/screens/security/new-team-member-fields';

type Adjustment = WorkplaceAdjustmentsContent['adjustments'][number];

function adjustment(overrides: Partial<Adjustment>): Adjustment {
  return {
    id: crypto.randomUUID(),
    category: 'phased_return',
    recommendation: 'graded_hours',
    otherRecommendation: null,
    functionalNeed: 'Synthetic: build up stamina',
    startOn: '2026-12-07',
    durationWeeks: 3,
    reviewOn: '2026-12-28',
    status: 'proposed',
    teamNote: null,
    ...overrides,
  };
}

describe('a graded return schedule starts from the graded hours adjustment', () => {
  it("takes the graded hours adjustment's start date, not another adjustment's", () => {
    const schedule = newSchedule([
      { ...newAdjustment(), recommendation: 'assistive_technology', startOn: '2026-12-01' },
      { ...newAdjustment(), recommendation: 'graded_hours', startOn: '2026-12-14' },
    ]);
    expect(schedule.startOn).toBe('2026-12-14');
    expect(schedule.weeks).toHaveLength(1);
  });

  it('is blank while no graded hours adjustment has a real start date', () => {
    expect(newSchedule([{ ...newAdjustment(), recommendation: 'graded_hours', startOn: '2026-2-' }]).startOn).toBe('');
    expect(newSchedule([]).startOn).toBe('');
  });
});

describe('a new AHP report starts from the adjustments', () => {
  it('takes the period, earliest review, categories once each and a row per adjustment not ended', () => {
    const start = ahpStartFromAdjustments({
      contractedHoursPerWeek: 37.5,
      gradedReturn: null,
      adjustments: [
        adjustment({}),
        adjustment({
          category: 'workplace_adaptations',
          recommendation: 'other',
          otherRecommendation: 'Synthetic: a quieter desk',
          functionalNeed: 'Synthetic: noise makes focus hard',
          startOn: '2026-12-10',
          durationWeeks: 12,
          reviewOn: '2027-01-20',
        }),
        adjustment({ category: 'amended_duties', status: 'ended', startOn: '2026-01-01', reviewOn: '2026-02-01' }),
        adjustment({ reviewOn: '2026-12-21' }),
      ],
    });
    expect(start.periodFrom).toBe('2026-12-07');
    expect(start.periodTo).toBe('2027-03-04');
    expect(start.followUpOn).toBe('2026-12-21');
    expect(start.categories).toEqual(['phased_return', 'workplace_adaptations']);
    expect(start.difficulties.map(({ difficulty, recommendation, goal }) => [difficulty, recommendation, goal])).toEqual([
      ['Synthetic: build up stamina', 'Graded hours (a week-by-week schedule)', ''],
      ['Synthetic: noise makes focus hard', 'Synthetic: a quieter desk', ''],
      ['Synthetic: build up stamina', 'Graded hours (a week-by-week schedule)', ''],
    ]);
  });

  it('starts blank without adjustments', () => {
    expect(ahpStartFromAdjustments(undefined)).toEqual({ periodFrom: '', periodTo: '', followUpOn: '', categories: [], difficulties: [] });
  });
});

describe('a new user joins the team in the same step', () => {
  it('fills the team entry from the role, only where it is still blank', () => {
    expect(withRoleDefaults(EMPTY_TEAM_MEMBER, 'physiotherapist')).toEqual({
      disciplineCode: 'physiotherapy',
      jobTitle: 'Physiotherapist',
      professionalBody: 'hcpc',
      registrationNumber: '',
    });
    expect(withRoleDefaults(EMPTY_TEAM_MEMBER, 'coach')).toMatchObject({ disciplineCode: 'employment_support', professionalBody: 'none' });
    // The coordinator's discipline and a mental health practitioner's register vary: left to choose.
    expect(withRoleDefaults(EMPTY_TEAM_MEMBER, 'coordinator').disciplineCode).toBe('');
    expect(withRoleDefaults(EMPTY_TEAM_MEMBER, 'mental_health_practitioner').professionalBody).toBe('');
    const typed = { disciplineCode: 'local-dietetics', jobTitle: 'MSK lead', professionalBody: 'hcpc' as const, registrationNumber: 'PH1' };
    expect(withRoleDefaults(typed, 'occupational_therapist')).toEqual(typed);
    expect(withRoleDefaults(EMPTY_TEAM_MEMBER, '')).toEqual(EMPTY_TEAM_MEMBER);
  });
});
