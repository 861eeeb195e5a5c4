import { auditedTransaction } from '../call-audit-scope';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { londonDateOf } from '../../core/clock';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { duplicatePlanIds, planAgreementProblems, type AgreementProblem } from '../../core/plans/plan-agreement';
import type { SignedInUser } from '../../core/schemas/session';
import {
  findPlan,
  insertPlan,
  latestPlan,
  supersedeEarlierVersions,
  transitionPlan,
  updateDraftPlan,
} from '../../db/repositories/action-plan-repository';
import { listOpenRiskFlags, setParticipantStatus } from '../../db/repositories/assessment-repository';
import { listDirectoryServices } from '../../db/repositories/directory-service-repository';
import { listDisciplines } from '../../db/repositories/discipline-repository';
import { setParticipantNextReview } from '../../db/repositories/participant-repository';
import { findTeamMemberByUser, listTeamMembers } from '../../db/repositories/team-member-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { requireServiceNotRefused } from '../participants/consent-service';
import { planContent } from './action-plan-read';
import { requireParticipant } from '../participants/require-participant';

/** Problems as a validation error whose fields point at the offending goal, action or date. */
function problemsError(summary: string, problems: readonly AgreementProblem[]): AppError {
  return new AppError(
    'VALIDATION',
    `${summary} ${problems.map((problem) => problem.message).join(' ')}`,
    Object.fromEntries(problems.map((problem) => [problem.path, problem.message])),
  );
}

async function requireDraft(store: Store, planId: string) {
  const plan = await findPlan(store.db, planId);
  if (plan === undefined) throw new AppError('NOT_FOUND', 'That plan could not be found.');
  if (plan.status !== 'draft')
    throw new AppError('CONFLICT', 'This version of the plan has been agreed and is locked. Start a new version to change it.');
  return plan;
}

/**
 * Saves the draft of a person's plan. Without `planId` it starts the next version (copying is the
 * client's job: it sends the whole content), refusing if a draft already exists; with `planId` it
 * saves over that draft only at the revision the editor started from.
 */
