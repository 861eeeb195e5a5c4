import {
  followUpSchema,
  followUpsDueInputSchema,
  followUpsDueSchema,
  personFollowUpsInputSchema,
  personFollowUpsSchema,
  recordFollowUpInputSchema,
} from '../schemas/follow-up';
import type { ChannelDefinition } from './channel-definition';
import { FOLLOW_UP_ROLES, MDT_ROLES } from './channel-roles';

/** Lasting outcomes (issue 20 item 6): the 3- and 6-month follow-ups of employment after a case ends. */
export const followUpsContract = {
  'followUps.record': {
    summary:
      'Record a 3- or 6-month follow-up after exit (how contacted, employment status, same employer, hours, note, or could not be contacted); a correction names the one it replaces',
    input: recordFollowUpInputSchema,
    output: followUpSchema,
    access: FOLLOW_UP_ROLES,
    audit: { action: 'create', person: { input: 'participantId' } },
  },
  'followUps.ofPerson': {
    summary: 'A person’s follow-ups after exit: each point with its due date, where it stands, and the entries recorded',
    input: personFollowUpsInputSchema,
    output: personFollowUpsSchema,
    access: MDT_ROLES,
    audit: { action: 'view', person: { input: 'participantId' } },
  },
  'followUps.due': {
    summary: 'Follow-ups overdue or due in the next 14 days, soonest first (optionally only the caller’s people)',
    input: followUpsDueInputSchema,
    output: followUpsDueSchema,
    access: FOLLOW_UP_ROLES,
    audit: { action: 'view' },
  },
} as const satisfies Record<string, ChannelDefinition>;
