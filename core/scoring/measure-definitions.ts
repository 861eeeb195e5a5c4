import { z } from 'zod';
import { parseAnswers } from './answers';
import { integerBandInfo, type MeasureBandInfo } from './bands';
import {
  GAD7_DEFAULT_WORDING,
  MSKHQ_PLACEHOLDER_WORDING,
  PHQ9_DEFAULT_WORDING,
  WORK_ABILITY_DEFAULT_WORDING,
  WSAS_PLACEHOLDER_WORDING,
} from './default-wording';
import {
  GAD7_BANDS,
  GAD7_CASENESS_THRESHOLD,
  GAD7_ITEM_COUNT,
  GAD7_ITEM_MAX,
  GAD7_ITEM_MIN,
  GAD7_TOTAL_MAX,
  gad7AnswersSchema,
  scoreGad7,
} from './gad7';
import { MEASURE_IDS, type MeasureId } from './measure-id';
import type { MeasureAnswer, MeasureScore } from './measure-score';
import { type MeasureWording, measureWordingSchema } from './measure-wording';
import {
  MSKHQ_ITEM_COUNT,
  MSKHQ_ITEM_MAX,
  MSKHQ_ITEM_MIN,
  MSKHQ_REVERSED_ITEMS,
  MSKHQ_TOTAL_MAX,
  mskHqAnswersSchema,
  scoreMskHq,
} from './msk-hq';
import {
  PHQ9_BANDS,
  PHQ9_CASENESS_THRESHOLD,
  PHQ9_ITEM_COUNT,
  PHQ9_ITEM_MAX,
  PHQ9_ITEM_MIN,
  PHQ9_TOTAL_MAX,
  phq9AnswersSchema,
  scorePhq9,
} from './phq9';
import {
  WORK_ABILITY_BANDS,
  WORK_ABILITY_ITEM_COUNT,
  WORK_ABILITY_MAX,
  WORK_ABILITY_MIN,
  scoreWorkAbility,
  workAbilityAnswersSchema,
} from './work-ability';
import {
  WSAS_BANDS,
  WSAS_ITEM_COUNT,
  WSAS_WORK_ITEM,
  WSAS_ITEM_MAX,
  WSAS_ITEM_MIN,
  WSAS_TOTAL_MAX,
  type WsasAnswer,
  scoreWsas,
  wsasAnswersSchema,
} from './wsas';

/** LOINC code system URI, for the FHIR export. */
export const LOINC_SYSTEM = 'http://loinc.org';

/**
 * Everything the services, UI and exports need to know about one measure. `Answer` is the type of
 * one item answer: a whole number, or for WSAS also `null` / `'not_applicable'`.
 */
export interface MeasureDefinition<Id extends MeasureId = MeasureId, Answer extends MeasureAnswer = MeasureAnswer> {
  readonly id: Id;
  /** Full name for headings and documents. */
  readonly displayName: string;
  /** Short name for tables and charts. */
  readonly shortName: string;
  readonly itemCount: number;
  readonly itemMin: number;
  readonly itemMax: number;
  readonly totalMin: number;
  readonly totalMax: number;
  /** Whether items may be left unanswered, to be pro-rated by the measure's rules (WSAS only). */
  readonly allowsUnanswered: boolean;
  /** The items (0-based) that may be answered "not applicable" (WSAS: only the work item). */
  readonly notApplicableItems: readonly number[];
  /** Direction for charts and change wording: true when a higher total is a better state. */
  readonly higherIsBetter: boolean;
  /** NHS Talking Therapies caseness threshold (total at or above is a case), or null. */
  readonly casenessThreshold: number | null;
  /** Severity bands in ascending order of total; empty when none are published in our reference. */
  readonly bands: readonly MeasureBandInfo[];
  /** LOINC code for the total score (for FHIR Observation.code), where one is known. */
  readonly loincTotalCode: string | null;
  /**
   * True when the item wording is copyright or licensed: the app ships placeholders and the
   * partnership supplies the text. False when the standard wording may be reproduced.
   */
  readonly wordingLicensed: boolean;
  /**
   * Items (0-based) whose answers run the other way from the rest on the published form, so that
   * configured wording with shared answer labels must give each of them labels of its own.
   */
  readonly ownLabelItems: readonly number[];
  /** Wording used until a partnership configures its own. */
  readonly defaultWording: MeasureWording;
  /** Strict schema for the answers: exactly `itemCount` items, each in range, no coercion. */
  readonly answersSchema: z.ZodType<Answer[]>;
  /** Scores answers; throws a VALIDATION AppError for answers the schema refuses. */
  score(answers: readonly Answer[]): MeasureScore;
}

