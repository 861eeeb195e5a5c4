import { describe, expect, it } from 'vitest';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { Meeting, MeetingMinutes, TriageQueue } from '../../../core/schemas/meetings';
import { demoTeam } from '../../support/demo-team';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';
import { testReferral } from '../../support/test-referral';
import { testDate } from '../../support/test-clock';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

/** A demo partnership with four people registered by the coach, and the demo team's ids. */
async function meetingDemo(options: { clock?: () => Date } = {}) {
  const demo = await demoWithPerson(options);
  const { services } = demo;
  await demo.signInAs('demo.coach');
  const people = [demo.id];
  for (const [index, givenName] of ['Bea', 'Cal', 'Dee'].entries()) {
    const registered = value<{ id: string }>(
      await services.dispatch(
        'participants.register',
        testReferral({ person: { givenName, familyName: `Meeting${index}`, nhsNumber: '' } }),
      ),
    );
    people.push(registered.id);
  }
  const config = value<PartnershipConfig>(await services.dispatch('config.get', {}));
  const team = demoTeam(config);
  return { ...demo, people, team, serviceId: config.services.find((service) => service.active)?.id ?? '' };
}

/** As the coach: the joined-up assessment and, unless told not to, consent to the service. */
async function makeReady(demo: Demo, participantId: string, options: { consent?: boolean } = {}) {
  value(await demo.services.dispatch('assessments.saveJoinedUp', { participantId, ...JOINED_UP }));
  if (options.consent !== false)
    value(
      await demo.services.dispatch('consents.record', {
        participantId,
        purpose: 'service',
        decision: 'given',
        date: testDate(-33),
        method: 'verbal',
      }),
    );
}

const PHQ9_WITH_RISK = { measure: 'phq9', answers: [2, 2, 1, 1, 2, 1, 1, 1, 1] };
const MEETING = { heldOn: testDate(4), startsAt: '09:30', minutesPerCase: 8 };

async function getMeeting(demo: Demo, meetingId: string): Promise<Meeting> {
  return value<Meeting>(await demo.services.dispatch('meetings.get', { meetingId }));
}

