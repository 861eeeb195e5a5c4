import { z } from 'zod';

const idSchema = z.string().min(1).max(64);

/** The person's action plan as a PDF: a version (the newest when not named), optionally in large print. */
export const planPdfInputSchema = z.strictObject({
  participantId: idSchema,
  planId: idSchema.optional(),
  largePrint: z.boolean().default(false),
});

/**
 * The employer adjustments letter / workplace adjustments passport for one person: a draft to go
 * through with the person (the default), or the final letter to send (`final: true`), which is
 * refused until the MDT has agreed the plan and the person has approved the letter as it reads now.
 */
export const employerLetterPdfInputSchema = z.strictObject({ participantId: idSchema, final: z.boolean().default(false) });

/** One AHP Health and Work Report (the newest when not named). */
export const ahpReportPdfInputSchema = z.strictObject({ participantId: idSchema, reportId: idSchema.optional() });

/** A meeting's minutes. */
export const minutesPdfInputSchema = z.strictObject({ meetingId: idSchema });

/**
 * A rendered PDF: its bytes (base64, so every transport carries it as JSON), the file name to
 * suggest when saving (a reference, never a name), and whether it carries the DRAFT watermark.
 */
export const pdfDocumentSchema = z.object({
  fileName: z.string().regex(/^[A-Za-z0-9._-]+\.pdf$/),
  contentBase64: z.string(),
  bytes: z.number().int().positive(),
  draft: z.boolean(),
});
export type PdfDocument = z.infer<typeof pdfDocumentSchema>;
