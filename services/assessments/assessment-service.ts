import { auditedTransaction } from '../call-audit-scope';
import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { insertAssessment, setParticipantStatus } from '../../db/repositories/assessment-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { recordAmendment } from './assessment-amendment';
import { requireParticipant } from '../participants/require-participant';

export const JOINED_UP_KIND = 'joined_up';

/**
 * Saves the coach's joined-up assessment. A person who was only referred becomes ready for MDT
 * triage; a later assessment is kept as a new entry, never an overwrite.
 */
export async function saveJoinedUpAssessment(
  store: Store,
  input: ParsedInput<'assessments.saveJoinedUp'>,
  authorId: string,
  now: Date,
): Promise<ChannelOutput<'assessments.saveJoinedUp'>> {
  await requireParticipant(store, input.participantId);
  const { participantId, assessedOn, ...content } = input;
  const id = randomUUID();
  const recordedAt = now.toISOString();
  try {
    await auditedTransaction(store, async (trx) => {
      // The coach's assessment is signed as it is saved; corrections are amendments.
      await insertAssessment(trx, {
        id,
        participant_id: participantId,
        kind: JOINED_UP_KIND,
        discipline: 'employment_support',
        assessed_on: assessedOn,
        content_json: JSON.stringify(content),
        author_id: authorId,
        recorded_at: recordedAt,
        updated_at: recordedAt,
        signed_at: recordedAt,
        signed_by: authorId,
        amends_id: null,
        amendment_reason: null,
      });
      await setParticipantStatus(trx, participantId, ['referred', 'assessed'], 'ready_for_mdt', recordedAt);
      // The new record's id, for the audit entry written in this transaction.
      return { id };
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return { id };
}

/** The coach or coordinator corrects a signed joined-up assessment; the original is kept. */
export async function amendJoinedUpAssessment(
  store: Store,
  input: ParsedInput<'assessments.amendJoinedUp'>,
  authorId: string,
  now: Date,
): Promise<ChannelOutput<'assessments.amendJoinedUp'>> {
  const { amendsId, reason, assessedOn, ...content } = input;
  return recordAmendment(store, { amendsId, kind: JOINED_UP_KIND, assessedOn, content, reason, authorId, now }, () => true);
}
