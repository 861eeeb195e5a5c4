import { z } from 'zod';
import { todayInLondon } from '../clock';
import { isoDateSchema, requiredText } from '../text-schemas';

/**
 * The action plan's lifecycle. A draft is edited; agreement by the MDT locks that version; the
 * person then agrees it (date and how), it becomes active while support is delivered, and is
 * reviewed. A change to an agreed plan is a new draft version; the agreed one is kept.
 */
export const PLAN_STATUSES = ['draft', 'agreed_by_mdt', 'agreed_with_person', 'active', 'reviewed', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  draft: 'Draft',
  agreed_by_mdt: 'Agreed by the MDT',
  agreed_with_person: 'Agreed with the person',
  active: 'Active',
  reviewed: 'Reviewed',
  superseded: 'Replaced by a later version',
};

export const ACTION_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** An action the team delivers, or an onward referral / signpost to a service in the directory. */
export const ACTION_KINDS = ['intervention', 'onward_referral', 'signpost'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_KIND_LABELS: Readonly<Record<ActionKind, string>> = {
  intervention: 'Support from the team',
  onward_referral: 'Onward referral to a service',
  signpost: 'Signpost to a service',
};

export const PERSON_AGREEMENT_METHODS = ['in_person', 'phone', 'video', 'letter_or_email'] as const;
export const PERSON_AGREEMENT_METHOD_LABELS: Readonly<Record<(typeof PERSON_AGREEMENT_METHODS)[number], string>> = {
  in_person: 'In person',
  phone: 'By phone',
  video: 'By video call',
  letter_or_email: 'By letter or email',
};

const idSchema = z.string().min(1).max(64);

/** A goal in the person's own words. Ids are made by the client so actions can point at new goals. */
export const planGoalSchema = z.strictObject({
  id: idSchema,
  text: requiredText('the goal, in the person’s words', 1000),
});
export type PlanGoal = z.infer<typeof planGoalSchema>;

/**
 * One action. A draft may leave the owner or due date empty while the team is talking; the plan
 * cannot be agreed until every action has both (see `planAgreementProblems`).
 */
export const planActionSchema = z.strictObject({
  id: idSchema,
  goalId: idSchema.nullable().default(null),
  kind: z.enum(ACTION_KINDS, { error: 'Choose the kind of action' }),
  discipline: z.string({ error: 'Choose the discipline' }).trim().min(1, 'Choose the discipline').max(64),
  description: requiredText('what will be done', 1000),
  ownerId: idSchema.nullable().default(null),
  dueOn: isoDateSchema.nullable().default(null),
  serviceId: idSchema.nullable().default(null),
});
export type PlanAction = z.infer<typeof planActionSchema>;

export const planContentSchema = z.strictObject({
  goals: z.array(planGoalSchema).max(20, 'A plan can have up to 20 goals'),
  actions: z.array(planActionSchema).max(60, 'A plan can have up to 60 actions'),
  reviewOn: isoDateSchema.nullable().default(null),
});
export type PlanContent = z.infer<typeof planContentSchema>;

/** Saves the draft version of a person's plan. Without `planId` it starts the first draft (or a new version of an agreed plan). */
export const savePlanDraftInputSchema = planContentSchema.extend({
  participantId: idSchema,
  planId: idSchema.optional(),
  /** The edit counter of the draft the user started from: a stale one is a conflict, never an overwrite. */
  revision: z.number().int().positive().optional(),
});
export type SavePlanDraftInput = z.input<typeof savePlanDraftInputSchema>;

export const agreePlanByMdtInputSchema = z.strictObject({
  planId: idSchema,
  revision: z.number().int().positive(),
  meetingId: idSchema.nullable().default(null),
  attendeeIds: z.array(idSchema).min(2, 'Choose at least two team members who agreed the plan').max(30),
  /** A second member of the team who checked the plan as recorded: not the person agreeing it. */
  checkedById: z.string({ error: 'Choose who checked the plan' }).min(1, 'Choose who checked the plan').max(64),
});

export const agreePlanWithPersonInputSchema = z.strictObject({
  planId: idSchema,
  agreedOn: isoDateSchema.refine((value) => value <= todayInLondon(), 'The date must be today or in the past'),
  method: z.enum(PERSON_AGREEMENT_METHODS, { error: 'Choose how the person agreed it' }),
});

export const planIdInputSchema = z.strictObject({ planId: idSchema });
export const participantPlansInputSchema = z.strictObject({
  participantId: idSchema,
  /** An earlier episode to read (issue 20 item 4); the current episode's plan when left out. */
  episode: z.number().int().positive().optional(),
});

export const REVIEW_OUTCOMES = ['continue', 'change_plan', 'exit'] as const;
export const REVIEW_OUTCOME_LABELS: Readonly<Record<(typeof REVIEW_OUTCOMES)[number], string>> = {
  continue: 'Continue the plan to the next review',
  change_plan: 'Change the plan (starts a new version)',
  exit: 'End support (exit)',
};

export const updateActionStatusInputSchema = z.strictObject({
  planId: idSchema,
  actionId: idSchema,
  status: z.enum(ACTION_STATUSES, { error: 'Choose the status' }),
  note: z.string().trim().max(1000, 'The note must be 1000 characters or fewer').default(''),
});

export const actionProgressSchema = z.object({
  actionId: z.string(),
  status: z.enum(ACTION_STATUSES),
  note: z.string(),
  updatedAt: z.string(),
  updatedByName: z.string(),
});

/** One version of a person's plan, as every screen shows it. */
export const actionPlanSchema = planContentSchema.extend({
  id: z.string(),
  participantId: z.string(),
  versionNumber: z.number().int().positive(),
  revision: z.number().int().positive(),
  status: z.enum(PLAN_STATUSES),
  /** The review date in force: the plan's own until a review sets the next. */
  nextReviewOn: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  agreedByMdt: z
    .object({
      at: z.string(),
      byName: z.string(),
      meetingId: z.string().nullable(),
      attendeeNames: z.array(z.string()),
      checkedByName: z.string(),
    })
    .nullable(),
  agreedWithPerson: z.object({ on: z.string(), method: z.enum(PERSON_AGREEMENT_METHODS), recordedByName: z.string() }).nullable(),
  /** Current status of each action: from the agreed plan, then updates between meetings. */
  progress: z.array(actionProgressSchema),
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

export const EXIT_REASONS = [
  'support_completed',
  'person_chose_to_leave',
  'no_longer_eligible',
  'could_not_be_contacted',
  'moved_away',
  'other',
] as const;
export const EXIT_REASON_LABELS: Readonly<Record<(typeof EXIT_REASONS)[number], string>> = {
  support_completed: 'Support completed',
  person_chose_to_leave: 'The person chose to leave',
  no_longer_eligible: 'No longer eligible',
  could_not_be_contacted: 'Could not be contacted',
  moved_away: 'Moved out of the area',
  other: 'Other reason',
};

export const EMPLOYMENT_OUTCOMES = ['stayed_in_work', 'returned_to_work', 'new_job', 'not_in_work'] as const;
export const EMPLOYMENT_OUTCOME_LABELS: Readonly<Record<(typeof EMPLOYMENT_OUTCOMES)[number], string>> = {
  stayed_in_work: 'Stayed in work',
  returned_to_work: 'Returned to work',
  new_job: 'Started a new job',
  not_in_work: 'Not in work',
};

/**
 * A review of a plan in force. "Continue" needs the next review date; "exit" needs the reason and
 * the employment outcome; "change the plan" closes this version so the team drafts the next.
 */
export const reviewPlanInputSchema = z
  .strictObject({
    planId: idSchema,
    reviewedOn: isoDateSchema.refine((value) => value <= todayInLondon(), 'The review date must be today or in the past'),
    outcome: z.enum(REVIEW_OUTCOMES, { error: 'Choose the outcome of the review' }),
    note: requiredText('what the review found', 2000),
    nextReviewOn: isoDateSchema.nullable().default(null),
    exitReason: z.enum(EXIT_REASONS).nullable().default(null),
    employmentOutcome: z.enum(EMPLOYMENT_OUTCOMES).nullable().default(null),
  })
  .superRefine((review, context) => {
    if (review.outcome === 'continue') {
      if (review.nextReviewOn === null)
        context.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'Give the date of the next review' });
      else if (review.nextReviewOn <= review.reviewedOn)
        context.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'The next review must be after this one' });
    }
    if (review.outcome === 'exit') {
      if (review.exitReason === null) context.addIssue({ code: 'custom', path: ['exitReason'], message: 'Choose why support is ending' });
      if (review.employmentOutcome === null)
        context.addIssue({ code: 'custom', path: ['employmentOutcome'], message: 'Choose the employment outcome' });
    }
  });
