import { z } from 'zod';
import { GAD7_CASENESS_THRESHOLD, GAD7_TOTAL_MAX } from './gad7';
import { PHQ9_CASENESS_THRESHOLD, PHQ9_TOTAL_MAX } from './phq9';

/**
 * Change between two scores by NHS Talking Therapies conventions. A change is "reliable" when it
 * is at least the measure's reliable change threshold, i.e. bigger than measurement error alone
 * would explain: 6 points on PHQ-9, 4 on GAD-7.
 */
export const RELIABLE_CHANGE_THRESHOLDS = { phq9: 6, gad7: 4 } as const;

export type DepressionAnxietyMeasure = keyof typeof RELIABLE_CHANGE_THRESHOLDS;

const CASENESS_THRESHOLDS: Readonly<Record<DepressionAnxietyMeasure, number>> = {
  phq9: PHQ9_CASENESS_THRESHOLD,
  gad7: GAD7_CASENESS_THRESHOLD,
};

const TOTAL_MAX: Readonly<Record<DepressionAnxietyMeasure, number>> = { phq9: PHQ9_TOTAL_MAX, gad7: GAD7_TOTAL_MAX };

const MEASURE_NAMES: Readonly<Record<DepressionAnxietyMeasure, string>> = { phq9: 'PHQ-9', gad7: 'GAD-7' };

/** Lower is better on both measures, so a fall is an improvement. */
export type ReliableChange = 'reliable_improvement' | 'reliable_deterioration' | 'no_reliable_change';

function assertTotal(measure: DepressionAnxietyMeasure, total: number): void {
  if (!Number.isInteger(total) || total < 0 || total > TOTAL_MAX[measure]) {
    throw new RangeError(`${MEASURE_NAMES[measure]} total ${total} is not a whole number from 0 to ${TOTAL_MAX[measure]}`);
  }
}

/**
 * Reliable change on one measure: a fall of at least the threshold (6 PHQ-9, 4 GAD-7) is a
 * reliable improvement, a rise of at least the threshold a reliable deterioration. Throws a
 * RangeError for totals that are not whole numbers in the measure's range.
 */
export function reliableChange(measure: DepressionAnxietyMeasure, baseline: number, followUp: number): ReliableChange {
  assertTotal(measure, baseline);
  assertTotal(measure, followUp);
  const threshold = RELIABLE_CHANGE_THRESHOLDS[measure];
  const change = followUp - baseline;
  if (change <= -threshold) return 'reliable_improvement';
  if (change >= threshold) return 'reliable_deterioration';
  return 'no_reliable_change';
}

/** PHQ-9 and GAD-7 totals at one time point; `null` when that measure was not completed. */
export interface DepressionAnxietyScores {
  readonly phq9: number | null;
  readonly gad7: number | null;
}

export interface DepressionAnxietyComparison {
  /** The measures with both a baseline and a follow-up total: the only ones the outcomes use. */
  readonly basedOn: DepressionAnxietyMeasure[];
  /** Reliable change per measure, or null when the measure is not paired. */
  readonly phq9Change: ReliableChange | null;
  readonly gad7Change: ReliableChange | null;
  /** At least one paired measure at or above caseness at baseline. */
  readonly caseAtBaseline: boolean | null;
  /** At least one paired measure reliably improved and none reliably deteriorated. */
  readonly reliableImprovement: boolean | null;
  /** At least one paired measure reliably deteriorated and none reliably improved. */
  readonly reliableDeterioration: boolean | null;
  /**
   * Case at baseline, and every paired measure below its caseness threshold at follow-up. Null
   * ("not applicable") for someone not a case at baseline: by NHS Talking Therapies rules recovery
   * is not measured for them, so it must never read as "did not recover".
   */
  readonly recovery: boolean | null;
  /** Both recovery and reliable improvement (the NHS Talking Therapies "reliable recovery"); null as recovery. */
  readonly reliableRecovery: boolean | null;
  /** Plain-English caveats, e.g. that only one measure was paired. */
  readonly notes: string[];
}

/**
 * Compares baseline and follow-up PHQ-9 / GAD-7 totals the NHS Talking Therapies way.
 *
 * Exactly:
 * - A measure is used only when it has both a baseline and a follow-up total ("paired"), because
 *   change can only be measured on the same questionnaire. An unpaired total is ignored. With no
 *   paired measure every outcome is null.
 * - caseAtBaseline: some paired measure is at or above caseness at baseline (PHQ-9 >= 10 or
 *   GAD-7 >= 8).
 * - reliableImprovement: some paired measure fell by at least its reliable change threshold
 *   (PHQ-9 6, GAD-7 4) and no paired measure rose by at least its threshold.
 * - reliableDeterioration: the mirror image: some paired measure rose reliably and none fell
 *   reliably. So a reliable fall on one measure with a reliable rise on the other is neither (it
 *   counts as no reliable change; both per-measure changes are still reported). This symmetric
 *   reading keeps improvement and deterioration mutually exclusive, as the published Talking
 *   Therapies figures treat them.
 * - recovery: case at baseline, and below caseness on every paired measure at follow-up (PHQ-9 < 10
 *   and GAD-7 < 8 when both are paired). Recovery does not apply to someone not a case at
 *   baseline: null for them, never false (caseAtBaseline and a note say why).
 * - reliableRecovery: recovery and reliable improvement together.
 *
 * When only one measure is paired the outcomes rest on it alone and a note says so, because
 * Talking Therapies reporting expects both. Throws a RangeError for totals out of range.
 */
