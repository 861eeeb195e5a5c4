import { z } from 'zod';
import { ADJUSTMENT_CATEGORIES, ADJUSTMENT_STATUSES } from '../adjustments/adjustment-library';

/**
 * What an employer receives about a person's workplace adjustments: functional needs, the
 * adjustments, the graded return schedule, the review date and who to contact. Nothing else.
 * Strict objects, so an output carrying any other field fails validation at dispatch.
 */
export const employerViewSchema = z.strictObject({
  employeeName: z.string(),
  employerName: z.string().nullable(),
  /** What the person needs at work, in the practitioner's functional words (never a diagnosis). */
  functionalNeeds: z.array(z.string()),
  adjustments: z.array(
    z.strictObject({
      category: z.enum(ADJUSTMENT_CATEGORIES),
      categoryLabel: z.string(),
      recommendation: z.string(),
      functionalNeed: z.string(),
      startOn: z.string(),
      durationWeeks: z.number().int().positive(),
      reviewOn: z.string(),
      status: z.enum(ADJUSTMENT_STATUSES),
      statusLabel: z.string(),
    }),
  ),
  gradedReturn: z
    .strictObject({
      startOn: z.string(),
      contractedHoursPerWeek: z.number().nullable(),
      weeks: z.array(
        z.strictObject({ weekNumber: z.number().int().positive(), startsOn: z.string(), hours: z.number(), duties: z.string() }),
      ),
    })
    .nullable(),
  /** The earliest review date of the adjustments still running, or null when none are. */
  reviewOn: z.string().nullable(),
  /** Who the employer contacts: the professional who drafted the adjustments, with a work phone and email. */
  contact: z.strictObject({ name: z.string(), organisation: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  /** The fit note convention: advice the employer considers, not an instruction. */
  notice: z.string(),
});
export type EmployerView = z.infer<typeof employerViewSchema>;
