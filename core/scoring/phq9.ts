import { type IntegerBand, integerBandFor } from './bands';
import { itemAnswersSchema, itemScoreSchema, parseAnswers, sum } from './answers';
import type { MeasureScore } from './measure-score';

/** PHQ-9 (depression): 9 items scored 0-3, total 0-27. Free to reproduce. */
export const PHQ9_ITEM_COUNT = 9;
export const PHQ9_ITEM_MIN = 0;
export const PHQ9_ITEM_MAX = 3;
export const PHQ9_TOTAL_MAX = PHQ9_ITEM_COUNT * PHQ9_ITEM_MAX;

/** NHS Talking Therapies caseness: a PHQ-9 total of 10 or more counts as a clinical case. */
export const PHQ9_CASENESS_THRESHOLD = 10;

/**
 * Zero-based index of item 9 (thoughts of being better off dead or of self-harm). Any answer
 * above 0 flags the response for a clinician's risk review, even when the total is low, because
 * the total can hide it: a total of 1 can be made entirely of item 9.
 */
export const PHQ9_RISK_ITEM_INDEX = 8;

export type Phq9Band = 'minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe';

export const PHQ9_BANDS: readonly IntegerBand<Phq9Band>[] = [
  { band: 'minimal', label: 'Minimal', min: 0, max: 4 },
  { band: 'mild', label: 'Mild', min: 5, max: 9 },
  { band: 'moderate', label: 'Moderate', min: 10, max: 14 },
  { band: 'moderately_severe', label: 'Moderately severe', min: 15, max: 19 },
  { band: 'severe', label: 'Severe', min: 20, max: 27 },
];

/** Exactly 9 whole-number answers, each 0-3; every item is required. */
export const phq9AnswersSchema = itemAnswersSchema(itemScoreSchema(PHQ9_ITEM_MIN, PHQ9_ITEM_MAX), PHQ9_ITEM_COUNT, 'PHQ-9');

/** The severity band of a PHQ-9 total (0-27). Throws a RangeError for anything else. */
export function phq9Band(total: number): IntegerBand<Phq9Band> {
  return integerBandFor(PHQ9_BANDS, total, 'PHQ-9');
}

/**
 * Scores a PHQ-9 response. Throws a VALIDATION AppError unless `answers` passes
 * `phq9AnswersSchema`.
 */
export function scorePhq9(answers: readonly number[]): MeasureScore {
  const items = parseAnswers(phq9AnswersSchema, answers, 'PHQ-9');
  const total = sum(items);
  const band = phq9Band(total);
  const riskItem = items[PHQ9_RISK_ITEM_INDEX] ?? 0;
  const riskFlag = riskItem > 0;
  const notes = riskFlag
    ? [
        `Item 9 (thoughts of being better off dead or of self-harm) was answered ${riskItem}, not 0: a clinician must review risk and acknowledge it, whatever the total.`,
      ]
    : [];
  return {
    measure: 'phq9',
    total,
    band: band.band,
    bandLabel: band.label,
    riskFlag,
    caseness: total >= PHQ9_CASENESS_THRESHOLD,
    notes,
  };
}
