import { z } from 'zod';

export const AUDIT_ACTION_LABELS = {
  view: 'Viewed',
  search: 'Searched or listed',
  create: 'Created',
  edit: 'Changed',
  sign: 'Signed or agreed',
  export: 'Exported',
  print: 'Printed',
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  lock: 'Locked',
  configure: 'Changed settings',
  denied: 'Refused (not allowed)',
  delete: 'Deleted at retention review',
  security_warning: 'Security warning',
} as const;
export type AuditActionName = keyof typeof AUDIT_ACTION_LABELS;
const auditActionSchema = z.enum(Object.keys(AUDIT_ACTION_LABELS) as [AuditActionName, ...AuditActionName[]]);

/** Administrators search the trail: by person, by user, by kind of action, newest first. */
export const searchAuditInputSchema = z.strictObject({
  participantId: z.string().min(1).max(64).optional(),
  username: z.string().trim().toLowerCase().min(1).max(40).optional(),
  action: auditActionSchema.optional(),
  /** Keyset paging: entries older than this sequence number. */
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  username: z.string().nullable(),
  action: auditActionSchema,
  channel: z.string(),
  participantId: z.string().nullable(),
  /** A person's reference (WW-000123) when the entry concerns one: never their name. */
  participantReference: z.string().nullable(),
  outcome: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextBeforeSeq: z.number().int().positive().nullable() });

export const auditFindingSchema = z.object({
  kind: z.enum(['changed', 'removed', 'cut', 'unsigned', 'bad_signature']),
  fromSeq: z.number().int(),
  toSeq: z.number().int(),
  /** What was found, naming the entries, for an administrator (core/audit-findings.ts). */
  message: z.string(),
});
export type AuditFindingOutput = z.infer<typeof auditFindingSchema>;

export const auditVerificationSchema = z.object({
  entries: z.number().int().nonnegative(),
  /** True when the hash chain, every required signature and the recorded head all hold. */
  intact: z.boolean(),
  /** The hash chain's first break (the chain alone: a recomputed chain has none). */
  firstBreak: z.object({ seq: z.number().int(), problem: z.enum(['altered', 'out_of_sequence', 'broken_link']) }).nullable(),
  /** Everything found, by entry number: changed, removed, cut from the end, unsigned, badly signed. */
  findings: z.array(auditFindingSchema),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
