import { AppError } from '../../core/app-error';
import { findParticipant, type ParticipantRow } from '../../db/repositories/participant-repository';
import type { Store } from '../../db/store';

/**
 * The person's stored row; an id that names nobody on the caseload is refused (NOT_FOUND) before
 * anything is read or written for it, in the same words wherever a channel names a person.
 */
export async function requireParticipant(store: Store, participantId: string): Promise<ParticipantRow> {
  const row = await findParticipant(store.db, participantId);
  if (row === undefined) throw new AppError('NOT_FOUND', 'That person could not be found.');
  return row;
}
