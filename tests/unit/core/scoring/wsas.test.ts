import { describe, expect, it } from 'vitest';
import { scoreWsas, WSAS_NOT_APPLICABLE_ONLY_WORK, wsasAnswersSchema, wsasBand, type WsasAnswer } from '../../../../core/scoring/wsas';
import { validationFields } from './validation-error';

describe('WSAS scoring with every item answered', () => {
  it('sums the five items', () => {
    // 2+3+1+0+4 = 10
    expect(scoreWsas([2, 3, 1, 0, 4])).toEqual({
      measure: 'wsas',
      total: 10,
      band: 'significant',
      bandLabel: 'Significant functional impairment',
      riskFlag: false,
      caseness: null,
      notes: [],
    });
  });

  it.each([
    [[0, 0, 0, 0, 0], 0, 'subclinical'],
    [[2, 2, 2, 2, 1], 9, 'subclinical'],
    [[2, 2, 2, 2, 2], 10, 'significant'],
    [[4, 4, 4, 4, 4], 20, 'significant'],
    [[4, 4, 4, 4, 5], 21, 'moderately_severe_or_worse'],
    [[8, 8, 8, 8, 8], 40, 'moderately_severe_or_worse'],
  ] as const)('%j totals %i, band %s', (answers, total, band) => {
    const score = scoreWsas(answers);
    expect(score.total).toBe(total);
    expect(score.band).toBe(band);
  });
});

describe('WSAS scoring with one item missing or not applicable', () => {
  it('replaces a not-applicable work item with the mean of the other four (checked by hand)', () => {
    // Work not applicable. Other four: 4 + 3 + 2 + 4 = 13, mean 13 / 4 = 3.25.
    // Total = 13 + 3.25 = 16.25 (= 3.25 x 5), kept to one decimal: 16.3. 10 <= 16.25 <= 20.
    const score = scoreWsas(['not_applicable', 4, 3, 2, 4]);
    expect(score.total).toBe(16.3);
    expect(score.band).toBe('significant');
    expect(score.bandLabel).toBe('Significant functional impairment');
    expect(score.notes).toEqual([
      'Work was not applicable, so it was replaced by the mean of the other four items (3.25); the total of 16.3 is pro-rated.',
    ]);
  });

  it.each([1, 2, 3, 4])('refuses "not applicable" on item %i: only the work item can be', (index) => {
    const answers: WsasAnswer[] = [2, 2, 2, 2, 2];
    answers[index] = 'not_applicable';
    expect(() => scoreWsas(answers)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', fields: { [`answers.${index}`]: WSAS_NOT_APPLICABLE_ONLY_WORK } }),
    );
  });

  it('treats an unanswered (null) item the same way, and says it was not answered', () => {
    // Work not answered. Others: 1 + 2 + 2 + 2 = 7, mean 1.75, total 8.75 -> 8.8, below 10.
    const score = scoreWsas([null, 1, 2, 2, 2]);
    expect(score.total).toBe(8.8);
    expect(score.band).toBe('subclinical');
    expect(score.notes[0]).toContain('Work was not answered');
  });

  it('rounds x.75 up to x.8 and keeps exact halves and whole numbers', () => {
    // 3+3+3+2 = 11, mean 2.75, total 13.75 -> 13.8
    expect(scoreWsas([3, 3, 3, 2, null]).total).toBe(13.8);
    // 1+1+1+3 = 6, mean 1.5, total 7.5
    expect(scoreWsas([1, 1, 1, 3, null]).total).toBe(7.5);
    // 2+2+2+2 = 8, mean 2, total 10 exactly
    expect(scoreWsas([2, 2, 2, 2, null]).total).toBe(10);
  });

  it('bands the pro-rated totals nearest the edges correctly', () => {
    // 8.75 subclinical; 10 significant; 20 significant; 21.25 moderately severe or worse.
    expect(scoreWsas(['not_applicable', 2, 2, 2, 1]).band).toBe('subclinical');
    expect(scoreWsas(['not_applicable', 2, 2, 2, 2]).band).toBe('significant');
    expect(scoreWsas(['not_applicable', 4, 4, 4, 4])).toMatchObject({ total: 20, band: 'significant' });
    expect(scoreWsas(['not_applicable', 5, 4, 4, 4])).toMatchObject({ total: 21.3, band: 'moderately_severe_or_worse' });
  });

  it('pro-rates to 40 when the other four are all 8', () => {
    expect(scoreWsas([8, 8, 8, 8, null]).total).toBe(40);
  });
});

describe('WSAS scoring with more than one item missing', () => {
  it('gives no score when two items are missing or not applicable, with a reason', () => {
    const score = scoreWsas(['not_applicable', 3, null, 2, 4]);
    expect(score).toEqual({
      measure: 'wsas',
      total: null,
      band: null,
      bandLabel: null,
      riskFlag: false,
      caseness: null,
      notes: [
        'No WSAS score: 2 items were not answered or not applicable (Work (not applicable), Social leisure (not answered)). A score needs at least 4 of the 5 items.',
      ],
    });
  });

  it('gives no score when every item is missing', () => {
    const answers: WsasAnswer[] = [null, null, null, null, null];
    expect(scoreWsas(answers).total).toBeNull();
  });

  it('counts zeros as answers, not as missing', () => {
    expect(scoreWsas([0, 0, 0, 0, 0]).total).toBe(0);
    expect(scoreWsas([0, 0, 0, null, 0]).total).toBe(0);
  });
});

describe('wsasBand', () => {
  it('reads "<10", "10-20" and ">20" literally for non-integer totals', () => {
    expect(wsasBand(9.9)).toBe('subclinical');
    expect(wsasBand(10)).toBe('significant');
    expect(wsasBand(20)).toBe('significant');
    expect(wsasBand(20.1)).toBe('moderately_severe_or_worse');
  });

  it('refuses totals outside 0-40', () => {
    expect(() => wsasBand(-0.1)).toThrow(RangeError);
    expect(() => wsasBand(40.1)).toThrow(RangeError);
    expect(() => wsasBand(Number.NaN)).toThrow(RangeError);
  });
});

describe('WSAS answers schema', () => {
  it('accepts numbers 0-8, null, and not_applicable on the work item', () => {
    expect(wsasAnswersSchema.safeParse(['not_applicable', 8, null, 0, 4]).success).toBe(true);
    expect(wsasAnswersSchema.safeParse([0, 8, null, 'not_applicable', 4]).success).toBe(false);
  });

  it.each([
    ['an item above 8', [9, 0, 0, 0, 0]],
    ['a negative item', [0, -1, 0, 0, 0]],
    ['a non-integer item', [0, 0, 2.5, 0, 0]],
    ['another string', [0, 0, 0, 'n/a', 0]],
    ['undefined', [0, 0, 0, undefined, 0]],
    ['four items', [0, 0, 0, 0]],
    ['six items', [0, 0, 0, 0, 0, 0]],
  ])('refuses %s', (_label, answers) => {
    expect(wsasAnswersSchema.safeParse(answers).success).toBe(false);
  });

  it('makes the scorer throw a VALIDATION error with a clear message', () => {
    expect(validationFields(() => scoreWsas([0, 0, 0, 0, 9]))).toEqual({
      'answers.4': 'Each answer must be a whole number from 0 to 8, or not applicable',
    });
  });
});
