import { z } from 'zod';

/** The three waits the dashboard measures from a person's referral date (README "Dashboard"). */
export const WAITS = ['firstContact', 'assessment', 'planAgreed'] as const;
export type Wait = (typeof WAITS)[number];

export const WAIT_LABELS: Readonly<Record<Wait, string>> = {
  firstContact: 'Referral to first contact',
  assessment: 'Referral to joined-up assessment',
  planAgreed: 'Referral to agreed plan',
};

function daysSchema(label: string) {
  const message = `Enter the days to ${label} as a whole number from 1 to 365`;
  return z.number({ error: message }).int(message).min(1, message).max(365, message);
}

/**
 * The partnership's waiting-time targets in calendar days from referral: a partnership setting
 * (administrators set it in Settings), with defaults until one is saved.
 */
export const waitingTargetsSchema = z.strictObject({
  firstContact: daysSchema('first contact'),
  assessment: daysSchema('the joined-up assessment'),
  planAgreed: daysSchema('an agreed plan'),
});
export type WaitingTargets = z.output<typeof waitingTargetsSchema>;

/**
 * The targets before a partnership sets its own: first contact within 5 days, the joined-up
 * assessment within 3 weeks and an agreed plan within 6 weeks of referral. Local designs differ,
 * which is why these are settings, not code.
 */
export const DEFAULT_WAITING_TARGETS: WaitingTargets = { firstContact: 5, assessment: 21, planAgreed: 42 };

export const waitingTargetsSettingSchema = z.object({ targets: waitingTargetsSchema, version: z.number().int() });
export const saveWaitingTargetsInputSchema = z.strictObject({ targets: waitingTargetsSchema, version: z.number().int().min(0) });
