import { describe, expect, it } from 'vitest';
import { clockStartingAt, type Clock } from '../../../core/clock';
import type { PlanAction } from '../../../core/schemas/action-plan';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { Meeting, MeetingSummary } from '../../../core/schemas/meetings';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import type { Worklist } from '../../../core/schemas/worklist';
import { demoTeam } from '../../support/demo-team';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';
import { raiseRiskFlag } from '../../support/raise-risk-flag';
import { referralCsv, referralCsvRow } from '../../support/referral-files';
import { testDate } from '../../support/test-clock';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

async function worklistAs(demo: Demo, username: string): Promise<Worklist> {
  await demo.signInAs(username);
  return value<Worklist>(await demo.services.dispatch('worklist.get', {}));
}

const action = (id: string, ownerId: string, dueOn: string, discipline = 'physiotherapy'): PlanAction => ({
  id,
  goalId: 'g1',
  kind: 'intervention',
  discipline,
  description: `Action ${id}`,
  ownerId,
  dueOn,
  serviceId: null,
});

/**
 * The demo person with a joined-up assessment and service consent by the coach, and a plan agreed
 * by the MDT whose actions belong to the physiotherapist (four) and the mental health practitioner
 * (one), with its review date yesterday. The occupational therapist has no part in it.
 */
async function personWithAgreedPlan() {
  const demo = await demoWithPerson();
  const { services, id } = demo;
  await demo.signInAs('demo.coach');
  value(await services.dispatch('assessments.saveJoinedUp', { participantId: id, ...JOINED_UP }));
  value(
    await services.dispatch('consents.record', {
      participantId: id,
      purpose: 'service',
      decision: 'given',
      date: testDate(-30),
      method: 'verbal',
    }),
  );
  await demo.signInAs('demo.coordinator');
  const team = demoTeam(value<PartnershipConfig>(await services.dispatch('config.get', {})));
  const actions = [
    action('overdue', team.physio, testDate(-3)),
    action('this-week', team.physio, testDate(5)),
    action('next-month', team.physio, testDate(30)),
    action('done', team.physio, testDate(-10)),
    action('mh', team.mh, testDate(2), 'mental_health'),
  ];
  const draft = value<{ planId: string }>(
    await services.dispatch('plans.saveDraft', {
      participantId: id,
      goals: [{ id: 'g1', text: 'Back to full shifts' }],
      actions,
      reviewOn: testDate(-1),
    }),
  );
  value(
    await services.dispatch('plans.agreeByMdt', {
      planId: draft.planId,
      revision: 1,
      attendeeIds: [team.coordinator, team.physio, team.mh],
      checkedById: team.physio,
    }),
  );
  value(await services.dispatch('plans.updateActionStatus', { planId: draft.planId, actionId: 'done', status: 'done', note: '' }));
  return { ...demo, team, planId: draft.planId };
}

