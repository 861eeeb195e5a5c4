import { z } from 'zod';

/**
 * What the service's evaluation needs to know about who it reaches (issue 20 item 9): sex,
 * ethnicity, disability and benefit status. Every field is optional: null means not asked (or not
 * recorded), and each has an answer for a person who was asked and chose not to say. The MI return
 * sends each only where its lawful basis allows (core/exports/mi-return-columns.ts).
 */
export const SEXES = ['female', 'male', 'not_stated'] as const;
export const SEX_LABELS: Readonly<Record<(typeof SEXES)[number], string>> = {
  female: 'Female',
  male: 'Male',
  not_stated: 'Not stated (the person chose not to say)',
};

/**
 * The NHS Data Dictionary's ETHNIC CATEGORY codes (the 2001 census groups used across NHS data
 * sets): one letter each, `Z` when the person was asked and chose not to say.
 */
export const ETHNIC_CATEGORIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'Z'] as const;
export const ETHNIC_CATEGORY_LABELS: Readonly<Record<(typeof ETHNIC_CATEGORIES)[number], string>> = {
  A: 'White: British',
  B: 'White: Irish',
  C: 'White: any other White background',
  D: 'Mixed: White and Black Caribbean',
  E: 'Mixed: White and Black African',
  F: 'Mixed: White and Asian',
  G: 'Mixed: any other mixed background',
  H: 'Asian or Asian British: Indian',
  J: 'Asian or Asian British: Pakistani',
  K: 'Asian or Asian British: Bangladeshi',
  L: 'Asian or Asian British: any other Asian background',
  M: 'Black or Black British: Caribbean',
  N: 'Black or Black British: African',
  P: 'Black or Black British: any other Black background',
  R: 'Other ethnic groups: Chinese',
  S: 'Other ethnic groups: any other ethnic group',
  Z: 'Not stated (the person chose not to say)',
};

/** Whether the person considers themselves to have a disability (Equality Act 2010 sense), as they said. */
export const DISABILITY_ANSWERS = ['yes', 'no', 'not_stated'] as const;
export const DISABILITY_LABELS: Readonly<Record<(typeof DISABILITY_ANSWERS)[number], string>> = {
  yes: 'Yes',
  no: 'No',
  not_stated: 'Not stated (the person chose not to say)',
};

/**
 * The main benefit the person receives at first contact: a short list, because the evaluation asks
 * only whether people on out-of-work or health-related benefits are reached (WorkWell itself needs
 * no benefit claim). Someone on Universal Credit and PIP is `universal_credit`.
 */
export const BENEFIT_STATUSES = [
  'none',
  'universal_credit',
  'employment_support_allowance',
  'personal_independence_payment',
  'other',
  'not_stated',
] as const;
export const BENEFIT_STATUS_LABELS: Readonly<Record<(typeof BENEFIT_STATUSES)[number], string>> = {
  none: 'No benefits',
  universal_credit: 'Universal Credit',
  employment_support_allowance: 'Employment and Support Allowance',
  personal_independence_payment: 'Personal Independence Payment only',
  other: 'Another benefit',
  not_stated: 'Not stated (the person chose not to say)',
};

/** The monitoring answers on a person's record: each null until asked. */
export const participantMonitoringSchema = z.strictObject({
  sex: z.enum(SEXES, { error: 'Choose the person’s sex from the list, or leave it not recorded' }).nullable().default(null),
  ethnicity: z
    .enum(ETHNIC_CATEGORIES, { error: 'Choose an ethnic category from the list, or leave it not recorded' })
    .nullable()
    .default(null),
  disability: z.enum(DISABILITY_ANSWERS, { error: 'Choose yes, no or not stated, or leave it not recorded' }).nullable().default(null),
  benefitStatus: z
    .enum(BENEFIT_STATUSES, { error: 'Choose a benefit status from the list, or leave it not recorded' })
    .nullable()
    .default(null),
});
export type ParticipantMonitoring = z.infer<typeof participantMonitoringSchema>;

/** A record with nothing asked yet: what registration stores when the form leaves every field blank. */
export const NOT_RECORDED_MONITORING: ParticipantMonitoring = { sex: null, ethnicity: null, disability: null, benefitStatus: null };
