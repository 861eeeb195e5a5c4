import type { z } from 'zod';
import type { Channel } from './channels';
import type { ChannelDefinition } from './contracts/channel-definition';
import { adjustmentsContract } from './contracts/adjustments-contract';
import { assessmentsContract } from './contracts/assessments-contract';
import { auditContract } from './contracts/audit-contract';
import { caseLifecycleContract } from './contracts/case-lifecycle-contract';
import { dashboardContract } from './contracts/dashboard-contract';
import { caseloadContract } from './contracts/caseload-contract';
import { documentsContract } from './contracts/documents-contract';
import { exportsContract } from './contracts/exports-contract';
import { fhirExportsContract } from './contracts/fhir-exports-contract';
import { lettersContract } from './contracts/letters-contract';
import { fitNotesContract } from './contracts/fit-notes-contract';
import { followUpsContract } from './contracts/follow-ups-contract';
import { meetingsContract } from './contracts/meetings-contract';
import { participantsContract } from './contracts/participants-contract';
import { referralsContract } from './contracts/referrals-contract';
import { plansContract } from './contracts/plans-contract';
import { retentionContract } from './contracts/retention-contract';
import { riskFlagsContract } from './contracts/risk-flags-contract';
import { securityContract } from './contracts/security-contract';
import { sessionContract } from './contracts/session-contract';
import { settingsContract } from './contracts/settings-contract';
import { syncAdminContract } from './contracts/sync-admin-contract';
import { syncContract } from './contracts/sync-contract';
import { worklistContract } from './contracts/worklist-contract';

export type { ChannelAccess, ChannelDefinition } from './contracts/channel-definition';
export { CLINICIAN_ROLES, MDT_ROLES } from './contracts/channel-roles';

/**
 * The one contract between the UI and the app. The services layer implements it, Electron IPC
 * and the loopback host both serve it, and the renderer's client is typed from it. Each feature
 * declares its channels in core/contracts/; this file only assembles them, and its type makes
 * sure every channel in channels.ts is declared (the contract tests check there are no others).
 */
export const contract = {
  ...sessionContract,
  ...participantsContract,
  ...assessmentsContract,
  ...riskFlagsContract,
  ...fitNotesContract,
  ...followUpsContract,
  ...settingsContract,
  ...plansContract,
  ...auditContract,
  ...adjustmentsContract,
  ...caseloadContract,
  ...meetingsContract,
  ...retentionContract,
  ...securityContract,
  ...syncContract,
  ...syncAdminContract,
  ...exportsContract,
  ...fhirExportsContract,
  ...documentsContract,
  ...worklistContract,
  ...referralsContract,
  ...caseLifecycleContract,
  ...lettersContract,
  ...dashboardContract,
} as const satisfies Record<Channel, ChannelDefinition>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
