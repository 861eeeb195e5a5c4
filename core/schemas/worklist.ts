import { z } from 'zod';
import { ACTION_STATUSES } from './action-plan';

/** The person an item of the worklist is about, as every list of people names them. */
const personFields = {
  participantId: z.string(),
  reference: z.string(),
  givenName: z.string(),
  familyName: z.string(),
};

/** The kinds of unsigned work a user can leave unfinished: their own drafts only (issue 18: a draft is its author's). */
export const WORKLIST_DRAFT_KINDS = ['joined_up_assessment', 'discipline_assessment', 'plan', 'ahp_report'] as const;
export type WorklistDraftKind = (typeof WORKLIST_DRAFT_KINDS)[number];
export const WORKLIST_DRAFT_LABELS: Readonly<Record<WorklistDraftKind, string>> = {
  joined_up_assessment: 'Joined-up assessment',
  discipline_assessment: 'Discipline assessment',
  plan: 'Action plan',
  ahp_report: 'AHP health and work report',
};

/** The most each list of the worklist holds: the soonest (or newest) first; the heading gives the total. */
export const WORKLIST_LIST_LIMIT = 100;

/**
 * A user's home page: what needs them today. Overdue risk flags they may acknowledge, actions they
 * own that are due, drafts they started, reviews due for their people and their cases on the next
 * meeting's agenda. Each list is empty, never missing, when there is nothing.
 */
export const worklistSchema = z.object({
  /** London's today, the day "due" and "overdue" are counted from. */
  today: z.string(),
  /** How many there are in all, when a list holds only the first WORKLIST_LIST_LIMIT (reviews: at least this many). */
  totals: z.object({ actions: z.number().int(), drafts: z.number().int(), reviews: z.number().int() }),
  riskFlags: z.array(z.object({ ...personFields, flagId: z.string(), raisedOn: z.string() })),
  actions: z.array(
    z.object({
      ...personFields,
      planId: z.string(),
      actionId: z.string(),
      description: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
      status: z.enum(ACTION_STATUSES),
    }),
  ),
  drafts: z.array(z.object({ ...personFields, id: z.string(), kind: z.enum(WORKLIST_DRAFT_KINDS), updatedAt: z.string() })),
  reviews: z.array(z.object({ ...personFields, reviewOn: z.string(), overdue: z.boolean(), hasOpenRiskFlag: z.boolean() })),
  /** How many referrals wait in the referral inbox; null for a user who may not triage them. */
  referralsWaiting: z.number().int().nullable(),
  nextMeeting: z
    .object({
      meetingId: z.string(),
      heldOn: z.string(),
      startsAt: z.string(),
      cases: z.array(z.object({ ...personFields, position: z.number().int() })),
    })
    .nullable(),
});
export type Worklist = z.infer<typeof worklistSchema>;
