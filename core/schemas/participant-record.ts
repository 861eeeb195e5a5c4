import { z } from 'zod';
import { joinedUpAssessmentSchema, measureResultSchema, riskFlagSchema } from './assessment';
import { acknowledgedRiskFlagSchema } from './risk-flag';
import { fitNoteSchema } from './fit-note';
import { consentRecordSchema, CONSENT_PURPOSES } from './consent';
import { CLINICAL_DISCIPLINES, disciplineAssessmentSchema } from './discipline-assessment';
import { participantStatusSchema } from './participants';
import { CONTACT_MODES, EMPLOYER_SIZES, EMPLOYMENT_STATUSES, REFERRAL_ROUTES } from './referral';

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
export const participantDetailsSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: participantStatusSchema,
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  nhsNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  preferredContactMode: z.enum(CONTACT_MODES),
  employment: z.object({
    status: z.enum(EMPLOYMENT_STATUSES),
    employerName: z.string().nullable(),
    employerSize: z.enum(EMPLOYER_SIZES),
    employerContact: z.string().nullable(),
    mayContactEmployer: z.boolean(),
    jobTitle: z.string().nullable(),
    physicalDemands: z.string().nullable(),
    cognitiveDemands: z.string().nullable(),
  }),
  coach: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  referrals: z.array(referralRecordSchema),
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
