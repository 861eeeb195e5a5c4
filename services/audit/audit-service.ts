import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { AuditEntry } from '../../core/schemas/audit';
import { searchAuditLog, verifyAuditChain } from '../../db/repositories/audit-repository';
import { participantReferences } from '../../db/repositories/participant-repository';
import { findUserByUsername } from '../../db/repositories/user-repository';
import { describeAuditFinding } from '../../core/audit-findings';
import { verifySignedAuditChain } from '../../db/audit-verification';
import type { KeySlot, Keyring } from '../../db/keyring';
import { certifiedSigningKeys, trustedAdministratorKeys } from '../../db/role-assignment';
import type { Store } from '../../db/store';

/** A page of the audit trail, newest first, with people shown by reference only. */
export async function searchAudit(store: Store, input: ParsedInput<'audit.search'>): Promise<ChannelOutput<'audit.search'>> {
  const user = input.username === undefined ? undefined : await findUserByUsername(store.db, input.username);
  if (input.username !== undefined && user === undefined) return { entries: [], nextBeforeSeq: null };
  const rows = await searchAuditLog(store.db, {
    participantId: input.participantId,
    userId: user?.id,
    action: input.action,
    beforeSeq: input.beforeSeq,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const participantIds = [...new Set(page.flatMap((row) => (row.participant_id === null ? [] : [row.participant_id])))];
  const references = await participantReferences(store.db, participantIds);
  return {
    entries: page.map((row): AuditEntry => ({
      seq: row.seq,
      at: row.at,
      username: row.username,
      action: row.action as AuditEntry['action'],
      channel: row.channel,
      participantId: row.participant_id,
      participantReference: row.participant_id === null ? null : (references.get(row.participant_id) ?? null),
      outcome: row.outcome,
    })),
    nextBeforeSeq: rows.length > input.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

/**
 * Recomputes the whole hash chain, checks every entry's signature by its writer's certified key
 * (as the verifying user's own slot trusts: `anchor`, verified with their passphrase at unlock;
 * undefined on a store whose roles are not signed yet, which takes the keyring's keys as found),
 * and the trail's end against the head kept in the keyring. Names every finding by entry number.
 */
export function verifyAudit(store: Store, keyring: Keyring, anchor: KeySlot['anchor']): ChannelOutput<'audit.verify'> {
  const { entries, firstBreak } = verifyAuditChain(store);
  const trusted = anchor === undefined ? undefined : trustedAdministratorKeys(keyring, anchor.administrators);
  const keys = certifiedSigningKeys(keyring, trusted);
  const signed = verifySignedAuditChain(store, { keysOf: (userId) => keys.get(userId), head: keyring.auditHead });
  const findings = signed.findings.map((finding) => ({ ...finding, message: describeAuditFinding(finding) }));
  return { entries, intact: firstBreak === null && findings.length === 0, firstBreak, findings };
}
