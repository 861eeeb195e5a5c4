import { z } from 'zod';
import { daysBetween } from '../calendar-date';
import { MAX_DASHBOARD_DAYS } from '../dashboard/dashboard-range';
import { WAITS } from '../dashboard/waiting-targets';
import { isoDateSchema } from '../text-schemas';

/** The dashboard's range (both days included); either may be left out for the last 12 weeks up to today. */
export const dashboardInputSchema = z
  .strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .refine((range) => range.from === undefined || range.to === undefined || range.from <= range.to, {
    message: 'The start of the range must be on or before its end',
    path: ['from'],
  })
  .refine((range) => range.from === undefined || range.to === undefined || daysBetween(range.from, range.to) <= MAX_DASHBOARD_DAYS, {
    message: 'Choose a range of two years or less',
    path: ['from'],
  });

const count = z.number().int().nonnegative();
const cell = z.object({ group: z.string(), key: z.string(), count });

/** One waiting time against its target, over the people referred in the range. */
export const waitFigureSchema = z.object({
  wait: z.enum(WAITS),
  targetDays: z.number().int(),
  /** People referred in the range who had reached this step by the range's end. */
  reached: count,
  withinTarget: count,
  medianDays: z.number().nullable(),
  /** Not reached yet, and already waiting longer than the target at the range's end. */
  waitingOverTarget: count,
  /** Not reached yet, still within the target. */
  waitingWithinTarget: count,
});

/** Change in one measure from the first score to the last, over the people whose support ended in the range. */
export const measureChangeSchema = z.object({
  measure: z.enum(['phq9', 'gad7', 'wsas']),
  people: count,
  /** Means to one decimal place; null when fewer than five people (so no one's scores can be read off it). */
  meanBaseline: z.number().nullable(),
  meanFollowUp: z.number().nullable(),
  lower: count,
  same: count,
  higher: count,
});

/**
 * The manager's view (issue 20, item 7): counts, codes and waits, nothing about a person. Every
 * figure comes from the same per-person facts and rules as the MI return (README "Dashboard").
 */
export const dashboardSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  weeks: z.array(z.string()),
  /** People referred in the range by their referral route (group) and week (key: its Monday). */
  referrals: z.array(cell),
  referredInRange: count,
  waits: z.array(waitFigureSchema),
  /** The people referred in the range by where they stood at its end (the MI return's status rule). */
  funnel: z.array(z.object({ status: z.string(), count })),
  caseloadByCoach: z.array(z.object({ coach: z.string(), openCases: count })),
  /** People whose support ended in the range: outcome (key) by referral route (group)... */
  outcomesByRoute: z.array(cell),
  /** ...and by the main barrier of their joined-up assessment (`not_recorded` without one). */
  outcomesByBarrier: z.array(cell),
  exitedInRange: count,
  measureChange: z.array(measureChangeSchema),
});
export type Dashboard = z.output<typeof dashboardSchema>;