export type ReviewPlanInput = z.input<typeof reviewPlanInputSchema>;

export const planReviewSchema = z.object({
  id: z.string(),
  planId: z.string(),
  reviewedOn: z.string(),
  outcome: z.enum(REVIEW_OUTCOMES),
  note: z.string(),
  nextReviewOn: z.string().nullable(),
  reviewedByName: z.string(),
});

export const participantExitSchema = z.object({
  exitedOn: z.string(),
  reason: z.enum(EXIT_REASONS),
  employmentOutcome: z.enum(EMPLOYMENT_OUTCOMES),
});

/** A person's plan history: every version newest first, the reviews, and the exit if they have left. */
export const participantPlansSchema = z.object({
  versions: z.array(actionPlanSchema),
  reviews: z.array(planReviewSchema),
  exit: participantExitSchema.nullable(),
});
export type ParticipantPlans = z.infer<typeof participantPlansSchema>;

export const dueForReviewSchema = z.object({
  items: z.array(
    z.object({
      /** The plan in force, if any: the review date is the person's (core/plans/review-due). */
      planId: z.string().nullable(),
      participantId: z.string(),
      reference: z.string(),
      givenName: z.string(),
      familyName: z.string(),
      reviewOn: z.string(),
      overdue: z.boolean(),
      /** An unacknowledged PHQ-9 risk flag: shown on every list of people until a clinician acknowledges it. */
      hasOpenRiskFlag: z.boolean(),
    }),
  ),
});
