import { addDaysToIsoDate } from '../../core/calendar-date';
import { londonDateOf } from '../../core/clock';
import { contract } from '../../core/contract';
import { reviewDueBy } from '../../core/plans/review-due';
import type { ActionStatus, PlanContent } from '../../core/schemas/action-plan';
import type { SignedInUser } from '../../core/schemas/session';
import { WORKLIST_LIST_LIMIT, type Worklist, type WorklistDraftKind } from '../../core/schemas/worklist';
import {
  agendaCasesOf,
  draftsStartedBy,
  firstPlannedMeetingFrom,
  inForcePlansWithActionsOwnedBy,
  latestActionStatuses,
  reviewsDueAmongPeopleOf,
  teamMemberIdsOfUser,
  type PeopleOf,
} from '../../db/repositories/worklist-repository';
import { countInboxReferrals } from '../../db/repositories/referral-inbox-repository';
import type { Store } from '../../db/store';
import { overdueRiskFlags } from '../measures/risk-flag-service';
import { JOINED_UP_KIND } from '../assessments/assessment-service';

/** Actions due within this many days count as due now: a week's notice, as a clinician plans their week. */
export const ACTION_DUE_WITHIN_DAYS = 7;

type Person = { participantId: string; reference: string; givenName: string; familyName: string };
const personOf = (row: { participant_id: string; reference: string; given_name: string; family_name: string }): Person => ({
  participantId: row.participant_id,
  reference: row.reference,
  givenName: row.given_name,
  familyName: row.family_name,
});

/**
 * The signed-in user's worklist at `now`. Risk flags: the overdue ones, only for those who may
 * acknowledge them (the contract's role list, then the clinical-lead rule). Actions: theirs (as the
 * team member linked to their account) in plans in force, not done or cancelled, due within a week
 * or overdue. Drafts: their own unsigned ones. Each list holds the first WORKLIST_LIST_LIMIT, with the totals. Reviews: the "Due for review" rule (core/plans/review-due)
 * for their people. Referrals waiting: how many wait in the inbox, for those who may triage. The next meeting: the first planned from today, with their cases (every case if they chair it).
 */
export async function worklistFor(store: Store, user: SignedInUser, now: Date): Promise<Worklist> {
  const today = londonDateOf(now);
  const memberIds = await teamMemberIdsOfUser(store.db, user.userId);
  const of: PeopleOf = { userId: user.userId, memberIds };
  const actions = await actionsDue(store, memberIds, today);
  const drafts = await draftsOf(store, user.userId);
  // One more than shown, to know whether there are more (the "Due for review" screen lists them all).
  const reviews = await reviewsDueAmongPeopleOf(store.db, of, reviewDueBy(now), WORKLIST_LIST_LIMIT + 1);
  return {
    today,
    totals: { actions: actions.length, drafts: drafts.length, reviews: reviews.length },
    riskFlags: await riskFlagsToAcknowledge(store, user, now),
    actions: actions.slice(0, WORKLIST_LIST_LIMIT),
    drafts: drafts.slice(0, WORKLIST_LIST_LIMIT),
    reviews: reviews.slice(0, WORKLIST_LIST_LIMIT).map((row) => {
      const reviewOn = row.next_review_on ?? today;
      return {
        ...personOf({ ...row, participant_id: row.id }),
        reviewOn,
        overdue: reviewOn < today,
        hasOpenRiskFlag: row.open_risk_flag_count > 0,
      };
    }),
    referralsWaiting: contract['referrals.list'].access.includes(user.role) ? await countInboxReferrals(store.db, 'waiting') : null,
    nextMeeting: await nextMeetingCases(store, of, today),
  };
}

async function riskFlagsToAcknowledge(store: Store, user: SignedInUser, now: Date): Promise<Worklist['riskFlags']> {
  const access = contract['riskFlags.acknowledge'].access;
  if (!access.includes(user.role)) return [];
  // overdueRiskFlags applies the clinical-lead rule: a clinician not qualified for risk is given none.
  const { flags } = await overdueRiskFlags(store, user, now);
  return flags.map((flag) => ({
    participantId: flag.participantId,
    reference: flag.reference,
    givenName: flag.givenName,
    familyName: flag.familyName,
    flagId: flag.id,
    raisedOn: flag.raisedOn,
  }));
}

async function actionsDue(store: Store, memberIds: readonly string[], today: string): Promise<Worklist['actions']> {
  const horizon = addDaysToIsoDate(today, ACTION_DUE_WITHIN_DAYS);
  // Theirs and due by the horizon first; progress is then read only for the plans holding such actions.
  const candidates = (await inForcePlansWithActionsOwnedBy(store.db, memberIds)).flatMap((plan) =>
    (JSON.parse(plan.content_json) as PlanContent).actions
      .filter((action) => action.ownerId !== null && memberIds.includes(action.ownerId) && action.dueOn !== null && action.dueOn <= horizon)
      .map((action) => ({ plan, action, dueOn: action.dueOn ?? horizon })),
  );
  const statuses = await latestActionStatuses(store.db, [...new Set(candidates.map(({ plan }) => plan.id))]);
  const due: Worklist['actions'] = [];
  for (const { plan, action, dueOn } of candidates) {
    const status = (statuses.get(`${plan.id}/${action.id}`) ?? 'not_started') as ActionStatus;
    if (status === 'done' || status === 'cancelled') continue;
    due.push({
      ...personOf(plan),
      planId: plan.id,
      actionId: action.id,
      description: action.description,
      dueOn,
      overdue: dueOn < today,
      status,
    });
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.familyName.localeCompare(b.familyName, 'en-GB'));
}

async function draftsOf(store: Store, userId: string): Promise<Worklist['drafts']> {
  const { assessments, plans, reports } = await draftsStartedBy(store.db, userId);
  const draft = (kind: WorklistDraftKind) => (row: (typeof plans)[number]) => ({
    ...personOf(row),
    id: row.id,
    kind,
    updatedAt: row.updated_at,
  });
  return [
    ...assessments.map((row) => draft(row.kind === JOINED_UP_KIND ? 'joined_up_assessment' : 'discipline_assessment')(row)),
    ...plans.map(draft('plan')),
    ...reports.map(draft('ahp_report')),
  ].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

async function nextMeetingCases(store: Store, of: PeopleOf, today: string): Promise<Worklist['nextMeeting']> {
  const meeting = await firstPlannedMeetingFrom(store.db, today);
  if (meeting === undefined) return null;
  // The chair is a team member: the one linked to this account chairs it.
  const chairs = of.memberIds.includes(meeting.chair_id);
  const cases = (await agendaCasesOf(store.db, meeting.id, of))
    .map((row, index) => ({ ...personOf({ ...row, participant_id: row.id }), position: index + 1, theirs: Number(row.theirs) === 1 }))
    .filter((item) => chairs || item.theirs)
    .map(({ theirs: _theirs, ...item }) => item);
  return { meetingId: meeting.id, heldOn: meeting.held_on, startsAt: meeting.starts_at, cases };
}
