import { emptyInputSchema } from '../schemas/session';
import { worklistSchema } from '../schemas/worklist';
import type { ChannelDefinition } from './channel-definition';
import { MDT_ROLES } from './channel-roles';

/**
 * The home page of the team's clinicians, coaches and coordinator. Its lists are clinical (actions,
 * drafts, risk): administrators are not sent them (issue 18, least privilege) and start on the caseload.
 */
export const worklistContract = {
  'worklist.get': {
    summary: 'The signed-in user’s worklist: overdue risk flags, actions due, their drafts, reviews due and the next meeting’s cases',
    input: emptyInputSchema,
    output: worklistSchema,
    access: MDT_ROLES,
    audit: { action: 'view' },
  },
} as const satisfies Record<string, ChannelDefinition>;