export async function savePlanDraft(
  store: Store,
  input: ParsedInput<'plans.saveDraft'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'plans.saveDraft'>> {
  const participant = await requireParticipant(store, input.participantId);
  if (participant.status === 'exited') throw new AppError('CONFLICT', 'This person has exited the service; their plan cannot be changed.');
  const { participantId, planId, revision, ...content } = input;
  const duplicates = duplicatePlanIds(content);
  if (duplicates.length > 0) throw problemsError('The plan could not be saved.', duplicates);
  const at = now.toISOString();
  const contentJson = JSON.stringify(content);
  try {
    if (planId !== undefined) {
      const draft = await requireDraft(store, planId);
      if (draft.participant_id !== participantId) throw new AppError('NOT_FOUND', 'That plan could not be found.');
      const expectedRevision = revision ?? 0;
      const saved = await updateDraftPlan(store.db, { id: planId, expectedRevision, contentJson, reviewOn: content.reviewOn, at });
      if (!saved)
        throw new AppError(
          'CONFLICT',
          'Someone else saved this plan since you opened it. Your changes were not saved: reopen the plan to see theirs.',
        );
      return { planId, revision: expectedRevision + 1, versionNumber: draft.version_number };
    }
    const latest = await latestPlan(store.db, participantId);
    if (latest?.status === 'draft')
      throw new AppError(
        'CONFLICT',
        `A draft of this plan (version ${latest.version_number}) is already open. Reopen the plan to work on it.`,
      );
    const id = randomUUID();
    const versionNumber = (latest?.version_number ?? 0) + 1;
    await insertPlan(store.db, {
      id,
      participant_id: participantId,
      version_number: versionNumber,
      status: 'draft',
      content_json: contentJson,
      review_on: content.reviewOn,
      next_review_on: content.reviewOn,
      based_on_id: latest?.id ?? null,
      created_by: user.userId,
      created_at: at,
      updated_at: at,
    });
    return { planId: id, revision: 1, versionNumber };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new AppError('CONFLICT', 'Someone else started a new version of this plan at the same moment. Reopen the plan.');
    throw toStoreError(error);
  }
}

/**
 * The MDT agrees a draft: every action has an owner and a due date, no risk flag is open, the
 * attendees are recorded and a second member of the team has checked it. The version is then
 * locked and any earlier agreed version is marked as replaced.
 */
export async function agreePlanByMdt(
  store: Store,
  input: ParsedInput<'plans.agreeByMdt'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'plans.agreeByMdt'>> {
  const draft = await requireDraft(store, input.planId);
  if (draft.revision !== input.revision)
    throw new AppError('CONFLICT', 'The plan changed since you opened it. Read the latest version before agreeing it.');
  await requireServiceNotRefused(store, draft.participant_id);
  const [flags, members, services, disciplines, me] = await Promise.all([
    listOpenRiskFlags(store.db, draft.participant_id),
    listTeamMembers(store.db),
    listDirectoryServices(store.db),
    listDisciplines(store.db),
    findTeamMemberByUser(store.db, user.userId),
  ]);
  const activeMembers = new Set(members.filter((member) => member.active === 1).map((member) => member.id));
  const problems = planAgreementProblems(planContent(draft), {
    openRiskFlagCount: flags.length,
    ownerIds: activeMembers,
    serviceIds: new Set(services.filter((service) => service.active === 1).map((service) => service.id)),
    disciplineCodes: new Set(disciplines.filter((discipline) => discipline.active === 1).map((discipline) => discipline.code)),
  });
  const attendees = [...new Set(input.attendeeIds)];
  if (attendees.some((id) => !activeMembers.has(id)))
    problems.push({ path: 'attendeeIds', message: 'Every attendee must be an active team member.' });
  if (!attendees.includes(input.checkedById))
    problems.push({ path: 'checkedById', message: 'The person who checked the plan must be one of the attendees.' });
  else if (me !== undefined && me.id === input.checkedById)
    problems.push({ path: 'checkedById', message: 'A second member of the team must check the plan: not the person agreeing it.' });
  if (problems.length > 0) throw problemsError('The plan cannot be agreed yet.', problems);

  const at = now.toISOString();
  try {
    await auditedTransaction(store, async (trx) => {
      const agreed = await transitionPlan(trx, {
        id: draft.id,
        from: 'draft',
        expectedRevision: input.revision,
        set: {
          status: 'agreed_by_mdt',
          mdt_agreed_at: at,
          mdt_agreed_by: user.userId,
          meeting_id: input.meetingId,
          attendee_ids_json: JSON.stringify(attendees),
          checked_by_id: input.checkedById,
          updated_at: at,
        },
      });
      if (!agreed) throw new AppError('CONFLICT', 'The plan changed since you opened it. Read the latest version before agreeing it.');
      await supersedeEarlierVersions(trx, draft.participant_id, draft.version_number, at);
      // The agreed plan's review date is now the person's: the caseload sorts and filters on it.
      await setParticipantNextReview(trx, draft.participant_id, draft.review_on);
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return {};
}

/** Records that the person agreed the plan, when and how. */
export async function agreePlanWithPerson(
  store: Store,
  input: ParsedInput<'plans.agreeWithPerson'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'plans.agreeWithPerson'>> {
  const plan = await findPlan(store.db, input.planId);
  if (plan === undefined) throw new AppError('NOT_FOUND', 'That plan could not be found.');
  if (plan.status !== 'agreed_by_mdt')
    throw new AppError('CONFLICT', 'Only a plan the MDT has agreed, and the person has not yet, can be agreed with the person.');
  await requireServiceNotRefused(store, plan.participant_id);
  // The MDT's day in England: agreed at 00:30 BST on 1 July is 1 July, not the UTC 30 June.
  if (plan.mdt_agreed_at !== null && input.agreedOn < londonDateOf(new Date(plan.mdt_agreed_at))) {
    throw new AppError('VALIDATION', 'The person cannot have agreed the plan before the MDT did.', {
      agreedOn: 'The date must be on or after the day the MDT agreed the plan',
    });
  }
  const changed = await transitionPlan(store.db, {
    id: plan.id,
    from: 'agreed_by_mdt',
    set: {
      status: 'agreed_with_person',
      person_agreed_on: input.agreedOn,
      person_agreement_method: input.method,
      person_agreement_recorded_by: user.userId,
      updated_at: now.toISOString(),
    },
  });
  if (!changed) throw new AppError('CONFLICT', 'Someone else recorded this at the same time. Reopen the plan.');
  return {};
}

/** Support starts: the plan becomes active and so does the person. */
export async function activatePlan(
  store: Store,
  input: ParsedInput<'plans.activate'>,
  now: Date,
): Promise<ChannelOutput<'plans.activate'>> {
  const plan = await findPlan(store.db, input.planId);
  if (plan === undefined) throw new AppError('NOT_FOUND', 'That plan could not be found.');
  await requireServiceNotRefused(store, plan.participant_id);
  const at = now.toISOString();
  try {
    await auditedTransaction(store, async (trx) => {
      const changed = await transitionPlan(trx, {
        id: plan.id,
        from: 'agreed_with_person',
        set: { status: 'active', activated_at: at, updated_at: at },
      });
      if (!changed) throw new AppError('CONFLICT', 'A plan becomes active once the person has agreed it.');
      await setParticipantStatus(trx, plan.participant_id, ['referred', 'assessed', 'ready_for_mdt'], 'active', at);
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return {};
}
