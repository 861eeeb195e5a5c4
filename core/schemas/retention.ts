import { z } from 'zod';
import { requiredText } from '../text-schemas';

const participantIdSchema = z.string().min(1).max(64);

/** A legal hold in force on a person's record: why, when and by whom. */
export const legalHoldSchema = z.object({
  reason: z.string(),
  placedAt: z.string(),
  placedByName: z.string(),
});
export type LegalHold = z.infer<typeof legalHoldSchema>;

/** A record due for retention review, with the rule that made it due (core/retention.ts). */
export const retentionItemSchema = z.object({
  participantId: z.string(),
  reference: z.string(),
  name: z.string(),
  /** Null when the person never left the service: the period then counts from the last contact. */
  exitedOn: z.string().nullable(),
  lastContactOn: z.string(),
  recordKind: z.enum(['mental_health', 'adult_health']),
  /** The rule in words: "Mental health record: 20 years after last contact on 3 March 2026". */
  rule: z.string(),
  reviewDueOn: z.string(),
  legalHold: legalHoldSchema.nullable(),
});
export type RetentionItem = z.infer<typeof retentionItemSchema>;

export const retentionDueSchema = z.object({ items: z.array(retentionItemSchema) });

/** Placing a legal hold: any registered person, with the reason (a claim, a complaint, an inquiry). */
export const placeLegalHoldInputSchema = z.strictObject({
  participantId: participantIdSchema,
  reason: requiredText('the reason for the legal hold', 500),
});

/** Releasing the hold in force, with the reason it no longer applies. */
export const releaseLegalHoldInputSchema = z.strictObject({
  participantId: participantIdSchema,
  reason: requiredText('why the legal hold no longer applies', 500),
});

/**
 * Deleting a due record for good. The administrator types the person's reference to confirm they
 * mean this one; the services layer checks it matches.
 */
export const purgeRecordInputSchema = z.strictObject({
  participantId: participantIdSchema,
  confirmReference: z
    .string({ error: "Type the record's reference to confirm" })
    .trim()
    .toUpperCase()
    .min(1, "Type the record's reference to confirm")
    .max(20, "Type the record's reference to confirm"),
});

export const purgeResultSchema = z.object({
  /** How many rows were deleted, across every table holding the person's data. */
  deletedRows: z.number().int().nonnegative(),
});

export const legalHoldResultSchema = z.object({ participantId: z.string(), legalHold: legalHoldSchema.nullable() });
