import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error';
import { currentDetailsVersion } from '../../db/repositories/participant-details-repository';
import { findParticipant } from '../../db/repositories/participant-repository';
import type { Database } from '../../db/schema';
import { detailsSnapshotOf } from './participant-details-columns';
import { saveDetailsVersion } from './participant-details-edit';
import { returningDetails, type ReturningTyped } from './returning-details';

/**
 * Saves what a returning person's new referral says about them (a registration form or an inbox
 * referral that starts their next episode) as a details version, inside the caller's transaction.
 * The record is read again here, so the version is the one this save follows (compare-and-set);
 * nothing is saved when the referral changes nothing.
 */
export async function saveReturningDetails(
  trx: Kysely<Database>,
  save: { participantId: string; typed: ReturningTyped; savedBy: string; now: Date },
): Promise<void> {
  const row = await findParticipant(trx, save.participantId);
  if (row === undefined) throw new AppError('NOT_FOUND', 'That person could not be found.');
  const before = detailsSnapshotOf(row);
  const after = returningDetails(before, save.typed);
  if (isDeepStrictEqual(before, after)) return;
  const version = (await currentDetailsVersion(trx, row.id)) + 1;
  await saveDetailsVersion(trx, { participantId: row.id, version, before, after, savedBy: save.savedBy, now: save.now });
}
