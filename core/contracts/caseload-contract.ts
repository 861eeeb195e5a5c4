import type { ChannelDefinition } from './channel-definition';
import { ALL_ROLES } from '../roles';
import { caseloadCoachesSchema, countParticipantsInputSchema, participantCountSchema } from '../schemas/participants';
import { emptyInputSchema } from '../schemas/session';

/** The caseload's channels besides `participants.list`: the filtered total and the coach filter's choices. */
export const caseloadContract = {
  'participants.count': {
    summary: 'How many people match the caseload search and filters (asked once per search, not per page)',
    input: countParticipantsInputSchema,
    output: participantCountSchema,
    access: ALL_ROLES,
    audit: { action: 'search' },
  },
  'caseload.coaches': {
    summary: 'The coaches people can be assigned to, with each one’s open cases, for the caseload filter and the coach chooser',
    input: emptyInputSchema,
    output: caseloadCoachesSchema,
    access: ALL_ROLES,
    audit: { action: 'view' },
  },
} as const satisfies Record<string, ChannelDefinition>;
