import { WAIT_LABELS } from '../../../core/dashboard/waiting-targets';
import { EMPLOYMENT_OUTCOMES } from '../../../core/schemas/action-plan';
import { MAIN_BARRIERS } from '../../../core/schemas/assessment';
import type { Dashboard } from '../../../core/schemas/dashboard';
import type { BarChartProps } from '../../components/bar-chart';
import { formatShortDate } from '../../format';
import type { FigureTable } from './chart-with-table';
import { barrierLabel, inOrder, measureLabel, outcomeLabel, routeLabel, statusLabel } from './dashboard-labels';

/** One figure of the dashboard: its chart and the table of the same numbers. */
export interface Figure {
  readonly testId: string;
  readonly heading: string;
  readonly intro: string;
  readonly chart: BarChartProps;
  readonly table: FigureTable;
}

type Cells = Dashboard['referrals'];
const countOf = (cells: Cells, group: string, key: string) => cells.find((cell) => cell.group === group && cell.key === key)?.count ?? 0;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
/** The dashboard counts episodes (issue 20 item 4): a person referred again after leaving is a new referral. */
const referrals = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'referral' : 'referrals'}`;
const endedEpisodes = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'episode' : 'episodes'} of support`;

/** A (group × key) count as a stacked chart (one bar per group, one segment per key) and its table with totals. */
function crossTab(
  cells: Cells,
  options: { groups: string[]; keys: string[]; groupLabel: (code: string) => string; keyLabel: (code: string) => string },
) {
  const { groups, keys, groupLabel, keyLabel } = options;
  const series = keys.map((key) => ({ label: keyLabel(key), values: groups.map((group) => countOf(cells, group, key)) }));
  const rows = groups.map((group) => {
    const counts = keys.map((key) => countOf(cells, group, key));
    return { header: groupLabel(group), cells: [...counts, sum(counts)] };
  });
  return { series, rows, columns: [...keys.map(keyLabel), 'Total'] };
}

function referralsFigure(dashboard: Dashboard): Figure {
  const routes = inOrder(dashboard.referrals.map((cell) => cell.group));
  // Weeks down the side, routes across: a week per bar, its routes stacked.
  const transposed = dashboard.referrals.map((cell) => ({ group: cell.key, key: cell.group, count: cell.count }));
  const tab = crossTab(transposed, {
    groups: dashboard.weeks,
    keys: routes,
    groupLabel: (week) => `w/c ${formatShortDate(week)}`,
    keyLabel: routeLabel,
  });
  const busiest = [...tab.rows].sort((a, b) => Number(b.cells.at(-1)) - Number(a.cells.at(-1)))[0];
  return {
    testId: 'dashboard-referrals',
    heading: 'Referrals by route and week',
    intro: `${referrals(dashboard.referredInRange)} in the range (a person referred again after leaving starts a new episode and counts again), by the route of their referral and the week (Monday to Sunday) of their referral date.`,
    chart: {
      title: 'Referrals by route and week',
      description: `${referrals(dashboard.referredInRange)} over ${dashboard.weeks.length} weeks${busiest === undefined || dashboard.referredInRange === 0 ? '' : `; the busiest week was ${busiest.header} with ${String(busiest.cells.at(-1))}`}.`,
      rows: tab.rows.map((row) => row.header),
      series: tab.series,
    },
    table: {
      caption: 'Referrals by week (week commencing) and route',
      columns: ['Week', ...tab.columns],
      rows: dashboard.referredInRange === 0 ? [] : tab.rows,
    },
  };
}

function waitsFigure(dashboard: Dashboard): Figure {
  const series = [
    { label: 'Within target', values: dashboard.waits.map((wait) => wait.withinTarget) },
    { label: 'After target', values: dashboard.waits.map((wait) => wait.reached - wait.withinTarget) },
    { label: 'Waiting, within target', values: dashboard.waits.map((wait) => wait.waitingWithinTarget) },
    { label: 'Waiting, over target', values: dashboard.waits.map((wait) => wait.waitingOverTarget) },
  ];
  const described = dashboard.waits
    .map(
      (wait) =>
        `${WAIT_LABELS[wait.wait]}: ${wait.withinTarget} of ${wait.reached} reached within the ${wait.targetDays}-day target, ${wait.waitingOverTarget} still waiting past it`,
    )
    .join('; ');
  return {
    testId: 'dashboard-waits',
    heading: 'Waiting times against the targets',
    intro:
      'For the people referred in the range: how many reached each step within the partnership’s target (calendar days from referral), and how many are still waiting at the end of the range.',
    chart: {
      title: 'Waiting times against the targets',
      description: `${described}.`,
      rows: dashboard.waits.map((wait) => WAIT_LABELS[wait.wait]),
      series,
    },
    table: {
      caption: 'Waiting times (days from referral) against the targets',
      columns: ['Step', 'Target (days)', 'Median (days)', ...series.map((one) => one.label)],
      rows:
        dashboard.referredInRange === 0
          ? []
          : dashboard.waits.map((wait, index) => ({
              header: WAIT_LABELS[wait.wait],
              cells: [
                wait.targetDays,
                wait.medianDays === null ? 'None reached' : wait.medianDays,
                ...series.map((one) => one.values[index] ?? 0),
              ],
            })),
    },
  };
}

