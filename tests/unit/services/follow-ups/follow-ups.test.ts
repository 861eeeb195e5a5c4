import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import { followUpDueOn } from '../../../../core/follow-ups/follow-up-due';
import type { MiReturn } from '../../../../core/schemas/fhir-export';
import type { FollowUp, FollowUpsDue, PersonFollowUps } from '../../../../core/schemas/follow-up';
import { inWorkFollowUp, registerClosedCase } from '../../../support/closed-case';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { miReturnRows } from '../../../support/mi-return-rows';
import { storeReader } from '../../../support/store-reader';
import { TEST_NOW, TEST_TODAY, testDate } from '../../../support/test-clock';
import { testReferral } from '../../../support/test-referral';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

async function ofPerson(demo: Demo, participantId: string): Promise<PersonFollowUps> {
  return value<PersonFollowUps>(await demo.services.dispatch('followUps.ofPerson', { participantId }));
}

/** Follow-ups stored for these people (the demo's own people who have left have follow-ups of their own). */
async function storedFollowUps(demo: Demo, participantIds: readonly string[]): Promise<number> {
  const reader = await storeReader(demo.dataDir, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
  return reader.read(
    (database) =>
      (
        database
          .prepare('SELECT COUNT(*) AS n FROM follow_ups WHERE participant_id IN (SELECT value FROM json_each(?))')
          .get(JSON.stringify(participantIds)) as { n: number }
      ).n,
  );
}

describe('follow-ups after exit (issue 20 item 6)', () => {
  it(
    'lists follow-ups overdue and due in the next 14 days, and a coach records one that then leaves the list',
    { timeout: 120_000 },
    async () => {
      const demo = await demoWithPerson();
      await demo.signInAs('demo.coach');
      // Left 100 days ago: the 3-month follow-up is some days overdue. Left 85 days ago: due within 14 days.
      const overdue = await registerClosedCase(demo.services, 'Overduefollow', 100);
      const dueSoon = await registerClosedCase(demo.services, 'Duesoonfollow', 85);
      // Left a week ago: nothing due yet. Still open: no follow-ups at all.
      const recent = await registerClosedCase(demo.services, 'Recentexit', 7);

      // The demo's synthetic people have exits of their own: only this test's people are looked at.
      const ours = (due: FollowUpsDue) => due.items.filter((item) => [overdue, dueSoon, recent].includes(item.participantId));
      const listed = value<FollowUpsDue>(await demo.services.dispatch('followUps.due', { mine: true }));
      expect(listed.today).toBe(TEST_TODAY);
      expect(listed.items.every((item) => item.coachName === 'Demo Coach')).toBe(true);
      expect(ours(listed).map((item) => [item.familyName, item.point, item.state, item.dueOn])).toEqual([
        ['Overduefollow', 'three_months', 'overdue', followUpDueOn(testDate(-100), 'three_months')],
        ['Duesoonfollow', 'three_months', 'due', followUpDueOn(testDate(-85), 'three_months')],
      ]);
      expect(ours(listed)[0]).toMatchObject({ participantId: overdue, coachName: 'Demo Coach', exitedOn: testDate(-100) });
      expect(await ofPerson(demo, recent)).toMatchObject({
        exits: [{ episode: 1, exitedOn: testDate(-7), points: [{ state: 'not_yet_due' }, { state: 'not_yet_due' }] }],
      });
      expect(await ofPerson(demo, demo.id)).toEqual({ today: TEST_TODAY, exits: [] });

      const saved = value<FollowUp>(await demo.services.dispatch('followUps.record', inWorkFollowUp(overdue)));
      expect(saved).toMatchObject({
        participantId: overdue,
        exitedOn: testDate(-100),
        point: 'three_months',
        version: 1,
        outcome: 'contacted',
        employmentStatus: 'in_work',
        sameEmployer: true,
        hoursPerWeek: 30,
        attempts: null,
        replacedById: null,
        recordedByName: 'Demo Coach',
      });
      expect(Date.parse(saved.recordedAt) - Date.parse(TEST_NOW)).toBeGreaterThanOrEqual(0);
      const person = (await ofPerson(demo, overdue)).exits[0]!;
      expect(person.points.map((point) => [point.point, point.state])).toEqual([
        ['three_months', 'recorded'],
        ['six_months', 'not_yet_due'],
      ]);
      expect(person.points[0]?.current).toEqual(saved);

      // The coordinator sees everyone's list; the recorded follow-up has left it.
      await demo.signInAs('demo.coordinator');
      const after = value<FollowUpsDue>(await demo.services.dispatch('followUps.due', {}));
      expect(ours(after).map((item) => item.participantId)).toEqual([dueSoon]);
      expect(after.items.map((item) => item.dueOn)).toEqual(after.items.map((item) => item.dueOn).sort());
      // Clinicians read a person's follow-ups but do not record them; administrators do neither.
      await demo.signInAs('demo.physio');
      expect((await ofPerson(demo, overdue)).exits[0]?.points[0]?.current?.id).toBe(saved.id);
      expect(await demo.services.dispatch('followUps.record', inWorkFollowUp(dueSoon))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await demo.services.dispatch('followUps.due', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await demo.signInAs('demo.admin');
      expect(await demo.services.dispatch('followUps.ofPerson', { participantId: overdue })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await storedFollowUps(demo, [overdue, dueSoon, recent])).toBe(1);
    },
  );

  it(
    'keeps an earlier episode’s follow-up due after the person is referred again, and records it against that episode',
    { timeout: 120_000 },
    async () => {
      const demo = await demoWithPerson();
      await demo.signInAs('demo.coach');
      // Left 100 days ago (episode 1), referred again 50 days ago (episode 2, open): episode 1's 3-month follow-up is overdue.
      const id = await registerClosedCase(demo.services, 'Returnedfollow', 100);
      const again = testReferral({ person: { nhsNumber: '', familyName: 'Returnedfollow' } });
      value(
        await demo.services.dispatch('participants.register', {
          ...again,
          referral: { ...again.referral, date: testDate(-50) },
          newEpisodeOf: id,
        }),
      );
      const ours = (due: FollowUpsDue) => due.items.filter((item) => item.participantId === id);
      const due = ours(value<FollowUpsDue>(await demo.services.dispatch('followUps.due', { mine: true })));
      expect(due.map((item) => [item.episode, item.exitedOn, item.point, item.state])).toEqual([
        [1, testDate(-100), 'three_months', 'overdue'],
      ]);
      expect((await ofPerson(demo, id)).exits.map((exit) => [exit.episode, exit.exitedOn, exit.points[0]?.state])).toEqual([
        [1, testDate(-100), 'overdue'],
      ]);

      // A date that is none of their exits is refused by field; the follow-up then goes to episode 1's exit.
      expect(await demo.services.dispatch('followUps.record', inWorkFollowUp(id, { exitedOn: testDate(-99) }))).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { exitedOn: expect.any(String) } },
      });
      const saved = value<FollowUp>(await demo.services.dispatch('followUps.record', inWorkFollowUp(id, { exitedOn: testDate(-100) })));
      expect(saved).toMatchObject({ exitedOn: testDate(-100), point: 'three_months', version: 1 });
      expect(ours(value<FollowUpsDue>(await demo.services.dispatch('followUps.due', { mine: true })))).toEqual([]);

      // Episode 2 ends too: each exit has its own follow-ups, newest first; episode 1's recorded one stays with episode 1.
      value(
        await demo.services.dispatch('participants.close', {
          participantId: id,
          closedOn: testDate(-2),
          reason: 'support_completed',
          employmentOutcome: 'new_job',
        }),
      );
      const exits = (await ofPerson(demo, id)).exits;
      expect(exits.map((exit) => [exit.episode, exit.exitedOn, exit.points.map((point) => point.state)])).toEqual([
        [2, testDate(-2), ['not_yet_due', 'not_yet_due']],
        [1, testDate(-100), ['recorded', 'not_yet_due']],
      ]);
      expect(exits[1]?.points[0]?.current).toEqual(saved);

      // The MI return reads each episode's own follow-ups: episode 1's row has it, episode 2's does not.
      const reference = value<{ reference: string }>(await demo.services.dispatch('participants.get', { id })).reference;
      await demo.signInAs('demo.coordinator');
      const rows = miReturnRows(value<MiReturn>(await demo.services.dispatch('exports.miReturn', { month: TEST_TODAY.slice(0, 7) })).csv)
        .filter((row) => row.participant_reference === reference)
        .map((row) => [row.episode_number, row.exit_date, row.follow_up_3_months_status, row.follow_up_3_months_date]);
      expect(rows).toContainEqual(['1', testDate(-100), 'in_work', TEST_TODAY]);
      if (testDate(-2).slice(0, 7) === TEST_TODAY.slice(0, 7)) expect(rows).toContainEqual(['2', testDate(-2), '', '']);
    },
  );

  it('refuses bad follow-ups with a reason by field, and writes nothing', { timeout: 120_000 }, async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    const closed = await registerClosedCase(demo.services, 'Refusedfollow', 100);
    const refusals = [
      // The case is still open.
      [inWorkFollowUp(demo.id), { code: 'CONFLICT' }],
      // Reached, but no employment status; hours when not in work; same employer left unanswered.
      [
        inWorkFollowUp(closed, { employmentStatus: null }),
        { code: 'VALIDATION', fields: { employmentStatus: 'Choose their employment status' } },
      ],
      [
        inWorkFollowUp(closed, { employmentStatus: 'out_of_work_recent', sameEmployer: null }),
        { code: 'VALIDATION', fields: { hoursPerWeek: 'Hours are recorded only when they are in work' } },
      ],
      [
        inWorkFollowUp(closed, { sameEmployer: null }),
        { code: 'VALIDATION', fields: { sameEmployer: 'Choose whether they are with the same employer' } },
      ],
      // Not reached: the attempts are needed, and no employment answers.
      [
        inWorkFollowUp(closed, { outcome: 'could_not_contact', employmentStatus: null, sameEmployer: null, hoursPerWeek: null }),
        { code: 'VALIDATION', fields: { attempts: 'Enter how many times you tried' } },
      ],
      [
        inWorkFollowUp(closed, { contactedOn: testDate(1) }),
        { code: 'VALIDATION', fields: { contactedOn: 'The date must be today or in the past' } },
      ],
      // Too early: the 6-month follow-up opens 14 days before it falls due.
      [
        inWorkFollowUp(closed, { point: 'six_months' }),
        { code: 'VALIDATION', fields: { contactedOn: expect.stringMatching(/can be recorded from/) } },
      ],
      [
        inWorkFollowUp(closed, { hoursPerWeek: 30.25 }),
        { code: 'VALIDATION', fields: { hoursPerWeek: 'Enter the hours a week in whole or half hours' } },
      ],
      [inWorkFollowUp(closed, { correctionReason: 'No reason' }), { code: 'VALIDATION' }],
      [inWorkFollowUp('no-such-person'), { code: 'NOT_FOUND' }],
    ] as const;
    for (const [input, error] of refusals)
      expect(await demo.services.dispatch('followUps.record', input), JSON.stringify(input)).toMatchObject({ ok: false, error });
    expect(await storedFollowUps(demo, [closed])).toBe(0);

    // "Could not be contacted" after attempts is a follow-up in its own right.
    const notReached = value<FollowUp>(
      await demo.services.dispatch(
        'followUps.record',
        inWorkFollowUp(closed, {
          outcome: 'could_not_contact',
          attempts: 3,
          employmentStatus: null,
          sameEmployer: null,
          hoursPerWeek: null,
        }),
      ),
    );
    expect(notReached).toMatchObject({ outcome: 'could_not_contact', attempts: 3, employmentStatus: null });
    // A second first entry of the same follow-up is refused: it is corrected instead.
    expect(await demo.services.dispatch('followUps.record', inWorkFollowUp(closed))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await storedFollowUps(demo, [closed])).toBe(1);
  });

  it(
    'is never changed: a correction is the next version naming the one it replaces, which stays readable',
    { timeout: 120_000 },
    async () => {
      const demo = await demoWithPerson();
      await demo.signInAs('demo.coach');
      const closed = await registerClosedCase(demo.services, 'Correctedfollow', 100);
      const first = value<FollowUp>(await demo.services.dispatch('followUps.record', inWorkFollowUp(closed)));
      const correction = value<FollowUp>(
        await demo.services.dispatch(
          'followUps.record',
          inWorkFollowUp(closed, { hoursPerWeek: 16, replacesId: first.id, correctionReason: 'Typed the hours of the old job' }),
        ),
      );
      expect(correction).toMatchObject({
        version: 2,
        replacesId: first.id,
        hoursPerWeek: 16,
        correctionReason: 'Typed the hours of the old job',
      });
      const point = (await ofPerson(demo, closed)).exits[0]?.points[0];
      expect(point?.current?.id).toBe(correction.id);
      expect(point?.entries.map((entry) => [entry.version, entry.replacedById])).toEqual([
        [2, null],
        [1, correction.id],
      ]);
      // One correction each: correcting the first again is refused (correct the newest instead).
      expect(
        await demo.services.dispatch('followUps.record', inWorkFollowUp(closed, { replacesId: first.id, correctionReason: 'Again' })),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      // The store itself refuses to change or delete a recorded follow-up.
      const reader = await storeReader(demo.dataDir, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
      expect(() => reader.read((database) => database.prepare('UPDATE follow_ups SET hours_per_week = 40').run())).toThrow(
        /WORKWELL_LOCKED/,
      );
      expect(() => reader.read((database) => database.prepare('DELETE FROM follow_ups').run())).toThrow(/WORKWELL_LOCKED/);
    },
  );

  it(
    'reaches the MI return: the month of the follow-up lists the person who left before it, with the status and date',
    { timeout: 120_000 },
    async () => {
      const demo = await demoWithPerson();
      await demo.signInAs('demo.coach');
      const closed = await registerClosedCase(demo.services, 'Mifollow', 100);
      const first = value<FollowUp>(await demo.services.dispatch('followUps.record', inWorkFollowUp(closed)));
      value(
        await demo.services.dispatch(
          'followUps.record',
          inWorkFollowUp(closed, {
            employmentStatus: 'off_sick_fit_note',
            hoursPerWeek: null,
            replacesId: first.id,
            correctionReason: 'Off sick again',
          }),
        ),
      );
      const reference = value<{ reference: string }>(await demo.services.dispatch('participants.get', { id: closed })).reference;
      await demo.signInAs('demo.coordinator');
      const rowOf = async (month: string) =>
        miReturnRows(value<MiReturn>(await demo.services.dispatch('exports.miReturn', { month })).csv).find(
          (row) => row.participant_reference === reference,
        );
      expect(await rowOf(TEST_TODAY.slice(0, 7))).toMatchObject({
        status_at_month_end: 'exited',
        exit_date: testDate(-100),
        follow_up_3_months_status: 'off_sick_fit_note',
        follow_up_3_months_date: TEST_TODAY,
        follow_up_6_months_status: '',
        follow_up_6_months_date: '',
      });
      // The month they left: on the caseload, the follow-up not made yet.
      expect(await rowOf(testDate(-100).slice(0, 7))).toMatchObject({ follow_up_3_months_status: '', follow_up_3_months_date: '' });
    },
  );
});
