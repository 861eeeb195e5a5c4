import { z } from 'zod';
import { EMPLOYMENT_OUTCOMES, EXIT_REASONS } from './action-plan';
import { joinedUpAssessmentSchema, measureResultSchema, riskFlagSchema } from './assessment';
import { acknowledgedRiskFlagSchema } from './risk-flag';
import { fitNoteSchema } from './fit-note';
import { consentRecordSchema, CONSENT_PURPOSES } from './consent';
import { CLINICAL_DISCIPLINES, disciplineAssessmentSchema } from './discipline-assessment';
import { participantStatusSchema } from './participants';
import { contactEntrySchema } from './contact-log';
import { detailsEditSchema } from './participant-details-edit';
import { participantDetailsSnapshotSchema } from './participant-details-snapshot';
import { REFERRAL_ROUTES } from './referral';
import { episodeSchema } from './episode';

export const referralRecordSchema = z.object({
  id: z.string(),
  date: z.string(),
  route: z.enum(REFERRAL_ROUTES),
  referrerName: z.string().nullable(),
  referrerOrganisation: z.string().nullable(),
  reason: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

/**
 * Who the person is, where they are in the service, their work, referrals and consent: what every
 * role reads, administrators included.
 */
export const participantDetailsSchema = participantDetailsSnapshotSchema.extend({
  id: z.string(),
  reference: z.string(),
  status: participantStatusSchema,
  /** The version of the details above (1 as registered); an edit names it to save (compare-and-set). */
  detailsVersion: z.number().int().positive(),
  /** Every edit of the details after registration, newest first: the old values stay readable. */
  detailsEdits: z.array(detailsEditSchema),
  coach: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  /** How the case closed (at a plan review or directly), or null while it is open. */
  closure: z
    .object({
      closedOn: z.string(),
      reason: z.enum(EXIT_REASONS),
      reasonNote: z.string().nullable(),
      employmentOutcome: z.enum(EMPLOYMENT_OUTCOMES),
    })
    .nullable(),
  referrals: z.array(referralRecordSchema),
  /** The person's episodes, oldest first; the last is the current one (issue 20 item 4). */
  episodes: z.array(episodeSchema),
  /** Every consent decision, newest first; the current one per purpose is the newest. */
  consents: z.array(consentRecordSchema),
  /** The current decision per purpose, or null when none has been recorded. */
  currentConsent: z.object(
    Object.fromEntries(CONSENT_PURPOSES.map((purpose) => [purpose, consentRecordSchema.nullable()])) as Record<
      (typeof CONSENT_PURPOSES)[number],
      z.ZodNullable<typeof consentRecordSchema>
    >,
  ),
});
export type ParticipantDetails = z.infer<typeof participantDetailsSchema>;

/** Another clinician's unsigned draft: that it exists and whose it is, never its text. */
export const draftByOtherSchema = z.object({
  id: z.string(),
  discipline: z.enum(CLINICAL_DISCIPLINES),
  authorName: z.string(),
  recordedAt: z.string(),
});
export type DraftByOther = z.infer<typeof draftByOtherSchema>;

/** The whole record as the team's clinicians, coaches and coordinator read it. */
export const participantRecordSchema = participantDetailsSchema.extend({
  clinicalWithheld: z.literal(false),
  /** The newest joined-up assessment as it stands (amendments applied), or null before the coach has done one. */
  joinedUpAssessment: joinedUpAssessmentSchema.nullable(),
  /**
   * Discipline assessments, newest first, each as it stands with its earlier versions: every signed
   * one, and the reader's own drafts.
   */
  disciplineAssessments: z.array(disciplineAssessmentSchema),
  /** Other clinicians' unsigned drafts: their text stays with its author until it is signed. */
  draftsByOthers: z.array(draftByOtherSchema),
  /** Outcome measures, newest first. */
  measures: z.array(measureResultSchema),
  /** Risk flags a clinician has not yet acknowledged: shown on every view of the person. */
  openRiskFlags: z.array(riskFlagSchema),
  /** Acknowledged risk flags, newest acknowledgement first: kept in the record's history with who, when, action and note. */
  acknowledgedRiskFlags: z.array(acknowledgedRiskFlagSchema),
  /** The contact log, newest contact first (outcomes are clinical free text). */
  contacts: z.array(contactEntrySchema),
  /** Fit notes, newest period first; corrected ones stay, marked by `replacedById` (core/fit-notes/current-fit-note.ts picks today's). */
  fitNotes: z.array(fitNoteSchema),
});
export type ParticipantRecord = z.infer<typeof participantRecordSchema>;

/** The record as an administrator reads it: no clinical field at all, not merely hidden on screen. */
export const participantRecordWithoutClinicalSchema = participantDetailsSchema.extend({ clinicalWithheld: z.literal(true) });

/** What `participants.get` returns: the whole record, or (for administrators) the details alone. */
export const participantViewSchema = z.discriminatedUnion('clinicalWithheld', [
  participantRecordSchema,
  participantRecordWithoutClinicalSchema,
]);
export type ParticipantView = z.infer<typeof participantViewSchema>;

export const participantIdInputSchema = z.strictObject({ id: z.string().min(1).max(64) });
