import { describe, expect, it } from 'vitest';
import { scoreWorkAbility, workAbilityAnswersSchema, workAbilityBand } from '../../../../core/scoring/work-ability';
import { validationFields } from './validation-error';

describe('work ability scoring', () => {
  it.each([
    [0, 'poor', 'Poor'],
    [5, 'poor', 'Poor'],
    [6, 'moderate', 'Moderate'],
    [7, 'moderate', 'Moderate'],
    [8, 'good_excellent', 'Good or excellent'],
    [10, 'good_excellent', 'Good or excellent'],
  ])('%i is %s', (value, band, bandLabel) => {
    expect(scoreWorkAbility([value])).toEqual({
      measure: 'work_ability',
      total: value,
      band,
      bandLabel,
      riskFlag: false,
      caseness: null,
      notes: [],
    });
  });

  it.each([
    ['11', [11]],
    ['-1', [-1]],
    ['6.5', [6.5]],
    ['a bare number, not a list', 6],
    ['two answers', [6, 7]],
    ['no answer', []],
  ])('refuses %s', (_label, answers) => {
    expect(workAbilityAnswersSchema.safeParse(answers).success).toBe(false);
  });

  it('makes the scorer throw a VALIDATION error', () => {
    expect(validationFields(() => scoreWorkAbility([11]))).toEqual({ 'answers.0': 'Each answer must be a whole number from 0 to 10' });
  });

  it('band lookup refuses values outside 0-10', () => {
    expect(() => workAbilityBand(11)).toThrow(RangeError);
  });
});
