import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { AuditEntry } from '../../core/schemas/audit';
import { searchAuditLog, verifyAuditChain } from '../../db/repositories/audit-repository';
import { participantReferences } from '../../db/repositories/participant-repository';
import { findUserByUsername } from '../../db/repositories/user-repository';
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

/** Recomputes the whole hash chain. */
export function verifyAudit(store: Store): ChannelOutput<'audit.verify'> {
  const { entries, firstBreak } = verifyAuditChain(store);
  return { entries, intact: firstBreak === null, firstBreak };
}
