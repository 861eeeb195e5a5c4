import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { scoreMeasure } from '../../core/scoring/measure-definitions';
import { wsasWorkItemError } from '../../core/scoring/wsas';
import { insertMeasureResult, insertRiskFlag } from '../../db/repositories/assessment-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { auditedTransaction } from '../call-audit-scope';
import { requireParticipant } from '../participants/require-participant';

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
  const person = await requireParticipant(store, input.participantId);
  const score = scoreMeasure(input.response.measure, input.response.answers);
  if (input.response.measure === 'wsas') {
    const fields = wsasWorkItemError(input.response.answers, person.employment_status);
    if (fields !== null) throw new AppError('VALIDATION', 'The WSAS answers need correcting.', fields);
  }
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
          acknowledgement_action: null,
        });
      }
      return { id };
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return { id, score };
}
