import { emptyInputSchema, emptyOutputSchema } from '../schemas/session';
import {
  acceptReferralInputSchema,
  acceptReferralOutputSchema,
  declineReferralInputSchema,
  eligibilitySettingsSchema,
  importReferralsInputSchema,
  importReferralsOutputSchema,
  listInboxInputSchema,
  listInboxOutputSchema,
  saveEligibilityInputSchema,
} from '../schemas/referral-inbox';
import { ALL_ROLES } from '../roles';
import type { ChannelDefinition } from './channel-definition';
import { CONFIG_ROLES, TRIAGE_ROLES } from './channel-roles';

/**
 * The referral inbox (issue 20): referrals imported (CSV, FHIR) wait until a coordinator or coach
 * accepts (registering the person as `participants.register` does) or declines them with a reason.
 * Administrators set the eligibility rules but never read, import or decide referrals (clinical content).
 */
export const referralsContract = {
  'referrals.list': {
    summary: 'The referral inbox: each referral against the eligibility rules, with possible duplicates',
    input: listInboxInputSchema,
    output: listInboxOutputSchema,
    access: TRIAGE_ROLES,
    audit: { action: 'view' },
  },
  'referrals.import': {
    summary: 'Import referrals into the inbox from a CSV (checked column list) or a FHIR R4 ServiceRequest + Patient bundle',
    input: importReferralsInputSchema,
    output: importReferralsOutputSchema,
    access: TRIAGE_ROLES,
    audit: { action: 'create' },
  },
  'referrals.accept': {
    summary: 'Accept a waiting referral: register the person (duplicate checks as at registration) or link to one already registered',
    input: acceptReferralInputSchema,
    output: acceptReferralOutputSchema,
    access: TRIAGE_ROLES,
    audit: { action: 'create', person: { output: 'participantId' } },
  },
  'referrals.decline': {
    summary: 'Decline a waiting referral with a reason from the list (kept and counted)',
    input: declineReferralInputSchema,
    output: emptyOutputSchema,
    access: TRIAGE_ROLES,
    audit: { action: 'edit' },
  },
  'config.eligibility': {
    summary: "The partnership's referral eligibility rules (work status, time out of work, area, age)",
    input: emptyInputSchema,
    output: eligibilitySettingsSchema,
    access: ALL_ROLES,
    audit: { action: 'view' },
  },
  'config.saveEligibility': {
    summary: "Set the partnership's referral eligibility rules, over the version the administrator edited",
    input: saveEligibilityInputSchema,
    output: eligibilitySettingsSchema,
    access: CONFIG_ROLES,
    audit: { action: 'configure' },
  },
} as const satisfies Record<string, ChannelDefinition>;
