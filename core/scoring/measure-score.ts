import { z } from 'zod';
import { measureIdSchema } from './measure-id';

/**
 * One answer to one item. Most measures take only whole numbers; WSAS also takes `null` (not
 * answered) and `'not_applicable'` (for example the work item for someone not in work), which its
 * scoring treats differently from a zero.
 */
export type MeasureAnswer = number | null | 'not_applicable';

/**
 * The result every measure's scorer returns, so services, charts, documents and the FHIR export
 * handle all measures the same way.
 *
 * - `total`: the score, or `null` when the rules say there is no score (WSAS with more than one item
 *   missing). Usually a whole number; a pro-rated WSAS total keeps one decimal.
 * - `band` / `bandLabel`: a stable id and a human label, or `null` for measures with no published
 *   bands in our domain reference (MSK-HQ) and for unscored responses.
 * - `riskFlag`: the response needs a clinician to review and acknowledge risk (PHQ-9 item 9 above
 *   0), whatever the total.
 * - `caseness`: at or above the NHS Talking Therapies caseness threshold; `null` for measures with
 *   no caseness threshold.
 * - `notes`: plain-English explanations to show beside the score (risk, pro-rating, direction).
 */
export const measureScoreSchema = z.strictObject({
  measure: measureIdSchema,
  total: z.number().min(0).nullable(),
  band: z.string().nullable(),
  bandLabel: z.string().nullable(),
  riskFlag: z.boolean(),
  caseness: z.boolean().nullable(),
  notes: z.array(z.string()),
});
export type MeasureScore = z.infer<typeof measureScoreSchema>;
