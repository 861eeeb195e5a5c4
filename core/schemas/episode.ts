import { z } from 'zod';
import { EMPLOYMENT_OUTCOMES, EXIT_REASONS } from './action-plan';
import { REFERRAL_ROUTES } from './referral';

/**
 * One episode of a person's time with the service (issue 20 item 4): from the referral that began
 * it to the exit that ended it. Episode 1 is the registration's referral; a person referred again
 * after their case closed starts the next one. The person's details, consent and history stay with
 * the person; measures, plans and the outcome belong to an episode.
 */
export const episodeSchema = z.object({
  number: z.number().int().positive(),
  /** The referral date that began it: a dated entry on or after it (and before the next) belongs to it. */
  startedOn: z.string(),
  route: z.enum(REFERRAL_ROUTES),
  /** When the referral was registered or accepted, and by whom (display name). */
  acceptedAt: z.string(),
  acceptedBy: z.string(),
  /** How it ended (a plan review's exit or closing the case), or null while it is open. */
  end: z
    .object({
      endedOn: z.string(),
      reason: z.enum(EXIT_REASONS),
      reasonNote: z.string().nullable(),
      employmentOutcome: z.enum(EMPLOYMENT_OUTCOMES),
    })
    .nullable(),
});
export type Episode = z.infer<typeof episodeSchema>;
