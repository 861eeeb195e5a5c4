import { z } from 'zod';

export const PARTICIPANT_STATUSES = ['referred', 'assessed', 'ready_for_mdt', 'active', 'exited'] as const;
export const participantStatusSchema = z.enum(PARTICIPANT_STATUSES);
export type ParticipantStatus = z.infer<typeof participantStatusSchema>;

export const PARTICIPANT_STATUS_LABELS: Readonly<Record<ParticipantStatus, string>> = {
  referred: 'Referred',
  assessed: 'Assessed',
  ready_for_mdt: 'Ready for MDT',
  active: 'Plan active',
  exited: 'Exited',
};

export const participantSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  nhsNumber: z.string().nullable(),
  status: participantStatusSchema,
  hasOpenRiskFlag: z.boolean(),
  /** When they withdrew consent to the WorkWell service (their newest decision), or null. */
  serviceWithdrawnOn: z.string().nullable(),
  /** The review date of the plan in force, if any. */
  nextReviewOn: z.string().nullable(),
  /** The latest referral date. */
  referredOn: z.string().nullable(),
});
export type ParticipantSummary = z.infer<typeof participantSummarySchema>;

export const MAX_PAGE_SIZE = 200;

/** How the caseload can be ordered. Referral date lists the newest referrals first. */
export const CASELOAD_SORTS = ['name', 'nextReview', 'referralDate'] as const;
export const caseloadSortSchema = z.enum(CASELOAD_SORTS);
export type CaseloadSort = z.infer<typeof caseloadSortSchema>;

export const CASELOAD_SORT_LABELS: Readonly<Record<CaseloadSort, string>> = {
  name: 'Name',
  nextReview: 'Next review (soonest first)',
  referralDate: 'Referral date (newest first)',
};

/**
 * The caseload's status filter: one status, or "open" (every status but exited: the cases still
 * being worked, so closed ones do not crowd the list).
 */
export const CASELOAD_STATUS_FILTERS = ['open', ...PARTICIPANT_STATUSES] as const;
export const caseloadStatusFilterSchema = z.enum(CASELOAD_STATUS_FILTERS);
export type CaseloadStatusFilter = z.infer<typeof caseloadStatusFilterSchema>;

export const CASELOAD_STATUS_FILTER_LABELS: Readonly<Record<CaseloadStatusFilter, string>> = {
  open: 'Open cases (all but exited)',
  ...PARTICIPANT_STATUS_LABELS,
};

/** The longest search text accepted: a full name or an NHS number with spaces fits easily. */
export const MAX_CASELOAD_SEARCH_LENGTH = 100;

/**
 * Which people the caseload shows. Every filter narrows (they combine with AND); an empty search
 * means everyone. "Review due" is a plan review on or before today.
 */
export const caseloadFilterSchema = z.strictObject({
  search: z
    .string()
    .trim()
    .max(MAX_CASELOAD_SEARCH_LENGTH, `Search text must be ${MAX_CASELOAD_SEARCH_LENGTH} characters or fewer`)
    .default(''),
  status: caseloadStatusFilterSchema.nullable().default(null),
  coachUserId: z.string().min(1).max(64).nullable().default(null),
  readyForMdt: z.boolean().default(false),
  reviewDue: z.boolean().default(false),
  openRiskFlag: z.boolean().default(false),
});
export type CaseloadFilter = z.infer<typeof caseloadFilterSchema>;

export const listParticipantsInputSchema = caseloadFilterSchema.extend({
  sort: caseloadSortSchema.default('name'),
  /** Opaque: the `nextCursor` or `previousCursor` of the page on screen; absent for the first page. */
  cursor: z.string().max(1_000).nullable().default(null),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
});
export type ListParticipantsInput = z.input<typeof listParticipantsInputSchema>;

/**
 * One page of the caseload, found by keyset (the page after or before a cursor), so every page
 * costs the same however deep it is. The total is a separate call (`participants.count`).
 */
export const participantPageSchema = z.object({
  pageSize: z.number().int().positive(),
  items: z.array(participantSummarySchema),
  nextCursor: z.string().nullable(),
  previousCursor: z.string().nullable(),
});
export type ParticipantPage = z.infer<typeof participantPageSchema>;

export const countParticipantsInputSchema = caseloadFilterSchema;
export const participantCountSchema = z.object({ total: z.number().int().nonnegative() });

/** The coaches the caseload can be filtered by (users with the coach role), with how many open cases each holds. */
export const caseloadCoachesSchema = z.object({
  items: z.array(z.object({ userId: z.string(), displayName: z.string(), openCases: z.number().int().nonnegative() })),
});
