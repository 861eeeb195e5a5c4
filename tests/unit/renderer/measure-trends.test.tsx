import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../../core/schemas/assessment';
import { measureChartBands } from '../../../core/scoring/chart-bands';
import { TrendChart } from '../../../renderer/components/trend-chart';
import { MeasureTrends } from '../../../renderer/screens/measures/measure-trends';

function result(measure: MeasureResult['measure'], takenOn: string, total: number | null, bandLabel: string | null = null): MeasureResult {
  return {
    id: `${measure}-${takenOn}`,
    measure,
    discipline: 'mental_health',
    takenOn,
    total,
    bandLabel,
    riskFlag: false,
    recordedBy: 'Demo Mental Health',
  };
}

describe('TrendChart', () => {
  it('is one image with a spoken summary, a point and a total label per score, bands and the caseness line', () => {
    const html = renderToStaticMarkup(
      <TrendChart
        label="PHQ-9 chart: 2 scores"
        points={[
          { takenOn: '2026-10-01', total: 16 },
          { takenOn: '2026-11-10', total: 9 },
        ]}
        totalMin={0}
        totalMax={27}
        bands={measureChartBands('phq9')}
        threshold={10}
      />,
    );
    expect(html).toMatch(/^<svg[^>]* role="img" aria-label="PHQ-9 chart: 2 scores"/);
    expect(html.match(/<circle /g)).toHaveLength(2);
    expect(html).toContain('>16</text>');
    expect(html).toContain('>9</text>');
    expect(html).toContain('>1 Oct 2026</text>');
    expect(html).toContain('>10 Nov 2026</text>');
    expect(html).toContain('>Moderately severe</tspan>');
    expect(html).toContain('data-testid="threshold-line"');
    expect(html).toContain('<path d="M');
  });

  it('draws a single score without a line, and no caseness line where there is none', () => {
    const html = renderToStaticMarkup(
      <TrendChart label="MSK-HQ" points={[{ takenOn: '2026-10-01', total: 30 }]} totalMin={0} totalMax={56} bands={[]} threshold={null} />,
    );
    expect(html.match(/<circle /g)).toHaveLength(1);
    expect(html).not.toContain('<path');
    expect(html).not.toContain('threshold-line');
    // Without bands the axis is in quarters of the range.
    for (const tick of ['0', '14', '28', '42', '56']) expect(html).toContain(`>${tick}</text>`);
  });
});

describe('TrendChart band labels', () => {
  it('wraps a long band label onto lines that fit the margin', () => {
    const html = renderToStaticMarkup(
      <TrendChart
        label="WSAS"
        points={[{ takenOn: '2026-10-01', total: 15 }]}
        totalMin={0}
        totalMax={40}
        bands={measureChartBands('wsas')}
        threshold={null}
      />,
    );
    expect(html).toContain('>Moderately severe</tspan>');
    expect(html).toContain('>or worse</tspan>');
  });
});

describe('MeasureTrends', () => {
  it('renders a chart, the summary and a table per measure, and the PHQ-9/GAD-7 outcome', () => {
    const html = renderToStaticMarkup(
      <MeasureTrends
        results={[
          result('phq9', '2026-11-10', 9, 'Mild'),
          result('gad7', '2026-11-10', 6, 'Mild'),
          result('phq9', '2026-10-01', 16, 'Moderately severe'),
          result('gad7', '2026-10-01', 12, 'Moderate'),
          result('wsas', '2026-10-01', null),
        ]}
      />,
    );
    expect(html.match(/data-testid="trend-chart"/g)).toHaveLength(2);
    expect(html).toContain('That is a reliable improvement: a fall of 6 or more points.');
    expect(html).toContain('Depression and anxiety together: Reliable recovery.');
    expect(html).toContain('Show the scores as a table');
    // WSAS has only an unscored result: its summary, but nothing to chart.
    expect(html).toContain('No WSAS score yet.');
  });

  it('renders nothing without results', () => {
    expect(renderToStaticMarkup(<MeasureTrends results={[]} />)).toBe('');
  });
});
