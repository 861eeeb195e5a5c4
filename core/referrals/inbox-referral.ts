import { z } from 'zod';
import { optionalText, requiredText } from '../text-schemas';
import { registerParticipantInputSchema } from '../schemas/referral';

/** A UK postcode's outward part ("S1", "LS10"), which is all eligibility by area needs. */
export function outwardCode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? compact.slice(0, -3) : compact;
}

const postcodeSchema = z
  .string()
  .trim()
  .max(10, 'Postcode must be 10 characters or fewer')
  .optional()
  .transform((value) => (value === undefined || value === '' ? null : value.toUpperCase()))
  .refine((value) => value === null || /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/.test(value), 'Enter a real postcode, like S1 2HE');

/**
 * A referral waiting in the inbox: the person's details as registration takes them, the referral
 * (route, referrer, reason), where they live and work (for eligibility by area), how long they
 * have been out of work if they have, and whether they agreed to be contacted. Optionally the
 * person's GP practice and the monitoring answers (sex, ethnic category, disability, benefit status),
 * with registration's codes, when the referrer's file carries them. Nothing here is a participant
 * yet: accepting it registers one through the same rules as `participants.register`.
 */
export const inboxReferralInputSchema = z.strictObject({
  person: registerParticipantInputSchema.shape.person.extend({
    postcode: postcodeSchema,
  }),
  employment: registerParticipantInputSchema.shape.employment.extend({
    workPostcode: postcodeSchema,
    weeksOutOfWork: z.number().int().min(0, 'Weeks out of work cannot be negative').max(5200).nullable().default(null),
  }),
  referral: registerParticipantInputSchema.shape.referral.extend({
    reason: requiredText('the reason for referral', 2000),
    referrerContact: optionalText(200, 'Referrer contact'),
  }),
  consentToContact: z.boolean({ error: 'Say whether the person agreed to be contacted' }),
  /** The person's GP practice (ODS code and name), when the referral names it; accepted onto the record. */
  gpPractice: registerParticipantInputSchema.shape.gpPractice,
  /** Sex, ethnic category, disability and benefit status, when the referral carries them; accepted onto the record. */
  monitoring: registerParticipantInputSchema.shape.monitoring,
});
export type InboxReferralInput = z.input<typeof inboxReferralInputSchema>;
export type InboxReferral = z.output<typeof inboxReferralInputSchema>;

/** Where a referral came in from: typed in the app, a CSV file, a FHIR bundle, or the partnership server's public form or FHIR POST. */
export const REFERRAL_SOURCES = ['manual', 'csv', 'fhir', 'public-form', 'fhir-post'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Why a referral was declined: a fixed list, so declines can be counted for the MI return. */
export const DECLINE_REASONS = [
  'not_eligible_work_status',
  'not_eligible_area',
  'not_eligible_age',
  'not_eligible_time_out_of_work',
  'no_consent_to_contact',
  'duplicate',
  'person_declined',
  'better_served_elsewhere',
  'could_not_contact',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const DECLINE_REASON_LABELS: Readonly<Record<DeclineReason, string>> = {
  not_eligible_work_status: 'Not eligible: work status',
  not_eligible_area: 'Not eligible: does not live or work in the area',
  not_eligible_age: 'Not eligible: age',
  not_eligible_time_out_of_work: 'Not eligible: time out of work',
  no_consent_to_contact: 'No consent to be contacted',
  duplicate: 'Already known to the service',
  person_declined: 'The person declined the service',
  better_served_elsewhere: 'Better served by another service (signposted)',
  could_not_contact: 'Could not contact the person',
};
