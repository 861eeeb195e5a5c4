import { describe, expect, it } from 'vitest';
import { gad7AnswersSchema, gad7Band, GAD7_BANDS, scoreGad7 } from '../../../../core/scoring/gad7';
import { validationFields } from './validation-error';

/** Seven answers adding up to `total`, filled 3s-first. */
function gad7Answers(total: number): number[] {
  let remaining = total;
  return Array.from({ length: 7 }, () => {
    const value = Math.min(3, remaining);
    remaining -= value;
    return value;
  });
}

describe('GAD-7 scoring', () => {
  it.each([
    [0, 'minimal', 'Minimal', false],
    [4, 'minimal', 'Minimal', false],
    [5, 'mild', 'Mild', false],
    [7, 'mild', 'Mild', false],
    [8, 'mild', 'Mild', true],
    [9, 'mild', 'Mild', true],
    [10, 'moderate', 'Moderate', true],
    [14, 'moderate', 'Moderate', true],
    [15, 'severe', 'Severe', true],
    [21, 'severe', 'Severe', true],
  ])('total %i is band %s with caseness %s', (total, band, bandLabel, caseness) => {
    const answers = gad7Answers(total);
    expect(answers.reduce((sum, value) => sum + value, 0)).toBe(total);
    expect(scoreGad7(answers)).toEqual({ measure: 'gad7', total, band, bandLabel, riskFlag: false, caseness, notes: [] });
  });

  it('adds up mixed answers', () => {
    // 2+1+0+3+1+0+1 = 8
    expect(scoreGad7([2, 1, 0, 3, 1, 0, 1]).total).toBe(8);
  });

  it('never sets the risk flag', () => {
    expect(scoreGad7([3, 3, 3, 3, 3, 3, 3]).riskFlag).toBe(false);
  });
});

describe('GAD-7 answers schema', () => {
  it('accepts seven whole numbers from 0 to 3', () => {
    expect(gad7AnswersSchema.safeParse([0, 1, 2, 3, 0, 1, 2]).success).toBe(true);
  });

  it.each([
    ['an item above 3', [0, 0, 0, 0, 0, 0, 4]],
    ['a negative item', [-1, 0, 0, 0, 0, 0, 0]],
    ['a non-integer item', [0, 0, 2.5, 0, 0, 0, 0]],
    ['a null item', [0, 0, 0, null, 0, 0, 0]],
    ['six items', [0, 0, 0, 0, 0, 0]],
    ['eight items', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['nine items (a PHQ-9)', [0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ])('refuses %s', (_label, answers) => {
    expect(gad7AnswersSchema.safeParse(answers).success).toBe(false);
  });

  it('makes the scorer throw a VALIDATION error', () => {
    expect(validationFields(() => scoreGad7([0, 0, 0, 0, 0, 0]))).toEqual({ answers: 'GAD-7 needs exactly 7 answers' });
    expect(validationFields(() => scoreGad7([0, 0, 0, 0, 0, 0, 1.5]))).toEqual({
      'answers.6': 'Each answer must be a whole number from 0 to 3',
    });
  });
});

describe('gad7Band', () => {
  it('covers 0-21 with no gaps or overlaps', () => {
    const counts = Array.from({ length: 22 }, (_, total) => GAD7_BANDS.filter((band) => total >= band.min && total <= band.max).length);
    expect(counts.every((count) => count === 1)).toBe(true);
  });

  it('refuses totals outside 0-21', () => {
    expect(() => gad7Band(22)).toThrow(RangeError);
    expect(() => gad7Band(-1)).toThrow(RangeError);
  });
});
