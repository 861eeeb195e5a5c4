import { z } from 'zod';
import { requiredText } from '../text-schemas';

/**
 * What every signed record carries: who wrote it, whether and when it was signed, and (for an
 * amendment) which version it corrects and why. The original of an amended record is never
 * changed; it is listed in `earlierVersions`.
 */
export const signatureFieldsSchema = z.object({
  id: z.string(),
  /** Draft edit counter: saving a draft names the version it edits. */
  version: z.number().int().positive(),
  status: z.enum(['draft', 'signed']),
  authorId: z.string(),
  authorName: z.string(),
  recordedAt: z.string(),
  signedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  amendment: z.object({ amendsId: z.string(), reason: z.string() }).nullable(),
});
export type SignatureFields = z.infer<typeof signatureFieldsSchema>;

/** A record's current version plus every earlier signed version, oldest first. */
export function withEarlierVersions<Shape extends z.ZodRawShape>(versionSchema: z.ZodObject<Shape>) {
  return versionSchema.extend({ earlierVersions: z.array(versionSchema) });
}

/** Why a signed record is being corrected: kept with the amendment for ever. */
export const amendmentReasonSchema = requiredText('why the record is being amended', 1000);

/** Signing a draft names the version the signer read, so nobody signs text they have not seen. */
export const signAssessmentInputSchema = z.strictObject({
  id: z.string().min(1).max(64),
  version: z.number().int().positive(),
});
