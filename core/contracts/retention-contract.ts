import type { z } from 'zod';
import type { ChannelDefinition } from './channel-definition';
import type { Role } from '../roles';
import { emptyInputSchema } from '../schemas/session';
import {
  legalHoldResultSchema,
  placeLegalHoldInputSchema,
  purgeRecordInputSchema,
  purgeResultSchema,
  releaseLegalHoldInputSchema,
  retentionDueSchema,
} from '../schemas/retention';

/** Retention is an information-governance task: administrators only. */
const RETENTION_ROLES: readonly Role[] = ['administrator'];

function channel<Input extends z.ZodType, Output extends z.ZodType>(
  definition: ChannelDefinition<Input, Output>,
): ChannelDefinition<Input, Output> {
  return definition;
}

/** The retention channels, spread into the contract. */
export const retentionContract = {
  'retention.due': channel({
    summary: 'Records due for retention review: 20 (mental health) or 8 years after the later of exit and last contact',
    input: emptyInputSchema,
    output: retentionDueSchema,
    access: RETENTION_ROLES,
    audit: { action: 'search' },
  }),
  'retention.placeHold': channel({
    summary: "Place a legal hold on a person's record, with the reason: it cannot be deleted while held",
    input: placeLegalHoldInputSchema,
    output: legalHoldResultSchema,
    access: RETENTION_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  }),
  'retention.releaseHold': channel({
    summary: 'Release the legal hold on a record, with the reason',
    input: releaseLegalHoldInputSchema,
    output: legalHoldResultSchema,
    access: RETENTION_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  }),
  'retention.purge': channel({
    summary: 'Delete a record due for retention review and not on legal hold, with all its rows',
    input: purgeRecordInputSchema,
    output: purgeResultSchema,
    access: RETENTION_ROLES,
    audit: { action: 'delete', person: { input: 'participantId' } },
  }),
} as const;
