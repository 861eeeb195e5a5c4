import { describe, expect, it } from 'vitest';
import { phq9AnswersSchema, phq9Band, PHQ9_BANDS, scorePhq9 } from '../../../../core/scoring/phq9';
import { validationFields } from './validation-error';

/** Nine answers adding up to `total`, filled 3s-first across items 1-8, with item 9 set apart. */
function phq9Answers(total: number, item9 = 0): number[] {
  let remaining = total - item9;
  const answers = Array.from({ length: 8 }, () => {
    const value = Math.min(3, remaining);
    remaining -= value;
    return value;
  });
  if (remaining !== 0) throw new Error(`cannot build PHQ-9 total ${total} with item 9 = ${item9}`);
  return [...answers, item9];
}

describe('PHQ-9 scoring', () => {
  it.each([
    [0, 'minimal', 'Minimal', false],
    [4, 'minimal', 'Minimal', false],
    [5, 'mild', 'Mild', false],
    [9, 'mild', 'Mild', false],
    [10, 'moderate', 'Moderate', true],
    [14, 'moderate', 'Moderate', true],
    [15, 'moderately_severe', 'Moderately severe', true],
    [19, 'moderately_severe', 'Moderately severe', true],
    [20, 'severe', 'Severe', true],
    [24, 'severe', 'Severe', true],
  ])('total %i is band %s with caseness %s', (total, band, bandLabel, caseness) => {
    const score = scorePhq9(phq9Answers(total));
    expect(score).toEqual({ measure: 'phq9', total, band, bandLabel, riskFlag: false, caseness, notes: [] });
  });

  it('scores the maximum 27 as severe, with the risk flag because item 9 is 3', () => {
    const score = scorePhq9([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(score.total).toBe(27);
    expect(score.band).toBe('severe');
    expect(score.caseness).toBe(true);
    expect(score.riskFlag).toBe(true);
  });

  it('adds up mixed answers', () => {
    // 1+0+2+3+1+0+2+1+0 = 10
    expect(scorePhq9([1, 0, 2, 3, 1, 0, 2, 1, 0]).total).toBe(10);
  });

  it('puts caseness exactly at 10, not 9', () => {
    expect(scorePhq9(phq9Answers(9)).caseness).toBe(false);
    expect(scorePhq9(phq9Answers(10)).caseness).toBe(true);
  });

  it('does not flag risk when item 9 is 0', () => {
    const score = scorePhq9([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(score.total).toBe(1);
    expect(score.riskFlag).toBe(false);
    expect(score.notes).toEqual([]);
  });

  it('flags risk when item 9 is 1 even though the total is minimal', () => {
    const score = scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(score.total).toBe(1);
    expect(score.band).toBe('minimal');
    expect(score.caseness).toBe(false);
    expect(score.riskFlag).toBe(true);
    expect(score.notes).toHaveLength(1);
    expect(score.notes[0]).toContain('Item 9');
    expect(score.notes[0]).toContain('answered 1');
  });

  it('flags risk for any non-zero item 9 answer', () => {
    for (const item9 of [1, 2, 3]) {
      expect(scorePhq9(phq9Answers(12, item9)).riskFlag).toBe(true);
    }
    expect(scorePhq9(phq9Answers(12, 0)).riskFlag).toBe(false);
  });

  it('only looks at item 9 for risk, not item 8', () => {
    expect(scorePhq9([0, 0, 0, 0, 0, 0, 0, 3, 0]).riskFlag).toBe(false);
  });
});

describe('PHQ-9 answers schema', () => {
  it('accepts nine whole numbers from 0 to 3', () => {
    expect(phq9AnswersSchema.safeParse([0, 1, 2, 3, 0, 1, 2, 3, 0]).success).toBe(true);
  });

  it.each([
    ['an item above 3', [4, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a negative item', [0, 0, 0, 0, -1, 0, 0, 0, 0]],
    ['a non-integer item', [0, 1.5, 0, 0, 0, 0, 0, 0, 0]],
    ['NaN', [0, 0, 0, Number.NaN, 0, 0, 0, 0, 0]],
    ['Infinity', [0, 0, 0, 0, 0, 0, 0, 0, Number.POSITIVE_INFINITY]],
    ['a numeric string', [0, 0, '2', 0, 0, 0, 0, 0, 0]],
    ['a missing (null) item', [0, 0, 0, 0, 0, 0, 0, 0, null]],
    ['not applicable', [0, 0, 0, 0, 0, 0, 0, 0, 'not_applicable']],
    ['eight items', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['ten items', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['no items', []],
    ['not a list', 12],
  ])('refuses %s', (_label, answers) => {
    expect(phq9AnswersSchema.safeParse(answers).success).toBe(false);
  });

  it('refuses a sparse list (a skipped item)', () => {
    const sparse: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    delete sparse[4];
    expect(phq9AnswersSchema.safeParse(sparse).success).toBe(false);
  });

  it('makes the scorer throw a VALIDATION error naming the bad item', () => {
    expect(validationFields(() => scorePhq9([0, 0, 5, 0, 0, 0, 0, 0, 0]))).toEqual({
      'answers.2': 'Each answer must be a whole number from 0 to 3',
    });
  });

  it('makes the scorer throw for the wrong number of answers', () => {
    expect(validationFields(() => scorePhq9([0, 0, 0]))).toEqual({ answers: 'PHQ-9 needs exactly 9 answers' });
  });
});

describe('phq9Band', () => {
  it('covers 0-27 with no gaps or overlaps', () => {
    const counts = Array.from({ length: 28 }, (_, total) => PHQ9_BANDS.filter((band) => total >= band.min && total <= band.max).length);
    expect(counts.every((count) => count === 1)).toBe(true);
  });

  it('refuses totals outside 0-27 or not whole', () => {
    expect(() => phq9Band(-1)).toThrow(RangeError);
    expect(() => phq9Band(28)).toThrow(RangeError);
    expect(() => phq9Band(9.5)).toThrow(RangeError);
  });
});
