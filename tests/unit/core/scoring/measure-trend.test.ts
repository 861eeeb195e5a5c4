import { describe, expect, it } from 'vitest';
import { measureChartBands } from '../../../../core/scoring/chart-bands';
import { depressionAnxietyOutcome } from '../../../../core/scoring/depression-anxiety-outcome';
import { type DatedMeasureResult, measureTrend, measureTrends } from '../../../../core/scoring/measure-trend';
import type { MeasureId } from '../../../../core/scoring/measure-id';

function result(
  measure: MeasureId,
  takenOn: string,
  total: number | null,
  bandLabel: string | null = null,
  recordedAt?: string,
): DatedMeasureResult {
  return { measure, takenOn, total, bandLabel, recordedAt };
}

describe('measureTrend: PHQ-9 and GAD-7 reliable change', () => {
  it('calls a PHQ-9 fall of exactly 6 a reliable improvement', () => {
    const trend = measureTrend(
      [result('phq9', '2026-10-01', 16, 'Moderately severe'), result('phq9', '2026-11-10', 10, 'Moderate')],
      'phq9',
    );
    expect(trend).toMatchObject({ change: -6, direction: 'better', reliableChange: 'reliable_improvement' });
    expect(trend?.summary).toEqual([
      'PHQ-9 fell from 16 (moderately severe) on 1 October 2026 to 10 (moderate) on 10 November 2026, down 6 points.',
      'That is a reliable improvement: a fall of 6 or more points.',
    ]);
  });

  it('calls a PHQ-9 fall of 5 no reliable change, and says why', () => {
    const trend = measureTrend([result('phq9', '2026-10-01', 16), result('phq9', '2026-11-10', 11)], 'phq9');
    expect(trend).toMatchObject({ change: -5, direction: 'better', reliableChange: 'no_reliable_change' });
    expect(trend?.summary[1]).toBe(
      'That is no reliable change: it takes a change of 6 or more points to be sure it is more than measurement error.',
    );
  });

  it('calls a PHQ-9 rise of exactly 6 a reliable deterioration', () => {
    const trend = measureTrend([result('phq9', '2026-10-01', 4), result('phq9', '2026-11-10', 10)], 'phq9');
    expect(trend).toMatchObject({ change: 6, direction: 'worse', reliableChange: 'reliable_deterioration' });
    expect(trend?.summary).toContain('That is a reliable deterioration: a rise of 6 or more points.');
  });

  it('calls a GAD-7 fall of exactly 4 reliable, and 3 not', () => {
    expect(measureTrend([result('gad7', '2026-10-01', 12), result('gad7', '2026-11-10', 8)], 'gad7')?.reliableChange).toBe(
      'reliable_improvement',
    );
    const three = measureTrend([result('gad7', '2026-10-01', 12), result('gad7', '2026-11-10', 9)], 'gad7');
    expect(three?.reliableChange).toBe('no_reliable_change');
    expect(three?.summary[1]).toContain('4 or more points');
  });

  it('calls a GAD-7 rise of exactly 4 a reliable deterioration, and 3 not', () => {
    expect(measureTrend([result('gad7', '2026-10-01', 5), result('gad7', '2026-11-10', 9)], 'gad7')?.reliableChange).toBe(
      'reliable_deterioration',
    );
    expect(measureTrend([result('gad7', '2026-10-01', 5), result('gad7', '2026-11-10', 8)], 'gad7')?.reliableChange).toBe(
      'no_reliable_change',
    );
  });

  it('takes the first and latest of several results, whatever order they come in', () => {
    // participants.get lists results newest first.
    const trend = measureTrend(
      [result('phq9', '2026-11-20', 8), result('phq9', '2026-10-20', 12), result('phq9', '2026-09-20', 15)],
      'phq9',
    );
    expect(trend?.points.map((point) => point.total)).toEqual([15, 12, 8]);
    expect(trend).toMatchObject({ baseline: { total: 15 }, latest: { total: 8 }, change: -7, reliableChange: 'reliable_improvement' });
    expect(trend?.summary).toContain('Based on the first and latest of 3 scored results.');
  });

  it('orders results taken on the same date by when they were recorded', () => {
    const trend = measureTrend(
      [result('phq9', '2026-10-01', 9, null, '2026-10-01T11:00:00Z'), result('phq9', '2026-10-01', 15, null, '2026-10-01T09:00:00Z')],
      'phq9',
    );
    expect(trend?.points.map((point) => point.total)).toEqual([15, 9]);
  });

  it('says there was no change when the totals are equal', () => {
    const trend = measureTrend([result('phq9', '2026-10-01', 12), result('phq9', '2026-11-10', 12)], 'phq9');
    expect(trend).toMatchObject({ change: 0, direction: 'unchanged', reliableChange: 'no_reliable_change' });
    expect(trend?.summary).toEqual([
      'PHQ-9 was 12 on 1 October 2026 and 12 on 10 November 2026: no change.',
      'That is no reliable change.',
    ]);
  });
});