describe('the worklist (issue 16, item 6)', () => {
  it('lists the actions a user owns that are overdue or due within a week and not done; nobody else’s', async () => {
    const demo = await personWithAgreedPlan();
    const mine = (list: Worklist) => list.actions.filter((item) => item.participantId === demo.id);

    const physio = await worklistAs(demo, 'demo.physio');
    expect(mine(physio).map((item) => [item.actionId, item.dueOn, item.overdue, item.status])).toEqual([
      ['overdue', testDate(-3), true, 'not_started'],
      ['this-week', testDate(5), false, 'not_started'],
    ]);
    expect(mine(physio)[0]).toMatchObject({ planId: demo.planId, description: 'Action overdue', reference: expect.stringMatching(/^WW-/) });
    expect(mine(await worklistAs(demo, 'demo.mh')).map((item) => item.actionId)).toEqual(['mh']);
    expect(mine(await worklistAs(demo, 'demo.ot'))).toEqual([]);
    // Under the list limit, the totals are the lists' own lengths.
    expect(physio.totals).toEqual({ actions: physio.actions.length, drafts: physio.drafts.length, reviews: physio.reviews.length });
    // Every action anyone is shown is due by a week from today and not finished.
    for (const item of physio.actions) {
      expect(item.dueOn <= testDate(7)).toBe(true);
      expect(['not_started', 'in_progress']).toContain(item.status);
    }
  });

  it('closing a case at any stage (issue 20 item 5) takes its actions and its review off every worklist', async () => {
    const demo = await personWithAgreedPlan();
    const mine = (list: Worklist) => [...list.actions, ...list.reviews].filter((item) => item.participantId === demo.id);
    expect(mine(await worklistAs(demo, 'demo.physio')).length).toBeGreaterThan(0);
    await demo.signInAs('demo.coordinator');
    value(
      await demo.services.dispatch('participants.close', {
        participantId: demo.id,
        closedOn: testDate(0),
        reason: 'person_chose_to_leave',
        employmentOutcome: 'stayed_in_work',
      }),
    );
    expect(mine(await worklistAs(demo, 'demo.physio'))).toEqual([]);
    expect(mine(await worklistAs(demo, 'demo.mh'))).toEqual([]);
  });

  it('lists reviews due for the user’s people by the "Due for review" rule: the author, the action owners, not others', async () => {
    const demo = await personWithAgreedPlan();
    await demo.signInAs('demo.coordinator');
    const dueScreen = value<{ items: Array<{ participantId: string; reviewOn: string; overdue: boolean }> }>(
      await demo.services.dispatch('plans.dueForReview', {}),
    ).items;
    const onScreen = dueScreen.find((item) => item.participantId === demo.id);
    expect(onScreen).toMatchObject({ reviewOn: testDate(-1), overdue: true });

    for (const username of ['demo.coach', 'demo.physio', 'demo.mh']) {
      const review = (await worklistAs(demo, username)).reviews.find((item) => item.participantId === demo.id);
      expect(review, username).toMatchObject({ reviewOn: onScreen?.reviewOn, overdue: true, hasOpenRiskFlag: false });
    }
    const ot = await worklistAs(demo, 'demo.ot');
    expect(ot.reviews.some((item) => item.participantId === demo.id)).toBe(false);
    // Whoever's list it is, it never shows a review the "Due for review" screen does not.
    const dueIds = new Set(dueScreen.map((item) => item.participantId));
    for (const item of ot.reviews) expect(dueIds.has(item.participantId)).toBe(true);
  });

  it('lists the drafts a user started (assessment, plan, AHP report), and never another author’s', async () => {
    const demo = await personWithAgreedPlan();
    const { services, id } = demo;
    await demo.signInAs('demo.physio');
    const assessment = value<{ id: string }>(
      await services.dispatch('assessments.saveDisciplineDraft', {
        participantId: id,
        assessedOn: testDate(-1),
        findings: 'Lumbar flexion limited.',
        workImpact: 'Cannot stand for long.',
        recommendations: 'A perching stool.',
      }),
    );
    await demo.signInAs('demo.coordinator');
    const nextVersion = value<{ planId: string }>(
      await services.dispatch('plans.saveDraft', { participantId: id, goals: [], actions: [], reviewOn: null }),
    );

    await demo.signInAs('demo.ot');
    const report = value<{ id: string }>(
      await services.dispatch('adjustments.saveAhpReport', {
        participantId: id,
        fitness: 'may_be_fit',
        periodFrom: testDate(1),
        periodTo: testDate(29),
        followUpOn: testDate(29),
        categories: [],
        difficulties: [],
        organisation: 'South Yorkshire WorkWell',
        assessedOn: testDate(-1),
      }),
    );
    const otDrafts = (await worklistAs(demo, 'demo.ot')).drafts.filter((item) => item.participantId === id);
    expect(otDrafts).toEqual([expect.objectContaining({ id: report.id, kind: 'ahp_report' })]);

    const physioDrafts = (await worklistAs(demo, 'demo.physio')).drafts.filter((item) => item.participantId === id);
    expect(physioDrafts).toEqual([expect.objectContaining({ id: assessment.id, kind: 'discipline_assessment' })]);
    const coordinatorDrafts = (await worklistAs(demo, 'demo.coordinator')).drafts.filter((item) => item.participantId === id);
    expect(coordinatorDrafts).toEqual([expect.objectContaining({ id: nextVersion.planId, kind: 'plan' })]);
    // The coach's joined-up assessment was signed when saved: not a draft.
    expect((await worklistAs(demo, 'demo.coach')).drafts.some((item) => item.participantId === id)).toBe(false);
    expect((await worklistAs(demo, 'demo.mh')).drafts.some((item) => item.id === assessment.id)).toBe(false);

    await demo.signInAs('demo.physio');
    value(await services.dispatch('assessments.sign', { id: assessment.id, version: 1 }));
    expect((await worklistAs(demo, 'demo.physio')).drafts.some((item) => item.id === assessment.id)).toBe(false);
  });

  it('shows the next meeting with the user’s cases on it; the chair sees every case', async () => {
    const demo = await personWithAgreedPlan();
    const { services, id, team } = demo;
    await demo.signInAs('demo.coordinator');
    const meetings = value<{ meetings: MeetingSummary[] }>(await services.dispatch('meetings.list', {})).meetings;
    const next = meetings
      .filter((meeting) => meeting.status === 'planned' && meeting.heldOn >= testDate(0))
      .sort((a, b) => `${a.heldOn}T${a.startsAt}`.localeCompare(`${b.heldOn}T${b.startsAt}`))[0];
    if (next === undefined) throw new Error('the demo has no planned meeting');
    value(await services.dispatch('triage.decide', { participantId: id, outcome: 'full_discussion', meetingId: next.id, note: '' }));
    const meeting = value<Meeting>(await services.dispatch('meetings.get', { meetingId: next.id }));
    const position = meeting.agenda.findIndex((item) => item.participantId === id) + 1;

    for (const username of ['demo.coach', 'demo.physio']) {
      const list = await worklistAs(demo, username);
      expect(list.nextMeeting, username).toMatchObject({ meetingId: next.id, heldOn: next.heldOn, startsAt: next.startsAt });
      expect(
        list.nextMeeting?.cases.find((item) => item.participantId === id),
        username,
      ).toMatchObject({ position });
    }
    const ot = await worklistAs(demo, 'demo.ot');
    expect(ot.nextMeeting?.cases.some((item) => item.participantId === id)).toBe(false);

    const chairUsername = meeting.chairId === team.coordinator ? 'demo.coordinator' : undefined;
    expect(chairUsername).toBe('demo.coordinator');
    const chair = await worklistAs(demo, 'demo.coordinator');
    expect(chair.nextMeeting?.cases.map((item) => item.participantId)).toEqual(meeting.agenda.map((item) => item.participantId));
  });

  it('refuses administrators (no clinical content), and says nothing is due rather than failing when nothing is', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.admin');
    const refused = await demo.services.dispatch('worklist.get', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const ot = await worklistAs(demo, 'demo.ot');
    expect(ot.today).toBe(testDate(0));
    expect(ot.drafts.filter((item) => item.participantId === demo.id)).toEqual([]);
    expect(ot.riskFlags).toEqual([]);
  });

  it('counts the referrals waiting in the inbox for those who triage them, and gives no count to others', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    expect((await worklistAs(demo, 'demo.coach')).referralsWaiting).toBe(0);
    const text = referralCsv([referralCsvRow(1), referralCsvRow(2), referralCsvRow(3)]);
    value(await demo.services.dispatch('referrals.import', { format: 'csv', text }));
    const waiting = value<{ referrals: InboxEntry[] }>(await demo.services.dispatch('referrals.list', {})).referrals;
    value(
      await demo.services.dispatch('referrals.decline', { id: waiting[0]!.id, version: waiting[0]!.version, reason: 'not_eligible_area' }),
    );
    expect((await worklistAs(demo, 'demo.coach')).referralsWaiting).toBe(2);
    expect((await worklistAs(demo, 'demo.coordinator')).referralsWaiting).toBe(2);
    expect((await worklistAs(demo, 'demo.physio')).referralsWaiting).toBeNull();
  });
});

