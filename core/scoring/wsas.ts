import { z } from 'zod';
import { itemAnswersSchema, itemScoreSchema, parseAnswers, sum } from './answers';
import type { MeasureBandInfo } from './bands';
import type { MeasureScore } from './measure-score';

/**
 * Work and Social Adjustment Scale: 5 items scored 0-8, total 0-40, higher is worse. The item
 * wording is copyright, so only the scoring ships here; the domain names below are descriptions,
 * not the item text.
 */
export const WSAS_ITEM_COUNT = 5;
export const WSAS_ITEM_MIN = 0;
export const WSAS_ITEM_MAX = 8;
export const WSAS_TOTAL_MAX = WSAS_ITEM_COUNT * WSAS_ITEM_MAX;

/** The five domains, in item order. */
export const WSAS_DOMAINS = ['work', 'home_management', 'social_leisure', 'private_leisure', 'relationships'] as const;
export type WsasDomain = (typeof WSAS_DOMAINS)[number];

export const WSAS_DOMAIN_LABELS: Readonly<Record<WsasDomain, string>> = {
  work: 'Work',
  home_management: 'Home management',
  social_leisure: 'Social leisure',
  private_leisure: 'Private leisure',
  relationships: 'Relationships',
};

/** At most this many items may be missing or not applicable for a score to be given. */
export const WSAS_MAX_MISSING_ITEMS = 1;

/** `null` means not answered; `'not_applicable'` means the item does not apply (e.g. not working). */
export type WsasAnswer = number | null | 'not_applicable';

const answerMessage = `Each answer must be a whole number from ${WSAS_ITEM_MIN} to ${WSAS_ITEM_MAX}, or not applicable`;

export const wsasAnswerSchema = z.union(
  [itemScoreSchema(WSAS_ITEM_MIN, WSAS_ITEM_MAX, answerMessage), z.null(), z.literal('not_applicable')],
  {
    error: answerMessage,
  },
);

/**
 * The work item (the first): the only one that may be "not applicable", and only when the person
 * is not working for reasons unrelated to their problem (Mundt et al. 2002). Anyone in work or off
 * sick answers it: their problem's effect on work is exactly what it measures.
 */
export const WSAS_WORK_ITEM = 0;

export const WSAS_NOT_APPLICABLE_ONLY_WORK =
  'Only the work item can be "not applicable". Answer this one, or leave it unanswered if the person would not say.';

/**
 * Exactly 5 answers in domain order; each a whole number 0-8 or `null`; the work item may also be
 * `'not_applicable'`.
 */
export const wsasAnswersSchema = itemAnswersSchema(wsasAnswerSchema, WSAS_ITEM_COUNT, 'WSAS').superRefine((answers, context) => {
  answers.forEach((answer, index) => {
    if (answer === 'not_applicable' && index !== WSAS_WORK_ITEM)
      context.addIssue({ code: 'custom', path: [index], message: WSAS_NOT_APPLICABLE_ONLY_WORK });
  });
});

export type WsasBand = 'subclinical' | 'significant' | 'moderately_severe_or_worse';

export const WSAS_BAND_LABELS: Readonly<Record<WsasBand, string>> = {
  subclinical: 'Subclinical',
  significant: 'Significant functional impairment',
  moderately_severe_or_worse: 'Moderately severe or worse',
};

export const WSAS_BANDS: readonly MeasureBandInfo[] = [
  { band: 'subclinical', label: WSAS_BAND_LABELS.subclinical, rangeLabel: 'below 10' },
  { band: 'significant', label: WSAS_BAND_LABELS.significant, rangeLabel: '10-20' },
  { band: 'moderately_severe_or_worse', label: WSAS_BAND_LABELS.moderately_severe_or_worse, rangeLabel: 'above 20' },
];

/**
 * The band of a WSAS total, reading the published rule literally: below 10 subclinical; 10 up to
 * and including 20 significant impairment; above 20 moderately severe or worse. So exactly 10 and
 * exactly 20 are 'significant', 9.9 is 'subclinical' and 20.1 is 'moderately severe or worse'.
 *
 * Pro-rated totals are multiples of 1.25 (see `scoreWsas`), so in practice none falls strictly
 * between 9 and 10 or between 20 and 21: the nearest are 8.75 (subclinical), 10 and 20
 * (significant) and 21.25 (moderately severe or worse). Taking any number keeps the rule total for
 * callers banding a stored one-decimal total: rounding never moves a total across 10 or 20.
 */
