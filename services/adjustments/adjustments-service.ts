import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { SignedInUser } from '../../core/schemas/session';
import type { ParticipantAdjustments, WorkplaceAdjustmentsContent } from '../../core/schemas/workplace-adjustments';
import { latestPlan } from '../../db/repositories/action-plan-repository';
import {
  insertAdjustmentsVersion,
  latestAdjustments,
  listAhpReports,
  type AdjustmentsRow,
} from '../../db/repositories/adjustments-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { toAhpReport } from './ahp-report-service';
import { ahpReportsFor } from './ahp-report-visibility';
import { mayShare } from '../participants/consent-service';
import { employerLetterApproval } from './employer-letter-approval-service';
import { requireParticipant } from '../participants/require-participant';

/** The content of a saved version, as stored. */
export function adjustmentsContent(row: Pick<AdjustmentsRow, 'content_json'>): WorkplaceAdjustmentsContent {
  return JSON.parse(row.content_json) as WorkplaceAdjustmentsContent;
}

/**
 * A person's adjustments as the section shows them to `user`: the newest version, their AHP reports
 * (another practitioner's draft only as "Draft by <name>", ahp-report-visibility.ts) and the consent in force.
 */
export async function getAdjustments(
  store: Store,
  participantId: string,
  user: Pick<SignedInUser, 'userId'>,
): Promise<ParticipantAdjustments> {
  await requireParticipant(store, participantId);
  const [plan, saved, reports, consent, approval] = await Promise.all([
    latestPlan(store.db, participantId),
    latestAdjustments(store.db, participantId),
    listAhpReports(store.db, participantId),
    mayShare(store, participantId, 'share_employer'),
    employerLetterApproval(store, participantId),
  ]);
  return {
    currentPlanId: plan?.id ?? null,
    saved:
      saved === undefined
        ? null
        : {
            version: saved.version,
            planId: saved.plan_id,
            savedAt: saved.saved_at,
            savedByName: saved.saved_by_name,
            content: adjustmentsContent(saved),
          },
    ...ahpReportsFor(reports.map(toAhpReport), user),
    employerConsentInForce: consent,
    employerLetterApproval: approval,
  };
}

/**
 * Saves the next version of a person's adjustments, attached to their current plan. The caller
 * names the version they started from (none for the first save): if anyone saved since, it is a
 * conflict and nothing is written. Dispatch has checked the input and the caller's role.
 */
export async function saveAdjustments(
  store: Store,
  input: ParsedInput<'adjustments.save'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'adjustments.save'>> {
  const { participantId, version, ...content } = input;
  const participant = await requireParticipant(store, participantId);
  if (participant.status === 'exited')
    throw new AppError('CONFLICT', 'This person has exited the service; their adjustments cannot be changed.');
  const plan = await latestPlan(store.db, participantId);
  if (plan === undefined) throw new AppError('CONFLICT', 'Start the person’s action plan first: workplace adjustments are part of it.');
  const latest = await latestAdjustments(store.db, participantId);
  const expected = version ?? 0;
  if ((latest?.version ?? 0) !== expected) {
    throw new AppError(
      'CONFLICT',
      'Someone else saved these adjustments since you opened them. Your changes were not saved: reopen them to see theirs.',
    );
  }
  try {
    await insertAdjustmentsVersion(store.db, {
      id: randomUUID(),
      participant_id: participantId,
      plan_id: plan.id,
      version: expected + 1,
      content_json: JSON.stringify(content),
      saved_by: user.userId,
      saved_at: now.toISOString(),
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError(
        'CONFLICT',
        'Someone else saved these adjustments at the same moment. Your changes were not saved: reopen them to see theirs.',
      );
    }
    throw toStoreError(error);
  }
  return { version: expected + 1, planId: plan.id };
}
