import { z } from 'zod';

/** How the person gave their approval of the employer letter. */
export const EMPLOYER_LETTER_APPROVAL_METHODS = ['in_person', 'phone', 'email', 'in_writing'] as const;
export type EmployerLetterApprovalMethod = (typeof EMPLOYER_LETTER_APPROVAL_METHODS)[number];
export const EMPLOYER_LETTER_APPROVAL_METHOD_LABELS: Readonly<Record<EmployerLetterApprovalMethod, string>> = {
  in_person: 'In person',
  phone: 'By phone',
  email: 'By email',
  in_writing: 'In writing',
};

/**
 * The person approves their employer letter as it reads now. `adjustmentsVersion` is the version of
 * the adjustments the person was shown: if anyone saved since, the approval is refused (CONFLICT),
 * so nobody records approval of words the person never saw.
 */
export const approveEmployerLetterInputSchema = z.strictObject({
  participantId: z.string().min(1).max(64),
  adjustmentsVersion: z.number({ error: 'Save the adjustments before the person approves the letter' }).int().positive(),
  method: z.enum(EMPLOYER_LETTER_APPROVAL_METHODS, { error: 'Choose how the person gave their approval' }),
});
export type ApproveEmployerLetterInput = z.input<typeof approveEmployerLetterInputSchema>;

/** The person's newest approval of their employer letter, and whether it still covers the letter as it reads now. */
export const employerLetterApprovalSchema = z.object({
  id: z.string(),
  method: z.enum(EMPLOYER_LETTER_APPROVAL_METHODS),
  approvedAt: z.string(),
  recordedByName: z.string(),
  adjustmentsVersion: z.number().int().positive(),
  /** False once the letter's content has changed since (the approval no longer covers it). */
  inForce: z.boolean(),
});
export type EmployerLetterApproval = z.infer<typeof employerLetterApprovalSchema>;
