import type { LetterSent } from '../../core/schemas/letters';
import { listLettersSent } from '../../db/repositories/letters-sent-repository';
import type { Store } from '../../db/store';
import { requireParticipant } from '../participants/require-participant';

/** The letters produced for a person, newest first: the record's "letters sent" list. */
export async function lettersSent(store: Store, participantId: string): Promise<{ letters: LetterSent[] }> {
  await requireParticipant(store, participantId);
  const rows = await listLettersSent(store.db, participantId);
  return {
    letters: rows.map((row) => ({
      id: row.id,
      kind: row.kind as LetterSent['kind'],
      recipient: row.recipient as LetterSent['recipient'],
      addressedTo: row.addressed_to,
      fileName: row.file_name,
      sentByName: row.sent_by_name,
      sentAt: row.sent_at,
    })),
  };
}
