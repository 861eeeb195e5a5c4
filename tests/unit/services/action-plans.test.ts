import { describe, expect, it } from 'vitest';
import type { ParticipantPlans, PlanAction } from '../../../core/schemas/action-plan';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { demoTeam } from '../../support/demo-team';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';
import { TEST_TODAY } from '../../support/test-clock';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

/** A demo person made ready for MDT, with the team's ids looked up from the partnership configuration. */
async function readyPerson(options: { clock?: () => Date } = {}) {
  const demo = await demoWithPerson(options);
  await demo.signInAs('demo.coach');
  value(await demo.services.dispatch('assessments.saveJoinedUp', { participantId: demo.id, ...JOINED_UP }));
  await demo.signInAs('demo.coordinator');
  const config = value<PartnershipConfig>(await demo.services.dispatch('config.get', {}));
  const team = demoTeam(config);
  const serviceId = config.services.find((service) => service.active)?.id ?? '';
  return { ...demo, team, serviceId };
}

function actions(team: Awaited<ReturnType<typeof readyPerson>>['team'], serviceId: string): PlanAction[] {
  return [
    {
      id: 'a-physio',
      goalId: 'g1',
      kind: 'intervention',
      discipline: 'physiotherapy',
      description: 'Six physiotherapy sessions for low back pain',
      ownerId: team.physio,
      dueOn: '2027-01-15',
      serviceId: null,
    },
    {
      id: 'a-mh',
      goalId: 'g1',
      kind: 'intervention',
      discipline: 'mental_health',
      description: 'Four sessions of guided self-help',
      ownerId: team.mh,
      dueOn: '2027-01-31',
      serviceId: null,
    },
    {
      id: 'a-ot',
      goalId: 'g1',
      kind: 'intervention',
      discipline: 'occupational_therapy',
      description: 'Workplace assessment and graded return',
      ownerId: team.ot,
      dueOn: '2026-12-20',
      serviceId: null,
    },
    {
      id: 'a-debt',
      goalId: null,
      kind: 'onward_referral',
      discipline: 'employment_support',
      description: 'Refer for debt advice',
      ownerId: team.coach,
      dueOn: '2026-12-05',
      serviceId,
    },
  ];
}

const GOALS = [{ id: 'g1', text: 'Back to full shifts by February' }];

async function plans(demo: Demo): Promise<ParticipantPlans> {
  return value<ParticipantPlans>(await demo.services.dispatch('plans.get', { participantId: demo.id }));
}

