import { itemAnswersSchema, itemScoreSchema, parseAnswers, sum } from './answers';
import type { MeasureScore } from './measure-score';

/**
 * Musculoskeletal Health Questionnaire: 14 items scored 0-4, total 0-56, higher is better. The
 * wording is licensed (free to publicly funded care, but still licensed), so only the scoring ships
 * here and the wording comes from configuration.
 *
 * Answers are the item *scores* (4 = best), not the position of the response on the form: on the
 * form the best response is usually listed first, and the configured response options map each
 * label to its score.
 *
 * Our domain reference gives no severity bands for MSK-HQ, so none are applied: inventing clinical
 * bands would be a hazard. The score carries the total and a note on its direction.
 */
export const MSKHQ_ITEM_COUNT = 14;
export const MSKHQ_ITEM_MIN = 0;
export const MSKHQ_ITEM_MAX = 4;
export const MSKHQ_TOTAL_MAX = MSKHQ_ITEM_COUNT * MSKHQ_ITEM_MAX;

/**
 * Items 12 and 13 (0-based 11 and 12) list their answers the other way round from the rest on the
 * published form (Hill et al. 2016), so a partnership's wording must label them on their own: one
 * shared set of labels would score the best answer 0 on them.
 */
export const MSKHQ_REVERSED_ITEMS: readonly number[] = [11, 12];

export const MSKHQ_DIRECTION_NOTE = `Higher is better: ${MSKHQ_TOTAL_MAX} is the best possible MSK-HQ score and 0 the worst. No severity bands are applied.`;

/** Exactly 14 whole-number answers, each 0-4; every item is required. */
export const mskHqAnswersSchema = itemAnswersSchema(itemScoreSchema(MSKHQ_ITEM_MIN, MSKHQ_ITEM_MAX), MSKHQ_ITEM_COUNT, 'MSK-HQ');

/**
 * Scores an MSK-HQ response: the sum of the item scores. Throws a VALIDATION AppError unless
 * `answers` passes `mskHqAnswersSchema`.
 */
export function scoreMskHq(answers: readonly number[]): MeasureScore {
  const items = parseAnswers(mskHqAnswersSchema, answers, 'MSK-HQ');
  return {
    measure: 'mskhq',
    total: sum(items),
    band: null,
    bandLabel: null,
    riskFlag: false,
    caseness: null,
    notes: [MSKHQ_DIRECTION_NOTE],
  };
}
