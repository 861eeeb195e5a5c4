import { AppError } from '../../core/app-error';
import type { ActionPlan, ParticipantPlans, PlanContent } from '../../core/schemas/action-plan';
import {
  findExit,
  listActionUpdates,
  listPlanReviews,
  listPlanVersions,
  type PlanVersionRow,
} from '../../db/repositories/action-plan-repository';
import { listTeamMembers } from '../../db/repositories/team-member-repository';
import type { Store } from '../../db/store';
import { londonDateOf } from '../../core/clock';
import { currentEpisodeNumber, episodeNumberOn } from '../../core/episodes/episode-of-date';
import { episodesOf } from '../participants/episodes';
import { requireParticipant } from '../participants/require-participant';

type ActionUpdateRow = Awaited<ReturnType<typeof listActionUpdates>>[number];

/** The plan's content as stored. */
export function planContent(row: { content_json: string }): PlanContent {
  return JSON.parse(row.content_json) as PlanContent;
}

function toActionPlan(row: PlanVersionRow, teamMemberNames: ReadonlyMap<string, string>, updates: readonly ActionUpdateRow[]): ActionPlan {
  const content = planContent(row);
  const attendeeIds = row.attendee_ids_json === null ? [] : (JSON.parse(row.attendee_ids_json) as string[]);
  const latestUpdate = new Map<string, ActionUpdateRow>();
  for (const update of updates) if (update.plan_id === row.id) latestUpdate.set(update.action_id, update);
  return {
    ...content,
    id: row.id,
    participantId: row.participant_id,
    versionNumber: row.version_number,
    revision: row.revision,
    status: row.status as ActionPlan['status'],
    nextReviewOn: row.next_review_on,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    agreedByMdt:
      row.mdt_agreed_at === null
        ? null
        : {
            at: row.mdt_agreed_at,
            byName: row.agreed_by_name ?? '',
            meetingId: row.meeting_id,
            attendeeNames: attendeeIds.map((id) => teamMemberNames.get(id) ?? 'A former team member'),
            checkedByName: row.checked_by_name ?? '',
          },
    agreedWithPerson:
      row.person_agreed_on === null
        ? null
        : {
            on: row.person_agreed_on,
            method: row.person_agreement_method as NonNullable<ActionPlan['agreedWithPerson']>['method'],
            recordedByName: row.person_recorded_by_name ?? '',
          },
    progress: content.actions.flatMap((action) => {
      const update = latestUpdate.get(action.id);
      return update === undefined
        ? []
        : [
            {
              actionId: action.id,
              status: update.status as ActionPlan['progress'][number]['status'],
              note: update.note,
              updatedAt: update.updated_at,
              updatedByName: update.updated_by_name,
            },
          ];
    }),
  };
}

/**
 * Every version of a person's plan in one episode (newest first), its reviews and how the episode
 * ended: the current episode unless `episode` names an earlier one (issue 20 item 4). A version
 * belongs to the episode it was made in (core/episodes/episode-of-date.ts); a draft, never agreed,
 * is always the current episode's work. So an earlier episode's plan is never shown, printed or
 * sent as the plan of the current one (hazard log: "An earlier episode's plan taken as current").
 */
export async function getParticipantPlans(store: Store, participantId: string, episode?: number): Promise<ParticipantPlans> {
  const participant = await requireParticipant(store, participantId);
  const [allRows, teamMembers, exit, episodes] = await Promise.all([
    listPlanVersions(store.db, participantId),
    listTeamMembers(store.db),
    findExit(store.db, participantId),
    episodesOf(store.db, participant),
  ]);
  const current = currentEpisodeNumber(episodes);
  const wanted = episode ?? current;
  const chosen = episodes.find((item) => item.number === wanted);
  if (chosen === undefined) throw new AppError('NOT_FOUND', 'That episode could not be found.');
  const episodeOfRow = (row: PlanVersionRow) =>
    row.status === 'draft' ? current : episodeNumberOn(episodes, londonDateOf(new Date(row.created_at)));
  const rows = allRows.filter((row) => episodeOfRow(row) === wanted);
  const ended =
    wanted === current
      ? exit === undefined
        ? null
        : { exitedOn: exit.exited_on, reason: exit.reason, employmentOutcome: exit.employment_outcome }
      : chosen.end === null
        ? null
        : { exitedOn: chosen.end.endedOn, reason: chosen.end.reason, employmentOutcome: chosen.end.employmentOutcome };
  const planIds = rows.map((row) => row.id);
  const [updates, reviews] = await Promise.all([listActionUpdates(store.db, planIds), listPlanReviews(store.db, planIds)]);
  const names = new Map(teamMembers.map((member) => [member.id, member.full_name]));
  return {
    versions: rows.map((row) => toActionPlan(row, names, updates)),
    reviews: reviews.reverse().map((review) => ({
      id: review.id,
      planId: review.plan_id,
      reviewedOn: review.reviewed_on,
      outcome: review.outcome as ParticipantPlans['reviews'][number]['outcome'],
      note: review.note,
      nextReviewOn: review.next_review_on,
      reviewedByName: review.reviewed_by_name,
    })),
    exit:
      ended === null
        ? null
        : {
            exitedOn: ended.exitedOn,
            reason: ended.reason as NonNullable<ParticipantPlans['exit']>['reason'],
            employmentOutcome: ended.employmentOutcome as NonNullable<ParticipantPlans['exit']>['employmentOutcome'],
          },
  };
}
