import type { PartnershipConfig } from '../../core/schemas/config/partnership-config';
import type { AppServices } from '../../services/app-services';
import { JOINED_UP, value } from './demo-with-person';
import { testReferral } from './test-referral';

/**
 * Gives a registered demo person everything the partnership export sends: consent to share with
 * the partnership system, a joined-up assessment, PHQ-9 and GAD-7 totals and a plan agreed by the
 * MDT with an onward referral. Leaves the session signed in as demo.coordinator.
 */
export async function makeExportReady(
  services: AppServices,
  participantId: string,
  signInAs: (username: string) => Promise<void>,
): Promise<void> {
  await signInAs('demo.coach');
  value(
    await services.dispatch('consents.record', {
      participantId,
      purpose: 'share_partnership',
      decision: 'given',
      date: '2026-11-03',
      method: 'verbal',
    }),
  );
  value(
    await services.dispatch('consents.record', {
      participantId,
      purpose: 'service',
      decision: 'given',
      date: '2026-11-03',
      method: 'verbal',
    }),
  );
  value(await services.dispatch('assessments.saveJoinedUp', { participantId, ...JOINED_UP }));
  value(
    await services.dispatch('measures.record', {
      participantId,
      discipline: 'employment_support',
      takenOn: '2026-11-05',
      response: { measure: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] },
    }),
  );
  value(
    await services.dispatch('measures.record', {
      participantId,
      discipline: 'employment_support',
      takenOn: '2026-11-05',
      response: { measure: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1] },
    }),
  );
  await signInAs('demo.coordinator');
  const config = value<PartnershipConfig>(await services.dispatch('config.get', {}));
  const member = (username: string) =>
    config.teamMembers.find((candidate) => candidate.userId === config.accounts.find((account) => account.username === username)?.id)?.id ??
    '';
  const coordinator = member('demo.coordinator');
  const physio = member('demo.physio');
  const service = config.services[0]?.id ?? null;
  const draft = value<{ planId: string }>(
    await services.dispatch('plans.saveDraft', {
      participantId,
      goals: [{ id: 'g1', text: 'Back to full shifts' }],
      actions: [
        {
          id: 'a1',
          goalId: 'g1',
          kind: 'intervention',
          discipline: 'physiotherapy',
          description: 'Six physiotherapy sessions',
          ownerId: physio,
          dueOn: '2027-01-15',
          serviceId: null,
        },
        {
          id: 'a2',
          goalId: null,
          kind: 'onward_referral',
          discipline: 'employment_support',
          description: 'Debt advice',
          ownerId: coordinator,
          dueOn: '2027-01-10',
          serviceId: service,
        },
      ],
      reviewOn: '2026-12-20',
    }),
  );
  value(
    await services.dispatch('plans.agreeByMdt', {
      planId: draft.planId,
      revision: 1,
      attendeeIds: [coordinator, physio],
      checkedById: physio,
    }),
  );
}

/** Registers another demo person (with an NHS number) and returns their id. */
export async function registerAnother(services: AppServices, nhsNumber = '999 999 9883', familyName = 'Exportperson'): Promise<string> {
  return value<{ id: string }>(
    await services.dispatch('participants.register', {
      ...testReferral({ person: { nhsNumber, familyName }, confirmedNotDuplicate: true }),
      // Recorded so the export can show what of them leaves (sex, the GP practice) and what never does (ethnicity).
      gpPractice: { odsCode: 'A81001', name: 'Example Street Surgery' },
      monitoring: { sex: 'female', ethnicity: 'H', disability: 'yes', benefitStatus: 'none' },
    }),
  ).id;
}
