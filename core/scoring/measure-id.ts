import { z } from 'zod';

/**
 * The outcome measures WorkWell MDT scores. The ids are stored with every score, so they never
 * change once released; the order here is the order the UI lists them in.
 */
export const MEASURE_IDS = ['phq9', 'gad7', 'wsas', 'mskhq', 'work_ability'] as const;

export const measureIdSchema = z.enum(MEASURE_IDS);
export type MeasureId = z.infer<typeof measureIdSchema>;
