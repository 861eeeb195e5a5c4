import { z } from 'zod';
import { todayInLondon } from '../clock';
import { FOLLOW_UP_POINTS } from '../follow-ups/follow-up-due';
import { isoDateSchema, optionalText } from '../text-schemas';
import { CONTACT_KINDS } from './contact-log';
import { EMPLOYMENT_STATUSES } from './referral';

const idSchema = z.string().min(1).max(64);

/** Whether the team reached the person for the follow-up, or could not after trying. */
export const FOLLOW_UP_OUTCOMES = ['contacted', 'could_not_contact'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
export const FOLLOW_UP_OUTCOME_LABELS: Readonly<Record<FollowUpOutcome, string>> = {
  contacted: 'We spoke to them',
  could_not_contact: 'Could not be contacted',
};

/** Statuses in which "the same employer" means something: in work, or off sick from a job. */
const WITH_AN_EMPLOYER: ReadonlySet<string> = new Set(['in_work', 'off_sick_fit_note', 'off_sick_no_fit_note']);

/** Whether a follow-up's employment status has an employer to ask about. */
export function hasEmployer(status: string | null | undefined): boolean {
  return status !== null && status !== undefined && WITH_AN_EMPLOYER.has(status);
}

/**
 * Recording one follow-up (append-only: a correction is a new entry naming the one it replaces,
 * with the reason; the earlier one stays readable). `contactedOn` is the day they were reached, or
 * of the last attempt; never in the future (today in London on the injected clock). Reached: their
 * employment status (the registration's vocabulary), whether still with the same employer (when in
 * work or off sick), weekly hours (when in work). Not reached: how many attempts were made.
 */
export const recordFollowUpInputShape = z.strictObject({
  participantId: idSchema,
  /**
   * The exit (an episode's end) this follows up: each exit has its own follow-ups, due until they are
   * recorded even when the person has since been referred again. Left out, the newest exit.
   */
  exitedOn: isoDateSchema.optional(),
  point: z.enum(FOLLOW_UP_POINTS, { error: 'Choose which follow-up this is' }),
  contactedOn: isoDateSchema.refine((value) => value <= todayInLondon(), 'The date must be today or in the past'),
  method: z.enum(CONTACT_KINDS, { error: 'Choose how you contacted them, or tried to' }),
  outcome: z.enum(FOLLOW_UP_OUTCOMES, { error: 'Choose whether you spoke to them' }),
  attempts: z
    .number({ error: 'Enter how many times you tried, as a number' })
    .int('Enter how many times you tried, as a whole number')
    .min(1, 'Enter how many times you tried, 1 or more')
    .max(20, 'Enter how many times you tried, 20 or fewer')
    .nullable()
    .default(null),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES, { error: 'Choose their employment status' }).nullable().default(null),
  sameEmployer: z.boolean({ error: 'Choose whether they are with the same employer' }).nullable().default(null),
  hoursPerWeek: z
    .number({ error: 'Enter the hours a week as a number' })
    .min(0, 'The hours a week must be 0 or more')
    .max(100, 'The hours a week must be 100 or fewer')
    .multipleOf(0.5, 'Enter the hours a week in whole or half hours')
    .nullable()
    .default(null),
  note: optionalText(1000, 'The note'),
  /** The follow-up this one corrects: it stays readable, marked as corrected. */
  replacesId: idSchema.optional(),
  correctionReason: optionalText(500, 'The reason for the correction'),
});

