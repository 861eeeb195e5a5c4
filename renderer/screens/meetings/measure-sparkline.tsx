import type { TrendPoint } from '../../../core/scoring/measure-trend';

const WIDTH = 96;
const HEIGHT = 24;

/**
 * A small line of a measure's scored results, oldest to newest, scaled to their own range: the
 * shape of the trend at a glance. Hidden from screen readers, which read the same in the row's text.
 */
export function MeasureSparkline({ points }: { points: readonly TrendPoint[] }) {
  if (points.length < 2) return null;
  const totals = points.map((point) => point.total);
  const low = Math.min(...totals);
  const span = Math.max(...totals) - low || 1;
  const step = WIDTH / (points.length - 1);
  const path = totals.map(
    (total, index) => `${(index * step).toFixed(1)},${(HEIGHT - 2 - ((total - low) / span) * (HEIGHT - 4)).toFixed(1)}`,
  );
  return (
    <svg
      className="ww-sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`-2 0 ${WIDTH + 4} ${HEIGHT}`}
      aria-hidden="true"
      focusable="false"
    >
      <polyline points={path.join(' ')} fill="none" stroke="#005eb8" strokeWidth="2" />
      {path.map((point, index) => {
        const [x, y] = point.split(',');
        return <circle key={index} cx={x} cy={y} r="2.5" fill="#005eb8" />;
      })}
    </svg>
  );
}
