import { describe, expect, it } from 'vitest';
import type { PartnershipConfig } from '../../../../core/schemas/config/partnership-config';
import type { Meeting } from '../../../../core/schemas/meetings';
import { demoTeam } from '../../../support/demo-team';
import { demoWithPerson, JOINED_UP, value } from '../../../support/demo-with-person';
import { testDate } from '../../../support/test-clock';

type Caseload = { items: Array<{ id: string; serviceWithdrawnOn: string | null }> };

describe('withdrawing consent to the service (issue 15, defect 4)', () => {
  it('takes the person off every agenda to come, refuses a new plan, shows on the caseload, and keeps the record', async () => {
    const demo = await demoWithPerson();
    const { services, id } = demo;
    await demo.signInAs('demo.coach');
    value(await services.dispatch('assessments.saveJoinedUp', { participantId: id, ...JOINED_UP }));
    const consent = value<{ id: string }>(
      await services.dispatch('consents.record', {
        participantId: id,
        purpose: 'service',
        decision: 'given',
        date: testDate(-30),
        method: 'verbal',
      }),
    );

    // Listed for the next meeting, and a draft plan begun.
    await demo.signInAs('demo.coordinator');
    const team = demoTeam(value<PartnershipConfig>(await services.dispatch('config.get', {})));
    const { id: meetingId } = value<{ id: string }>(
      await services.dispatch('meetings.create', {
        heldOn: testDate(4),
        startsAt: '09:30',
        minutesPerCase: 8,
        chairId: team.coordinator,
        expectedAttendeeIds: [team.physio, team.mh, team.ot, team.coach],
      }),
    );
    value(await services.dispatch('triage.decide', { participantId: id, outcome: 'full_discussion', meetingId }));
    const agendaOf = async () =>
      value<Meeting>(await services.dispatch('meetings.get', { meetingId })).agenda.map((item) => item.participantId);
    expect(await agendaOf()).toContain(id);
    const draft = value<{ planId: string; revision: number }>(
      await services.dispatch('plans.saveDraft', {
        participantId: id,
        goals: [{ id: 'g1', text: 'Back to full shifts by February' }],
        actions: [
          {
            id: 'a1',
            goalId: 'g1',
            kind: 'intervention',
            discipline: 'physiotherapy',
            description: 'Six physiotherapy sessions',
            ownerId: team.physio,
            dueOn: '2027-01-15',
            serviceId: null,
          },
        ],
        reviewOn: '2027-02-01',
      }),
    );

    // The person withdraws.
    await demo.signInAs('demo.coach');
    value(await services.dispatch('consents.withdraw', { consentId: consent.id, date: testDate(0) }));

    await demo.signInAs('demo.coordinator');
    expect(await agendaOf()).not.toContain(id);
    expect(await services.dispatch('triage.decide', { participantId: id, outcome: 'full_discussion', meetingId })).toMatchObject({
      ok: false,
    });
    const refused = await services.dispatch('plans.agreeByMdt', {
      planId: draft.planId,
      revision: draft.revision,
      attendeeIds: [team.coordinator, team.physio, team.mh, team.ot, team.coach],
      checkedById: team.physio,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('withdrew consent to the WorkWell service') },
    });

    const caseload = value<Caseload>(await services.dispatch('participants.list', { pageSize: 200, search: 'Testperson' }));
    expect(caseload.items.find((item) => item.id === id)?.serviceWithdrawnOn).toBe(testDate(0));
    // The record is kept, with the draft plan and the withdrawn consent.
    const record = value<{ consents: Array<{ withdrawnOn: string | null }> }>(await services.dispatch('participants.get', { id }));
    expect(record.consents).toEqual([expect.objectContaining({ withdrawnOn: testDate(0) })]);
    expect(value<{ versions: unknown[] }>(await services.dispatch('plans.get', { participantId: id })).versions).toHaveLength(1);
  });
});
