import { describe, expect, it } from 'vitest';
import { accessToWorkSupportFor, isAccessToWorkEligible } from '../../../../core/adjustments/access-to-work';
import { ADJUSTMENT_RECOMMENDATIONS } from '../../../../core/adjustments/adjustment-library';
import { ahpSigningProblems, saveAhpReportInputSchema } from '../../../../core/schemas/ahp-report';

describe('Access to Work eligibility of a recommendation', () => {
  it('prompts for equipment, adaptations, software, travel and an application itself', () => {
    expect(ADJUSTMENT_RECOMMENDATIONS.filter(isAccessToWorkEligible)).toEqual([
      'home_working',
      'no_driving',
      'ground_floor_workstation',
      'dse_assessment',
      'assistive_technology',
      'access_to_work_application',
    ]);
    expect(accessToWorkSupportFor('assistive_technology')).toEqual(['equipment', 'software']);
    expect(accessToWorkSupportFor('no_driving')).toEqual(['travel']);
  });

  it('does not prompt for what the employer alone changes', () => {
    for (const recommendation of [
      'graded_hours',
      'flexible_start',
      'extra_breaks',
      'no_lifting',
      'written_instructions',
      'manager_check_ins',
      'occupational_health_referral',
      'other',
    ] as const) {
      expect(isAccessToWorkEligible(recommendation)).toBe(false);
    }
  });
});

describe('the AHP Health and Work Report', () => {
  const difficulty = { id: 'd1', difficulty: 'Lifting crates', recommendation: 'No lifting over 5 kg', goal: 'Lift 10 kg by week 6' };

  it('needs a ticked category and a difficulty to sign "may be fit"', () => {
    expect(ahpSigningProblems({ fitness: 'may_be_fit', categories: [], difficulties: [] }).map((problem) => problem.path)).toEqual([
      'categories',
      'difficulties',
    ]);
    expect(ahpSigningProblems({ fitness: 'may_be_fit', categories: ['amended_duties'], difficulties: [difficulty] })).toEqual([]);
  });

  it('ticks no categories when the person is not fit', () => {
    expect(ahpSigningProblems({ fitness: 'not_fit', categories: [], difficulties: [] })).toEqual([]);
    expect(
      ahpSigningProblems({ fitness: 'not_fit', categories: ['altered_hours'], difficulties: [] }).map((problem) => problem.path),
    ).toEqual(['categories']);
  });

  it('refuses a period that ends before it starts and a follow-up before the assessment', () => {
    const result = saveAhpReportInputSchema.safeParse({
      participantId: 'p1',
      fitness: 'may_be_fit',
      periodFrom: '2026-11-20',
      periodTo: '2026-11-10',
      followUpOn: '2026-11-01',
      categories: ['amended_duties'],
      difficulties: [difficulty],
      organisation: 'WorkWell',
      assessedOn: '2026-11-05',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['periodTo', 'followUpOn']);
  });
});