describe('measureTrend: other measures', () => {
  it('reads a rise on MSK-HQ as better, because higher is better there', () => {
    const trend = measureTrend([result('mskhq', '2026-10-01', 20), result('mskhq', '2026-11-10', 31)], 'mskhq');
    expect(trend).toMatchObject({ change: 11, direction: 'better', reliableChange: null });
    expect(trend?.summary).toEqual([
      'MSK-HQ rose from 20 on 1 October 2026 to 31 on 10 November 2026, up 11 points.',
      'That is better: on MSK-HQ a higher score is better.',
    ]);
    expect(measureTrend([result('mskhq', '2026-10-01', 31), result('mskhq', '2026-11-10', 30)], 'mskhq')?.summary).toContain(
      'That is worse: on MSK-HQ a higher score is better.',
    );
  });

  it('gives WSAS the direction and size of change only, to one decimal for pro-rated totals', () => {
    const trend = measureTrend(
      [
        result('wsas', '2026-10-01', 21.3, 'Moderately severe or worse'),
        result('wsas', '2026-11-10', 15, 'Significant functional impairment'),
      ],
      'wsas',
    );
    expect(trend).toMatchObject({ change: -6.3, direction: 'better', reliableChange: null });
    expect(trend?.summary).toEqual([
      'WSAS fell from 21.3 (moderately severe or worse) on 1 October 2026 to 15 (significant functional impairment) on 10 November 2026, down 6.3 points.',
      'That is better: on WSAS a lower score is better.',
    ]);
  });

  it('reads a fall in work ability as worse', () => {
    expect(measureTrend([result('work_ability', '2026-10-01', 7), result('work_ability', '2026-11-10', 6)], 'work_ability')).toMatchObject({
      change: -1,
      direction: 'worse',
      summary: [
        'Work ability fell from 7 on 1 October 2026 to 6 on 10 November 2026, down 1 point.',
        'That is worse: on work ability a higher score is better.',
      ],
    });
  });

  it('skips unscored WSAS results and counts them', () => {
    const trend = measureTrend(
      [result('wsas', '2026-10-01', 24), result('wsas', '2026-10-15', null), result('wsas', '2026-11-10', 18)],
      'wsas',
    );
    expect(trend?.points.map((point) => point.total)).toEqual([24, 18]);
    expect(trend).toMatchObject({ unscoredCount: 1, change: -6 });
    expect(trend?.summary).toContain(
      '1 WSAS result could not be scored (too many items unanswered or not applicable) and is not on the chart.',
    );
    expect(trend?.chartLabel).toBe('WSAS chart: 2 scores from 1 October 2026 to 10 November 2026: 24, 18. Scale 0 to 40, lower is better.');
  });

  it('has no score and nothing to chart when every WSAS result is unscored', () => {
    const trend = measureTrend([result('wsas', '2026-10-01', null), result('wsas', '2026-11-01', null)], 'wsas');
    expect(trend).toMatchObject({ points: [], baseline: null, latest: null, change: null, unscoredCount: 2 });
    expect(trend?.summary).toEqual([
      'No WSAS score yet.',
      '2 WSAS results could not be scored (too many items unanswered or not applicable) and are not on the chart.',
    ]);
  });

  it('describes a single result without claiming any change', () => {
    const trend = measureTrend([result('gad7', '2026-11-03', 12, 'Moderate')], 'gad7');
    expect(trend).toMatchObject({ baseline: { total: 12 }, latest: { total: 12 }, change: null, direction: null, reliableChange: null });
    expect(trend?.summary).toEqual(['One GAD-7 score so far: 12 (moderate) on 3 November 2026. Change shows from the second.']);
  });

  it('lists only the measures the person has results for, in the usual order', () => {
    const trends = measureTrends([result('work_ability', '2026-10-01', 5), result('phq9', '2026-10-01', 12)]);
    expect(trends.map((trend) => trend.measure)).toEqual(['phq9', 'work_ability']);
    expect(measureTrend([], 'phq9')).toBeNull();
  });
});

