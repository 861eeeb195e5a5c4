import { useId } from 'react';

/**
 * NHS identity colours for a chart's series, each at least 3:1 against white and told apart by a
 * white gap and the legend too (and the table beside every chart holds the same numbers).
 */
export const SERIES_COLOURS = ['#005eb8', '#007f3b', '#330072', '#d5281b', '#768692', '#7c2855', '#003087', '#ae2573'] as const;

export interface BarChartSeries {
  readonly label: string;
  /** One value per row, in the rows' order. */
  readonly values: readonly number[];
}

export interface BarChartProps {
  /** What the chart shows, in a few words: the SVG's title. */
  readonly title: string;
  /** The chart's main point in a sentence, for screen readers: the SVG's description. */
  readonly description: string;
  /** One horizontal bar per row, labelled on the left. */
  readonly rows: readonly string[];
  /** Each series is a segment of every bar, stacked left to right. */
  readonly series: readonly BarChartSeries[];
  /** A marker on each bar's axis (a target), in the values' units; drawn dashed and named in the legend. */
  readonly marker?: { readonly label: string; readonly values: readonly (number | null)[] };
}

const WIDTH = 560;
/** Room for row labels: about 7.2 units a character at the 13-unit font, within these bounds. */
const LABEL_WIDTH_MIN = 80;
const LABEL_WIDTH_MAX = 280;
const CHAR_WIDTH = 7.2;
const RIGHT = 48;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 18;
const TOP = 8;
const LEGEND_ROW = 22;
const INK = '#212b32';
const GRID = '#d8dde0';

/**
 * A horizontal stacked bar chart as an accessible SVG: `role="img"` named by its title and
 * described by its description, with the total at each bar's end. The numbers themselves are in
 * the table the screen puts beside it; the chart is the picture of them.
 */
export function BarChart({ title, description, rows, series, marker }: BarChartProps) {
  const id = useId();
  const totals = rows.map((_, row) => series.reduce((sum, one) => sum + (one.values[row] ?? 0), 0));
  const markerMax = Math.max(0, ...(marker?.values ?? []).map((value) => value ?? 0));
  const max = Math.max(1, ...totals, markerMax);
  const labelWidth = Math.min(LABEL_WIDTH_MAX, Math.max(LABEL_WIDTH_MIN, 12 + CHAR_WIDTH * Math.max(0, ...rows.map((row) => row.length))));
  const plotWidth = WIDTH - labelWidth - RIGHT;
  const scale = (value: number) => (value / max) * plotWidth;
  const legend = [...series.map((one) => one.label), ...(marker === undefined ? [] : [marker.label])];
  const plotHeight = TOP + rows.length * ROW_HEIGHT;
  const height = plotHeight + 12 + legend.length * LEGEND_ROW;
  return (
    <svg
      className="ww-bar-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1={labelWidth} x2={labelWidth} y1={TOP - 4} y2={plotHeight} stroke={GRID} />
      {rows.map((row, rowIndex) => {
        const y = TOP + rowIndex * ROW_HEIGHT;
        let x = labelWidth;
        const target = marker?.values[rowIndex] ?? null;
        return (
          <g key={row}>
            <text x={labelWidth - 8} y={y + BAR_HEIGHT - 4} textAnchor="end" fontSize="13" fill={INK}>
              {row}
            </text>
            {series.map((one, seriesIndex) => {
              const width = scale(one.values[rowIndex] ?? 0);
              const rect = (
                <rect
                  key={one.label}
                  x={x}
                  y={y}
                  width={width}
                  height={BAR_HEIGHT}
                  fill={SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length]}
                  stroke="#ffffff"
                  strokeWidth={width > 2 ? 1 : 0}
                />
              );
              x += width;
              return rect;
            })}
            <text x={x + 6} y={y + BAR_HEIGHT - 4} fontSize="13" fill={INK}>
              {(totals[rowIndex] ?? 0).toLocaleString('en-GB')}
            </text>
            {target !== null && (
              <line
                x1={labelWidth + scale(target)}
                x2={labelWidth + scale(target)}
                y1={y - 3}
                y2={y + BAR_HEIGHT + 3}
                stroke={INK}
                strokeWidth={2}
                strokeDasharray="4 2"
              />
            )}
          </g>
        );
      })}
      {legend.map((label, index) => {
        const y = plotHeight + 12 + index * LEGEND_ROW;
        const isMarker = marker !== undefined && index === series.length;
        return (
          <g key={label}>
            {isMarker ? (
              <line x1={labelWidth + 7} x2={labelWidth + 7} y1={y} y2={y + 14} stroke={INK} strokeWidth={2} strokeDasharray="4 2" />
            ) : (
              <rect x={labelWidth} y={y} width={14} height={14} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} />
            )}
            <text x={labelWidth + 22} y={y + 12} fontSize="13" fill={INK}>
              {label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
