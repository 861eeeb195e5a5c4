import { z } from 'zod';
import { participantDetailsSnapshotSchema } from './participant-details-snapshot';
import { gpPracticeInputSchema } from './gp-practice';
import { participantMonitoringSchema } from './participant-monitoring';
import { registerParticipantInputSchema } from './referral';

/**
 * An edit of a person's details and work after registration. The fields and their rules are the
 * registration's own (the same schema objects), so a value refused at registration is refused here.
 * `version` is the version the editor started from: a compare-and-set, so two laptops cannot
 * silently overwrite each other.
 */
export const editDetailsInputSchema = z.strictObject({
  participantId: z.string().min(1).max(64),
  version: z.number().int().positive(),
  person: registerParticipantInputSchema.shape.person,
  employment: registerParticipantInputSchema.shape.employment,
  /** Left out: the GP practice stays as it is; null (or both fields blank) clears it. */
  gpPractice: gpPracticeInputSchema.nullable().optional(),
  /** Left out: the monitoring answers stay as they are (a caller that never shows them cannot wipe them). */
  monitoring: participantMonitoringSchema.optional(),
  /** Set after the editor has seen someone else with the new name and date of birth and confirmed. */
  confirmedNotDuplicate: z.boolean().default(false),
});
export type EditDetailsInput = z.input<typeof editDetailsInputSchema>;

export const editDetailsOutputSchema = z.object({ version: z.number().int().positive() });

/** One saved edit: the values before and after, who saved it and when. */
export const detailsEditSchema = z.object({
  id: z.string(),
  /** The version this edit made; the details as registered are version 1. */
  version: z.number().int().min(2),
  savedAt: z.string(),
  savedByName: z.string(),
  before: participantDetailsSnapshotSchema,
  after: participantDetailsSnapshotSchema,
});
export type DetailsEdit = z.infer<typeof detailsEditSchema>;
