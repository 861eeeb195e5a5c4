import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { findAssessment, insertAssessment, isAmended } from '../../db/repositories/assessment-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';

export interface Amendment {
  readonly amendsId: string;
  readonly kind: string;
  readonly assessedOn: string;
  readonly content: object;
  readonly reason: string;
  readonly authorId: string;
  readonly now: Date;
}

/**
 * Records a correction to a signed assessment as a new signed version. The original stays as it
 * was; only the newest version of a record can be amended, so its history is one straight line.
 * `mayAmend` decides, from the original's discipline, whether this caller may correct it.
 */
export async function recordAmendment(
  store: Store,
  amendment: Amendment,
  mayAmend: (discipline: string | null) => boolean,
): Promise<{ id: string }> {
  const original = await findAssessment(store.db, amendment.amendsId);
  if (original === undefined || original.kind !== amendment.kind) throw new AppError('NOT_FOUND', 'That assessment could not be found.');
  if (!mayAmend(original.discipline))
    throw new AppError('FORBIDDEN', 'Only a member of the discipline that wrote this assessment can amend it.');
  if (original.signed_at === null) throw new AppError('CONFLICT', 'This assessment is still a draft: edit it instead of amending it.');
  if (await isAmended(store.db, original.id)) throw alreadyAmended();
  const id = randomUUID();
  const at = amendment.now.toISOString();
  try {
    await insertAssessment(store.db, {
      id,
      participant_id: original.participant_id,
      kind: original.kind,
      discipline: original.discipline,
      assessed_on: amendment.assessedOn,
      content_json: JSON.stringify(amendment.content),
      author_id: amendment.authorId,
      recorded_at: at,
      updated_at: at,
      signed_at: at,
      signed_by: amendment.authorId,
      amends_id: original.id,
      amendment_reason: amendment.reason,
    });
  } catch (error) {
    // Two amendments of the same version at once: the unique index lets only the first in.
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw alreadyAmended();
    throw toStoreError(error);
  }
  return { id };
}

function alreadyAmended(): AppError {
  return new AppError('CONFLICT', 'This version has already been amended by someone else. Reopen the record and amend the newest version.');
}