export function compareDepressionAnxiety(
  baseline: DepressionAnxietyScores,
  followUp: DepressionAnxietyScores,
): DepressionAnxietyComparison {
  const measures: readonly DepressionAnxietyMeasure[] = ['phq9', 'gad7'];
  const changes: Record<DepressionAnxietyMeasure, ReliableChange | null> = { phq9: null, gad7: null };
  const basedOn: DepressionAnxietyMeasure[] = [];
  const notes: string[] = [];
  let caseAtBaseline = false;
  let belowCasenessAtFollowUp = true;

  for (const measure of measures) {
    const before = baseline[measure];
    const after = followUp[measure];
    if (before !== null) assertTotal(measure, before);
    if (after !== null) assertTotal(measure, after);
    if (before === null || after === null) continue;
    basedOn.push(measure);
    changes[measure] = reliableChange(measure, before, after);
    if (before >= CASENESS_THRESHOLDS[measure]) caseAtBaseline = true;
    if (after >= CASENESS_THRESHOLDS[measure]) belowCasenessAtFollowUp = false;
  }

  const [onlyMeasure] = basedOn;
  if (onlyMeasure === undefined) {
    return {
      basedOn,
      phq9Change: null,
      gad7Change: null,
      caseAtBaseline: null,
      reliableImprovement: null,
      reliableDeterioration: null,
      recovery: null,
      reliableRecovery: null,
      notes: ['No change can be measured: neither PHQ-9 nor GAD-7 was completed at both baseline and follow-up.'],
    };
  }
  if (basedOn.length === 1) {
    const other = onlyMeasure === 'phq9' ? 'gad7' : 'phq9';
    notes.push(
      `Based on ${MEASURE_NAMES[onlyMeasure]} only: ${MEASURE_NAMES[other]} was not completed at both baseline and follow-up. NHS Talking Therapies outcomes normally use both.`,
    );
  }

  const paired = basedOn.map((measure) => changes[measure]);
  const anyImproved = paired.includes('reliable_improvement');
  const anyDeteriorated = paired.includes('reliable_deterioration');
  if (anyImproved && anyDeteriorated) {
    notes.push('One measure reliably improved and the other reliably deteriorated, so overall this is no reliable change.');
  }
  const reliableImprovement = anyImproved && !anyDeteriorated;
  const recovery = caseAtBaseline ? belowCasenessAtFollowUp : null;
  if (!caseAtBaseline) {
    const belowAll = basedOn.map((measure) => `${MEASURE_NAMES[measure]} below ${CASENESS_THRESHOLDS[measure]}`).join(' and ');
    notes.push(`Not a case at baseline (${belowAll}), so recovery does not apply.`);
  }
  return {
    basedOn,
    phq9Change: changes.phq9,
    gad7Change: changes.gad7,
    caseAtBaseline,
    reliableImprovement,
    reliableDeterioration: anyDeteriorated && !anyImproved,
    recovery,
    reliableRecovery: recovery === null ? null : recovery && reliableImprovement,
    notes,
  };
}

/** A dated score: an ISO date (`2025-03-14`) or a date-time with a zone (`...T10:30:00Z`). */
export interface TrendInput {
  readonly date: string;
  readonly total: number | null;
}

const trendDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/**
 * Points for a chart: the scored points (null totals, e.g. an unscored WSAS, are dropped: they
 * have nothing to plot) sorted oldest first. Points on the same date keep their input order.
 * Dates are compared as instants, so date-only and zoned date-times mix safely; a date-time
 * without a zone is refused because its instant would depend on the machine's time zone. Does
 * not change the input. Throws a RangeError for an invalid date.
 */
export function trend<Point extends TrendInput>(series: readonly Point[]): (Point & { readonly total: number })[] {
  const timed = series.map((point, index) => {
    if (!trendDateSchema.safeParse(point.date).success) {
      throw new RangeError(`Point ${index} has an invalid date "${point.date}": use YYYY-MM-DD or a date-time with a time zone`);
    }
    return { point, time: Date.parse(point.date) };
  });
  return timed
    .filter((entry): entry is { point: Point & { readonly total: number }; time: number } => entry.point.total !== null)
    .sort((left, right) => left.time - right.time)
    .map((entry) => entry.point);
}
