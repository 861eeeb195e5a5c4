import { z } from 'zod';
import { isoDateSchema } from '../text-schemas';

const idSchema = z.string().min(1).max(64);

/**
 * Pre-meeting triage (NHS MDT guidance): each case ready for the MDT is sorted into a full
 * discussion at a meeting, not ready yet (with what is missing), or a standard plan agreed
 * without a full discussion.
 */
export const TRIAGE_OUTCOMES = ['full_discussion', 'not_ready', 'standard_plan'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];
export const TRIAGE_OUTCOME_LABELS: Readonly<Record<TriageOutcome, string>> = {
  full_discussion: 'Full discussion at a meeting',
  not_ready: 'Not ready yet',
  standard_plan: 'Standard plan (no full discussion)',
};

/** What a case can be missing; the checklist beside the free text on "not ready". */
export const MISSING_ITEMS = [
  'joined_up_assessment',
  'service_consent',
  'outcome_measures',
  'discipline_assessment',
  'gp_or_clinical_information',
  'person_unavailable',
] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];
export const MISSING_ITEM_LABELS: Readonly<Record<MissingItem, string>> = {
  joined_up_assessment: 'Joined-up assessment',
  service_consent: 'Consent to the service',
  outcome_measures: 'Baseline outcome measures',
  discipline_assessment: 'An assessment by a clinician',
  gp_or_clinical_information: 'Information from the GP or another clinician',
  person_unavailable: 'The person is not available yet',
};

/** Sorts one case. A full discussion names the meeting whose agenda it joins. */
export const triageDecisionInputSchema = z
  .strictObject({
    participantId: idSchema,
    outcome: z.enum(TRIAGE_OUTCOMES, { error: 'Choose how this case goes forward' }),
    meetingId: idSchema.nullable().default(null),
    missing: z.array(z.enum(MISSING_ITEMS)).max(MISSING_ITEMS.length).default([]),
    note: z.string().trim().max(1000, 'The note must be 1000 characters or fewer').default(''),
  })
  .superRefine((decision, context) => {
    if (decision.outcome === 'full_discussion' && decision.meetingId === null)
      context.addIssue({ code: 'custom', path: ['meetingId'], message: 'Choose the meeting' });
    if (decision.outcome === 'not_ready' && decision.missing.length === 0 && decision.note === '') {
      context.addIssue({ code: 'custom', path: ['missing'], message: 'Say what is missing: tick it or describe it' });
    }
  });
export type TriageDecisionInput = z.input<typeof triageDecisionInputSchema>;

/** The minimum data a case needs before it may be listed for discussion. */
export const minimumDataSchema = z.object({
  joinedUpAssessment: z.boolean(),
  serviceConsent: z.boolean(),
});
export type MinimumData = z.infer<typeof minimumDataSchema>;

/** What makes a case complex: complex cases go first on the agenda. */
export const caseComplexitySchema = z.object({
  openRiskFlag: z.boolean(),
  /** Disciplines that have assessed the person or recorded measures, plus the coach. */
  disciplineCount: z.number().int().nonnegative(),
});
export type CaseComplexity = z.infer<typeof caseComplexitySchema>;

export const triageQueueSchema = z.object({
  items: z.array(
    z.object({
      participantId: z.string(),
      reference: z.string(),
      givenName: z.string(),
      familyName: z.string(),
      minimumData: minimumDataSchema,
      /** What the minimum data lacks (core/meetings/minimum-data): empty when the case is ready for the MDT. */
      missing: z.array(z.enum(MISSING_ITEMS)),
      complexity: caseComplexitySchema,
      decision: z
        .object({
          outcome: z.enum(TRIAGE_OUTCOMES),
          missing: z.array(z.enum(MISSING_ITEMS)),
          note: z.string(),
          decidedAt: z.string(),
          decidedByName: z.string(),
        })
        .nullable(),
      /** The planned meeting whose agenda lists the case, if any. */
      listedOn: z.object({ meetingId: z.string(), heldOn: z.string() }).nullable(),
    }),
  ),
});
export type TriageQueue = z.infer<typeof triageQueueSchema>;