describe('triage', () => {
  it('refuses to list a case for discussion without a joined-up assessment and consent to the service, naming what is missing', async () => {
    const demo = await meetingDemo();
    const { services, people, team } = demo;
    const [withNothing, withoutConsent, ready] = people as [string, string, string];
    await makeReady(demo, withoutConsent, { consent: false });
    await makeReady(demo, ready);
    // Someone only referred is not in the queue at all; the triage itself belongs to the coordinator.
    expect(
      await services.dispatch('triage.decide', { participantId: ready, outcome: 'not_ready', missing: ['outcome_measures'] }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await demo.signInAs('demo.coordinator');
    const { id: meetingId } = value<{ id: string }>(
      await services.dispatch('meetings.create', {
        ...MEETING,
        chairId: team.coordinator,
        expectedAttendeeIds: [team.physio, team.mh, team.ot, team.coach],
      }),
    );

    expect(await services.dispatch('triage.decide', { participantId: withNothing, outcome: 'full_discussion', meetingId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await services.dispatch('triage.decide', { participantId: withoutConsent, outcome: 'full_discussion', meetingId }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'This case cannot be listed for discussion yet: it needs consent to the service in force.' },
    });
    expect(await services.dispatch('triage.decide', { participantId: ready, outcome: 'full_discussion' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { meetingId: 'Choose the meeting' } },
    });
    expect(await services.dispatch('triage.decide', { participantId: withoutConsent, outcome: 'not_ready' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { missing: expect.any(String) } },
    });
    expect((await getMeeting(demo, meetingId)).agenda).toHaveLength(0);

    value(
      await services.dispatch('triage.decide', {
        participantId: withoutConsent,
        outcome: 'not_ready',
        missing: ['service_consent'],
        note: 'Coach to call on Friday',
      }),
    );
    value(await services.dispatch('triage.decide', { participantId: ready, outcome: 'full_discussion', meetingId }));
    expect(await services.dispatch('triage.decide', { participantId: ready, outcome: 'full_discussion', meetingId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const queue = value<TriageQueue>(await services.dispatch('triage.queue', {}));
    const entry = (id: string) => queue.items.find((item) => item.participantId === id);
    expect(entry(withNothing)).toBeUndefined();
    expect(entry(withoutConsent)).toMatchObject({
      minimumData: { joinedUpAssessment: true, serviceConsent: false },
      decision: { outcome: 'not_ready', missing: ['service_consent'], note: 'Coach to call on Friday' },
      listedOn: null,
    });
    expect(entry(ready)).toMatchObject({
      minimumData: { joinedUpAssessment: true, serviceConsent: true },
      decision: { outcome: 'full_discussion' },
      listedOn: { meetingId, heldOn: testDate(4) },
    });
    await services.close();
  });
});

describe('meetings', () => {
  it('puts complex cases first (open risk flag, then more disciplines), keeps a hand-made order, and refuses a stale reorder', async () => {
    const demo = await meetingDemo();
    const { services, people, team } = demo;
    const [plain, manyDisciplines, risky, late] = people as [string, string, string, string];
    for (const id of people) await makeReady(demo, id);
    value(
      await services.dispatch('measures.record', {
        participantId: risky,
        discipline: 'employment_support',
        takenOn: testDate(-31),
        response: PHQ9_WITH_RISK,
      }),
    );
    await demo.signInAs('demo.physio');
    value(
      await services.dispatch('measures.record', {
        participantId: manyDisciplines,
        discipline: 'physiotherapy',
        takenOn: testDate(-31),
        response: { measure: 'work_ability', answers: [4] },
      }),
    );
    await demo.signInAs('demo.coordinator');
    const { id: meetingId } = value<{ id: string }>(
      await services.dispatch('meetings.create', { ...MEETING, chairId: team.coordinator, expectedAttendeeIds: [team.physio, team.mh] }),
    );
    for (const id of [plain, manyDisciplines, risky])
      value(await services.dispatch('triage.decide', { participantId: id, outcome: 'full_discussion', meetingId }));

    let meeting = await getMeeting(demo, meetingId);
    expect(meeting.agenda.map((item) => item.participantId)).toEqual([risky, manyDisciplines, plain]);
    expect(meeting.agenda[0]?.complexity).toEqual({ openRiskFlag: true, disciplineCount: 1 });
    expect(meeting.agenda[1]?.complexity).toEqual({ openRiskFlag: false, disciplineCount: 2 });
    expect(meeting.expectedAttendeeIds).toEqual([team.coordinator, team.physio, team.mh]);

    const ids = meeting.agenda.map((item) => item.id);
    expect(await services.dispatch('meetings.reorderAgenda', { meetingId, itemIds: ids.slice(0, 2) })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    value(await services.dispatch('meetings.reorderAgenda', { meetingId, itemIds: [ids[2], ids[0], ids[1]] }));
    value(await services.dispatch('triage.decide', { participantId: late, outcome: 'full_discussion', meetingId }));
    meeting = await getMeeting(demo, meetingId);
    expect(meeting.agenda.map((item) => item.participantId)).toEqual([plain, risky, manyDisciplines, late]);
    await services.close();
  });

  it('saves live notes by version: a second typist with a stale version gets a conflict and nothing is overwritten', async () => {
    const demo = await meetingDemo();
    const { services, people, team } = demo;
    await makeReady(demo, people[0] as string);
    await demo.signInAs('demo.coordinator');
    const { id: meetingId } = value<{ id: string }>(
      await services.dispatch('meetings.create', { ...MEETING, chairId: team.coordinator, expectedAttendeeIds: [team.physio] }),
    );
    value(await services.dispatch('triage.decide', { participantId: people[0], outcome: 'full_discussion', meetingId }));
    const [item] = (await getMeeting(demo, meetingId)).agenda;
    if (item === undefined) throw new Error('no agenda item');
    expect(item.version).toBe(1);

    expect(
      value(
        await services.dispatch('meetings.saveCaseNotes', { itemId: item.id, version: 1, notes: 'Pain limits lifting.', decisions: '' }),
      ),
    ).toEqual({ version: 2 });
    await demo.signInAs('demo.physio');
    expect(
      await services.dispatch('meetings.saveCaseNotes', { itemId: item.id, version: 1, notes: 'Something else', decisions: 'Overwrite?' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Someone else saved notes') },
    });
    expect(
      value(
        await services.dispatch('meetings.saveCaseNotes', {
          itemId: item.id,
          version: 2,
          notes: 'Pain limits lifting. Physio agrees.',
          decisions: 'Six sessions.',
        }),
      ),
    ).toEqual({ version: 3 });
    const [saved] = (await getMeeting(demo, meetingId)).agenda;
    expect(saved).toMatchObject({
      notes: 'Pain limits lifting. Physio agrees.',
      decisions: 'Six sessions.',
      version: 3,
      notesUpdatedByName: expect.any(String),
    });

    // The audit trail files the notes under the person (found through the agenda item), with ids only.
    await demo.signInAs('demo.admin');
    const audit = value<{ entries: Array<{ channel: string; outcome: string }> }>(
      await services.dispatch('audit.search', { participantId: people[0] }),
    );
    expect(audit.entries.filter((entry) => entry.channel === 'meetings.saveCaseNotes').map((entry) => entry.outcome)).toEqual([
      'ok',
      'CONFLICT',
      'ok',
    ]);
    await services.close();
  });

  it('ends a meeting: needs attendance, rolls cases not reached to a new meeting a week later, locks the agenda, and writes minutes with the agreed plan', async () => {
    const demo = await meetingDemo();
    const { services, people, team, serviceId } = demo;
    const [planned, noted, notReached] = people as [string, string, string];
    for (const id of [planned, noted, notReached]) await makeReady(demo, id);
    await demo.signInAs('demo.coordinator');
    const { id: meetingId } = value<{ id: string }>(
      await services.dispatch('meetings.create', {
        ...MEETING,
        chairId: team.coordinator,
        expectedAttendeeIds: [team.physio, team.mh, team.ot, team.coach],
      }),
    );
    for (const id of [planned, noted, notReached])
      value(await services.dispatch('triage.decide', { participantId: id, outcome: 'full_discussion', meetingId }));
    const agenda = (await getMeeting(demo, meetingId)).agenda;
    const itemOf = (participantId: string) => agenda.find((item) => item.participantId === participantId);

    const draft = value<{ planId: string; revision: number }>(
      await services.dispatch('plans.saveDraft', {
        participantId: planned,
        goals: [{ id: 'g1', text: 'Back to full shifts by February' }],
        actions: [
          {
            id: 'a1',
            goalId: 'g1',
            kind: 'intervention',
            discipline: 'physiotherapy',
            description: 'Six physiotherapy sessions',
            ownerId: team.physio,
            dueOn: testDate(40),
          },
          {
            id: 'a2',
            goalId: null,
            kind: 'onward_referral',
            discipline: 'employment_support',
            description: 'Refer for debt advice',
            ownerId: team.coach,
            dueOn: testDate(11),
            serviceId,
          },
        ],
        reviewOn: testDate(57),
      }),
    );
    const present = [team.coordinator, team.physio, team.mh, team.coach];
    value(
      await services.dispatch('plans.agreeByMdt', {
        planId: draft.planId,
        revision: draft.revision,
        meetingId,
        attendeeIds: present,
        checkedById: team.physio,
      }),
    );
    value(
      await services.dispatch('meetings.saveCaseNotes', {
        itemId: itemOf(noted)?.id,
        version: 1,
        notes: 'Waiting for the GP letter.',
        decisions: 'Bring back next week.',
      }),
    );

    expect(await services.dispatch('meetings.end', { meetingId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Record who attended before ending the meeting.' },
    });
    expect(await services.dispatch('meetings.recordAttendance', { meetingId, presentIds: ['not-a-member'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    value(await services.dispatch('meetings.recordAttendance', { meetingId, presentIds: present }));
    const ended = value<{ notReached: number; nextMeetingId: string }>(await services.dispatch('meetings.end', { meetingId }));
    expect(ended.notReached).toBe(1);

    const next = await getMeeting(demo, ended.nextMeetingId);
    expect(next).toMatchObject({
      heldOn: testDate(11),
      startsAt: '09:30',
      status: 'planned',
      chairId: team.coordinator,
      minutesPerCase: 8,
    });
    expect(next.agenda).toEqual([expect.objectContaining({ participantId: notReached, carriedOver: true, status: 'listed' })]);
    const done = await getMeeting(demo, meetingId);
    expect(done).toMatchObject({ status: 'ended', rolledForwardToId: ended.nextMeetingId });
    expect(done.agenda.map((item) => [item.participantId, item.status])).toEqual(
      expect.arrayContaining([
        [planned, 'discussed'],
        [noted, 'discussed'],
        [notReached, 'not_reached'],
      ]),
    );

    expect(
      await services.dispatch('meetings.saveCaseNotes', { itemId: itemOf(noted)?.id, version: 2, notes: 'Late edit', decisions: '' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('ended') } });
    expect(await services.dispatch('meetings.end', { meetingId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const minutes = value<MeetingMinutes>(await services.dispatch('meetings.minutes', { meetingId }));
    expect(minutes).toMatchObject({
      status: 'ended',
      chairName: 'Morgan Haldane',
      attendanceRecorded: true,
      rolledForwardTo: { meetingId: ended.nextMeetingId, heldOn: testDate(11) },
    });
    expect(minutes.present.map((person) => person.name)).toContain('Priya Lindqvist');
    expect(minutes.apologies).toHaveLength(1);
    const plannedCase = minutes.cases.find((entry) => entry.participantId === planned);
    expect(plannedCase?.plan).toMatchObject({
      versionNumber: 1,
      reviewOn: testDate(57),
      checkedByName: 'Priya Lindqvist',
      goals: ['Back to full shifts by February'],
    });
    expect(plannedCase?.plan?.actions).toEqual([
      expect.objectContaining({
        disciplineLabel: 'Physiotherapy',
        ownerName: 'Priya Lindqvist',
        dueOn: testDate(40),
        goal: 'Back to full shifts by February',
        serviceName: null,
      }),
      expect.objectContaining({
        kind: 'Onward referral to a service',
        ownerName: expect.any(String),
        dueOn: testDate(11),
        serviceName: expect.any(String),
      }),
    ]);
    expect(minutes.cases.find((entry) => entry.participantId === noted)).toMatchObject({
      status: 'discussed',
      decisions: 'Bring back next week.',
      plan: null,
    });
    expect(minutes.cases.find((entry) => entry.participantId === notReached)).toMatchObject({ status: 'not_reached' });
    await services.close();
  });

  it('rolls forward to the next meeting already planned rather than making one', async () => {
    const demo = await meetingDemo();
    const { services, people, team } = demo;
    await makeReady(demo, people[0] as string);
    await demo.signInAs('demo.coordinator');
    const base = { chairId: team.coordinator, expectedAttendeeIds: [team.physio] };
    const { id: first } = value<{ id: string }>(await services.dispatch('meetings.create', { ...MEETING, ...base }));
    const { id: later } = value<{ id: string }>(await services.dispatch('meetings.create', { ...MEETING, heldOn: testDate(18), ...base }));
    value(await services.dispatch('triage.decide', { participantId: people[0], outcome: 'full_discussion', meetingId: first }));
    value(await services.dispatch('meetings.recordAttendance', { meetingId: first, presentIds: [team.coordinator, team.physio] }));
    expect(value(await services.dispatch('meetings.end', { meetingId: first }))).toEqual({ notReached: 1, nextMeetingId: later });
    expect((await getMeeting(demo, later)).agenda.map((item) => item.participantId)).toEqual([people[0]]);
    await services.close();
  });
});
