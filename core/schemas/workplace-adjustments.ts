import { z } from 'zod';
import { employerLetterApprovalSchema } from './employer-letter-approval';
import { ADJUSTMENT_CATEGORIES, ADJUSTMENT_RECOMMENDATIONS, ADJUSTMENT_STATUSES } from '../adjustments/adjustment-library';
import { gradedReturnProblems, MAX_SCHEDULE_WEEKS, MAX_WEEKLY_HOURS } from '../adjustments/graded-return';
import { isoDateSchema, requiredText } from '../text-schemas';
import { ahpReportSchema } from './ahp-report';

const idSchema = z.string().min(1).max(64);

/** Free text that may be blank: trimmed, bounded, blank stored as null. */
function optionalNote(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .nullable()
    .default(null)
    .transform((value) => (value === null || value === '' ? null : value));
}

/**
 * One workplace adjustment: its fit-note category, the recommendation (from the library, or the
 * practitioner's own words), the functional need it answers (what the person needs, never a
 * diagnosis: this text is what the employer reads), dates and where it stands with the employer.
 * `teamNote` is for the team only and never leaves the app.
 */
export const adjustmentSchema = z
  .strictObject({
    id: idSchema,
    category: z.enum(ADJUSTMENT_CATEGORIES, { error: 'Choose the fit note category' }),
    recommendation: z.enum(ADJUSTMENT_RECOMMENDATIONS, { error: 'Choose a recommendation, or Something else' }),
    otherRecommendation: optionalNote(300, 'The recommendation'),
    functionalNeed: requiredText('the need it answers, without the diagnosis', 500),
    startOn: isoDateSchema,
    durationWeeks: z
      .number({ error: 'Enter the number of weeks' })
      .int('Enter a whole number of weeks')
      .min(1, 'Enter at least 1 week')
      .max(104, 'Enter 104 weeks or fewer'),
    reviewOn: isoDateSchema,
    status: z.enum(ADJUSTMENT_STATUSES, { error: 'Choose the status' }),
    teamNote: optionalNote(1000, 'The note for the team'),
  })
  .superRefine((adjustment, context) => {
    if (adjustment.recommendation === 'other' && adjustment.otherRecommendation === null) {
      context.addIssue({ code: 'custom', path: ['otherRecommendation'], message: 'Describe the recommendation' });
    }
    if (adjustment.reviewOn < adjustment.startOn)
      context.addIssue({ code: 'custom', path: ['reviewOn'], message: 'The review date must be on or after the start date' });
  });
export type Adjustment = z.infer<typeof adjustmentSchema>;
export type AdjustmentInput = z.input<typeof adjustmentSchema>;

export const gradedReturnWeekSchema = z.strictObject({
  startsOn: isoDateSchema,
  // Range and contract checks are `gradedReturnProblems`' alone, so each problem is reported once.
  hours: z.number({ error: 'Enter the hours for the week' }),
  duties: z.string().trim().max(500, 'Duties must be 500 characters or fewer'),
});

export const gradedReturnScheduleSchema = z.strictObject({
  startOn: isoDateSchema,
  weeks: z.array(gradedReturnWeekSchema).max(MAX_SCHEDULE_WEEKS, `A schedule can plan up to ${MAX_SCHEDULE_WEEKS} weeks`),
});

/** Adjustment ids are unique, and a schedule (when there is one) passes every rule of `gradedReturnProblems`. */
function refineContent(
  content: {
    contractedHoursPerWeek: number | null;
    adjustments: readonly Adjustment[];
    gradedReturn: z.infer<typeof gradedReturnScheduleSchema> | null;
  },
  context: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  content.adjustments.forEach((adjustment, index) => {
    if (seen.has(adjustment.id))
      context.addIssue({ code: 'custom', path: ['adjustments', index, 'id'], message: 'Two adjustments have the same id' });
    seen.add(adjustment.id);
  });
  if (content.gradedReturn === null) return;
  for (const problem of gradedReturnProblems(content.gradedReturn, content.contractedHoursPerWeek)) {
    const path =
      problem.path === 'contractedHoursPerWeek'
        ? ['contractedHoursPerWeek']
        : ['gradedReturn', ...problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))];
    context.addIssue({ code: 'custom', path, message: problem.message });
  }
}

const contentShape = z.strictObject({
  contractedHoursPerWeek: z
    .number({ error: 'Enter the contracted hours a week' })
    .positive('Contracted hours must be more than 0')
    .max(MAX_WEEKLY_HOURS, `Contracted hours must be ${MAX_WEEKLY_HOURS} or fewer`)
    .nullable()
    .default(null),
  adjustments: z.array(adjustmentSchema).max(30, 'Up to 30 adjustments can be recorded'),
  gradedReturn: gradedReturnScheduleSchema.nullable().default(null),
});

/** Everything the OT drafts for one person: the adjustments and, for a phased return, the schedule. */
export const workplaceAdjustmentsContentSchema = contentShape.superRefine(refineContent);
export type WorkplaceAdjustmentsContent = z.infer<typeof workplaceAdjustmentsContentSchema>;

/** Saves a person's adjustments. `version` is the one the editor started from; absent for the first save. */
export const saveAdjustmentsInputSchema = contentShape
  .extend({ participantId: idSchema, version: z.number().int().positive().optional() })
  .superRefine(refineContent);
export type SaveAdjustmentsInput = z.input<typeof saveAdjustmentsInputSchema>;

export const participantAdjustmentsInputSchema = z.strictObject({ participantId: idSchema });

/** One saved version of a person's adjustments, as stored. */
export const savedAdjustmentsSchema = z.object({
  version: z.number().int().positive(),
  planId: z.string(),
  savedAt: z.string(),
  savedByName: z.string(),
  content: contentShape,
});

/** Everything the "Workplace adjustments" section shows for one person. */
export const participantAdjustmentsSchema = z.object({
  /** The plan new adjustments attach to (the newest version), or null before a plan is started. */
  currentPlanId: z.string().nullable(),
  saved: savedAdjustmentsSchema.nullable(),
  /** The AHP reports the reader may read, newest first: every signed one, and the reader's own draft. */
  ahpReports: z.array(ahpReportSchema),
  /** Another practitioner's unsigned AHP report: that it exists and whose it is, never its text (issue 18 item 5). */
  ahpDraftsByOthers: z.array(z.object({ id: z.string(), authorName: z.string(), updatedAt: z.string() })),
  /** Whether consent to share adjustments with the employer is in force now. */
  employerConsentInForce: z.boolean(),
  /** The person's newest approval of their employer letter (in force only while the letter is unchanged), or null. */
  employerLetterApproval: employerLetterApprovalSchema.nullable(),
});
export type ParticipantAdjustments = z.infer<typeof participantAdjustmentsSchema>;
