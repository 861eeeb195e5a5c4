import { auditedTransaction } from '../call-audit-scope';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { normaliseNhsNumber } from '../../core/nhs-number';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { PossibleDuplicate } from '../../core/schemas/referral';
import {
  findPossibleDuplicates,
  insertParticipant,
  nextParticipantReference,
  type ParticipantRow,
} from '../../db/repositories/participant-repository';
import { insertReferral } from '../../db/repositories/referral-repository';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { detailsColumns, detailsSnapshotOf } from './participant-details-columns';
import { checkEditDuplicates } from './participant-details-edit';
import { returningDetails } from './returning-details';
import { saveReturningDetails } from './save-returning-details';
import { exitOf, startEpisode } from './episodes';

function toPossibleDuplicate(row: ParticipantRow & { matched_on: PossibleDuplicate['matchedOn'] }): PossibleDuplicate {
  return {
    id: row.id,
    reference: row.reference,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    nhsNumber: row.nhs_number,
    status: row.status as PossibleDuplicate['status'],
    matchedOn: row.matched_on,
  };
}

/** Possible existing records for a person about to be registered. */
export async function checkDuplicates(
  store: Store,
  input: ParsedInput<'participants.checkDuplicates'>,
): Promise<ChannelOutput<'participants.checkDuplicates'>> {
  const nhsNumber = input.nhsNumber === undefined || input.nhsNumber === '' ? null : normaliseNhsNumber(input.nhsNumber);
  const rows = await findPossibleDuplicates(store.db, { ...input, nhsNumber });
  return { matches: rows.map(toPossibleDuplicate) };
}

/**
 * Registers a person and their referral in one transaction. The same NHS number is never
 * registered twice; the same name and date of birth needs the coach's explicit confirmation that
 * these are different people. The registering coach becomes the assigned coach. `alsoWithin` runs in
 * the same transaction (accepting a referral from the inbox marks it accepted with the person).
 */
export async function registerParticipant(
  store: Store,
  input: ParsedInput<'participants.register'>,
  recordedBy: { userId: string; role: string },
  now: Date,
  alsoWithin?: (trx: Transaction<Database>, registered: { id: string; reference: string }) => Promise<void>,
): Promise<ChannelOutput<'participants.register'>> {
  const { person, employment, monitoring, gpPractice, referral } = input;
  const duplicates = await findPossibleDuplicates(store.db, person);
  if (input.newEpisodeOf !== undefined) return startEpisodeFromRegistration(store, input, duplicates, recordedBy.userId, now);
  const sameNhs = duplicates.find((row) => row.matched_on === 'nhs_number');
  if (sameNhs !== undefined) {
    throw new AppError('CONFLICT', `This NHS number is already registered, as ${sameNhs.reference}. Open that record instead.`, {
      'person.nhsNumber': `Already registered as ${sameNhs.reference}`,
    });
  }
  if (duplicates.length > 0 && !input.confirmedNotDuplicate) {
    throw new AppError('CONFLICT', 'Someone with the same name and date of birth is already registered. Check before registering again.');
  }
  const id = randomUUID();
  const timestamp = now.toISOString();
  try {
    return await auditedTransaction(store, async (trx) => {
      const reference = await nextParticipantReference(trx);
      await insertParticipant(trx, {
        id,
        reference,
        ...detailsColumns({ ...person, employment, monitoring, gpPractice }),
        status: 'referred',
        created_at: timestamp,
        updated_at: timestamp,
        coach_user_id: recordedBy.role === 'coach' ? recordedBy.userId : null,
      });
      await insertReferral(trx, {
        id: randomUUID(),
        participant_id: id,
        referral_date: referral.date,
        route: referral.route,
        referrer_name: referral.referrerName,
        referrer_organisation: referral.referrerOrganisation,
        reason: referral.reason,
        recorded_by: recordedBy.userId,
        recorded_at: timestamp,
      });
      await alsoWithin?.(trx, { id, reference });
      return { id, reference };
    });
  } catch (error) {
    throw toStoreError(error);
  }
}

/**
 * Registration's duplicate path for someone whose case has closed: the referral starts their next
 * episode (services/participants/episodes.ts), and the details typed on the form are saved over
 * theirs as a new details version (services/participants/returning-details.ts says which). Only a possible duplicate of the person typed, never
 * an arbitrary record; an open case is refused (its referral belongs to the current episode: add it
 * from their record or the inbox).
 */
async function startEpisodeFromRegistration(
  store: Store,
  input: ParsedInput<'participants.register'>,
  duplicates: ReadonlyArray<ParticipantRow>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'participants.register'>> {
  const existing = duplicates.find((row) => row.id === input.newEpisodeOf);
  if (existing === undefined)
    throw new AppError('VALIDATION', 'Some answers need correcting.', {
      newEpisodeOf: 'That person is not a possible duplicate of this one',
    });
  const exit = await exitOf(store.db, existing);
  if (exit === undefined)
    throw new AppError(
      'CONFLICT',
      `${existing.reference}'s case is open: this referral belongs to their current episode. Open their record.`,
    );
  // What the form says about them now (a new employer, phone, address...) is saved as a details
  // version, as an edit on the record would be: the old values stay readable with who changed them.
  const typed = returningDetails(detailsSnapshotOf(existing), input);
  await checkEditDuplicates(store, existing, typed, input.confirmedNotDuplicate);
  try {
    await auditedTransaction(store, async (trx) => {
      await startEpisode(trx, { participantId: existing.id, exit, referral: input.referral, userId, now, field: 'referral.date' });
      await saveReturningDetails(trx, { participantId: existing.id, typed: input, savedBy: userId, now });
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return { id: existing.id, reference: existing.reference };
}
