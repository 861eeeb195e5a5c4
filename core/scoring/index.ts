/**
 * Outcome measure scoring: pure functions, no I/O, safe in every layer. Scores follow the
 * published rules in the domain reference; see each module for the exact rules and edge choices.
 */
export { MEASURE_IDS, measureIdSchema, type MeasureId } from './measure-id';
export { measureScoreSchema, type MeasureAnswer, type MeasureScore } from './measure-score';
export {
  measureWordingSchema,
  placeholderWording,
  responseOptionSchema,
  type MeasureWording,
  type ResponseOption,
} from './measure-wording';
export type { IntegerBand, MeasureBandInfo } from './bands';

export {
  PHQ9_BANDS,
  PHQ9_CASENESS_THRESHOLD,
  PHQ9_ITEM_COUNT,
  PHQ9_RISK_ITEM_INDEX,
  phq9AnswersSchema,
  phq9Band,
  scorePhq9,
  type Phq9Band,
} from './phq9';
export { GAD7_BANDS, GAD7_CASENESS_THRESHOLD, GAD7_ITEM_COUNT, gad7AnswersSchema, gad7Band, scoreGad7, type Gad7Band } from './gad7';
export {
  WSAS_BANDS,
  WSAS_BAND_LABELS,
  WSAS_DOMAINS,
  WSAS_DOMAIN_LABELS,
  WSAS_ITEM_COUNT,
  scoreWsas,
  wsasAnswerSchema,
  wsasAnswersSchema,
  wsasBand,
  type WsasAnswer,
  type WsasBand,
  type WsasDomain,
} from './wsas';
export { MSKHQ_DIRECTION_NOTE, MSKHQ_ITEM_COUNT, MSKHQ_TOTAL_MAX, mskHqAnswersSchema, scoreMskHq } from './msk-hq';
export { WORK_ABILITY_BANDS, scoreWorkAbility, workAbilityAnswersSchema, workAbilityBand, type WorkAbilityBand } from './work-ability';

export {
  GAD7_DEFAULT_WORDING,
  MSKHQ_PLACEHOLDER_WORDING,
  PHQ9_DEFAULT_WORDING,
  PHQ_GAD_RESPONSE_OPTIONS,
  WORK_ABILITY_DEFAULT_WORDING,
  WSAS_PLACEHOLDER_WORDING,
} from './default-wording';
export {
  LOINC_SYSTEM,
  MEASURE_DEFINITIONS,
  MEASURE_DEFINITION_LIST,
  getMeasureDefinition,
  measureResponseSchema,
  measureWordingSchemaFor,
  scoreMeasure,
  type MeasureDefinition,
  type MeasureResponse,
} from './measure-definitions';
export {
  RELIABLE_CHANGE_THRESHOLDS,
  compareDepressionAnxiety,
  reliableChange,
  trend,
  type DepressionAnxietyComparison,
  type DepressionAnxietyMeasure,
  type DepressionAnxietyScores,
  type ReliableChange,
  type TrendInput,
} from './change-over-time';
export { measureChartBands, type ChartBand } from './chart-bands';
export {
  formatTotal,
  measureTrend,
  measureTrends,
  type ChangeDirection,
  type DatedMeasureResult,
  type MeasureTrend,
  type TrendPoint,
} from './measure-trend';
export {
  DEPRESSION_ANXIETY_HEADLINE_LABELS,
  PAIRING_WINDOW_DAYS,
  depressionAnxietyOutcome,
  type DepressionAnxietyHeadline,
  type DepressionAnxietyOutcome,
  type DepressionAnxietyTimePoint,
} from './depression-anxiety-outcome';
