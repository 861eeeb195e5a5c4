import type { IntegerBand } from './bands';
import { GAD7_BANDS, GAD7_TOTAL_MAX } from './gad7';
import type { MeasureId } from './measure-id';
import { PHQ9_BANDS, PHQ9_TOTAL_MAX } from './phq9';
import { WORK_ABILITY_BANDS, WORK_ABILITY_MAX } from './work-ability';
import { WSAS_BAND_LABELS, WSAS_TOTAL_MAX } from './wsas';

/**
 * A severity band as a stretch of a chart's score axis: it starts at `from` (the lowest total in
 * the band) and runs up to `to`, where the next band starts (or the measure's maximum). A point
 * exactly on a boundary belongs to the band above it.
 */
export interface ChartBand {
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

function fromIntegerBands(bands: readonly IntegerBand<string>[], totalMax: number): ChartBand[] {
  return bands.map((band, index) => ({ label: band.label, from: band.min, to: bands[index + 1]?.min ?? totalMax }));
}

/**
 * WSAS bands read "below 10", "10 to 20" and "above 20": drawn with boundaries at 10 and 20 (a
 * total of exactly 20 is still "significant"; the table beside the chart gives each band in words).
 */
const WSAS_CHART_BANDS: readonly ChartBand[] = [
  { label: WSAS_BAND_LABELS.subclinical, from: 0, to: 10 },
  { label: WSAS_BAND_LABELS.significant, from: 10, to: 20 },
  { label: WSAS_BAND_LABELS.moderately_severe_or_worse, from: 20, to: WSAS_TOTAL_MAX },
];

const CHART_BANDS: Readonly<Record<MeasureId, readonly ChartBand[]>> = {
  phq9: fromIntegerBands(PHQ9_BANDS, PHQ9_TOTAL_MAX),
  gad7: fromIntegerBands(GAD7_BANDS, GAD7_TOTAL_MAX),
  wsas: WSAS_CHART_BANDS,
  // Our domain reference publishes no MSK-HQ bands, and inventing them would be a hazard.
  mskhq: [],
  work_ability: fromIntegerBands(WORK_ABILITY_BANDS, WORK_ABILITY_MAX),
};

/** The severity bands of a measure on its score axis, lowest first; empty for MSK-HQ. */
export function measureChartBands(id: MeasureId): readonly ChartBand[] {
  return CHART_BANDS[id];
}