function refineFollowUp(input: z.infer<typeof recordFollowUpInputShape>, context: z.RefinementCtx): void {
  const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  if (input.outcome === 'contacted') {
    if (input.employmentStatus === null) issue('employmentStatus', 'Choose their employment status');
    if (input.attempts !== null) issue('attempts', 'Attempts are only recorded when they could not be contacted');
    if (hasEmployer(input.employmentStatus) && input.sameEmployer === null)
      issue('sameEmployer', 'Choose whether they are with the same employer');
    if (!hasEmployer(input.employmentStatus) && input.sameEmployer !== null)
      issue('sameEmployer', 'The same employer applies only when they are in work or off sick from a job');
    if (input.employmentStatus !== 'in_work' && input.hoursPerWeek !== null)
      issue('hoursPerWeek', 'Hours are recorded only when they are in work');
  }
  if (input.outcome === 'could_not_contact') {
    if (input.attempts === null) issue('attempts', 'Enter how many times you tried');
    if (input.employmentStatus !== null || input.sameEmployer !== null || input.hoursPerWeek !== null)
      issue('employmentStatus', 'Leave the employment questions blank when they could not be contacted');
  }
  if (input.replacesId !== undefined && input.correctionReason === null)
    issue('correctionReason', 'Enter why the earlier follow-up is being corrected');
  if (input.replacesId === undefined && input.correctionReason !== null)
    issue('correctionReason', 'A reason is only needed when correcting a follow-up');
}

export const recordFollowUpInputSchema = recordFollowUpInputShape.superRefine(refineFollowUp);
export type RecordFollowUpInput = z.input<typeof recordFollowUpInputSchema>;

/** One recorded follow-up as the record shows it. */
export const followUpSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  /** The exit it follows (a person who returns and leaves again has new follow-ups). */
  exitedOn: z.string(),
  point: z.enum(FOLLOW_UP_POINTS),
  /** 1 for the first record of this follow-up, one more for each correction. */
  version: z.number().int().positive(),
  contactedOn: z.string(),
  method: z.enum(CONTACT_KINDS),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  attempts: z.number().int().nullable(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullable(),
  sameEmployer: z.boolean().nullable(),
  hoursPerWeek: z.number().nullable(),
  note: z.string().nullable(),
  replacesId: z.string().nullable(),
  correctionReason: z.string().nullable(),
  /** The later entry that corrects this one, or null while it stands. */
  replacedById: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

const followUpStateSchema = z.enum(['recorded', 'overdue', 'due', 'not_yet_due']);

/**
 * A person's follow-ups: for each exit (each episode that has ended, newest first; none before the
 * first one ends), both points with their due dates. An earlier episode's follow-ups stay here, and
 * due, after the person is referred again.
 */
export const personFollowUpsSchema = z.object({
  today: z.string(),
  exits: z.array(
    z.object({
      /** The episode that this exit ended. */
      episode: z.number().int().positive(),
      exitedOn: z.string(),
      points: z.array(
        z.object({
          point: z.enum(FOLLOW_UP_POINTS),
          dueOn: z.string(),
          state: followUpStateSchema,
          /** The entry in force (the newest correction), or null before one is recorded. */
          current: followUpSchema.nullable(),
          /** Every entry for this point, newest first, corrected ones included. */
          entries: z.array(followUpSchema),
        }),
      ),
    }),
  ),
});
export type PersonFollowUps = z.infer<typeof personFollowUpsSchema>;

export const personFollowUpsInputSchema = z.strictObject({ participantId: idSchema });

/** The list of follow-ups due: `mine` narrows it to the people the caller coaches. */
export const followUpsDueInputSchema = z.strictObject({ mine: z.boolean().default(false) });

/** Follow-ups overdue or due within FOLLOW_UP_DUE_SOON_DAYS, soonest first. */
export const followUpsDueSchema = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      participantId: z.string(),
      reference: z.string(),
      givenName: z.string(),
      familyName: z.string(),
      coachName: z.string().nullable(),
      /** The episode whose exit this follows up (an earlier one's stays due after the person is referred again). */
      episode: z.number().int().positive(),
      exitedOn: z.string(),
      point: z.enum(FOLLOW_UP_POINTS),
      dueOn: z.string(),
      state: z.enum(['overdue', 'due']),
    }),
  ),
});
export type FollowUpsDue = z.infer<typeof followUpsDueSchema>;
