import { z } from 'zod';
import { optionalEmailSchema, optionalPhoneSchema, optionalWebsiteSchema, requiredText } from '../../text-schemas';
import { entryIdSchema, entryStateShape, entryVersionSchema, requireVersionOnUpdate } from './config-entry';

/**
 * The local directory of onward services an action plan can refer or signpost a person to.
 * Action plans keep a service's id, so entries are deactivated, never deleted.
 */
export const SERVICE_CATEGORIES = [
  'training_skills',
  'careers_advice',
  'debt_money_advice',
  'housing',
  'smoking_cessation',
  'physical_activity',
  'weight_management',
  'support_groups',
  'carers_support',
  'council_services',
  'universal_support',
  'access_to_work',
  'talking_therapies',
  'substance_use',
  'domestic_abuse',
  'other',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_CATEGORY_LABELS: Readonly<Record<ServiceCategory, string>> = {
  training_skills: 'Training and skills',
  careers_advice: 'Careers advice',
  debt_money_advice: 'Debt and money advice',
  housing: 'Housing',
  smoking_cessation: 'Smoking cessation',
  physical_activity: 'Physical activity',
  weight_management: 'Weight management',
  support_groups: 'Support groups',
  carers_support: 'Carers support',
  council_services: 'Council services',
  universal_support: 'Universal Support',
  access_to_work: 'Access to Work',
  talking_therapies: 'Talking therapies',
  substance_use: 'Substance use (drugs and alcohol)',
  domestic_abuse: 'Domestic abuse support',
  other: 'Other',
};

export const REFERRAL_METHODS = ['self_referral', 'online_form', 'email_referral', 'phone_referral', 'letter', 'via_gp'] as const;
export type ReferralMethod = (typeof REFERRAL_METHODS)[number];

export const REFERRAL_METHOD_LABELS: Readonly<Record<ReferralMethod, string>> = {
  self_referral: 'The person refers themselves',
  online_form: 'Online referral form',
  email_referral: 'Referral by email',
  phone_referral: 'Referral by phone',
  letter: 'Referral letter',
  via_gp: 'Through the GP',
};

/** Create a service (no `id`) or change one; `active: false` takes it out of new plans. */
export const saveDirectoryServiceInputSchema = z
  .strictObject({
    id: entryIdSchema.optional(),
    version: entryVersionSchema.optional(),
    name: requiredText('the name of the service', 120),
    category: z.enum(SERVICE_CATEGORIES, { error: 'Choose the category' }),
    description: requiredText('what the service offers', 1000),
    eligibility: requiredText('who the service is for', 1000),
    phone: optionalPhoneSchema,
    email: optionalEmailSchema,
    website: optionalWebsiteSchema,
    referralMethods: z
      .array(z.enum(REFERRAL_METHODS, { error: 'Choose how to refer from the list' }), { error: 'Choose how people are referred' })
      .min(1, 'Choose at least one way people are referred')
      .max(REFERRAL_METHODS.length)
      .refine((methods) => new Set(methods).size === methods.length, 'Choose each way of referral once'),
    active: z.boolean().default(true),
  })
  .superRefine((value, context) => {
    requireVersionOnUpdate(value.id, value.version, context);
    if (value.phone === null && value.email === null && value.website === null) {
      context.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Give at least one way to contact the service: a phone number, email address or website',
      });
    }
  });
export type SaveDirectoryServiceInput = z.input<typeof saveDirectoryServiceInputSchema>;

export const directoryServiceEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  description: z.string(),
  eligibility: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  referralMethods: z.array(z.enum(REFERRAL_METHODS)),
  ...entryStateShape,
});
export type DirectoryServiceEntry = z.infer<typeof directoryServiceEntrySchema>;
