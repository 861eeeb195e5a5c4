import { z } from 'zod';

/** A SHA-256 in hex, as the audit chains write them. */
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One entry of a laptop's audit trail as it travels to the partnership server (issue 14 item 7):
 * every field the laptop's hash covers, plus the hash link, so the server can check that each
 * entry follows from the one before it. Ids, codes and times only: the trail holds no clinical text.
 */
export const auditEntryWireSchema = z.strictObject({
  seq: z.number().int().positive(),
  at: z.string().min(1).max(40),
  userId: z.string().max(64).nullable(),
  username: z.string().max(64).nullable(),
  action: z.string().regex(/^[a-z_]{1,32}$/),
  channel: z.string().min(1).max(100),
  participantId: z.string().max(64).nullable(),
  subjectJson: z.string().max(4_000),
  outcome: z.string().min(1).max(100),
  prevHash: hashSchema,
  hash: hashSchema,
});
export type AuditEntryWire = z.infer<typeof auditEntryWireSchema>;

/** Where the server's copy of this laptop's trail ends: the next entry to send follows `lastSeq`. */
export const auditTailSchema = z.strictObject({
  lastSeq: z.number().int().nonnegative(),
  /** The hash of entry `lastSeq` (null when the server holds none of this laptop's entries). */
  lastHash: hashSchema.nullable(),
});
export type AuditTail = z.infer<typeof auditTailSchema>;

/** POST /audit/push: the laptop's entries after the server's tail, oldest first. */
export const auditPushRequestSchema = z.strictObject({ entries: z.array(auditEntryWireSchema).max(500) });

export const auditPushResponseSchema = z.strictObject({
  received: z.number().int().nonnegative(),
  /** Already held (the same entry sent again): kept once. */
  duplicates: z.number().int().nonnegative(),
  tail: auditTailSchema,
});
export type AuditPushResponse = z.infer<typeof auditPushResponseSchema>;

/** POST /audit/held: what the server holds of this laptop's trail, a page at a time, for `audit verify`. */
export const auditHeldRequestSchema = z.strictObject({
  afterSeq: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(1_000),
});

export const auditHeldResponseSchema = z.strictObject({ entries: z.array(auditEntryWireSchema), more: z.boolean() });
export type AuditHeldResponse = z.infer<typeof auditHeldResponseSchema>;
