import { z } from 'zod';
import { eligibilityRulesSchema, ELIGIBILITY_RULES } from '../referrals/eligibility';
import { DECLINE_REASONS, REFERRAL_SOURCES } from '../referrals/inbox-referral';
import { gpPracticeSchema } from './gp-practice';
import { possibleDuplicateSchema, REFERRAL_ROUTES } from './referral';

const inboxStatusSchema = z.enum(['waiting', 'accepted', 'declined']);

export const listInboxInputSchema = z.strictObject({ status: inboxStatusSchema.default('waiting') });

/** One referral in the inbox as triage sees it: who, from where, each eligibility rule, possible duplicates. */
export const inboxEntrySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  receivedAt: z.string(),
  source: z.enum(REFERRAL_SOURCES),
  route: z.enum(REFERRAL_ROUTES),
  consentToContact: z.boolean(),
  status: inboxStatusSchema,
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  nhsNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  employmentStatus: z.string(),
  /** The GP practice the referral names (null when it names none), shown before it is accepted onto the record. */
  gpPractice: gpPracticeSchema.nullable(),
  referralDate: z.string(),
  referrerName: z.string().nullable(),
  referrerOrganisation: z.string().nullable(),
  reason: z.string(),
  eligibility: z.array(z.object({ rule: z.enum(ELIGIBILITY_RULES), outcome: z.enum(['met', 'not_met', 'unknown']) })),
  possibleDuplicates: z.array(possibleDuplicateSchema),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  /** When and by whom it was accepted or declined (null while waiting). */
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  participantId: z.string().nullable(),
});
export type InboxEntry = z.infer<typeof inboxEntrySchema>;

export const listInboxOutputSchema = z.object({ referrals: z.array(inboxEntrySchema), declinedCount: z.number().int() });

/** The largest import file the app reads (CSV or FHIR JSON text). */
export const MAX_IMPORT_CHARACTERS = 20_000_000;

export const importReferralsInputSchema = z.strictObject({
  format: z.enum(['csv', 'fhir'], { error: 'Choose CSV or FHIR' }),
  text: z.string().max(MAX_IMPORT_CHARACTERS, 'The file is too large: split it into files of 20 MB or less'),
});
export const importReferralsOutputSchema = z.object({
  imported: z.number().int(),
  refused: z.array(z.object({ at: z.number().int(), reason: z.string() })),
});

export const acceptReferralInputSchema = z.strictObject({
  id: z.string().uuid(),
  version: z.number().int().min(1),
  /** Link the referral to this existing person (a duplicate shown in the inbox) rather than register them again. */
  linkToParticipantId: z.string().uuid().optional(),
  /** As at registration: set after the coach saw people with the same name and date of birth and confirmed. */
  confirmedNotDuplicate: z.boolean().default(false),
});
export const acceptReferralOutputSchema = z.object({
  participantId: z.string(),
  reference: z.string(),
  linked: z.boolean(),
  /** The episode the referral started, when it was linked to a person whose case had closed (issue 20 item 4); else null. */
  newEpisode: z.number().int().positive().nullable(),
});

export const declineReferralInputSchema = z.strictObject({
  id: z.string().uuid(),
  version: z.number().int().min(1),
  reason: z.enum(DECLINE_REASONS, { error: 'Choose why the referral is declined' }),
});

export const eligibilitySettingsSchema = z.object({ rules: eligibilityRulesSchema, version: z.number().int() });
export const saveEligibilityInputSchema = z.strictObject({ rules: eligibilityRulesSchema, version: z.number().int().min(0) });
