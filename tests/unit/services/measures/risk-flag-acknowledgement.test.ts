import { describe, expect, it } from 'vitest';
import { clockStartingAt, fixedClock, type Clock } from '../../../../core/clock';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import type { AuditEntry } from '../../../../core/schemas/audit';
import type { PartnershipConfig } from '../../../../core/schemas/config/partnership-config';
import type { ParticipantRecord } from '../../../../core/schemas/participant-record';
import type { OverdueRiskFlag } from '../../../../core/schemas/risk-flag';
import { demoTeam } from '../../../support/demo-team';
import { demoWithPerson, JOINED_UP, value } from '../../../support/demo-with-person';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

const WRONG = 'not the passphrase at all';
const ACTION = { action: 'safety_plan_agreed', note: 'Phoned the same day; safety plan agreed with the person.' } as const;

/** A clock a test can move: each `jumpTo` restarts it at that instant (still moving in real time unless frozen). */
function movableClock(start: string) {
  let current: Clock = clockStartingAt(start);
  return {
    clock: (() => current()) as Clock,
    jumpTo: (instant: string, frozen = false) => {
      current = frozen ? fixedClock(instant) : clockStartingAt(instant);
    },
  };
}

/** A PHQ-9 with question 9 above 0, recorded by the coach: returns the flag it raised. */
async function raiseFlag(demo: Demo, takenOn: string): Promise<string> {
  await demo.signInAs('demo.coach');
  value(
    await demo.services.dispatch('measures.record', {
      participantId: demo.id,
      discipline: 'employment_support',
      takenOn,
      response: { measure: 'phq9', answers: [1, 1, 1, 1, 1, 1, 0, 0, 1] },
    }),
  );
  const record = value<ParticipantRecord>(await demo.services.dispatch('participants.get', { id: demo.id }));
  const flag = record.openRiskFlags[0];
  if (flag === undefined) throw new Error('no flag was raised');
  return flag.id;
}

async function record(demo: Demo): Promise<ParticipantRecord> {
  return value<ParticipantRecord>(await demo.services.dispatch('participants.get', { id: demo.id }));
}

async function nameClinicalLeads(demo: Demo, usernames: string[]) {
  await demo.signInAs('demo.admin');
  const config = value<PartnershipConfig>(await demo.services.dispatch('config.get', {}));
  return demo.services.dispatch('config.saveClinicalLeads', { usernames, version: config.clinicalLeads.version });
}

async function overdueFor(demo: Demo, username: string): Promise<OverdueRiskFlag[]> {
  await demo.signInAs(username);
  return value<{ flags: OverdueRiskFlag[] }>(await demo.services.dispatch('riskFlags.overdue', {})).flags;
}