export function wsasBand(total: number): WsasBand {
  if (!Number.isFinite(total) || total < 0 || total > WSAS_TOTAL_MAX) {
    throw new RangeError(`WSAS total ${total} is outside 0-${WSAS_TOTAL_MAX}`);
  }
  if (total < 10) return 'subclinical';
  if (total <= 20) return 'significant';
  return 'moderately_severe_or_worse';
}

/**
 * Rounds a pro-rated total to one decimal place.
 *
 * Why one decimal: the replacement is the mean of four whole numbers, so the exact total is a
 * multiple of 1.25 (x.0, x.25, x.5 or x.75). Rounding to a whole number would make a pro-rated
 * total look like a complete one and throw away a real difference (11.25 vs 11.75); two decimals
 * would suggest precision a 0-40 rating scale does not have. One decimal keeps the difference,
 * reads naturally on charts and, because .25 and .75 become .3 and .8, can never move a total
 * across the 10 or 20 band edges. Half-way values round up; they are exact in binary floating
 * point, so there is no representation error to worry about.
 */
function roundToOneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

function describeMissing(answer: null | 'not_applicable'): string {
  return answer === null ? 'not answered' : 'not applicable';
}

/**
 * Scores a WSAS response. Throws a VALIDATION AppError unless `answers` passes
 * `wsasAnswersSchema`.
 *
 * - No item missing: the total is the sum.
 * - Exactly one item missing or not applicable: it is replaced by the mean of the other four, so
 *   the total is the sum of the four plus their mean (the mean times 5), kept to one decimal.
 *   The band is taken from the exact value (it never differs from the rounded one's).
 * - More than one missing or not applicable: no score (`total`, `band` and `bandLabel` null) and a
 *   note giving the reason.
 */
export function scoreWsas(answers: readonly WsasAnswer[]): MeasureScore {
  const items = parseAnswers(wsasAnswersSchema, answers, 'WSAS');
  const answered: number[] = [];
  const missing: { domain: WsasDomain; answer: null | 'not_applicable' }[] = [];
  items.forEach((answer, index) => {
    const domain = WSAS_DOMAINS[index] as WsasDomain;
    if (typeof answer === 'number') answered.push(answer);
    else missing.push({ domain, answer });
  });

  if (missing.length > WSAS_MAX_MISSING_ITEMS) {
    const list = missing.map(({ domain, answer }) => `${WSAS_DOMAIN_LABELS[domain]} (${describeMissing(answer)})`).join(', ');
    return {
      measure: 'wsas',
      total: null,
      band: null,
      bandLabel: null,
      riskFlag: false,
      caseness: null,
      notes: [
        `No WSAS score: ${missing.length} items were not answered or not applicable (${list}). A score needs at least ${WSAS_ITEM_COUNT - WSAS_MAX_MISSING_ITEMS} of the ${WSAS_ITEM_COUNT} items.`,
      ],
    };
  }

  const answeredSum = sum(answered);
  const [replaced] = missing;
  if (replaced === undefined) {
    const band = wsasBand(answeredSum);
    return { measure: 'wsas', total: answeredSum, band, bandLabel: WSAS_BAND_LABELS[band], riskFlag: false, caseness: null, notes: [] };
  }

  const mean = answeredSum / answered.length;
  const exactTotal = answeredSum + mean;
  const total = roundToOneDecimal(exactTotal);
  const band = wsasBand(exactTotal);
  return {
    measure: 'wsas',
    total,
    band,
    bandLabel: WSAS_BAND_LABELS[band],
    riskFlag: false,
    caseness: null,
    notes: [
      `${WSAS_DOMAIN_LABELS[replaced.domain]} was ${describeMissing(replaced.answer)}, so it was replaced by the mean of the other four items (${mean}); the total of ${total} is pro-rated.`,
    ],
  };
}

/** Employment statuses in which someone is not working (core/schemas/referral.ts). */
const NOT_WORKING_STATUSES: ReadonlySet<string> = new Set(['out_of_work_recent', 'out_of_work_longer']);

export const WSAS_WORK_ITEM_MUST_BE_ANSWERED =
  'The work item must be answered: the person is in work or off sick from work, so their problem’s effect on work is what it measures. "Not applicable" is only for someone not working for reasons unrelated to their problem.';

/**
 * The field error for a WSAS response whose work item is "not applicable" while the person is in
 * work or off sick (their employment status says so), else null.
 */
export function wsasWorkItemError(answers: readonly WsasAnswer[], employmentStatus: string): Record<string, string> | null {
  if (answers[WSAS_WORK_ITEM] !== 'not_applicable' || NOT_WORKING_STATUSES.has(employmentStatus)) return null;
  return { [`answers.${WSAS_WORK_ITEM}`]: WSAS_WORK_ITEM_MUST_BE_ANSWERED };
}
