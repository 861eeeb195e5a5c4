import { auditedTransaction } from '../call-audit-scope';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { scoreMeasure } from '../../core/scoring/measure-definitions';
import {
  acknowledgeRiskFlag,
  findRiskFlag,
  insertAssessment,
  insertMeasureResult,
  insertRiskFlag,
  setParticipantStatus,
} from '../../db/repositories/assessment-repository';
import { findParticipant } from '../../db/repositories/participant-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { recordAmendment } from './assessment-amendment';

export const JOINED_UP_KIND = 'joined_up';

async function requireParticipant(store: Store, id: string): Promise<void> {
  if ((await findParticipant(store.db, id)) === undefined) throw new AppError('NOT_FOUND', 'That person could not be found.');
}

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

/**
 * Scores and stores one completed measure. A PHQ-9 with item 9 above 0 raises a risk flag in the
 * same transaction, so a saved answer can never be without its flag.
 */
export async function recordMeasure(
  store: Store,
  input: ParsedInput<'measures.record'>,
  recordedBy: string,
  now: Date,
): Promise<ChannelOutput<'measures.record'>> {
  await requireParticipant(store, input.participantId);
  const score = scoreMeasure(input.response.measure, input.response.answers);
  const id = randomUUID();
  const recordedAt = now.toISOString();
  try {
    await auditedTransaction(store, async (trx) => {
      await insertMeasureResult(trx, {
        id,
        participant_id: input.participantId,
        discipline: input.discipline,
        measure: input.response.measure,
        taken_on: input.takenOn,
        answers_json: JSON.stringify(input.response.answers),
        total: score.total,
        band_label: score.bandLabel,
        risk_flag: score.riskFlag ? 1 : 0,
        recorded_by: recordedBy,
        recorded_at: recordedAt,
      });
      if (score.riskFlag) {
        await insertRiskFlag(trx, {
          id: randomUUID(),
          participant_id: input.participantId,
          measure_result_id: id,
          reason: 'PHQ-9 question 9 (thoughts of being better off dead or of self-harm) was answered above "not at all".',
          raised_on: input.takenOn,
          raised_at: recordedAt,
          acknowledged_at: null,
          acknowledged_by: null,
          acknowledgement_note: null,
        });
      }
      return { id };
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return { id, score };
}

/** A clinician records that they have reviewed a risk flag and what was done. */
export async function acknowledgeRisk(
  store: Store,
  input: ParsedInput<'riskFlags.acknowledge'>,
  clinicianId: string,
  now: Date,
): Promise<ChannelOutput<'riskFlags.acknowledge'>> {
  const flag = await findRiskFlag(store.db, input.flagId);
  if (flag === undefined) throw new AppError('NOT_FOUND', 'That risk flag could not be found.');
  const changed = await acknowledgeRiskFlag(store.db, { id: flag.id, by: clinicianId, at: now.toISOString(), note: input.note });
  if (!changed) throw new AppError('CONFLICT', 'This risk flag has already been acknowledged.');
  return {};
}
