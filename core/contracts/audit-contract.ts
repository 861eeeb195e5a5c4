import { auditPageSchema, auditVerificationSchema, searchAuditInputSchema } from '../schemas/audit';
import { emptyInputSchema } from '../schemas/session';
import type { Role } from '../roles';
import type { ChannelDefinition } from './channel-definition';

/** Who reads and verifies the audit trail. */
const AUDIT_ROLES: readonly Role[] = ['administrator'];

/** Reading and verifying the audit trail (administrators). */
export const auditContract = {
  'audit.search': {
    summary: 'Search the audit trail: who viewed, changed, signed or exported what, and when',
    input: searchAuditInputSchema,
    output: auditPageSchema,
    access: AUDIT_ROLES,
    audit: { action: 'search', person: { input: 'participantId' } },
  },
  'audit.verify': {
    summary: 'Recompute the audit hash chain and report the first altered, removed or reordered entry',
    input: emptyInputSchema,
    output: auditVerificationSchema,
    access: AUDIT_ROLES,
    audit: { action: 'view' },
  },
} as const satisfies Record<string, ChannelDefinition>;
