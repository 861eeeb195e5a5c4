import { describe, expect, it } from 'vitest';
import { answerLabelFor, type MeasureWording } from '../../../../core/scoring/measure-wording';
import { MSKHQ_REVERSED_ITEMS, mskHqAnswersSchema, scoreMskHq } from '../../../../core/scoring/msk-hq';
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

describe('MSK-HQ items 12 and 13 against the published scoring', () => {
  // Synthetic stand-ins for the licensed labels. On most items the best answer is listed first and
  // scores 4; on items 12 and 13 the list runs the other way, so their best answer is listed last.
  const wording: MeasureWording = {
    itemLabels: Array.from({ length: 14 }, (_, index) => `Synthetic item ${index + 1}`),
    responseOptions: [4, 3, 2, 1, 0].map((value, position) => ({ value, label: `Synthetic listed ${position + 1}` })),
    itemResponseOptions: Object.fromEntries(
      MSKHQ_REVERSED_ITEMS.map((item) => [
        String(item),
        [0, 1, 2, 3, 4].map((value, position) => ({ value, label: `Synthetic listed ${position + 1}` })),
      ]),
    ),
  };
  /** The score whose label on `item` is the answer listed at `position` (1-based) on the form. */
  const scoreListedAt = (item: number, position: number) =>
    [0, 1, 2, 3, 4].find((value) => answerLabelFor(wording, item, value) === `Synthetic listed ${position}`);

  it('are items 12 and 13', () => {
    expect(MSKHQ_REVERSED_ITEMS.map((item) => item + 1)).toEqual([12, 13]);
  });

  it('scores the best answer 4 on items 12 and 13 as on the rest, so a best-everywhere response totals 56', () => {
    expect(scoreListedAt(0, 1)).toBe(4);
    expect(scoreListedAt(11, 5)).toBe(4);
    expect(scoreListedAt(12, 5)).toBe(4);
    const best = Array.from({ length: 14 }, (_, item) => scoreListedAt(item, MSKHQ_REVERSED_ITEMS.includes(item) ? 5 : 1) ?? -1);
    expect(best).toEqual(Array.from({ length: 14 }, () => 4));
    expect(scoreMskHq(best).total).toBe(56);
    // The worst answer on items 12 and 13 (listed first there) scores 0: 12 items at 4 and two at 0.
    const worstOnReversed = best.map((value, item) => (MSKHQ_REVERSED_ITEMS.includes(item) ? (scoreListedAt(item, 1) ?? -1) : value));
    expect(scoreMskHq(worstOnReversed).total).toBe(48);
  });
});