/** One definition per measure, keyed by id. Answers are whole numbers except for WSAS. */
export const MEASURE_DEFINITIONS: {
  readonly [Id in MeasureId]: MeasureDefinition<Id, Id extends 'wsas' ? WsasAnswer : number>;
} = {
  phq9: {
    id: 'phq9',
    displayName: 'Patient Health Questionnaire (PHQ-9)',
    shortName: 'PHQ-9',
    itemCount: PHQ9_ITEM_COUNT,
    itemMin: PHQ9_ITEM_MIN,
    itemMax: PHQ9_ITEM_MAX,
    totalMin: 0,
    totalMax: PHQ9_TOTAL_MAX,
    allowsUnanswered: false,
    notApplicableItems: [],
    higherIsBetter: false,
    casenessThreshold: PHQ9_CASENESS_THRESHOLD,
    bands: integerBandInfo(PHQ9_BANDS),
    loincTotalCode: '44261-6',
    wordingLicensed: false,
    ownLabelItems: [],
    defaultWording: PHQ9_DEFAULT_WORDING,
    answersSchema: phq9AnswersSchema,
    score: scorePhq9,
  },
  gad7: {
    id: 'gad7',
    displayName: 'Generalised Anxiety Disorder assessment (GAD-7)',
    shortName: 'GAD-7',
    itemCount: GAD7_ITEM_COUNT,
    itemMin: GAD7_ITEM_MIN,
    itemMax: GAD7_ITEM_MAX,
    totalMin: 0,
    totalMax: GAD7_TOTAL_MAX,
    allowsUnanswered: false,
    notApplicableItems: [],
    higherIsBetter: false,
    casenessThreshold: GAD7_CASENESS_THRESHOLD,
    bands: integerBandInfo(GAD7_BANDS),
    loincTotalCode: '70274-6',
    wordingLicensed: false,
    ownLabelItems: [],
    defaultWording: GAD7_DEFAULT_WORDING,
    answersSchema: gad7AnswersSchema,
    score: scoreGad7,
  },
  wsas: {
    id: 'wsas',
    displayName: 'Work and Social Adjustment Scale (WSAS)',
    shortName: 'WSAS',
    itemCount: WSAS_ITEM_COUNT,
    itemMin: WSAS_ITEM_MIN,
    itemMax: WSAS_ITEM_MAX,
    totalMin: 0,
    totalMax: WSAS_TOTAL_MAX,
    allowsUnanswered: true,
    notApplicableItems: [WSAS_WORK_ITEM],
    higherIsBetter: false,
    casenessThreshold: null,
    bands: WSAS_BANDS,
    // No LOINC code for the WSAS total is recorded in our domain reference; add it when confirmed.
    loincTotalCode: null,
    wordingLicensed: true,
    ownLabelItems: [],
    defaultWording: WSAS_PLACEHOLDER_WORDING,
    answersSchema: wsasAnswersSchema,
    score: scoreWsas,
  },
  mskhq: {
    id: 'mskhq',
    displayName: 'Musculoskeletal Health Questionnaire (MSK-HQ)',
    shortName: 'MSK-HQ',
    itemCount: MSKHQ_ITEM_COUNT,
    itemMin: MSKHQ_ITEM_MIN,
    itemMax: MSKHQ_ITEM_MAX,
    totalMin: 0,
    totalMax: MSKHQ_TOTAL_MAX,
    allowsUnanswered: false,
    notApplicableItems: [],
    higherIsBetter: true,
    casenessThreshold: null,
    bands: [],
    loincTotalCode: null,
    wordingLicensed: true,
    ownLabelItems: MSKHQ_REVERSED_ITEMS,
    defaultWording: MSKHQ_PLACEHOLDER_WORDING,
    answersSchema: mskHqAnswersSchema,
    score: scoreMskHq,
  },
  work_ability: {
    id: 'work_ability',
    displayName: 'Single-item work ability score',
    shortName: 'Work ability',
    itemCount: WORK_ABILITY_ITEM_COUNT,
    itemMin: WORK_ABILITY_MIN,
    itemMax: WORK_ABILITY_MAX,
    totalMin: WORK_ABILITY_MIN,
    totalMax: WORK_ABILITY_MAX,
    allowsUnanswered: false,
    notApplicableItems: [],
    higherIsBetter: true,
    casenessThreshold: null,
    bands: integerBandInfo(WORK_ABILITY_BANDS),
    loincTotalCode: null,
    wordingLicensed: false,
    ownLabelItems: [],
    defaultWording: WORK_ABILITY_DEFAULT_WORDING,
    answersSchema: workAbilityAnswersSchema,
    score: scoreWorkAbility,
  },
};