describe('depressionAnxietyOutcome', () => {
  it('finds reliable recovery from caseness to below both thresholds, pairing same-date results', () => {
    const outcome = depressionAnxietyOutcome([
      result('phq9', '2026-10-01', 16),
      result('gad7', '2026-10-01', 12),
      result('phq9', '2026-11-10', 8),
      result('gad7', '2026-11-10', 6),
    ]);
    expect(outcome).toMatchObject({ headline: 'reliable_recovery', headlineLabel: 'Reliable recovery' });
    expect(outcome?.summary).toEqual([
      'Baseline: PHQ-9 16 and GAD-7 12 on 1 October 2026, at or above caseness on PHQ-9 and GAD-7.',
      'Follow-up: PHQ-9 8 and GAD-7 6 on 10 November 2026, below caseness on both.',
    ]);
  });

  it('finds recovery without reliable improvement when the fall is too small to be reliable', () => {
    // PHQ-9 11 -> 9 (below 10, fall of 2); GAD-7 9 -> 7 (below 8, fall of 2).
    const outcome = depressionAnxietyOutcome([
      result('phq9', '2026-10-01', 11),
      result('gad7', '2026-10-01', 9),
      result('phq9', '2026-11-10', 9),
      result('gad7', '2026-11-10', 7),
    ]);
    expect(outcome).toMatchObject({ headline: 'recovery', comparison: { recovery: true, reliableImprovement: false } });
  });

  it('is not recovery while one measure is still at caseness', () => {
    const outcome = depressionAnxietyOutcome([
      result('phq9', '2026-10-01', 16),
      result('gad7', '2026-10-01', 14),
      result('phq9', '2026-11-10', 8),
      result('gad7', '2026-11-10', 9),
    ]);
    expect(outcome).toMatchObject({ headline: 'reliable_improvement', comparison: { recovery: false } });
    expect(outcome?.summary[1]).toBe('Follow-up: PHQ-9 8 and GAD-7 9 on 10 November 2026, at or above caseness on GAD-7.');
  });

  it('pairs the nearest results within 14 days and gives each its own date', () => {
    const outcome = depressionAnxietyOutcome([
      result('phq9', '2026-10-01', 16),
      result('gad7', '2026-10-15', 12),
      result('gad7', '2026-11-01', 6),
      result('phq9', '2026-11-10', 8),
    ]);
    expect(outcome?.comparison.basedOn).toEqual(['phq9', 'gad7']);
    expect(outcome?.summary[0]).toBe(
      'Baseline: PHQ-9 16 on 1 October 2026 and GAD-7 12 on 15 October 2026, at or above caseness on PHQ-9 and GAD-7.',
    );
  });

  it('leaves out a measure taken more than 14 days from the time point, and says the outcome rests on the other', () => {
    const outcome = depressionAnxietyOutcome([
      result('phq9', '2026-10-01', 16),
      result('gad7', '2026-10-16', 12),
      result('gad7', '2026-11-10', 6),
      result('phq9', '2026-11-10', 8),
    ]);
    expect(outcome?.baseline.gad7).toBeNull();
    expect(outcome?.comparison.basedOn).toEqual(['phq9']);
    expect(outcome?.summary).toContain(
      'Based on PHQ-9 only: GAD-7 was not completed at both baseline and follow-up. NHS Talking Therapies outcomes normally use both.',
    );
  });

  it('never counts one result at both time points, and is null without a follow-up', () => {
    expect(depressionAnxietyOutcome([result('phq9', '2026-10-01', 16)])).toBeNull();
    expect(depressionAnxietyOutcome([result('phq9', '2026-10-01', 16), result('gad7', '2026-10-01', 12)])).toBeNull();
    // GAD-7 once, within 14 days of both dates: it counts at baseline only, so only PHQ-9 pairs.
    const outcome = depressionAnxietyOutcome([
      result('phq9', '2026-10-01', 16),
      result('gad7', '2026-10-05', 12),
      result('phq9', '2026-10-10', 9),
    ]);
    expect(outcome?.followUp.gad7).toBeNull();
    expect(outcome?.comparison.basedOn).toEqual(['phq9']);
    expect(depressionAnxietyOutcome([])).toBeNull();
  });
});

describe('measureChartBands', () => {
  it('starts each band where the published rule starts it', () => {
    expect(measureChartBands('phq9').map((band) => [band.from, band.to])).toEqual([
      [0, 5],
      [5, 10],
      [10, 15],
      [15, 20],
      [20, 27],
    ]);
    expect(measureChartBands('wsas').map((band) => [band.from, band.to])).toEqual([
      [0, 10],
      [10, 20],
      [20, 40],
    ]);
    expect(measureChartBands('mskhq')).toEqual([]);
  });
});
