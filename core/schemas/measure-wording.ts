import { z } from 'zod';
import { measureWordingSchemaFor } from '../scoring/measure-definitions';
import { measureIdSchema } from '../scoring/measure-id';
import { measureWordingSchema } from '../scoring/measure-wording';

/**
 * Where the wording in use comes from: the partnership's own (`configured`), the standard
 * published wording the app ships (`default`: PHQ-9, GAD-7, work ability) or neutral stand-ins for
 * licensed text nobody has added yet (`placeholder`: WSAS and MSK-HQ).
 */
export const WORDING_SOURCES = ['configured', 'default', 'placeholder'] as const;
export type WordingSource = (typeof WORDING_SOURCES)[number];

/** The wording a measure's form uses now. */
export const measureWordingEntrySchema = z.object({
  measure: measureIdSchema,
  wording: measureWordingSchema,
  source: z.enum(WORDING_SOURCES),
  /** When and by whom it was configured; null for shipped wording. */
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type MeasureWordingEntry = z.infer<typeof measureWordingEntrySchema>;

export const measureWordingListSchema = z.object({ items: z.array(measureWordingEntrySchema) });

/**
 * An administrator's wording for one measure. Beyond the general wording rules, it must fit the
 * measure: one label per item and answer values inside the measure's range, each labelled once.
 * Those messages are keyed under `wording.` (for example `wording.itemLabels`), like every field.
 */
export const saveMeasureWordingInputSchema = z
  .strictObject({ measure: measureIdSchema, wording: measureWordingSchema })
  .superRefine(({ measure, wording }, context) => {
    const fitted = measureWordingSchemaFor(measure).safeParse(wording);
    if (fitted.success) return;
    for (const issue of fitted.error.issues) context.addIssue({ code: 'custom', path: ['wording', ...issue.path], message: issue.message });
  });
export type SaveMeasureWordingInput = z.input<typeof saveMeasureWordingInputSchema>;

export const resetMeasureWordingInputSchema = z.strictObject({ measure: measureIdSchema });
