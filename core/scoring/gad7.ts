import { type IntegerBand, integerBandFor } from './bands';
import { itemAnswersSchema, itemScoreSchema, parseAnswers, sum } from './answers';
import type { MeasureScore } from './measure-score';

/** GAD-7 (anxiety): 7 items scored 0-3, total 0-21. Free to reproduce. */
export const GAD7_ITEM_COUNT = 7;
export const GAD7_ITEM_MIN = 0;
export const GAD7_ITEM_MAX = 3;
export const GAD7_TOTAL_MAX = GAD7_ITEM_COUNT * GAD7_ITEM_MAX;

/**
 * NHS Talking Therapies caseness: a GAD-7 total of 8 or more. Note this is lower than the
 * 'moderate' band's lower edge (10), so a 'mild' total of 8 or 9 is still a case.
 */
export const GAD7_CASENESS_THRESHOLD = 8;

export type Gad7Band = 'minimal' | 'mild' | 'moderate' | 'severe';

export const GAD7_BANDS: readonly IntegerBand<Gad7Band>[] = [
  { band: 'minimal', label: 'Minimal', min: 0, max: 4 },
  { band: 'mild', label: 'Mild', min: 5, max: 9 },
  { band: 'moderate', label: 'Moderate', min: 10, max: 14 },
  { band: 'severe', label: 'Severe', min: 15, max: 21 },
];

/** Exactly 7 whole-number answers, each 0-3; every item is required. */
export const gad7AnswersSchema = itemAnswersSchema(itemScoreSchema(GAD7_ITEM_MIN, GAD7_ITEM_MAX), GAD7_ITEM_COUNT, 'GAD-7');

/** The severity band of a GAD-7 total (0-21). Throws a RangeError for anything else. */
export function gad7Band(total: number): IntegerBand<Gad7Band> {
  return integerBandFor(GAD7_BANDS, total, 'GAD-7');
}

/**
 * Scores a GAD-7 response. Throws a VALIDATION AppError unless `answers` passes
 * `gad7AnswersSchema`. GAD-7 has no risk item, so `riskFlag` is always false.
 */
export function scoreGad7(answers: readonly number[]): MeasureScore {
  const items = parseAnswers(gad7AnswersSchema, answers, 'GAD-7');
  const total = sum(items);
  const band = gad7Band(total);
  return {
    measure: 'gad7',
    total,
    band: band.band,
    bandLabel: band.label,
    riskFlag: false,
    caseness: total >= GAD7_CASENESS_THRESHOLD,
    notes: [],
  };
}
