import { describe, expect, it } from 'vitest';
import { mskHqAnswersSchema, scoreMskHq } from '../../../../core/scoring/msk-hq';
import { validationFields } from './validation-error';

describe('MSK-HQ scoring', () => {
  it('scores all zeros as 0 with no band', () => {
    expect(scoreMskHq(Array.from({ length: 14 }, () => 0))).toEqual({
      measure: 'mskhq',
      total: 0,
      band: null,
      bandLabel: null,
      riskFlag: false,
      caseness: null,
      notes: ['Higher is better: 56 is the best possible MSK-HQ score and 0 the worst. No severity bands are applied.'],
    });
  });

  it('scores all fours as 56', () => {
    const score = scoreMskHq(Array.from({ length: 14 }, () => 4));
    expect(score.total).toBe(56);
    expect(score.band).toBeNull();
  });

  it('adds up mixed answers', () => {
    // 4+3+2+1+0+4+3+2+1+0+4+3+2+1 = 30
    expect(scoreMskHq([4, 3, 2, 1, 0, 4, 3, 2, 1, 0, 4, 3, 2, 1]).total).toBe(30);
  });

  it.each([
    ['an item above 4', [5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a non-integer item', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3.5]],
    ['a not-applicable item', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'not_applicable']],
    ['13 items', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['15 items', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ])('refuses %s', (_label, answers) => {
    expect(mskHqAnswersSchema.safeParse(answers).success).toBe(false);
  });

  it('makes the scorer throw a VALIDATION error', () => {
    expect(validationFields(() => scoreMskHq([0, 0, 0]))).toEqual({ answers: 'MSK-HQ needs exactly 14 answers' });
  });
});
