import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { findExit, agreedPlansOf, recordExit, transitionPlan } from '../../db/repositories/action-plan-repository';
import { setParticipantCoach } from '../../db/repositories/coach-caseload-repository';
import { removeUndiscussedListings } from '../../db/repositories/meeting-repository';
import { setParticipantNextReview } from '../../db/repositories/participant-repository';
import { findUserById } from '../../db/repositories/user-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { auditedTransaction } from '../call-audit-scope';
import { requireParticipant } from './require-participant';

/** Assigns (or reassigns, or removes) a person's coach: an enabled user with the coach role. */
export async function assignCoach(
  store: Store,
  input: ParsedInput<'participants.assignCoach'>,
  now: Date,
): Promise<ChannelOutput<'participants.assignCoach'>> {
  const participant = await requireParticipant(store, input.participantId);
  if (input.coachUserId !== null) {
    const coach = await findUserById(store.db, input.coachUserId);
    if (coach === undefined || coach.disabled_at !== null || coach.role !== 'coach') {
      throw new AppError('VALIDATION', 'Some answers need correcting.', { coachUserId: 'Choose a coach from the list' });
    }
  }
  if (participant.coach_user_id === input.coachUserId) return {};
  await auditedTransaction(store, (trx) => setParticipantCoach(trx, participant.id, input.coachUserId, now.toISOString()));
  return {};
}

/**
 * Closes a case at any stage, with the reason and date: the same exit a plan review records
 * (`participant_exits`, status `exited`), so the person leaves the open caseload and every screen
 * treats them as a plan review's exit does. Nothing is deleted; they come off agendas still to
 * come (a case already discussed keeps its notes), and a plan in force is closed as a review's exit
 * closes it, so no review or action of it falls due any more.
 */
export async function closeCase(
  store: Store,
  input: ParsedInput<'participants.close'>,
  closedBy: string,
  now: Date,
): Promise<ChannelOutput<'participants.close'>> {
  const participant = await requireParticipant(store, input.participantId);
  if (participant.status === 'exited' || (await findExit(store.db, participant.id)) !== undefined) {
    throw new AppError('CONFLICT', 'This case is already closed.');
  }
  if (participant.referred_on !== null && input.closedOn < participant.referred_on) {
    throw new AppError('VALIDATION', 'Some answers need correcting.', { closedOn: 'The case cannot close before the person was referred' });
  }
  const at = now.toISOString();
  try {
    await auditedTransaction(store, async (trx) => {
      await recordExit(trx, {
        participant_id: participant.id,
        exited_on: input.closedOn,
        reason: input.reason,
        reason_note: input.reasonNote === '' ? null : input.reasonNote,
        employment_outcome: input.employmentOutcome,
        recorded_by: closedBy,
        recorded_at: at,
      });
      // As at a plan review's exit: no plan in force any more, so none of its actions falls due on a worklist.
      for (const plan of await agreedPlansOf(trx, participant.id)) {
        const set = { status: 'reviewed', closed_at: at, next_review_on: null, updated_at: at };
        if (!(await transitionPlan(trx, { id: plan.id, from: plan.status, set })))
          throw new AppError('CONFLICT', 'Someone else changed this person’s plan at the same time. Reopen the record.');
      }
      await setParticipantNextReview(trx, participant.id, null);
      await removeUndiscussedListings(trx, participant.id);
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return {};
}
