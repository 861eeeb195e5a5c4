import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** A person's acknowledged flags, newest acknowledgement first, with who acknowledged each. */
export async function listAcknowledgedRiskFlags(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('risk_flags')
    .innerJoin('users', 'users.id', 'risk_flags.acknowledged_by')
    .selectAll('risk_flags')
    .select('users.display_name as acknowledged_by_name')
    .where('risk_flags.participant_id', '=', participantId)
    .where('risk_flags.acknowledged_at', 'is not', null)
    .orderBy('risk_flags.acknowledged_at', 'desc')
    .execute();
}

/**
 * Every open flag in the store, oldest first, with the person it concerns. Uses the partial index
 * of open flags, so it stays quick however many flags were ever raised.
 */
export async function listEveryOpenRiskFlag(db: Kysely<Database>) {
  return db
    .selectFrom('risk_flags')
    .innerJoin('participants', 'participants.id', 'risk_flags.participant_id')
    .select([
      'risk_flags.id',
      'risk_flags.participant_id',
      'risk_flags.raised_at',
      'risk_flags.raised_on',
      'participants.reference',
      'participants.given_name',
      'participants.family_name',
    ])
    .where('risk_flags.acknowledged_at', 'is', null)
    .orderBy('risk_flags.raised_at')
    .execute();
}