export const MEETING_STATUSES = ['planned', 'ended'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const createMeetingInputSchema = z.strictObject({
  heldOn: isoDateSchema,
  startsAt: z.string({ error: 'Enter the start time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the start time like 09:30'),
  chairId: z.string({ error: 'Choose the chair' }).min(1, 'Choose the chair').max(64),
  expectedAttendeeIds: z.array(idSchema).min(1, 'Choose who is expected to attend').max(30),
  minutesPerCase: z
    .number({ error: 'Enter the minutes for each case' })
    .int('Enter a whole number of minutes')
    .min(2, 'Allow at least 2 minutes a case')
    .max(60, 'Allow at most 60 minutes a case'),
  /** How long the meeting is booked for: meeting mode shows the time left against the cases left. */
  durationMinutes: z
    .number({ error: 'Enter how long the meeting is, in minutes' })
    .int('Enter a whole number of minutes')
    .min(10, 'A meeting must be at least 10 minutes')
    .max(480, 'A meeting can be at most 480 minutes (8 hours)')
    .default(90),
});
export type CreateMeetingInput = z.input<typeof createMeetingInputSchema>;

export const meetingIdInputSchema = z.strictObject({ meetingId: idSchema });

/**
 * The most cases a reorder may carry: far beyond any meeting (the national synthetic data plans
 * about 500 a meeting; a meeting whose cases were never reached rolls them all forward, so the
 * 5,000-case meeting of issue 17 must reorder too), and still a bounded request (about 800 KB of
 * ids). Only the cases that moved are written, so a long agenda costs no more to reorder.
 */
export const MAX_REORDERED_AGENDA_ITEMS = 20_000;

export const reorderAgendaInputSchema = z.strictObject({
  meetingId: idSchema,
  /** Every item of the agenda, in the new order. */
  itemIds: z.array(idSchema).min(1).max(MAX_REORDERED_AGENDA_ITEMS),
});

export const recordAttendanceInputSchema = z.strictObject({
  meetingId: idSchema,
  presentIds: z.array(idSchema).max(30),
});

/** Live notes on one case; `version` is the one the editor started from (a stale one is a conflict). */
export const saveCaseNotesInputSchema = z.strictObject({
  itemId: idSchema,
  version: z.number().int().positive(),
  notes: z.string().trim().max(5000, 'The discussion notes must be 5000 characters or fewer'),
  decisions: z.string().trim().max(3000, 'The decisions must be 3000 characters or fewer'),
});

export const AGENDA_ITEM_STATUSES = ['listed', 'discussed', 'not_reached'] as const;
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];
export const AGENDA_ITEM_STATUS_LABELS: Readonly<Record<AgendaItemStatus, string>> = {
  listed: 'Listed',
  discussed: 'Discussed',
  not_reached: 'Not reached (moved to the next meeting)',
};

export const agendaItemSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  reference: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  position: z.number().int().nonnegative(),
  status: z.enum(AGENDA_ITEM_STATUSES),
  complexity: caseComplexitySchema,
  /** Listed again because an earlier meeting did not reach it. */
  carriedOver: z.boolean(),
  notes: z.string(),
  decisions: z.string(),
  /** A plan version was agreed for this person at this meeting. */
  planAgreedHere: z.boolean(),
  version: z.number().int().positive(),
  notesUpdatedAt: z.string().nullable(),
  notesUpdatedByName: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const meetingSummarySchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  startsAt: z.string(),
  status: z.enum(MEETING_STATUSES),
  chairName: z.string(),
  caseCount: z.number().int().nonnegative(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingListSchema = z.object({ meetings: z.array(meetingSummarySchema) });

export const meetingSchema = meetingSummarySchema.extend({
  chairId: z.string(),
  minutesPerCase: z.number().int().positive(),
  /** How long the meeting is booked for, in minutes. */
  durationMinutes: z.number().int().positive(),
  expectedAttendeeIds: z.array(z.string()),
  /** Who was recorded present; null until attendance is taken. */
  presentIds: z.array(z.string()).nullable(),
  endedAt: z.string().nullable(),
  /** Set when the meeting ended: the meeting the cases not reached moved to. */
  rolledForwardToId: z.string().nullable(),
  agenda: z.array(agendaItemSchema),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const endMeetingOutputSchema = z.object({
  notReached: z.number().int().nonnegative(),
  nextMeetingId: z.string().nullable(),
});

/** An action as the minutes record it: owner and service by name, so the minutes read on their own. */
export const minutesActionSchema = z.object({
  id: z.string(),
  kind: z.string(),
  disciplineLabel: z.string(),
  description: z.string(),
  ownerName: z.string(),
  dueOn: z.string().nullable(),
  serviceName: z.string().nullable(),
  goal: z.string().nullable(),
});

/** The meeting's minutes: a clean model the exports will print as it is. */
export const meetingMinutesSchema = z.object({
  meetingId: z.string(),
  heldOn: z.string(),
  startsAt: z.string(),
  status: z.enum(MEETING_STATUSES),
  chairName: z.string(),
  present: z.array(z.object({ name: z.string(), role: z.string() })),
  apologies: z.array(z.object({ name: z.string(), role: z.string() })),
  attendanceRecorded: z.boolean(),
  cases: z.array(
    z.object({
      itemId: z.string(),
      participantId: z.string(),
      reference: z.string(),
      name: z.string(),
      status: z.enum(AGENDA_ITEM_STATUSES),
      notes: z.string(),
      decisions: z.string(),
      /** The plan version agreed at this meeting, if one was. */
      plan: z
        .object({
          versionNumber: z.number().int().positive(),
          reviewOn: z.string().nullable(),
          checkedByName: z.string(),
          goals: z.array(z.string()),
          actions: z.array(minutesActionSchema),
        })
        .nullable(),
    }),
  ),
  rolledForwardTo: z.object({ meetingId: z.string(), heldOn: z.string() }).nullable(),
});
export type MeetingMinutes = z.infer<typeof meetingMinutesSchema>;
