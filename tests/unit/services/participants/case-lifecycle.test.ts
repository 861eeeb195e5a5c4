import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../core/schemas/audit';
import type { ParticipantView } from '../../../../core/schemas/participant-record';
import type { ParticipantPage } from '../../../../core/schemas/participants';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { testDate } from '../../../support/test-clock';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;
type Coaches = { items: Array<{ userId: string; displayName: string; openCases: number }> };

async function recordOf(demo: Demo): Promise<ParticipantView> {
  return value<ParticipantView>(await demo.services.dispatch('participants.get', { id: demo.id }));
}

async function auditOf(demo: Demo, channel: string): Promise<AuditEntry[]> {
  await demo.signInAs('demo.admin');
  const { entries } = value<{ entries: AuditEntry[] }>(
    await demo.services.dispatch('audit.search', { participantId: demo.id, limit: 100 }),
  );
  return entries.filter((entry) => entry.channel === channel);
}

describe('the coach and closing a case (issue 20 item 5)', () => {
  it('assigns and reassigns the coach, with each coach’s open cases counted for the chooser; audited; only a coach may be chosen', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coordinator');
    const before = value<Coaches>(await demo.services.dispatch('caseload.coaches', {}));
    const coach = before.items.find((item) => item.displayName === 'Demo Coach');
    if (coach === undefined) throw new Error('the demo has a coach');
    value(await demo.services.dispatch('participants.assignCoach', { participantId: demo.id, coachUserId: coach.userId }));
    expect((await recordOf(demo)).coach).toEqual({ userId: coach.userId, displayName: 'Demo Coach' });
    const after = value<Coaches>(await demo.services.dispatch('caseload.coaches', {}));
    expect(after.items.find((item) => item.userId === coach.userId)?.openCases).toBe(coach.openCases + 1);
    // Someone who is not a coach cannot hold the case; nothing changes.
    const physioId = (await recordOf(demo)).referrals[0]?.recordedBy;
    expect(
      await demo.services.dispatch('participants.assignCoach', { participantId: demo.id, coachUserId: physioId ?? 'nobody' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { coachUserId: 'Choose a coach from the list' } } });
    value(await demo.services.dispatch('participants.assignCoach', { participantId: demo.id, coachUserId: null }));
    expect((await recordOf(demo)).coach).toBeNull();
    await demo.signInAs('demo.physio');
    expect(await demo.services.dispatch('participants.assignCoach', { participantId: demo.id, coachUserId: coach.userId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await auditOf(demo, 'participants.assignCoach')).map((entry) => [entry.action, entry.outcome])).toEqual([
      ['edit', 'ok'],
      ['edit', 'ok'],
    ]);
  });

  it('closes a case with a reason and date: exited, off the open caseload, findable under exited, nothing deleted; closing twice is refused', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    value(
      await demo.services.dispatch('contacts.add', {
        participantId: demo.id,
        contactOn: testDate(-1),
        kind: 'phone',
        outcome: 'No answer.',
      }),
    );
    expect(
      await demo.services.dispatch('participants.close', {
        participantId: demo.id,
        closedOn: testDate(0),
        reason: 'other',
        employmentOutcome: 'not_in_work',
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reasonNote: 'Say why the case is closing' } } });
    expect(
      await demo.services.dispatch('participants.close', { participantId: demo.id, closedOn: testDate(3), reason: 'moved_away' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { closedOn: expect.any(String), employmentOutcome: expect.any(String) } },
    });
    value(
      await demo.services.dispatch('participants.close', {
        participantId: demo.id,
        closedOn: testDate(0),
        reason: 'other',
        reasonNote: 'Started a course instead',
        employmentOutcome: 'not_in_work',
      }),
    );
    const record = await recordOf(demo);
    expect(record).toMatchObject({
      status: 'exited',
      closure: { closedOn: testDate(0), reason: 'other', reasonNote: 'Started a course instead', employmentOutcome: 'not_in_work' },
    });
    expect(record.clinicalWithheld ? [] : record.contacts).toHaveLength(1);
    const listed = async (status: string) =>
      value<ParticipantPage>(await demo.services.dispatch('participants.list', { status, pageSize: 200 })).items.map((item) => item.id);
    expect(await listed('exited')).toContain(demo.id);
    expect(await listed('referred')).not.toContain(demo.id);
    const closeAgain = () =>
      demo.services.dispatch('participants.close', {
        participantId: demo.id,
        closedOn: testDate(0),
        reason: 'moved_away',
        employmentOutcome: 'not_in_work',
      });
    expect(await closeAgain()).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This case is already closed.' } });
    expect((await auditOf(demo, 'participants.close')).filter((entry) => entry.outcome === 'ok')).toEqual([
      expect.objectContaining({ action: 'edit', username: 'demo.coach' }),
    ]);
    // Administrators see how it closed (not clinical) but may not close a case.
    expect((await recordOf(demo)).closure?.reason).toBe('other');
    expect(await closeAgain()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
