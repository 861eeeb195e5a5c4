import { formatCalendarDate } from '../calendar-date';
import { RELIABLE_CHANGE_THRESHOLDS, reliableChange, trend, type ReliableChange } from './change-over-time';
import { getMeasureDefinition } from './measure-definitions';
import { MEASURE_IDS, type MeasureId } from './measure-id';

/** One stored result as the participant record carries it. */
export interface DatedMeasureResult {
  readonly measure: MeasureId;
  /** The date the person completed it, YYYY-MM-DD. */
  readonly takenOn: string;
  /** Null when the rules give no score (a WSAS with more than one item missing). */
  readonly total: number | null;
  readonly bandLabel: string | null;
  /** When it was recorded (ISO date-time); orders results taken on the same date. */
  readonly recordedAt?: string | undefined;
}

/** A scored result on a chart. */
export interface TrendPoint {
  readonly takenOn: string;
  readonly total: number;
  readonly bandLabel: string | null;
}

/** Which way the person's state moved, by the measure's own direction (MSK-HQ: higher is better). */
export type ChangeDirection = 'better' | 'worse' | 'unchanged';

export interface MeasureTrend {
  readonly measure: MeasureId;
  /** Scored results, oldest first (same-date results in the order they were recorded). */
  readonly points: readonly TrendPoint[];
  /** Results the rules could not score: counted, never plotted. */
  readonly unscoredCount: number;
  /** The first scored result, or null when none was scored. */
  readonly baseline: TrendPoint | null;
  /** The last scored result (the baseline itself when there is only one), or null. */
  readonly latest: TrendPoint | null;
  /** latest - baseline, to one decimal place; null with fewer than two scored results. */
  readonly change: number | null;
  readonly direction: ChangeDirection | null;
  /** PHQ-9 and GAD-7 only, with two or more scored results: the Talking Therapies reliable change. */
  readonly reliableChange: ReliableChange | null;
  /** Plain-English sentences for under the chart. */
  readonly summary: readonly string[];
  /** One line describing the chart, for its accessible name. */
  readonly chartLabel: string;
}

/** Totals are whole numbers except pro-rated WSAS totals, which keep one decimal. */
export function formatTotal(total: number): string {
  return Number.isInteger(total) ? String(total) : total.toFixed(1);
}

function points(count: number): string {
  return count === 1 ? 'point' : 'points';
}

function describePoint(point: TrendPoint): string {
  const band = point.bandLabel === null ? '' : ` (${point.bandLabel.toLowerCase()})`;
  return `${formatTotal(point.total)}${band} on ${formatCalendarDate(point.takenOn)}`;
}

/** Scored results of one measure, oldest first, with ties on a date kept in recording order. */
function scoredPoints(results: readonly DatedMeasureResult[], measure: MeasureId): TrendPoint[] {
  const ofMeasure = results
    .filter((result) => result.measure === measure)
    .sort((left, right) => (left.recordedAt ?? '').localeCompare(right.recordedAt ?? ''));
  return trend(ofMeasure.map((result) => ({ date: result.takenOn, total: result.total, bandLabel: result.bandLabel }))).map(
    ({ date, total, bandLabel }) => ({ takenOn: date, total, bandLabel }),
  );
}

function directionOf(change: number, higherIsBetter: boolean): ChangeDirection {
  if (change === 0) return 'unchanged';
  return change > 0 === higherIsBetter ? 'better' : 'worse';
}

function changeSentence(shortName: string, baseline: TrendPoint, latest: TrendPoint, change: number): string {
  if (change === 0) return `${shortName} was ${describePoint(baseline)} and ${describePoint(latest)}: no change.`;
  const size = Math.abs(change);
  const verb = change < 0 ? 'fell' : 'rose';
  const way = change < 0 ? 'down' : 'up';
  return `${shortName} ${verb} from ${describePoint(baseline)} to ${describePoint(latest)}, ${way} ${formatTotal(size)} ${points(size)}.`;
}

function reliableChangeSentence(measure: 'phq9' | 'gad7', change: ReliableChange, size: number): string {
  const threshold = RELIABLE_CHANGE_THRESHOLDS[measure];
  switch (change) {
    case 'reliable_improvement':
      return `That is a reliable improvement: a fall of ${threshold} or more points.`;
    case 'reliable_deterioration':
      return `That is a reliable deterioration: a rise of ${threshold} or more points.`;
    case 'no_reliable_change':
      return size === 0
        ? 'That is no reliable change.'
        : `That is no reliable change: it takes a change of ${threshold} or more points to be sure it is more than measurement error.`;
  }
}

