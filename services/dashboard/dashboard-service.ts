import { AppError } from '../../core/app-error';
import { londonDateOf } from '../../core/clock';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { defaultDashboardRange, weekStartOf, weeksOf } from '../../core/dashboard/dashboard-range';
import { WAITS, type WaitingTargets } from '../../core/dashboard/waiting-targets';
import type { Dashboard } from '../../core/schemas/dashboard';
import {
  countExitedInRange,
  countReferredInRange,
  type DashboardRange,
  type ReferredCount,
} from '../../db/repositories/dashboard-repository';
import { MI_MEASURES } from '../../db/repositories/mi-facts-sql';
import type { Store } from '../../db/store';
import { statusAtMonthEnd } from '../exports/mi-return';
import { listCoaches } from '../participants/caseload-service';
import { readWaitingTargets } from './waiting-targets-settings';

/** Below this many people a measure's means are not shown, so no one's scores can be worked out from them. */
export const SMALL_NUMBER = 5;

/** The statuses of the MI return's `status_at_month_end`, in the order a person moves through them. */
const FUNNEL = ['referred', 'ready_for_mdt', 'active', 'exited'] as const;

/** Counts of (group, key) pairs, sorted, as the dashboard's cells (a cell met twice is added up). */
function cells(counts: Iterable<readonly [string, string, number]>): Dashboard['referrals'] {
  const byCell = new Map<string, { group: string; key: string; count: number }>();
  for (const [group, key, count] of counts) {
    const id = `${group}\u0000${key}`;
    const cell = byCell.get(id) ?? { group, key, count: 0 };
    cell.count += count;
    byCell.set(id, cell);
  }
  return [...byCell.values()].sort((a, b) => a.group.localeCompare(b.group) || a.key.localeCompare(b.key));
}

/** The median of values given as (value, how many times) pairs; null when there are none. */
function median(histogram: ReadonlyArray<{ days: number; count: number }>): number | null {
  const sorted = [...histogram].sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, bar) => sum + bar.count, 0);
  if (total === 0) return null;
  // The value at a 0-based position of the sorted values.
  const at = (position: number) => {
    let seen = 0;
    for (const bar of sorted) {
      seen += bar.count;
      if (position < seen) return bar.days;
    }
    return 0;
  };
  const middle = Math.floor(total / 2);
  return total % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** The range asked for, or the last 12 weeks up to today (in England); the end never after today. */
export function dashboardRange(input: ParsedInput<'dashboard.get'>, now: Date): DashboardRange {
  const today = londonDateOf(now);
  const to = input.to ?? today;
  const from = input.from ?? defaultDashboardRange(to).from;
  if (to > today)
    throw new AppError('VALIDATION', 'Some answers need correcting.', { to: 'The end of the range must be today or in the past' });
  if (from > to)
    throw new AppError('VALIDATION', 'Some answers need correcting.', { from: 'The start of the range must be on or before its end' });
  return { from, to };
}

/** Each wait against its target over the episodes begun in the range, from their day counts at its end. */
function waitFigures(counts: readonly ReferredCount[], targets: WaitingTargets): Dashboard['waits'] {
  const bars = (figure: string) =>
    counts.filter((row) => row.figure === figure).map((row) => ({ days: Number(row.days), count: row.count }));
  const sum = (rows: ReadonlyArray<{ count: number }>) => rows.reduce((total, row) => total + row.count, 0);
  return WAITS.map((wait) => {
    const targetDays = targets[wait];
    const reached = bars(`reached:${wait}`);
    const waiting = bars(`waiting:${wait}`);
    const waitingOverTarget = sum(waiting.filter((bar) => bar.days > targetDays));
    return {
      wait,
      targetDays,
      reached: sum(reached),
      withinTarget: sum(reached.filter((bar) => bar.days <= targetDays)),
      medianDays: median(reached),
      waitingOverTarget,
      waitingWithinTarget: sum(waiting) - waitingOverTarget,
    };
  });
}

/**
 * The manager's view for a date range (issue 20 item 7), counted per episode (item 4) in the store
 * from the MI return's own per-episode facts and rules (db/repositories/mi-facts-sql.ts, its status
 * rule, its participants and its lawful basis for scores): the episodes begun in the range (a person
 * referred again after leaving is a new referral, whose waits start at it) by route and week, their
 * waits against the partnership's targets and where they stood at its end; open cases per coach (the
 * caseload's own count); and the episodes ended in the range by outcome, route and main barrier,
 * with their change in PHQ-9, GAD-7 and WSAS (evaluation consent only; means only over
 * {@link SMALL_NUMBER} or more).
 */
export async function buildDashboard(
  store: Store,
  input: ParsedInput<'dashboard.get'>,
  now: Date,
): Promise<ChannelOutput<'dashboard.get'>> {
  const range = dashboardRange(input, now);
  const { targets } = await readWaitingTargets(store.db);
  const referred = countReferredInRange(store, range);
  const exited = countExitedInRange(store, range);
  const coaches = await listCoaches(store);
  const total = (rows: ReadonlyArray<{ count: number }>) => rows.reduce((sum, row) => sum + row.count, 0);

  const funnel = new Map(FUNNEL.map((status) => [status as string, 0]));
  for (const row of referred.filter((count) => count.figure === 'status')) {
    const status = statusAtMonthEnd(row);
    funnel.set(status, (funnel.get(status) ?? 0) + row.count);
  }

  const measureChange = MI_MEASURES.map((measure) => {
    const row = exited.find((count) => count.figure === measure);
    const people = row?.count ?? 0;
    const shown = people >= SMALL_NUMBER;
    const mean = (sum: number | null | undefined) => (shown ? oneDecimal(Number(sum) / people) : null);
    return {
      measure,
      people,
      meanBaseline: mean(row?.baseline_sum),
      meanFollowUp: mean(row?.latest_sum),
      lower: row?.lower ?? 0,
      same: row?.same ?? 0,
      higher: row?.higher ?? 0,
    };
  });
  const referrals = referred.filter((row) => row.figure === 'referral');
  const outcomesBy = (figure: string) =>
    cells(exited.filter((row) => row.figure === figure).map((row) => [row.key ?? 'not_recorded', String(row.outcome), row.count] as const));

  return {
    range,
    weeks: weeksOf(range),
    referrals: cells(referrals.map((row) => [row.key ?? 'not_recorded', weekStartOf(String(row.day)), row.count] as const)),
    referredInRange: total(referrals),
    waits: waitFigures(referred, targets),
    funnel: [...funnel].map(([status, count]) => ({ status, count })),
    caseloadByCoach: coaches.items.map((coach) => ({ coach: coach.displayName, openCases: coach.openCases })),
    outcomesByRoute: outcomesBy('route'),
    outcomesByBarrier: outcomesBy('barrier'),
    exitedInRange: total(exited.filter((row) => row.figure === 'route')),
    measureChange,
  };
}
