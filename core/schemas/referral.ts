import { z } from 'zod';
import { todayInLondon } from '../clock';
import { isValidNhsNumber, normaliseNhsNumber } from '../nhs-number';
import { isoDateSchema, optionalEmailSchema, optionalText, requiredText } from '../text-schemas';
import { optionalGpPracticeInputSchema } from './gp-practice';
import { NOT_RECORDED_MONITORING, participantMonitoringSchema } from './participant-monitoring';
import { participantSummarySchema } from './participants';

export const CONTACT_MODES = ['in_person', 'phone', 'video', 'community_venue'] as const;
export const CONTACT_MODE_LABELS: Readonly<Record<(typeof CONTACT_MODES)[number], string>> = {
  in_person: 'In person',
  phone: 'Phone',
  video: 'Video',
  community_venue: 'Community venue (for example a café)',
};

export const EMPLOYMENT_STATUSES = [
  'in_work',
  'off_sick_fit_note',
  'off_sick_no_fit_note',
  'out_of_work_recent',
  'out_of_work_longer',
] as const;
export const EMPLOYMENT_STATUS_LABELS: Readonly<Record<(typeof EMPLOYMENT_STATUSES)[number], string>> = {
  in_work: 'In work',
  off_sick_fit_note: 'Off sick, with a fit note',
  off_sick_no_fit_note: 'Off sick, without a fit note',
  out_of_work_recent: 'Out of work for 12 weeks or less',
  out_of_work_longer: 'Out of work for more than 12 weeks',
};

export const REFERRAL_ROUTES = ['gp', 'employer', 'jobcentre_plus', 'community_service', 'self_referral', 'fit_note_conversation'] as const;
export const REFERRAL_ROUTE_LABELS: Readonly<Record<(typeof REFERRAL_ROUTES)[number], string>> = {
  gp: 'GP',
  employer: 'Employer',
  jobcentre_plus: 'Jobcentre Plus',
  community_service: 'Local or community service',
  self_referral: 'Self-referral',
  fit_note_conversation: 'Fit note conversation',
};

export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large', 'unknown'] as const;
export const EMPLOYER_SIZE_LABELS: Readonly<Record<(typeof EMPLOYER_SIZES)[number], string>> = {
  micro: 'Micro (fewer than 10 staff)',
  small: 'Small (10 to 49)',
  medium: 'Medium (50 to 249)',
  large: 'Large (250 or more)',
  unknown: 'Not known',
};

export const nhsNumberInputSchema = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === '' ? null : normaliseNhsNumber(value)))
  .refine((value) => value === null || isValidNhsNumber(value), 'Enter a valid 10-digit NHS number, or leave it blank');

const pastDate = (label: string) => isoDateSchema.refine((value) => value <= todayInLondon(), `${label} must be today or in the past`);

/**
 * A new person with their referral. Dates in the future are refused here, by the same rule in the
 * UI and in the services layer.
 */
export const registerParticipantInputSchema = z.strictObject({
  person: z.strictObject({
    givenName: requiredText('the given name', 100),
    familyName: requiredText('the family name', 100),
    dateOfBirth: pastDate('Date of birth').refine((value) => value >= '1900-01-01', 'Enter a real date of birth'),
    nhsNumber: nhsNumberInputSchema,
    phone: optionalText(40, 'Phone number'),
    email: optionalEmailSchema,
    address: optionalText(400, 'Address'),
    preferredContactMode: z.enum(CONTACT_MODES, { error: 'Choose how the person prefers to be contacted' }),
  }),
  employment: z.strictObject({
    status: z.enum(EMPLOYMENT_STATUSES, { error: 'Choose the employment status at first contact' }),
    employerName: optionalText(200, 'Employer name'),
    employerSize: z.enum(EMPLOYER_SIZES).default('unknown'),
    employerContact: optionalText(200, 'Employer contact'),
    mayContactEmployer: z.boolean().default(false),
    jobTitle: optionalText(200, 'Job title'),
    physicalDemands: optionalText(1000, 'Physical demands'),
    cognitiveDemands: optionalText(1000, 'Cognitive demands'),
  }),
  /** The person's GP practice (ODS code and name), when known. */
  gpPractice: optionalGpPracticeInputSchema,
  /** Sex, ethnicity, disability and benefit status for the MI return: all optional (issue 20 item 9). */
  monitoring: participantMonitoringSchema.default(NOT_RECORDED_MONITORING),
  referral: z.strictObject({
    date: pastDate('Referral date'),
    route: z.enum(REFERRAL_ROUTES, { error: 'Choose the referral route' }),
    referrerName: optionalText(200, 'Referrer name'),
    referrerOrganisation: optionalText(200, 'Referrer organisation'),
    reason: requiredText('the reason for referral', 2000),
  }),
  /** Set after the coach has seen possible duplicates (same name and date of birth) and confirmed. */
  confirmedNotDuplicate: z.boolean().default(false),
  /**
   * A possible duplicate whose case has closed: the referral starts their next episode instead of
   * registering them again (issue 20 item 4); the details typed are saved over theirs as a new
   * details version (blank fields keep theirs; the old values stay readable).
   */
  newEpisodeOf: z.string().uuid().optional(),
});
export type RegisterParticipantInput = z.input<typeof registerParticipantInputSchema>;

export const duplicateCheckInputSchema = z.strictObject({
  givenName: z.string().trim().max(100),
  familyName: z.string().trim().max(100),
  dateOfBirth: z.string().max(10),
  nhsNumber: z.string().trim().max(20).optional(),
});

export const possibleDuplicateSchema = participantSummarySchema
  .pick({ id: true, reference: true, givenName: true, familyName: true, dateOfBirth: true, nhsNumber: true, status: true })
  .extend({ matchedOn: z.enum(['nhs_number', 'name_and_date_of_birth']) });
export type PossibleDuplicate = z.infer<typeof possibleDuplicateSchema>;

export const duplicateCheckOutputSchema = z.object({ matches: z.array(possibleDuplicateSchema) });

export const registeredParticipantSchema = z.object({ id: z.string(), reference: z.string() });
