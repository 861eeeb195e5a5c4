import type { ChartBand } from '../../core/scoring/chart-bands';
import { formatTotal } from '../../core/scoring/measure-trend';
import { formatShortDate } from '../format';

/** NHS identity colours: calm on a projector, and each at least 4.5:1 against white. */
const COLOURS = { line: '#005eb8', threshold: '#d5281b', text: '#425563', grid: '#d8dde0', bandShade: '#f0f4f5', ink: '#212b32' } as const;

// Drawn at about its natural size when two charts sit side by side, so the text stays readable.
const WIDTH = 480;
const HEIGHT = 270;
const MARGIN = { top: 22, right: 150, bottom: 38, left: 38 } as const;
const PLOT = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom } as const;
/** Keeps the first and last points (and their labels) clear of the plot's edges. */
const X_PADDING = 28;
/** Date labels closer than this (in chart units) would overlap, so some are left out. */
const MIN_DATE_LABEL_GAP = 92;
/** Band labels longer than this wrap onto more lines, to fit the right margin. */
const BAND_LABEL_LINE_CHARS = 18;
const BAND_LABEL_LINE_HEIGHT = 16;

export interface TrendChartPoint {
  readonly takenOn: string;
  readonly total: number;
}

export interface TrendChartProps {
  /** The chart's accessible name: what it shows, in a sentence. */
  readonly label: string;
  /** Oldest first. */
  readonly points: readonly TrendChartPoint[];
  readonly totalMin: number;
  readonly totalMax: number;
  /** Severity bands drawn as faint areas, labelled on the right. */
  readonly bands: readonly ChartBand[];
  /** The caseness threshold, drawn as a dashed red line; null when the measure has none. */
  readonly threshold: number | null;
}

/** x for each point: by date, or evenly spread when every point shares one date. */
function xPositions(points: readonly TrendChartPoint[]): number[] {
  const left = PLOT.left + X_PADDING;
  const width = PLOT.right - PLOT.left - 2 * X_PADDING;
  const times = points.map((point) => Date.parse(`${point.takenOn.slice(0, 10)}T00:00:00Z`));
  const first = Math.min(...times);
  const last = Math.max(...times);
  if (points.length === 1) return [left + width / 2];
  if (first === last) return points.map((_, index) => left + (width * index) / (points.length - 1));
  return times.map((time) => left + (width * (time - first)) / (last - first));
}

/** Which date labels to show: the first, the last, and any others with room around them. */
function dateLabelIndexes(xs: readonly number[]): Set<number> {
  const shown: number[] = [];
  xs.forEach((x, index) => {
    const previous = shown.at(-1);
    if (previous === undefined || x - (xs[previous] ?? 0) >= MIN_DATE_LABEL_GAP) shown.push(index);
  });
  const last = xs.length - 1;
  if (last > 0 && !shown.includes(last)) {
    // The latest date matters most: it replaces whichever shown label would crowd it.
    while (shown.length > 1 && (xs[last] ?? 0) - (xs[shown.at(-1) ?? 0] ?? 0) < MIN_DATE_LABEL_GAP) shown.pop();
    shown.push(last);
  }
  return new Set(shown);
}

/** Splits a label into lines of at most `maxChars` (a longer single word keeps its own line). */
function wrapWords(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function yTicks(totalMin: number, totalMax: number, bands: readonly ChartBand[]): number[] {
  if (bands.length > 0) return [...new Set([totalMin, ...bands.map((band) => band.from), totalMax])];
  return [0, 1, 2, 3, 4].map((step) => totalMin + ((totalMax - totalMin) * step) / 4);
}

function BandLabel({ label, centreY }: { label: string; centreY: number }) {
  const lines = wrapWords(label, BAND_LABEL_LINE_CHARS);
  const firstY = centreY - ((lines.length - 1) * BAND_LABEL_LINE_HEIGHT) / 2;
  return (
    <text x={PLOT.right + 8} y={firstY} dominantBaseline="middle" fontSize="14" fill={COLOURS.text}>
      {lines.map((line, index) => (
        <tspan key={line} x={PLOT.right + 8} dy={index === 0 ? 0 : BAND_LABEL_LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * A small line chart of one measure's scores over time: dates across, the measure's full score
 * range up the side, severity bands as faint areas and the caseness threshold as a dashed line,
 * each point labelled with its total. The SVG is one image to assistive technology (`role="img"`
 * with `label` as its name); the same numbers are given as a table beside it.
 */
export function TrendChart({ label, points, totalMin, totalMax, bands, threshold }: TrendChartProps) {
  const y = (total: number) => PLOT.bottom - ((total - totalMin) / (totalMax - totalMin)) * (PLOT.bottom - PLOT.top);
  const xs = xPositions(points);
  const shownDates = dateLabelIndexes(xs);
  const path = points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${(xs[index] ?? 0).toFixed(1)},${y(point.total).toFixed(1)}`)
    .join(' ');

  return (
    <svg className="ww-trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="trend-chart">
      {bands.map((band, index) => (
        <g key={band.label}>
          <rect
            x={PLOT.left}
            width={PLOT.right - PLOT.left}
            y={y(band.to)}
            height={y(band.from) - y(band.to)}
            fill={index % 2 === 0 ? COLOURS.bandShade : '#ffffff'}
          />
          <BandLabel label={band.label} centreY={(y(band.from) + y(band.to)) / 2} />
        </g>
      ))}
      {yTicks(totalMin, totalMax, bands).map((tick) => (
        <g key={tick}>
          <line x1={PLOT.left} x2={PLOT.right} y1={y(tick)} y2={y(tick)} stroke={COLOURS.grid} strokeWidth="1" />
          <text x={PLOT.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize="15" fill={COLOURS.text}>
            {formatTotal(tick)}
          </text>
        </g>
      ))}
      {threshold !== null && (
        <line
          x1={PLOT.left}
          x2={PLOT.right}
          y1={y(threshold)}
          y2={y(threshold)}
          stroke={COLOURS.threshold}
          strokeWidth="2"
          strokeDasharray="6 4"
          data-testid="threshold-line"
        />
      )}
      <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} stroke={COLOURS.text} strokeWidth="1" />
      {points.map((point, index) =>
        shownDates.has(index) ? (
          <text key={`date-${index}`} x={xs[index]} y={PLOT.bottom + 24} textAnchor="middle" fontSize="14" fill={COLOURS.text}>
            {formatShortDate(point.takenOn)}
          </text>
        ) : null,
      )}
      {points.length > 1 && (
        <path d={path} fill="none" stroke={COLOURS.line} strokeWidth="3" strokeLinejoin="round" strokeLinecap="round" />
      )}
      {points.map((point, index) => {
        const pointY = y(point.total);
        // Labels sit above each point, or below it when the point is at the top of the range.
        const labelY = pointY - PLOT.top < 22 ? pointY + 24 : pointY - 13;
        return (
          <g key={`point-${index}`}>
            <circle cx={xs[index]} cy={pointY} r="6" fill={COLOURS.line} stroke="#ffffff" strokeWidth="2" />
            <text
              x={xs[index]}
              y={labelY}
              textAnchor="middle"
              fontSize="17"
              fontWeight="bold"
              fill={COLOURS.ink}
              paintOrder="stroke"
              stroke="#ffffff"
              strokeWidth="4"
            >
              {formatTotal(point.total)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