describe('risk flag acknowledgement (a clinical-safety control)', () => {
  it('only the mental health practitioner or a clinical lead named in settings may acknowledge; others are refused and nothing changes', async () => {
    const demo = await demoWithPerson();
    const flagId = await raiseFlag(demo, '2026-11-05');
    for (const username of ['demo.physio', 'demo.ot']) {
      await demo.signInAs(username);
      expect(await demo.services.dispatch('riskFlags.acknowledge', { flagId, ...ACTION })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('clinical lead') },
      });
    }
    // The chair last: the record is read below, and administrators are not sent its clinical part.
    for (const username of ['demo.admin', 'demo.coach', 'demo.coordinator']) {
      await demo.signInAs(username);
      expect(await demo.services.dispatch('riskFlags.acknowledge', { flagId, ...ACTION })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect((await record(demo)).openRiskFlags.map((flag) => flag.id)).toEqual([flagId]);

    value(await nameClinicalLeads(demo, ['demo.physio']));
    await demo.signInAs('demo.physio');
    value(await demo.services.dispatch('riskFlags.acknowledge', { flagId, ...ACTION }));
    expect((await record(demo)).openRiskFlags).toEqual([]);
    await demo.services.close();
  });

  it('an administrator names only enabled clinicians as clinical leads, over the version they edited', async () => {
    const demo = await demoWithPerson();
    expect(await nameClinicalLeads(demo, ['demo.coach'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { usernames: expect.stringContaining('not a clinician') } },
    });
    expect(await nameClinicalLeads(demo, ['nobody.here'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { usernames: expect.stringContaining('no active account') } },
    });
    expect(value(await nameClinicalLeads(demo, ['demo.ot', 'demo.physio', 'demo.ot']))).toEqual({
      usernames: ['demo.ot', 'demo.physio'],
      version: 1,
    });
    expect(await demo.services.dispatch('config.saveClinicalLeads', { usernames: [], version: 0 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await demo.signInAs('demo.coordinator');
    expect(await demo.services.dispatch('config.saveClinicalLeads', { usernames: [], version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(value<PartnershipConfig>(await demo.services.dispatch('config.get', {})).clinicalLeads).toEqual({
      usernames: ['demo.ot', 'demo.physio'],
      version: 1,
    });
    await demo.services.close();
  });

  it('needs the action taken from the list and a note; records who, when, action and note, and keeps the flag in the history', async () => {
    const { clock } = movableClock('2026-12-07T09:15:00Z');
    const demo = await demoWithPerson({ clock });
    const flagId = await raiseFlag(demo, '2026-12-07');
    await demo.signInAs('demo.mh');
    expect(await demo.services.dispatch('riskFlags.acknowledge', { flagId, note: 'Phoned.' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { action: 'Choose the action taken' } },
    });
    expect(await demo.services.dispatch('riskFlags.acknowledge', { flagId, action: 'sent a letter', note: 'Phoned.' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { action: 'Choose the action taken' } },
    });
    expect(await demo.services.dispatch('riskFlags.acknowledge', { flagId, action: 'crisis_line_given', note: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { note: 'Enter what was done about the risk' } },
    });
    expect((await record(demo)).acknowledgedRiskFlags).toEqual([]);

    value(
      await demo.services.dispatch('riskFlags.acknowledge', { flagId, action: 'crisis_line_given', note: 'Gave the crisis line number.' }),
    );
    const after = await record(demo);
    expect(after.openRiskFlags).toEqual([]);
    expect(after.acknowledgedRiskFlags).toHaveLength(1);
    expect(after.acknowledgedRiskFlags[0]).toMatchObject({
      id: flagId,
      acknowledgedBy: 'Demo Mental Health Practitioner',
      action: 'crisis_line_given',
      note: 'Gave the crisis line number.',
      acknowledgedAt: expect.stringMatching(/^2026-12-07T09:1/),
    });
    expect(await demo.services.dispatch('riskFlags.acknowledge', { flagId, ...ACTION })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await demo.services.close();
  });

  it('a flag open for one working day is overdue for the coordinator and clinicians qualified for risk, and for nobody else', async () => {
    // Raised on Friday 4 December 2026 at 15:00 in London: due by Monday at 15:00.
    const { clock, jumpTo } = movableClock('2026-12-04T14:00:00Z');
    const demo = await demoWithPerson({ clock });
    jumpTo('2026-12-04T15:00:00Z', true);
    const flagId = await raiseFlag(demo, '2026-12-04');
    const ids = (flags: OverdueRiskFlag[]) => flags.map((flag) => flag.id);

    jumpTo('2026-12-07T14:59:00Z', true);
    expect(ids(await overdueFor(demo, 'demo.coordinator'))).not.toContain(flagId);
    jumpTo('2026-12-07T15:00:00Z', true);
    const forCoordinator = await overdueFor(demo, 'demo.coordinator');
    expect(ids(forCoordinator)).toContain(flagId);
    expect(forCoordinator.find((flag) => flag.id === flagId)).toMatchObject({ participantId: demo.id, raisedOn: '2026-12-04' });
    expect(ids(await overdueFor(demo, 'demo.mh'))).toContain(flagId);
    // A physiotherapist who is not a clinical lead cannot act on it: shown none; the coach may not ask.
    expect(await overdueFor(demo, 'demo.physio')).toEqual([]);
    await demo.signInAs('demo.coach');
    expect(await demo.services.dispatch('riskFlags.overdue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await nameClinicalLeads(demo, ['demo.physio']));
    expect(ids(await overdueFor(demo, 'demo.physio'))).toContain(flagId);

    await demo.signInAs('demo.mh');
    value(await demo.services.dispatch('riskFlags.acknowledge', { flagId, ...ACTION }));
    expect(ids(await overdueFor(demo, 'demo.coordinator'))).not.toContain(flagId);
    await demo.services.close();
  });

  it('in meeting mode a qualified clinician present acknowledges with their own passphrase; the audit names them; then the plan is agreed', async () => {
    const demo = await demoWithPerson();
    const { services } = demo;
    await demo.signInAs('demo.coach');
    value(await services.dispatch('assessments.saveJoinedUp', { participantId: demo.id, ...JOINED_UP }));
    const flagId = await raiseFlag(demo, '2026-11-05');
    await demo.signInAs('demo.coordinator');
    const team = demoTeam(value<PartnershipConfig>(await services.dispatch('config.get', {})));
    const draft = value<{ planId: string; revision: number }>(
      await services.dispatch('plans.saveDraft', {
        participantId: demo.id,
        goals: [{ id: 'g1', text: 'Back to full shifts' }],
        actions: [
          {
            id: 'a1',
            goalId: 'g1',
            kind: 'intervention',
            discipline: 'mental_health',
            description: 'Guided self-help',
            ownerId: team.mh,
            dueOn: '2027-01-31',
            serviceId: null,
          },
        ],
        reviewOn: '2027-02-01',
      }),
    );
    const agreement = { planId: draft.planId, revision: draft.revision, attendeeIds: [team.coordinator, team.mh], checkedById: team.mh };
    expect(await services.dispatch('plans.agreeByMdt', agreement)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { riskFlags: expect.any(String) } },
    });

    const inMeeting = { flagId, ...ACTION, username: 'demo.mh', passphrase: DEMO_PARTNERSHIP.passphrase };
    expect(await services.dispatch('riskFlags.acknowledgeInMeeting', { ...inMeeting, passphrase: WRONG })).toMatchObject({
      ok: false,
      error: {
        code: 'WRONG_PASSPHRASE',
        message: expect.stringContaining('not right for demo.mh'),
        fields: { passphrase: expect.any(String) },
      },
    });
    // The right passphrase of someone not qualified for risk is still refused.
    expect(await services.dispatch('riskFlags.acknowledgeInMeeting', { ...inMeeting, username: 'demo.physio' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await services.dispatch('riskFlags.acknowledgeInMeeting', { ...inMeeting, note: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { note: expect.any(String) } },
    });
    expect((await record(demo)).openRiskFlags.map((flag) => flag.id)).toEqual([flagId]);

    expect(value(await services.dispatch('riskFlags.acknowledgeInMeeting', inMeeting))).toEqual({
      acknowledgedBy: 'Demo Mental Health Practitioner',
    });
    // The coordinator is still the one signed in, and agrees the plan.
    expect(value<{ user?: { username: string } }>(await services.dispatch('app.status', {})).user?.username).toBe('demo.coordinator');
    value(await services.dispatch('plans.agreeByMdt', agreement));
    expect((await record(demo)).acknowledgedRiskFlags[0]).toMatchObject({
      id: flagId,
      acknowledgedBy: 'Demo Mental Health Practitioner',
      action: 'safety_plan_agreed',
    });

    await demo.signInAs('demo.admin');
    const entries = value<{ entries: AuditEntry[] }>(
      await services.dispatch('audit.search', { participantId: demo.id, limit: 200 }),
    ).entries;
    const acknowledged = entries.filter((entry) => entry.channel === 'riskFlags.acknowledgeInMeeting' && entry.outcome === 'ok');
    expect(acknowledged.map((entry) => entry.username)).toEqual(['demo.mh']);
    await services.close();
  });

  it('wrong passphrases in meeting mode count toward the unlock back-off, are audited as denied and change nothing', async () => {
    const { clock, jumpTo } = movableClock('2026-12-07T09:00:00Z');
    const demo = await demoWithPerson({ clock });
    const flagId = await raiseFlag(demo, '2026-12-07');
    await demo.signInAs('demo.coordinator');
    jumpTo('2026-12-07T09:30:00Z', true);
    const attempt = (passphrase: string) =>
      demo.services.dispatch('riskFlags.acknowledgeInMeeting', { flagId, ...ACTION, username: 'demo.mh', passphrase });
    for (let guess = 0; guess < 3; guess += 1)
      expect(await attempt(WRONG)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await attempt(DEMO_PARTNERSHIP.passphrase)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    expect((await record(demo)).openRiskFlags.map((flag) => flag.id)).toEqual([flagId]);
    // The same count holds at the unlock screen.
    value(await demo.services.dispatch('session.lock', {}));
    expect(await demo.services.dispatch('session.unlock', { username: 'demo.mh', passphrase: DEMO_PARTNERSHIP.passphrase })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS' },
    });
    // Each failed proof is in the audit trail as denied, on the chair's session.
    jumpTo('2026-12-07T09:45:00Z', true);
    value(await demo.services.dispatch('session.unlock', { username: 'demo.admin', passphrase: DEMO_PARTNERSHIP.passphrase }));
    const entries = value<{ entries: AuditEntry[] }>(
      await demo.services.dispatch('audit.search', { participantId: demo.id, limit: 200 }),
    ).entries;
    expect(
      entries
        .filter((entry) => entry.channel === 'riskFlags.acknowledgeInMeeting')
        .map((entry) => [entry.username, entry.action, entry.outcome])
        .reverse(),
    ).toEqual([
      ['demo.coordinator', 'denied', 'WRONG_PASSPHRASE'],
      ['demo.coordinator', 'denied', 'WRONG_PASSPHRASE'],
      ['demo.coordinator', 'denied', 'WRONG_PASSPHRASE'],
      ['demo.coordinator', 'denied', 'TOO_MANY_ATTEMPTS'],
    ]);
    await demo.services.close();
  });
});
