import { z } from 'zod';
import {
  acknowledgeRiskFlagInMeetingInputSchema,
  acknowledgeRiskFlagInputSchema,
  overdueRiskFlagsOutputSchema,
} from '../schemas/risk-flag';
import { emptyInputSchema, emptyOutputSchema } from '../schemas/session';
import type { ChannelDefinition } from './channel-definition';
import { CLINICIAN_ROLES, MDT_ROLES, OVERDUE_RISK_ROLES } from './channel-roles';

/**
 * PHQ-9 risk flags: acknowledged only by a clinician qualified for risk (the mental health
 * practitioner or a clinical lead named in settings; the services check which), with the action
 * taken and a note; overdue ones shown at sign-in.
 */
export const riskFlagsContract = {
  'riskFlags.acknowledge': {
    summary: 'A clinician qualified for risk records that a risk flag was reviewed, the action taken and a note',
    input: acknowledgeRiskFlagInputSchema,
    output: emptyOutputSchema,
    access: CLINICIAN_ROLES,
    audit: { action: 'edit', person: { input: 'flagId', record: 'riskFlag' } },
  },
  'riskFlags.acknowledgeInMeeting': {
    summary: 'In meeting mode, a qualified clinician present acknowledges a risk flag with their own passphrase, as themselves',
    input: acknowledgeRiskFlagInMeetingInputSchema,
    output: z.object({ acknowledgedBy: z.string() }),
    access: MDT_ROLES,
    audit: { action: 'edit', person: { input: 'flagId', record: 'riskFlag' } },
  },
  'riskFlags.overdue': {
    summary: 'Open risk flags past one working day, for the coordinator and clinicians qualified for risk (empty for others)',
    input: emptyInputSchema,
    output: overdueRiskFlagsOutputSchema,
    access: OVERDUE_RISK_ROLES,
    audit: { action: 'view' },
  },
} as const satisfies Record<string, ChannelDefinition>;