function singleSeries(options: {
  testId: string;
  heading: string;
  intro: string;
  caption: string;
  rowHeading: string;
  valueHeading: string;
  rows: Array<{ label: string; value: number }>;
  /** Nothing to show (the chart gives way to a sentence saying so). */
  empty: boolean;
}): Figure {
  const { testId, heading, intro, caption, rowHeading, valueHeading, rows, empty } = options;
  return {
    testId,
    heading,
    intro,
    chart: {
      title: heading,
      description: rows.map((row) => `${row.label}: ${row.value.toLocaleString('en-GB')}`).join('; ') + '.',
      rows: rows.map((row) => row.label),
      series: [{ label: valueHeading, values: rows.map((row) => row.value) }],
    },
    table: {
      caption,
      columns: [rowHeading, valueHeading],
      rows: empty ? [] : rows.map((row) => ({ header: row.label, cells: [row.value] })),
    },
  };
}

function outcomesFigure(dashboard: Dashboard, by: 'route' | 'barrier'): Figure {
  const cells = by === 'route' ? dashboard.outcomesByRoute : dashboard.outcomesByBarrier;
  const groups =
    by === 'route'
      ? inOrder(cells.map((cell) => cell.group))
      : inOrder(
          cells.map((cell) => cell.group),
          MAIN_BARRIERS,
        );
  const keys = inOrder(
    cells.map((cell) => cell.key),
    EMPLOYMENT_OUTCOMES,
  );
  const tab = crossTab(cells, { groups, keys, groupLabel: by === 'route' ? routeLabel : barrierLabel, keyLabel: outcomeLabel });
  const heading = by === 'route' ? 'Outcomes by referral route' : 'Outcomes by main barrier';
  return {
    testId: `dashboard-outcomes-${by}`,
    heading,
    intro:
      by === 'route'
        ? `${endedEpisodes(dashboard.exitedInRange)} ended in the range, by their employment outcome and the route of their referral.`
        : 'The same people by the main barrier to work recorded in their joined-up assessment.',
    chart: {
      title: heading,
      description: `${endedEpisodes(dashboard.exitedInRange)} ended in the range: ${tab.columns
        .slice(0, -1)
        .map((label, index) => `${label} ${sum(tab.series[index]?.values ?? [])}`)
        .join(', ')}.`,
      rows: tab.rows.map((row) => row.header),
      series: tab.series,
    },
    table: {
      caption: `${heading} (people whose support ended in the range)`,
      columns: [by === 'route' ? 'Route' : 'Main barrier', ...tab.columns],
      rows: tab.rows,
    },
  };
}

function measuresFigure(dashboard: Dashboard): Figure {
  const series = [
    { label: 'Lower (better)', values: dashboard.measureChange.map((change) => change.lower) },
    { label: 'Same', values: dashboard.measureChange.map((change) => change.same) },
    { label: 'Higher (worse)', values: dashboard.measureChange.map((change) => change.higher) },
  ];
  const mean = (value: number | null) => (value === null ? 'Under 5 people' : value.toFixed(1));
  return {
    testId: 'dashboard-measures',
    heading: 'Change in PHQ-9, GAD-7 and WSAS',
    intro:
      'For people whose support ended in the range and who consented to the evaluation: their last score against their first (lower is better on all three). Means are shown only over five or more people.',
    chart: {
      title: 'Change in PHQ-9, GAD-7 and WSAS',
      description:
        dashboard.measureChange
          .map((change) => `${measureLabel(change.measure)}: ${change.lower} of ${change.people} lower, ${change.higher} higher`)
          .join('; ') + '.',
      rows: dashboard.measureChange.map((change) => measureLabel(change.measure)),
      series,
    },
    table: {
      caption: 'Change from first to last score',
      columns: ['Measure', 'People', 'Mean first', 'Mean last', ...series.map((one) => one.label)],
      rows: dashboard.measureChange.every((change) => change.people === 0)
        ? []
        : dashboard.measureChange.map((change) => ({
            header: measureLabel(change.measure),
            cells: [change.people, mean(change.meanBaseline), mean(change.meanFollowUp), change.lower, change.same, change.higher],
          })),
    },
  };
}

/** The dashboard's figures, in the order the screen shows them. */
export function dashboardFigures(dashboard: Dashboard): Figure[] {
  return [
    referralsFigure(dashboard),
    waitsFigure(dashboard),
    singleSeries({
      testId: 'dashboard-funnel',
      heading: 'Where the people referred stand',
      intro:
        'The people referred in the range by where they stood at its end, as the MI return counts status: referred, ready for the MDT once the joined-up assessment is done, plan active, or exited.',
      caption: 'People referred in the range by status at its end',
      rowHeading: 'Status',
      valueHeading: 'People',
      rows: dashboard.funnel.map((step) => ({ label: statusLabel(step.status), value: step.count })),
      empty: dashboard.referredInRange === 0,
    }),
    singleSeries({
      testId: 'dashboard-coaches',
      heading: 'Caseload per coach',
      intro: 'Open cases (not exited) each coach holds today, as the caseload’s coach filter counts them.',
      caption: 'Open cases per coach',
      rowHeading: 'Coach',
      valueHeading: 'Open cases',
      rows: dashboard.caseloadByCoach.map((coach) => ({ label: coach.coach, value: coach.openCases })),
      empty: dashboard.caseloadByCoach.length === 0,
    }),
    outcomesFigure(dashboard, 'route'),
    outcomesFigure(dashboard, 'barrier'),
    measuresFigure(dashboard),
  ];
}
