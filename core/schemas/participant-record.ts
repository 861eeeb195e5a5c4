import { z } from 'zod';
import { joinedUpAssessmentSchema, measureResultSchema, riskFlagSchema } from './assessment';
import { acknowledgedRiskFlagSchema } from './risk-flag';
import { consentRecordSchema, CONSENT_PURPOSES } from './consent';
import { disciplineAssessmentSchema } from './discipline-assessment';
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

/** Everything the participant record screen shows. */
export const participantRecordSchema = z.object({
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
  /** The newest joined-up assessment as it stands (amendments applied), or null before the coach has done one. */
  joinedUpAssessment: joinedUpAssessmentSchema.nullable(),
  /** Discipline assessments (drafts and signed), newest first, each as it stands with its earlier versions. */
  disciplineAssessments: z.array(disciplineAssessmentSchema),
  /** Outcome measures, newest first. */
  measures: z.array(measureResultSchema),
  /** Risk flags a clinician has not yet acknowledged: shown on every view of the person. */
  openRiskFlags: z.array(riskFlagSchema),
  /** Acknowledged risk flags, newest acknowledgement first: kept in the record's history with who, when, action and note. */
  acknowledgedRiskFlags: z.array(acknowledgedRiskFlagSchema),
  /** The current decision per purpose, or null when none has been recorded. */
  currentConsent: z.object(
    Object.fromEntries(CONSENT_PURPOSES.map((purpose) => [purpose, consentRecordSchema.nullable()])) as Record<
      (typeof CONSENT_PURPOSES)[number],
      z.ZodNullable<typeof consentRecordSchema>
    >,
  ),
});
export type ParticipantRecord = z.infer<typeof participantRecordSchema>;

export const participantIdInputSchema = z.strictObject({ id: z.string().min(1).max(64) });