/** A clock a test can move on: each `jumpTo` restarts it at that instant. */
function movableClock(start: string) {
  let current: Clock = clockStartingAt(start);
  return { clock: (() => current()) as Clock, jumpTo: (instant: string) => (current = clockStartingAt(instant)) };
}

describe('the worklist’s overdue risk flags (a clinical-safety control)', () => {
  it('lists a flag once past one working day, only to those who may acknowledge it, and drops it once acknowledged', async () => {
    // Monday 7 December 2026, 10:00 in London: the flag is due by Tuesday 10:00.
    const time = movableClock('2026-12-07T10:00:00Z');
    const demo = await demoWithPerson({ clock: time.clock });
    await demo.signInAs('demo.coach');
    await raiseRiskFlag(demo.services, demo.id);
    const flagged = (list: Worklist) => list.riskFlags.filter((item) => item.participantId === demo.id);

    expect(flagged(await worklistAs(demo, 'demo.mh'))).toEqual([]);
    time.jumpTo('2026-12-08T10:30:00Z');
    const [flag] = flagged(await worklistAs(demo, 'demo.mh'));
    expect(flag).toMatchObject({ raisedOn: expect.any(String), flagId: expect.any(String) });
    // The coordinator is shown the sign-in panel but cannot acknowledge; the others are not qualified.
    for (const username of ['demo.coordinator', 'demo.coach', 'demo.physio', 'demo.ot'])
      expect(flagged(await worklistAs(demo, username)), username).toEqual([]);

    await demo.signInAs('demo.mh');
    value(
      await demo.services.dispatch('riskFlags.acknowledge', {
        flagId: flag?.flagId,
        action: 'safety_plan_agreed',
        note: 'Phoned; safety plan agreed.',
      }),
    );
    expect(flagged(await worklistAs(demo, 'demo.mh'))).toEqual([]);
  });
});
