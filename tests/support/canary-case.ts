import type { ParticipantRecord } from '../../core/schemas/participant-record';
import type { AppServices } from '../../services/app-services';
import { JOINED_UP, value } from './demo-with-person';

/** The parts of `demoWithPerson()` the canary case needs. */
interface DemoCase {
  readonly services: AppServices;
  readonly id: string;
  signInAs(username: string): Promise<void>;
}

/**
 * Types `canary` (a made-up diagnosis) into every clinical field the team can write for the demo
 * person, through the real channels: the joined-up assessment, a PHQ-9 that raises a risk flag, the
 * OT's findings, the flag's acknowledgement, a draft plan and an AHP report. Tests of employer-facing
 * output then prove the canary never reaches it. Leaves the OT (demo.ot) signed in.
 */
export async function typeCanaryIntoEveryClinicalField(demo: DemoCase, canary: string): Promise<void> {
  const { services, id } = demo;
  await demo.signInAs('demo.coach');
  value(
    await services.dispatch('assessments.saveJoinedUp', {
      participantId: id,
      ...JOINED_UP,
      healthConditions: canary,
      whatMatters: canary,
      goals: canary,
      canDoNow: canary,
    }),
  );
  value(
    await services.dispatch('measures.record', {
      participantId: id,
      discipline: 'employment_support',
      takenOn: '2026-11-05',
      response: { measure: 'phq9', answers: [3, 3, 3, 3, 3, 3, 3, 3, 1] },
    }),
  );
  await demo.signInAs('demo.ot');
  value(
    await services.dispatch('assessments.saveDisciplineDraft', {
      participantId: id,
      assessedOn: '2026-11-10',
      findings: canary,
      workImpact: canary,
      recommendations: canary,
    }),
  );
  await demo.signInAs('demo.mh');
  const record = value<ParticipantRecord>(await services.dispatch('participants.get', { id }));
  value(await services.dispatch('riskFlags.acknowledge', { flagId: record.openRiskFlags[0]?.id ?? '', action: 'other', note: canary }));
  await demo.signInAs('demo.coordinator');
  value(
    await services.dispatch('plans.saveDraft', {
      participantId: id,
      goals: [{ id: 'g1', text: canary }],
      actions: [{ id: 'a1', goalId: 'g1', kind: 'intervention', discipline: 'occupational_therapy', description: canary }],
      reviewOn: null,
    }),
  );
  await demo.signInAs('demo.ot');
  value(
    await services.dispatch('adjustments.saveAhpReport', {
      participantId: id,
      fitness: 'may_be_fit',
      periodFrom: '2026-12-07',
      periodTo: '2027-01-04',
      categories: ['phased_return'],
      difficulties: [{ id: 'd1', difficulty: canary, recommendation: canary, goal: canary }],
      organisation: canary,
      assessedOn: '2026-11-10',
    }),
  );
}
