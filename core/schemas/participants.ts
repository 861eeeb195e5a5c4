import { z } from 'zod';

export const PARTICIPANT_STATUSES = ['referred', 'assessed', 'ready_for_mdt', 'active', 'exited'] as const;
export const participantStatusSchema = z.enum(PARTICIPANT_STATUSES);
export type ParticipantStatus = z.infer<typeof participantStatusSchema>;

export const PARTICIPANT_STATUS_LABELS: Readonly<Record<ParticipantStatus, string>> = {
  referred: 'Referred',
  assessed: 'Assessed',
  ready_for_mdt: 'Ready for MDT',
  active: 'Plan active',
  exited: 'Exited',
};

export const participantSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  nhsNumber: z.string().nullable(),
  status: participantStatusSchema,
  hasOpenRiskFlag: z.boolean(),
});
export type ParticipantSummary = z.infer<typeof participantSummarySchema>;

export const MAX_PAGE_SIZE = 200;

export const listParticipantsInputSchema = z.strictObject({
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
});
export type ListParticipantsInput = z.input<typeof listParticipantsInputSchema>;

export const participantPageSchema = z.object({
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  items: z.array(participantSummarySchema),
});
export type ParticipantPage = z.infer<typeof participantPageSchema>;
