import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { ContactEntry } from '../../core/schemas/contact-log';
import { insertContact, listContacts } from '../../db/repositories/contact-log-repository';
import type { ContactLogTable } from '../../db/schema';
import type { Store } from '../../db/store';
import { auditedTransaction } from '../call-audit-scope';
import { requireParticipant } from './require-participant';

function toContactEntry(row: ContactLogTable & { recorded_by_name: string }): ContactEntry {
  return {
    id: row.id,
    contactOn: row.contact_on,
    kind: row.kind as ContactEntry['kind'],
    didNotAttend: row.did_not_attend === 1,
    outcome: row.outcome,
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at,
  };
}

/** A person's contact log, newest first. */
export async function contactLog(store: Store, participantId: string): Promise<ContactEntry[]> {
  return (await listContacts(store.db, participantId)).map(toContactEntry);
}

/**
 * Adds a contact (or a missed appointment) to a person's log. Append-only: a mistake is put right
 * by a further entry, so what was recorded, by whom and when, stays readable.
 */
export async function addContact(
  store: Store,
  input: ParsedInput<'contacts.add'>,
  recordedBy: { userId: string; displayName: string },
  now: Date,
): Promise<ChannelOutput<'contacts.add'>> {
  const participant = await requireParticipant(store, input.participantId);
  const row: ContactLogTable = {
    id: randomUUID(),
    participant_id: participant.id,
    contact_on: input.contactOn,
    kind: input.kind,
    did_not_attend: input.didNotAttend ? 1 : 0,
    outcome: input.outcome,
    recorded_by: recordedBy.userId,
    recorded_at: now.toISOString(),
  };
  await auditedTransaction(store, (trx) => insertContact(trx, row));
  return toContactEntry({ ...row, recorded_by_name: recordedBy.displayName });
}
