import { type IntegerBand, integerBandFor } from './bands';
import { itemAnswersSchema, itemScoreSchema, parseAnswers } from './answers';
import type { MeasureScore } from './measure-score';

/**
 * Single-item work ability score: current work ability compared with lifetime best, 0-10, higher
 * is better. Answers are a one-item list so every measure shares one answers shape.
 */
export const WORK_ABILITY_ITEM_COUNT = 1;
export const WORK_ABILITY_MIN = 0;
export const WORK_ABILITY_MAX = 10;

export type WorkAbilityBand = 'poor' | 'moderate' | 'good_excellent';

export const WORK_ABILITY_BANDS: readonly IntegerBand<WorkAbilityBand>[] = [
  { band: 'poor', label: 'Poor', min: 0, max: 5 },
  { band: 'moderate', label: 'Moderate', min: 6, max: 7 },
  { band: 'good_excellent', label: 'Good or excellent', min: 8, max: 10 },
];

/** Exactly one whole-number answer, 0-10. */
export const workAbilityAnswersSchema = itemAnswersSchema(
  itemScoreSchema(WORK_ABILITY_MIN, WORK_ABILITY_MAX),
  WORK_ABILITY_ITEM_COUNT,
  'The work ability score',
);

/** The band of a work ability score (0-10). Throws a RangeError for anything else. */
export function workAbilityBand(score: number): IntegerBand<WorkAbilityBand> {
  return integerBandFor(WORK_ABILITY_BANDS, score, 'Work ability');
}

/**
 * Scores the single work ability item. Throws a VALIDATION AppError unless `answers` passes
 * `workAbilityAnswersSchema`.
 */
export function scoreWorkAbility(answers: readonly number[]): MeasureScore {
  const [score] = parseAnswers(workAbilityAnswersSchema, answers, 'work ability');
  if (score === undefined) throw new Error('unreachable: the schema requires exactly one answer');
  const band = workAbilityBand(score);
  return {
    measure: 'work_ability',
    total: score,
    band: band.band,
    bandLabel: band.label,
    riskFlag: false,
    caseness: null,
    notes: [],
  };
}