function directionSentence(shortName: string, direction: ChangeDirection, higherIsBetter: boolean): string | null {
  if (direction === 'unchanged') return null;
  // Acronyms (WSAS, MSK-HQ) keep their capitals mid-sentence; "Work ability" does not.
  const inSentence = /^[A-Z]{2}/.test(shortName) ? shortName : shortName.toLowerCase();
  return `That is ${direction}: on ${inSentence} a ${higherIsBetter ? 'higher' : 'lower'} score is better.`;
}

function unscoredSentence(shortName: string, count: number): string | null {
  if (count === 0) return null;
  return count === 1
    ? `1 ${shortName} result could not be scored (too many items unanswered or not applicable) and is not on the chart.`
    : `${count} ${shortName} results could not be scored (too many items unanswered or not applicable) and are not on the chart.`;
}

/**
 * The trend of one measure: its scored results oldest first, and a plain-English summary.
 *
 * - Baseline is the first scored result and latest the last; unscored results (a WSAS with more
 *   than one item missing) are skipped and counted.
 * - PHQ-9 and GAD-7: reliable improvement, reliable deterioration or no reliable change by the
 *   NHS Talking Therapies thresholds (a change of 6 on PHQ-9, 4 on GAD-7, exactly the threshold
 *   counting).
 * - WSAS, MSK-HQ and work ability: the direction (better or worse, by the measure's own direction:
 *   higher is better on MSK-HQ and work ability) and the size of the change. No reliable change
 *   threshold for them is in our domain reference, so none is claimed.
 *
 * Returns null when the person has no result of that measure at all.
 */
export function measureTrend(results: readonly DatedMeasureResult[], measure: MeasureId): MeasureTrend | null {
  const all = results.filter((result) => result.measure === measure);
  if (all.length === 0) return null;
  const definition = getMeasureDefinition(measure);
  const name = definition.shortName;
  const scored = scoredPoints(all, measure);
  const unscoredCount = all.length - scored.length;
  const baseline = scored[0] ?? null;
  const latest = scored.at(-1) ?? null;
  const scale = `Scale ${definition.totalMin} to ${definition.totalMax}, ${definition.higherIsBetter ? 'higher' : 'lower'} is better.`;
  const unscored = unscoredSentence(name, unscoredCount);
  /** The trend while there is no change to measure: fewer than two scored results. */
  const withoutChange = (sentence: string, chartLabel: string): MeasureTrend => ({
    measure,
    points: scored,
    unscoredCount,
    baseline,
    latest,
    change: null,
    direction: null,
    reliableChange: null,
    summary: [sentence, ...(unscored === null ? [] : [unscored])],
    chartLabel,
  });

  if (baseline === null || latest === null) return withoutChange(`No ${name} score yet.`, `${name}: no scores to chart.`);

  const chartLabel = `${name} chart: ${scored.length} ${scored.length === 1 ? 'score' : 'scores'} from ${formatCalendarDate(baseline.takenOn)} to ${formatCalendarDate(latest.takenOn)}: ${scored
    .map((point) => formatTotal(point.total))
    .join(', ')}. ${scale}`;

  if (scored.length === 1)
    return withoutChange(`One ${name} score so far: ${describePoint(baseline)}. Change shows from the second.`, chartLabel);

  // One decimal: pro-rated WSAS totals are kept to one decimal, and float subtraction must not show 0.30000000000000004.
  const change = Math.round((latest.total - baseline.total) * 10) / 10;
  const direction = directionOf(change, definition.higherIsBetter);
  const reliable = measure === 'phq9' || measure === 'gad7' ? reliableChange(measure, baseline.total, latest.total) : null;
  const classification =
    measure === 'phq9' || measure === 'gad7'
      ? reliableChangeSentence(measure, reliable ?? 'no_reliable_change', Math.abs(change))
      : directionSentence(name, direction, definition.higherIsBetter);
  const summary = [
    changeSentence(name, baseline, latest, change),
    classification,
    scored.length > 2 ? `Based on the first and latest of ${scored.length} scored results.` : null,
    unscored,
  ].filter((sentence): sentence is string => sentence !== null);
  return { measure, points: scored, unscoredCount, baseline, latest, change, direction, reliableChange: reliable, summary, chartLabel };
}

/** The trend of every measure the person has at least one result for, in the usual measure order. */
export function measureTrends(results: readonly DatedMeasureResult[]): MeasureTrend[] {
  return MEASURE_IDS.map((measure) => measureTrend(results, measure)).filter((item): item is MeasureTrend => item !== null);
}
