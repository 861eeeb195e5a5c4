import { AppError } from '../../core/app-error';
import { londonDateOf } from '../../core/clock';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { defaultDashboardRange, waitDays, weekStartOf, weeksOf } from '../../core/dashboard/dashboard-range';
import { WAITS, type Wait, type WaitingTargets } from '../../core/dashboard/waiting-targets';
import { isMiParticipant, miColumnMaySend, miConsentState } from '../../core/exports/mi-return-columns';
import type { Dashboard } from '../../core/schemas/dashboard';
import {
  listExitedInRange,
  listReferredInRange,
  type DashboardRange,
  type ReferredFacts,
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

const REACHED_ON: Readonly<Record<Wait, (row: ReferredFacts) => string | null>> = {
  firstContact: (row) => row.first_contact_date,
  assessment: (row) => row.first_appointment_date,
  planAgreed: (row) => row.plan_agreed_date,
};

/** Counts of (group, key) pairs, in first-seen order, as the dashboard's cells. */
function tally(pairs: Iterable<readonly [string, string]>): Dashboard['referrals'] {
  const counts = new Map<string, { group: string; key: string; count: number }>();
  for (const [group, key] of pairs) {
    const id = `${group}\u0000${key}`;
    const cell = counts.get(id) ?? { group, key, count: 0 };
    cell.count += 1;
    counts.set(id, cell);
  }
  return [...counts.values()].sort((a, b) => a.group.localeCompare(b.group) || a.key.localeCompare(b.key));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
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

/** Each wait against its target over the people referred in the range, as things stood at its end. */
function waitFigures(referred: readonly ReferredFacts[], targets: WaitingTargets, to: string): Dashboard['waits'] {
  return WAITS.map((wait) => {
    const targetDays = targets[wait];
    const reachedDays: number[] = [];
    let waitingOverTarget = 0;
    for (const row of referred) {
      const reachedOn = REACHED_ON[wait](row);
      // A step taken before the latest referral (someone referred again) counts as no wait.
      if (reachedOn !== null) reachedDays.push(Math.max(0, waitDays(row.referral_date, reachedOn)));
      else if (waitDays(row.referral_date, to) > targetDays) waitingOverTarget += 1;
    }
    const notReached = referred.length - reachedDays.length;
    return {
      wait,
      targetDays,
      reached: reachedDays.length,
      withinTarget: reachedDays.filter((days) => days <= targetDays).length,
      medianDays: median(reachedDays),
      waitingOverTarget,
      waitingWithinTarget: notReached - waitingOverTarget,
    };
  });
}

/**
 * The manager's view for a date range (issue 20 item 7), from the MI return's own per-person facts
 * and rules (db/repositories/mi-facts-sql.ts, its status rule and its participants): the people
 * referred in the range by route and week, their waits against the partnership's targets and where
 * they stood at its end; open cases per coach (the caseload's own count); and the people whose
 * support ended in the range by outcome, route and main barrier, with their change in PHQ-9, GAD-7
 * and WSAS (evaluation consent only, as in the MI return; means only over five or more people).
 */
export async function buildDashboard(
  store: Store,
  input: ParsedInput<'dashboard.get'>,
  now: Date,
): Promise<ChannelOutput<'dashboard.get'>> {
  const range = dashboardRange(input, now);
  const { targets } = await readWaitingTargets(store.db);
  const referred = listReferredInRange(store, range).filter((row) => isMiParticipant(miConsentState(row.consent_service)));
  const exited = listExitedInRange(store, range).filter((row) => isMiParticipant(miConsentState(row.consent_service)));
  const coaches = await listCoaches(store);

  const counted = (statuses: readonly string[]) => statuses.map((status) => [status, 0] as [string, number]);
  const funnel = new Map(counted(FUNNEL));
  for (const row of referred) {
    const status = statusAtMonthEnd(row);
    funnel.set(status, (funnel.get(status) ?? 0) + 1);
  }

  const measureChange = MI_MEASURES.map((measure) => {
    const pairs = exited
      .filter(
        (row) => miColumnMaySend(`${measure}_follow_up`, miConsentState(row.consent_evaluation)) && Number(row[`${measure}_count`]) > 1,
      )
      .map((row) => [Number(row[`${measure}_baseline`]), Number(row[`${measure}_latest`])] as const);
    const shown = pairs.length >= SMALL_NUMBER;
    const mean = (values: number[]) => oneDecimal(values.reduce((sum, value) => sum + value, 0) / values.length);
    return {
      measure,
      people: pairs.length,
      meanBaseline: shown ? mean(pairs.map(([baseline]) => baseline)) : null,
      meanFollowUp: shown ? mean(pairs.map(([, latest]) => latest)) : null,
      lower: pairs.filter(([baseline, latest]) => latest < baseline).length,
      same: pairs.filter(([baseline, latest]) => latest === baseline).length,
      higher: pairs.filter(([baseline, latest]) => latest > baseline).length,
    };
  });

  return {
    range,
    weeks: weeksOf(range),
    referrals: tally(referred.map((row) => [row.referral_source ?? 'not_recorded', weekStartOf(row.referral_date)])),
    referredInRange: referred.length,
    waits: waitFigures(referred, targets, range.to),
    funnel: [...funnel].map(([status, count]) => ({ status, count })),
    caseloadByCoach: coaches.items.map((coach) => ({ coach: coach.displayName, openCases: coach.openCases })),
    outcomesByRoute: tally(exited.map((row) => [row.referral_source ?? 'not_recorded', row.employment_outcome])),
    outcomesByBarrier: tally(exited.map((row) => [row.primary_barrier ?? 'not_recorded', row.employment_outcome])),
    exitedInRange: exited.length,
    measureChange,
  };
}
