import { z } from 'zod';
import { todayInLondon } from '../clock';
import { isoDateSchema } from '../text-schemas';
import { EMPLOYMENT_OUTCOMES, EXIT_REASONS } from './action-plan';

/**
 * Closing a case at any stage, with the reason and the date. The reasons and employment outcomes
 * are the plan review's exit lists (core/schemas/action-plan.ts), so a case closed either way is the
 * same `exited` status and counts the same in the MI return; "other" needs its words.
 */
export const closeCaseInputSchema = z
  .strictObject({
    participantId: z.string().min(1).max(64),
    closedOn: isoDateSchema.refine((value) => value <= todayInLondon(), 'The date the case closed must be today or in the past'),
    reason: z.enum(EXIT_REASONS, { error: 'Choose why the case is closing' }),
    reasonNote: z.string().trim().max(500, 'The reason must be 500 characters or fewer').default(''),
    employmentOutcome: z.enum(EMPLOYMENT_OUTCOMES, { error: 'Choose the employment outcome' }),
  })
  .superRefine((input, context) => {
    if (input.reason === 'other' && input.reasonNote === '')
      context.addIssue({ code: 'custom', path: ['reasonNote'], message: 'Say why the case is closing' });
  });
export type CloseCaseInput = z.input<typeof closeCaseInputSchema>;

/** Assigning a person's coach: a user with the coach role, or null for none. */
export const assignCoachInputSchema = z.strictObject({
  participantId: z.string().min(1).max(64),
  coachUserId: z.string().min(1).max(64).nullable(),
});
