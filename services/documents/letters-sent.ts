import { AppError } from '../../core/app-error';
import type { LetterSent } from '../../core/schemas/letters';
import { listLettersSent } from '../../db/repositories/letters-sent-repository';
import { findParticipant } from '../../db/repositories/participant-repository';
import type { Store } from '../../db/store';

/** The letters produced for a person, newest first: the record's "letters sent" list. */
export async function lettersSent(store: Store, participantId: string): Promise<{ letters: LetterSent[] }> {
  if ((await findParticipant(store.db, participantId)) === undefined) throw new AppError('NOT_FOUND', 'That person could not be found.');
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
