import { describe, expect, it } from 'vitest';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { ParticipantPage } from '../../../core/schemas/participants';
import { demoTeam } from '../../support/demo-team';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';

describe('review dates on the caseload', () => {
  it('follow the plan: agreed sets the review date, a review moves it, exit clears it, and "review due" agrees', async () => {
    // Dates a test types must not be in the future by the real calendar, so the injected clock sits in the past.
    let clock = new Date('2026-11-20T10:00:00Z');
    const { services, id, signInAs } = await demoWithPerson({ clock: () => clock });
    await signInAs('demo.coach');
    value(await services.dispatch('assessments.saveJoinedUp', { participantId: id, ...JOINED_UP }));
    await signInAs('demo.coordinator');
    const config = value<PartnershipConfig>(await services.dispatch('config.get', {}));
    const { coordinator, physio } = demoTeam(config);
    const person = async () => {
      const page = value<ParticipantPage>(await services.dispatch('participants.list', { search: 'Testperson' }));
      return page.items.find((item) => item.id === id);
    };
    const dueIds = async () => {
      const due = value<ParticipantPage>(await services.dispatch('participants.list', { reviewDue: true, search: 'Testperson' }));
      return due.items.map((item) => item.id);
    };

    const draft = value<{ planId: string }>(
      await services.dispatch('plans.saveDraft', {
        participantId: id,
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
        ],
        reviewOn: '2026-11-25',
      }),
    );
    // A draft's review date is not yet the person's.
    expect((await person())?.nextReviewOn).toBeNull();
    value(
      await services.dispatch('plans.agreeByMdt', {
        planId: draft.planId,
        revision: 1,
        attendeeIds: [coordinator, physio],
        checkedById: physio,
      }),
    );
    expect((await person())?.nextReviewOn).toBe('2026-11-25');
    expect(await dueIds()).toEqual([]);
    clock = new Date('2026-11-26T10:00:00Z');
    expect(await dueIds()).toEqual([id]);

    value(await services.dispatch('plans.agreeWithPerson', { planId: draft.planId, agreedOn: '2026-11-21', method: 'in_person' }));
    value(await services.dispatch('plans.activate', { planId: draft.planId }));
    value(
      await services.dispatch('plans.review', {
        planId: draft.planId,
        reviewedOn: '2026-11-22',
        outcome: 'continue',
        note: 'Going well',
        nextReviewOn: '2027-01-10',
      }),
    );
    expect((await person())?.nextReviewOn).toBe('2027-01-10');
    expect(await dueIds()).toEqual([]);

    // A refused review changes nothing.
    expect(
      (await services.dispatch('plans.review', { planId: draft.planId, reviewedOn: '2026-11-22', outcome: 'exit', note: 'Back at work' }))
        .ok,
    ).toBe(false);
    expect((await person())?.nextReviewOn).toBe('2027-01-10');
    value(
      await services.dispatch('plans.review', {
        planId: draft.planId,
        reviewedOn: '2026-11-22',
        outcome: 'exit',
        note: 'Back at work',
        exitReason: 'support_completed',
        employmentOutcome: 'stayed_in_work',
      }),
    );
    expect(await person()).toMatchObject({ status: 'exited', nextReviewOn: null });
    await services.close();
  });
});
