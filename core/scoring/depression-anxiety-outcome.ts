import { daysBetween, formatCalendarDate } from '../calendar-date';
import { compareDepressionAnxiety, type DepressionAnxietyComparison, type DepressionAnxietyMeasure } from './change-over-time';
import { getMeasureDefinition } from './measure-definitions';
import { type DatedMeasureResult, formatTotal, measureTrend, type TrendPoint } from './measure-trend';

/**
 * How far apart (in days) a PHQ-9 and a GAD-7 may be taken and still count as one time point.
 * Talking Therapies takes both at every session, so a pair is normally the same date; here a coach
 * and a clinician may each take one at neighbouring appointments, typically a week or two apart.
 * Fourteen days joins those without mixing states a month or more apart.
 */
export const PAIRING_WINDOW_DAYS = 14;

/** PHQ-9 and GAD-7 results counted at one time point; null when that measure has none there. */
export interface DepressionAnxietyTimePoint {
  readonly phq9: TrendPoint | null;
  readonly gad7: TrendPoint | null;
}

export type DepressionAnxietyHeadline =
  'reliable_recovery' | 'recovery' | 'reliable_improvement' | 'reliable_deterioration' | 'no_reliable_change';

export const DEPRESSION_ANXIETY_HEADLINE_LABELS: Readonly<Record<DepressionAnxietyHeadline, string>> = {
  reliable_recovery: 'Reliable recovery',
  recovery: 'Recovery, without reliable improvement',
  reliable_improvement: 'Reliable improvement',
  reliable_deterioration: 'Reliable deterioration',
  no_reliable_change: 'No reliable change',
};

export interface DepressionAnxietyOutcome {
  readonly baseline: DepressionAnxietyTimePoint;
  readonly followUp: DepressionAnxietyTimePoint;
  readonly comparison: DepressionAnxietyComparison;
  readonly headline: DepressionAnxietyHeadline;
  readonly headlineLabel: string;
  /** Plain-English sentences: what was compared, then the comparison's own caveats. */
  readonly summary: readonly string[];
}

const MEASURES: readonly DepressionAnxietyMeasure[] = ['phq9', 'gad7'];

function headlineOf(comparison: DepressionAnxietyComparison): DepressionAnxietyHeadline {
  if (comparison.reliableRecovery === true) return 'reliable_recovery';
  if (comparison.recovery === true) return 'recovery';
  if (comparison.reliableImprovement === true) return 'reliable_improvement';
  if (comparison.reliableDeterioration === true) return 'reliable_deterioration';
  return 'no_reliable_change';
}

/** "PHQ-9 16 and GAD-7 12 on 1 October 2026", or each with its own date when they differ. */
function describeTimePoint(timePoint: DepressionAnxietyTimePoint, measures: readonly DepressionAnxietyMeasure[]): string {
  const used = measures.map((measure) => ({ name: getMeasureDefinition(measure).shortName, point: timePoint[measure] as TrendPoint }));
  const dates = new Set(used.map(({ point }) => point.takenOn));
  if (dates.size === 1) {
    return `${used.map(({ name, point }) => `${name} ${formatTotal(point.total)}`).join(' and ')} on ${formatCalendarDate(used[0]?.point.takenOn ?? '')}`;
  }
  return used.map(({ name, point }) => `${name} ${formatTotal(point.total)} on ${formatCalendarDate(point.takenOn)}`).join(' and ');
}

function atOrAboveCaseness(
  timePoint: DepressionAnxietyTimePoint,
  measures: readonly DepressionAnxietyMeasure[],
): DepressionAnxietyMeasure[] {
  return measures.filter((measure) => (timePoint[measure]?.total ?? 0) >= (getMeasureDefinition(measure).casenessThreshold ?? Infinity));
}

function namesOf(measures: readonly DepressionAnxietyMeasure[]): string {
  return measures.map((measure) => getMeasureDefinition(measure).shortName).join(' and ');
}

/**
 * PHQ-9 and GAD-7 together, the NHS Talking Therapies way (recovery, reliable recovery, reliable
 * improvement or deterioration), from `compareDepressionAnxiety`.
 *
 * Pairing rule (which results count at baseline and at follow-up):
 * - The baseline time point is the earliest date on which a PHQ-9 or GAD-7 was scored, the
 *   follow-up time point the latest. With both on the same date there is no follow-up: null.
 * - Each measure's first scored result counts at baseline if it was taken within
 *   `PAIRING_WINDOW_DAYS` (14) of the baseline date; its last scored result counts at follow-up if
 *   taken within 14 days of the follow-up date. So results taken the same day always pair, and
 *   otherwise the nearest ones in time do.
 * - One result never counts at both time points. A measure without a result at both is left out
 *   (the comparison then rests on the other measure alone and says so in a note).
 *
 * Each measure's own trend (`measureTrend`) still compares its own first and last results, so a
 * GAD-7 left out here for being taken weeks apart from the PHQ-9 is still reported on its own.
 * Returns null when neither measure has a result at both time points. Unscored results are
 * skipped (only WSAS can be unscored, so in practice there are none here).
 */
export function depressionAnxietyOutcome(results: readonly DatedMeasureResult[]): DepressionAnxietyOutcome | null {
  const series = { phq9: measureTrend(results, 'phq9')?.points ?? [], gad7: measureTrend(results, 'gad7')?.points ?? [] };
  const dates = [...series.phq9, ...series.gad7].map((point) => point.takenOn).sort();
  const baselineDate = dates[0];
  const followUpDate = dates.at(-1);
  if (baselineDate === undefined || followUpDate === undefined || baselineDate === followUpDate) return null;

  const baseline: Record<DepressionAnxietyMeasure, TrendPoint | null> = { phq9: null, gad7: null };
  const followUp: Record<DepressionAnxietyMeasure, TrendPoint | null> = { phq9: null, gad7: null };
  for (const measure of MEASURES) {
    const first = series[measure][0];
    const last = series[measure].at(-1);
    if (first !== undefined && daysBetween(baselineDate, first.takenOn) <= PAIRING_WINDOW_DAYS) baseline[measure] = first;
    if (last !== undefined && last !== baseline[measure] && daysBetween(last.takenOn, followUpDate) <= PAIRING_WINDOW_DAYS)
      followUp[measure] = last;
  }

  const comparison = compareDepressionAnxiety(
    { phq9: baseline.phq9?.total ?? null, gad7: baseline.gad7?.total ?? null },
    { phq9: followUp.phq9?.total ?? null, gad7: followUp.gad7?.total ?? null },
  );
  if (comparison.basedOn.length === 0) return null;

  const used = comparison.basedOn;
  const casesAtBaseline = atOrAboveCaseness(baseline, used);
  const casesAtFollowUp = atOrAboveCaseness(followUp, used);
  const baselineSentence = `Baseline: ${describeTimePoint(baseline, used)}${casesAtBaseline.length > 0 ? `, at or above caseness on ${namesOf(casesAtBaseline)}` : ''}.`;
  const followUpSentence = `Follow-up: ${describeTimePoint(followUp, used)}, ${
    casesAtFollowUp.length > 0
      ? `at or above caseness on ${namesOf(casesAtFollowUp)}`
      : `below caseness on ${used.length === 2 ? 'both' : namesOf(used)}`
  }.`;
  const headline = headlineOf(comparison);
  return {
    baseline,
    followUp,
    comparison,
    headline,
    headlineLabel: DEPRESSION_ANXIETY_HEADLINE_LABELS[headline],
    summary: [baselineSentence, followUpSentence, ...comparison.notes],
  };
}
