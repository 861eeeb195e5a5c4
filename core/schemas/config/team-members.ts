import { z } from 'zod';
import { optionalEmailSchema, optionalPhoneSchema, requiredText } from '../../text-schemas';
import { entryIdSchema, entryStateShape, entryVersionSchema, requireVersionOnUpdate } from './config-entry';
import { normaliseRegistrationNumber, PROFESSIONAL_BODIES, registrationNumberProblem } from './professional-registration';

/**
 * A member of the MDT: who they are, their discipline and professional registration, how to reach
 * them at work, and optionally the app account they sign in with. People who leave are made
 * inactive, never deleted: their names stay on the plans they were part of.
 */
export const saveTeamMemberInputSchema = z
  .strictObject({
    id: entryIdSchema.optional(),
    version: entryVersionSchema.optional(),
    fullName: requiredText('the full name', 120),
    disciplineCode: z
      .string({ error: 'Choose the discipline' })
      .trim()
      .min(1, 'Choose the discipline')
      .max(64, 'Choose a discipline from the list'),
    jobTitle: requiredText('the job title', 120),
    professionalBody: z.enum(PROFESSIONAL_BODIES, { error: 'Choose the professional body, or None' }),
    registrationNumber: z
      .string()
      .max(40, 'Registration number must be 40 characters or fewer')
      .default('')
      .transform(normaliseRegistrationNumber),
    email: optionalEmailSchema,
    phone: optionalPhoneSchema,
    /** The app account of this person, so a signed-in user maps to their entry; blank for none. */
    userId: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((value) => (value === undefined || value === '' ? null : value)),
    active: z.boolean().default(true),
  })
  .superRefine((value, context) => {
    requireVersionOnUpdate(value.id, value.version, context);
    // Checked even when other fields failed, so every message shows at once.
    if (typeof value.registrationNumber !== 'string' || !(PROFESSIONAL_BODIES as readonly unknown[]).includes(value.professionalBody))
      return;
    const problem = registrationNumberProblem(value.professionalBody, value.registrationNumber);
    if (problem !== undefined) context.addIssue({ code: 'custom', path: ['registrationNumber'], message: problem });
  });
export type SaveTeamMemberInput = z.input<typeof saveTeamMemberInputSchema>;

export const teamMemberEntrySchema = z.object({
  id: z.string(),
  fullName: z.string(),
  disciplineCode: z.string(),
  jobTitle: z.string(),
  professionalBody: z.enum(PROFESSIONAL_BODIES),
  registrationNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  userId: z.string().nullable(),
  ...entryStateShape,
});
export type TeamMemberEntry = z.infer<typeof teamMemberEntrySchema>;
