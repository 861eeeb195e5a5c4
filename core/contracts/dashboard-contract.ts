import type { Role } from '../roles';
import { dashboardInputSchema, dashboardSchema } from '../schemas/dashboard';
import { emptyInputSchema } from '../schemas/session';
import { saveWaitingTargetsInputSchema, waitingTargetsSettingSchema } from '../dashboard/waiting-targets';
import type { ChannelDefinition } from './channel-definition';
import { CONFIG_ROLES } from './channel-roles';

/**
 * Who runs the service from its figures: the coordinator and the administrator, as for the MI
 * return. The dashboard holds counts, codes and waits only. Its one clinical-derived figure, measure
 * change, is an aggregate over at least five people with evaluation consent (never a person's
 * score), so it is not clinical content about anyone and the administrator may see it (issue 18 item 5).
 */
const MANAGER_ROLES: readonly Role[] = ['coordinator', 'administrator'];

/** The manager's view (issue 20 item 7) and the waiting-time targets it measures against. */
export const dashboardContract = {
  'dashboard.get': {
    summary: 'The dashboard for a date range: referrals, waits against targets, the funnel, caseloads, outcomes and measure change',
    input: dashboardInputSchema,
    output: dashboardSchema,
    access: MANAGER_ROLES,
    audit: { action: 'view' },
  },
  'config.waitingTargets': {
    summary: "The partnership's waiting-time targets (days from referral), or the defaults until one is saved",
    input: emptyInputSchema,
    output: waitingTargetsSettingSchema,
    access: MANAGER_ROLES,
    audit: { action: 'view' },
  },
  'config.saveWaitingTargets': {
    summary: "Set the partnership's waiting-time targets, over the version the administrator edited",
    input: saveWaitingTargetsInputSchema,
    output: waitingTargetsSettingSchema,
    access: CONFIG_ROLES,
    audit: { action: 'configure' },
  },
} as const satisfies Record<string, ChannelDefinition>;
