import { auditedTransaction } from '../call-audit-scope';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import {
  findExit,
  findPlan,
  insertActionUpdate,
  insertPlanReview,
  plansInForceOf,
  recordExit,
  transitionPlan,
} from '../../db/repositories/action-plan-repository';
import { setParticipantNextReview } from '../../db/repositories/participant-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { planContent } from './action-plan-read';
import { listReviewDue } from '../participants/caseload-service';
import { reviewDueBy } from '../../core/plans/review-due';

const IN_FORCE = ['agreed_by_mdt', 'agreed_with_person', 'active'];

/** Progress on one action between meetings: appended, so the agreed plan itself never changes. */
export async function updateActionStatus(
  store: Store,
  input: ParsedInput<'plans.updateActionStatus'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'plans.updateActionStatus'>> {
  const plan = await findPlan(store.db, input.planId);
  if (plan === undefined) throw new AppError('NOT_FOUND', 'That plan could not be found.');
  if (!IN_FORCE.includes(plan.status))
    throw new AppError('CONFLICT', 'Progress is recorded on the plan in force, not on a draft or a replaced version.');
  if (!planContent(plan).actions.some((action) => action.id === input.actionId))
    throw new AppError('NOT_FOUND', 'That action is not part of this plan.');
  await insertActionUpdate(store.db, {
    id: randomUUID(),
    plan_id: plan.id,
    action_id: input.actionId,
    status: input.status,
    note: input.note,
    updated_by: userId,
    updated_at: now.toISOString(),
  });
  return {};
}

/**
 * A review of the plan in force. Continue sets the next review date; change closes this version
 * so the team drafts the next; exit closes it and records the person's exit and employment outcome.
 */
export async function reviewPlan(
  store: Store,
  input: ParsedInput<'plans.review'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'plans.review'>> {
  const plan = await findPlan(store.db, input.planId);
  if (plan === undefined) throw new AppError('NOT_FOUND', 'That plan could not be found.');
  if (plan.status !== 'agreed_with_person' && plan.status !== 'active')
    throw new AppError('CONFLICT', 'Only a plan the person has agreed can be reviewed.');
  if (input.outcome === 'exit' && (await findExit(store.db, plan.participant_id)) !== undefined)
    throw new AppError('CONFLICT', 'This person has already exited.');
  const at = now.toISOString();
  try {
    await auditedTransaction(store, async (trx) => {
      await insertPlanReview(trx, {
        id: randomUUID(),
        plan_id: plan.id,
        reviewed_on: input.reviewedOn,
        outcome: input.outcome,
        note: input.note,
        next_review_on: input.outcome === 'continue' ? input.nextReviewOn : null,
        reviewed_by: userId,
        recorded_at: at,
      });
      const set =
        input.outcome === 'continue'
          ? { next_review_on: input.nextReviewOn, updated_at: at }
          : { status: 'reviewed', closed_at: at, next_review_on: null, updated_at: at };
      if (!(await transitionPlan(trx, { id: plan.id, from: plan.status, set })))
        throw new AppError('CONFLICT', 'Someone else reviewed this plan at the same time. Reopen it.');
      // Continue: the next review. Change or exit: no plan in force until the next one is agreed.
      await setParticipantNextReview(trx, plan.participant_id, input.outcome === 'continue' ? input.nextReviewOn : null);
      if (input.outcome === 'exit' && input.exitReason !== null && input.employmentOutcome !== null) {
        await recordExit(trx, {
          participant_id: plan.participant_id,
          exited_on: input.reviewedOn,
          reason: input.exitReason,
          employment_outcome: input.employmentOutcome,
          recorded_by: userId,
          recorded_at: at,
        });
      }
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return {};
}

/** The most the "Due for review" list shows at once. */
const DUE_FOR_REVIEW_LIMIT = 500;

/**
 * People whose review is due (core/plans/review-due: next review on or before today), soonest
 * first, each with the plan in force if there is one. The same people as the caseload's "Review due"
 * filter, by the same store query.
 */
export async function plansDueForReview(store: Store, now: Date): Promise<ChannelOutput<'plans.dueForReview'>> {
  const today = reviewDueBy(now);
  const rows = listReviewDue(store, now, DUE_FOR_REVIEW_LIMIT);
  const plans = await plansInForceOf(
    store.db,
    rows.map((row) => row.id),
  );
  const planOf = new Map(plans.map((plan) => [plan.participant_id, plan.id]));
  return {
    items: rows.map((row) => ({
      planId: planOf.get(row.id) ?? null,
      participantId: row.id,
      reference: row.reference,
      givenName: row.given_name,
      familyName: row.family_name,
      reviewOn: row.next_review_on ?? today,
      overdue: (row.next_review_on ?? today) < today,
      hasOpenRiskFlag: row.open_risk_flag_count > 0,
    })),
  };
}