/** Every measure definition, in `MEASURE_IDS` order, for pickers and legends. */
export const MEASURE_DEFINITION_LIST: readonly MeasureDefinition[] = MEASURE_IDS.map((id) => MEASURE_DEFINITIONS[id]);

export function getMeasureDefinition(id: MeasureId): MeasureDefinition {
  return MEASURE_DEFINITIONS[id];
}

/**
 * Scores answers for any measure, validating them against that measure's schema first. Throws a
 * VALIDATION AppError (fields keyed `answers.<index>`) for answers the schema refuses.
 */
export function scoreMeasure(id: MeasureId, answers: unknown): MeasureScore {
  const definition = getMeasureDefinition(id);
  const parsed = parseAnswers(definition.answersSchema, answers, definition.shortName);
  return definition.score(parsed);
}

/**
 * A completed measure as the contract carries it: `{ measure, answers }`, checked against that
 * measure's own answers schema, so services can validate a response before scoring it.
 */
export const measureResponseSchema = z.discriminatedUnion('measure', [
  z.strictObject({ measure: z.literal('phq9'), answers: phq9AnswersSchema }),
  z.strictObject({ measure: z.literal('gad7'), answers: gad7AnswersSchema }),
  z.strictObject({ measure: z.literal('wsas'), answers: wsasAnswersSchema }),
  z.strictObject({ measure: z.literal('mskhq'), answers: mskHqAnswersSchema }),
  z.strictObject({ measure: z.literal('work_ability'), answers: workAbilityAnswersSchema }),
]);
export type MeasureResponse = z.infer<typeof measureResponseSchema>;

/** Adds an issue for each option value outside the measure's item range or labelled twice. */
function checkResponseOptions(
  definition: MeasureDefinition,
  options: readonly { value: number }[],
  path: readonly (string | number)[],
  context: z.RefinementCtx,
): void {
  const labelled = new Set<number>();
  options.forEach((option, index) => {
    if (option.value < definition.itemMin || option.value > definition.itemMax) {
      context.addIssue({
        code: 'custom',
        path: [...path, index, 'value'],
        message: `${definition.shortName} answer values run from ${definition.itemMin} to ${definition.itemMax}`,
      });
    } else if (labelled.has(option.value)) {
      // Two labels for one answer value would leave the form showing whichever came last.
      context.addIssue({ code: 'custom', path: [...path, index, 'value'], message: `Answer ${option.value} has more than one label` });
    }
    labelled.add(option.value);
  });
}

/**
 * Schema for a partnership's configured wording for one measure: the general wording rules plus
 * one label per item and response option values inside the item range, each labelled once, and
 * items' own labels wherever the measure needs them (`ownLabelItems`) and shared labels are given.
 */
export function measureWordingSchemaFor(id: MeasureId) {
  const definition = getMeasureDefinition(id);
  return measureWordingSchema.superRefine((wording, context) => {
    if (wording.itemLabels.length !== definition.itemCount) {
      context.addIssue({
        code: 'custom',
        path: ['itemLabels'],
        message: `${definition.shortName} needs exactly ${definition.itemCount} item ${definition.itemCount === 1 ? 'label' : 'labels'}`,
      });
    }
    checkResponseOptions(definition, wording.responseOptions ?? [], ['responseOptions'], context);
    for (const [key, options] of Object.entries(wording.itemResponseOptions ?? {})) {
      if (Number(key) >= definition.itemCount) {
        context.addIssue({
          code: 'custom',
          path: ['itemResponseOptions', key],
          message: `${definition.shortName} has no item ${Number(key) + 1}`,
        });
      } else {
        checkResponseOptions(definition, options, ['itemResponseOptions', key], context);
      }
    }
    // Shared labels on an item listed the other way round would put the words against the wrong scores.
    if (wording.responseOptions === undefined) return;
    for (const item of definition.ownLabelItems) {
      if (wording.itemResponseOptions?.[String(item)] !== undefined) continue;
      context.addIssue({
        code: 'custom',
        path: ['itemResponseOptions', String(item)],
        message: `${definition.shortName} item ${item + 1} lists its answers the other way round: give it its own answer labels`,
      });
    }
  });
}
