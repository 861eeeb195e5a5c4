import { describe, expect, it } from 'vitest';
import { duplicatePlanIds, planAgreementProblems, type AgreementContext } from '../../../../core/plans/plan-agreement';
import { hasDifferences, planDifferences } from '../../../../core/plans/plan-diff';
import type { PlanAction, PlanContent } from '../../../../core/schemas/action-plan';

const CONTEXT: AgreementContext = {
  openRiskFlagCount: 0,
  ownerIds: new Set(['tm-physio', 'tm-coach']),
  serviceIds: new Set(['svc-debt']),
  disciplineCodes: new Set(['physiotherapy', 'employment_support']),
};

function action(overrides: Partial<PlanAction> = {}): PlanAction {
  return {
    id: 'a1',
    goalId: 'g1',
    kind: 'intervention',
    discipline: 'physiotherapy',
    description: 'Six sessions',
    ownerId: 'tm-physio',
    dueOn: '2026-12-20',
    serviceId: null,
    ...overrides,
  };
}

function plan(overrides: Partial<PlanContent> = {}): PlanContent {
  return { goals: [{ id: 'g1', text: 'Back to full shifts' }], actions: [action()], reviewOn: '2027-01-10', ...overrides };
}

describe('planAgreementProblems', () => {
  it('a complete plan can be agreed', () => {
    expect(planAgreementProblems(plan(), CONTEXT)).toEqual([]);
  });

  it('an action without an owner or a due date cannot be agreed, named by its field', () => {
    const problems = planAgreementProblems(plan({ actions: [action(), action({ id: 'a2', ownerId: null, dueOn: null })] }), CONTEXT);
    expect(problems).toEqual([
      { path: 'actions.1.ownerId', message: 'Action 2: choose who is responsible.' },
      { path: 'actions.1.dueOn', message: 'Action 2: give a due date.' },
    ]);
  });

  it('an unacknowledged risk flag blocks agreement whatever else is right', () => {
    expect(planAgreementProblems(plan(), { ...CONTEXT, openRiskFlagCount: 1 }).map((problem) => problem.path)).toEqual(['riskFlags']);
  });

  it('needs a goal, an action and a review date', () => {
    expect(planAgreementProblems(plan({ goals: [], actions: [], reviewOn: null }), CONTEXT).map((problem) => problem.path)).toEqual([
      'goals',
      'actions',
      'reviewOn',
    ]);
  });

  it('onward referrals and signposts name an active directory service; owners and disciplines must be current', () => {
    const problems = planAgreementProblems(
      plan({
        actions: [
          action({ kind: 'onward_referral', serviceId: null }),
          action({ id: 'a2', kind: 'signpost', serviceId: 'svc-gone' }),
          action({ id: 'a3', ownerId: 'tm-left', discipline: 'dietetics' }),
          action({ id: 'a4', goalId: 'g-removed' }),
        ],
      }),
      CONTEXT,
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'actions.0.serviceId',
      'actions.1.serviceId',
      'actions.2.discipline',
      'actions.2.ownerId',
      'actions.3.goalId',
    ]);
  });

  it('refuses duplicate ids across goals and actions', () => {
    expect(duplicatePlanIds(plan({ actions: [action(), action()] })).map((problem) => problem.path)).toEqual(['actions.1.id']);
    expect(duplicatePlanIds(plan({ actions: [action({ id: 'g1' })] })).map((problem) => problem.path)).toEqual(['actions.0.id']);
    expect(duplicatePlanIds(plan())).toEqual([]);
  });
});

describe('planDifferences', () => {
  it('matches by id: reworded, added, removed and changed fields', () => {
    const before = plan({ actions: [action(), action({ id: 'a2', description: 'Debt advice', kind: 'signpost', serviceId: 'svc-debt' })] });
    const after = plan({
      goals: [
        { id: 'g1', text: 'Back to full shifts by March' },
        { id: 'g2', text: 'Sleep better' },
      ],
      actions: [action({ dueOn: '2027-01-15', ownerId: 'tm-coach' }), action({ id: 'a3', description: 'Sleep hygiene' })],
      reviewOn: '2027-02-01',
    });
    const differences = planDifferences(before, after);
    expect(differences.goalsAdded.map((goal) => goal.id)).toEqual(['g2']);
    expect(differences.goalsReworded).toEqual([
      { before: { id: 'g1', text: 'Back to full shifts' }, after: { id: 'g1', text: 'Back to full shifts by March' } },
    ]);
    expect(differences.goalsRemoved).toEqual([]);
    expect(differences.actionsAdded.map((added) => added.id)).toEqual(['a3']);
    expect(differences.actionsRemoved.map((removed) => removed.id)).toEqual(['a2']);
    expect(differences.actionsChanged).toEqual([{ before: before.actions[0], after: after.actions[0], fields: ['ownerId', 'dueOn'] }]);
    expect(differences.reviewOn).toEqual({ before: '2027-01-10', after: '2027-02-01' });
    expect(hasDifferences(differences)).toBe(true);
  });

  it('an unchanged copy has no differences', () => {
    expect(hasDifferences(planDifferences(plan(), plan()))).toBe(false);
  });
});
