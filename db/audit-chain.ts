import { createHash } from 'node:crypto';
import { auditEntryCanonical, type AuditEntryContent } from '../core/audit-entry-canonical';

export { AUDIT_GENESIS_HASH, type AuditEntryContent } from '../core/audit-entry-canonical';

/** SHA-256 (hex) over the previous hash and the entry's fields (core/audit-entry-canonical.ts). */
export function auditEntryHash(previousHash: string, entry: AuditEntryContent): string {
  return createHash('sha256').update(auditEntryCanonical(previousHash, entry), 'utf8').digest('hex');
}