describe('action plans', () => {
  it('cannot be agreed with an action lacking an owner or due date; then agreed, locked, agreed with the person, active', async () => {
    const demo = await readyPerson();
    const { services, team, serviceId } = demo;
    const incomplete = actions(team, serviceId).map((action, index) => (index === 1 ? { ...action, ownerId: null, dueOn: null } : action));
    const draft = value<{ planId: string; revision: number; versionNumber: number }>(
      await services.dispatch('plans.saveDraft', { participantId: demo.id, goals: GOALS, actions: incomplete, reviewOn: '2027-02-01' }),
    );
    expect(draft).toMatchObject({ revision: 1, versionNumber: 1 });

    const agreement = {
      planId: draft.planId,
      revision: 1,
      attendeeIds: [team.coordinator, team.physio, team.mh, team.ot, team.coach],
      checkedById: team.physio,
    };
    const refused = await services.dispatch('plans.agreeByMdt', agreement);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { 'actions.1.ownerId': 'Action 2: choose who is responsible.', 'actions.1.dueOn': 'Action 2: give a due date.' },
      },
    });
    expect((await plans(demo)).versions[0]?.status).toBe('draft');

    value(
      await services.dispatch('plans.saveDraft', {
        participantId: demo.id,
        planId: draft.planId,
        revision: 1,
        goals: GOALS,
        actions: actions(team, serviceId),
        reviewOn: '2027-02-01',
      }),
    );
    expect(await services.dispatch('plans.agreeByMdt', { ...agreement, revision: 2, checkedById: team.coordinator })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { checkedById: expect.stringContaining('second member') } },
    });
    value(await services.dispatch('plans.agreeByMdt', { ...agreement, revision: 2 }));

    let [plan] = (await plans(demo)).versions;
    expect(plan).toMatchObject({ status: 'agreed_by_mdt', versionNumber: 1, agreedByMdt: { checkedByName: 'Priya Lindqvist' } });
    expect(plan?.agreedByMdt?.attendeeNames).toHaveLength(5);
    expect(
      await services.dispatch('plans.saveDraft', {
        participantId: demo.id,
        planId: draft.planId,
        revision: 2,
        goals: GOALS,
        actions: [],
        reviewOn: null,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('locked') },
    });

    value(await services.dispatch('plans.agreeWithPerson', { planId: draft.planId, agreedOn: TEST_TODAY, method: 'phone' }));
    value(await services.dispatch('plans.activate', { planId: draft.planId }));
    [plan] = (await plans(demo)).versions;
    expect(plan).toMatchObject({ status: 'active', agreedWithPerson: { method: 'phone' } });
    const record = value<{ status: string }>(await services.dispatch('participants.get', { id: demo.id }));
    expect(record.status).toBe('active');
    await services.close();
  });

  it('a change to an agreed plan is a new version; the agreed one is kept and then marked replaced', async () => {
    const demo = await readyPerson();
    const { services, team, serviceId } = demo;
    const first = value<{ planId: string }>(
      await services.dispatch('plans.saveDraft', {
        participantId: demo.id,
        goals: GOALS,
        actions: actions(team, serviceId),
        reviewOn: '2027-02-01',
      }),
    );
    value(
      await services.dispatch('plans.agreeByMdt', {
        planId: first.planId,
        revision: 1,
        attendeeIds: [team.coordinator, team.physio],
        checkedById: team.physio,
      }),
    );

    const changed = actions(team, serviceId).map((action) => (action.id === 'a-physio' ? { ...action, dueOn: '2027-02-10' } : action));
    const second = value<{ planId: string; versionNumber: number }>(
      await services.dispatch('plans.saveDraft', { participantId: demo.id, goals: GOALS, actions: changed, reviewOn: '2027-02-15' }),
    );
    expect(second.versionNumber).toBe(2);
    expect(
      await services.dispatch('plans.saveDraft', { participantId: demo.id, goals: GOALS, actions: changed, reviewOn: null }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already open') } });

    value(
      await services.dispatch('plans.agreeByMdt', {
        planId: second.planId,
        revision: 1,
        attendeeIds: [team.coordinator, team.ot],
        checkedById: team.ot,
      }),
    );
    const { versions } = await plans(demo);
    expect(versions.map((version) => [version.versionNumber, version.status])).toEqual([
      [2, 'agreed_by_mdt'],
      [1, 'superseded'],
    ]);
    expect(versions[1]?.actions.find((action) => action.id === 'a-physio')?.dueOn).toBe('2027-01-15');
    await services.close();
  });

  it('two people saving the same draft revision: the second gets a conflict and nothing is overwritten', async () => {
    const demo = await readyPerson();
    const { services, team, serviceId } = demo;
    const draft = value<{ planId: string }>(
      await services.dispatch('plans.saveDraft', { participantId: demo.id, goals: GOALS, actions: [], reviewOn: null }),
    );
    value(
      await services.dispatch('plans.saveDraft', {
        participantId: demo.id,
        planId: draft.planId,
        revision: 1,
        goals: GOALS,
        actions: actions(team, serviceId),
        reviewOn: null,
      }),
    );
    const second = await services.dispatch('plans.saveDraft', {
      participantId: demo.id,
      planId: draft.planId,
      revision: 1,
      goals: [{ id: 'g9', text: 'Other' }],
      actions: [],
      reviewOn: null,
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Someone else saved') } });
    expect((await plans(demo)).versions[0]).toMatchObject({ revision: 2, goals: GOALS });
    await services.close();
  });

  it('a plan cannot be agreed while a risk flag is unacknowledged', async () => {
    const demo = await readyPerson();
    const { services, team, serviceId } = demo;
    await demo.signInAs('demo.mh');
    value(
      await services.dispatch('measures.record', {
        participantId: demo.id,
        discipline: 'mental_health',
        takenOn: '2026-11-20',
        response: { measure: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
      }),
    );
    const draft = value<{ planId: string }>(
      await services.dispatch('plans.saveDraft', {
        participantId: demo.id,
        goals: GOALS,
        actions: actions(team, serviceId),
        reviewOn: '2027-02-01',
      }),
    );
    const refused = await services.dispatch('plans.agreeByMdt', {
      planId: draft.planId,
      revision: 1,
      attendeeIds: [team.coordinator, team.physio],
      checkedById: team.physio,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { riskFlags: expect.stringContaining('risk flag') } },
    });
    await services.close();
  });

  it('follow-up: action progress, due-for-review list, a review that continues, then exit with the employment outcome', async () => {
    // The clock moves with the story: dates a user types must not be after the clock's today.
    let clock = new Date('2026-11-20T10:00:00Z');
    const demo = await readyPerson({ clock: () => clock });
    const { services, team, serviceId } = demo;
    const draft = value<{ planId: string }>(
      await services.dispatch('plans.saveDraft', {
        participantId: demo.id,
        goals: GOALS,
        actions: actions(team, serviceId),
        reviewOn: '2026-11-25',
      }),
    );
    expect(await services.dispatch('plans.updateActionStatus', { planId: draft.planId, actionId: 'a-ot', status: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    value(
      await services.dispatch('plans.agreeByMdt', {
        planId: draft.planId,
        revision: 1,
        attendeeIds: [team.coordinator, team.physio],
        checkedById: team.physio,
      }),
    );
    clock = new Date('2026-11-21T10:00:00Z');
    value(await services.dispatch('plans.agreeWithPerson', { planId: draft.planId, agreedOn: '2026-11-21', method: 'in_person' }));
    value(await services.dispatch('plans.activate', { planId: draft.planId }));

    value(
      await services.dispatch('plans.updateActionStatus', {
        planId: draft.planId,
        actionId: 'a-ot',
        status: 'in_progress',
        note: 'Visited the workplace',
      }),
    );
    value(await services.dispatch('plans.updateActionStatus', { planId: draft.planId, actionId: 'a-ot', status: 'done' }));
    expect((await plans(demo)).versions[0]?.progress).toEqual([expect.objectContaining({ actionId: 'a-ot', status: 'done' })]);

    type Due = { items: Array<{ participantId: string; overdue: boolean }> };
    // The demo's own people may be due too; this story follows one person.
    const dueForReview = async () =>
      value<Due>(await services.dispatch('plans.dueForReview', {})).items.filter((item) => item.participantId === demo.id);
    // Due means on or before today (core/plans/review-due), as the caseload's "Review due" filter.
    expect(await dueForReview()).toEqual([]);
    clock = new Date('2026-11-25T10:00:00Z');
    expect(await dueForReview()).toEqual([
      expect.objectContaining({ participantId: demo.id, planId: draft.planId, overdue: false, hasOpenRiskFlag: false }),
    ]);
    clock = new Date('2026-11-26T10:00:00Z');
    expect(await dueForReview()).toEqual([expect.objectContaining({ participantId: demo.id, overdue: true })]);

    const badReview = await services.dispatch('plans.review', {
      planId: draft.planId,
      reviewedOn: '2026-11-22',
      outcome: 'continue',
      note: 'Going well',
    });
    expect(badReview).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { nextReviewOn: 'Give the date of the next review' } },
    });
    value(
      await services.dispatch('plans.review', {
        planId: draft.planId,
        reviewedOn: '2026-11-22',
        outcome: 'continue',
        note: 'Going well',
        nextReviewOn: '2027-01-10',
      }),
    );
    expect(await dueForReview()).toEqual([]);
    expect((await plans(demo)).versions[0]).toMatchObject({ status: 'active', nextReviewOn: '2027-01-10' });

    expect(
      await services.dispatch('plans.review', { planId: draft.planId, reviewedOn: '2026-11-22', outcome: 'exit', note: 'Back at work' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { exitReason: expect.any(String), employmentOutcome: expect.any(String) } },
    });
    value(
      await services.dispatch('plans.review', {
        planId: draft.planId,
        reviewedOn: '2026-11-22',
        outcome: 'exit',
        note: 'Back at work full time',
        exitReason: 'support_completed',
        employmentOutcome: 'stayed_in_work',
      }),
    );
    const history = await plans(demo);
    expect(history.exit).toEqual({ exitedOn: '2026-11-22', reason: 'support_completed', employmentOutcome: 'stayed_in_work' });
    expect(history.reviews.map((review) => review.outcome)).toEqual(['exit', 'continue']);
    expect(history.versions[0]?.status).toBe('reviewed');
    expect(value<{ status: string }>(await services.dispatch('participants.get', { id: demo.id })).status).toBe('exited');
    expect(await services.dispatch('plans.saveDraft', { participantId: demo.id, goals: GOALS, actions: [], reviewOn: null })).toMatchObject(
      { ok: false, error: { code: 'CONFLICT' } },
    );
    await services.close();
  });

  it('only the MDT roles write or read plans; an administrator may do neither', async () => {
    const demo = await readyPerson();
    await demo.signInAs('demo.admin');
    expect(
      await demo.services.dispatch('plans.saveDraft', { participantId: demo.id, goals: GOALS, actions: [], reviewOn: null }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await demo.services.dispatch('plans.get', { participantId: demo.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await demo.services.close();
  });
});
