import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import type { ParticipantPlans } from '../../../../core/schemas/action-plan';
import type { MiReturn } from '../../../../core/schemas/fhir-export';
import type { ParticipantRecord } from '../../../../core/schemas/participant-record';
import type { InboxEntry } from '../../../../core/schemas/referral-inbox';
import { createAppServices } from '../../../../services/app-services';
import { value } from '../../../support/demo-with-person';
import { makeExportReady } from '../../../support/export-ready-person';
import { miReturnRows } from '../../../support/mi-return-rows';
import { referralCsv, referralCsvRow } from '../../../support/referral-files';
import { tempDir } from '../../../support/temp-dir';
import { testReferral } from '../../../support/test-referral';

/** The same person as testReferral(), referred again through the inbox on `date`. */
const againOn = (date: string, sequence: number) =>
  referralCsvRow(sequence, {
    given_name: 'Alex',
    family_name: 'Testperson',
    date_of_birth: '1984-03-02',
    nhs_number: '9990000018',
    referral_date: date,
    route: 'employer',
  });

/** A demo partnership on a clock the test moves (each step happens on its own day), signed in as `username`. */
async function movingDemo() {
  const clock = { now: '2026-11-10T10:00:00Z' };
  const services = createAppServices({ dataDir: tempDir(), clock: () => new Date(clock.now) });
  value(await services.dispatch('setup.createDemoPartnership', {}));
  const signInAs = async (username: string) => {
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username, passphrase: DEMO_PARTNERSHIP.passphrase }));
  };
  await signInAs('demo.coach');
  return { services, clock, signInAs };
}

describe('episodes: a person referred again after leaving (issue 20 item 4)', () => {
  it(
    'accepting a referral for someone whose case closed starts episode 2: the exit, measures and plan stay with episode 1, the current episode starts empty',
    { timeout: 180_000 },
    async () => {
      const { services, clock, signInAs } = await movingDemo();
      try {
        const { id } = value<{ id: string }>(await services.dispatch('participants.register', testReferral()));
        await makeExportReady(services, id, signInAs);
        await signInAs('demo.coach');
        value(
          await services.dispatch('consents.record', {
            participantId: id,
            purpose: 'evaluation',
            decision: 'given',
            date: '2026-11-03',
            method: 'verbal',
          }),
        );
        clock.now = '2026-11-20T10:00:00Z';
        value(
          await services.dispatch('participants.close', {
            participantId: id,
            closedOn: '2026-11-20',
            reason: 'moved_away',
            employmentOutcome: 'not_in_work',
          }),
        );

        clock.now = '2026-12-02T10:00:00Z';
        value(
          await services.dispatch('referrals.import', {
            format: 'csv',
            text: referralCsv([againOn('2026-11-15', 1), againOn('2026-12-01', 2)]),
          }),
        );
        const waiting = value<{ referrals: InboxEntry[] }>(await services.dispatch('referrals.list', { status: 'waiting' })).referrals;
        const early = waiting.find((entry) => entry.referralDate === '2026-11-15')!;
        const later = waiting.find((entry) => entry.referralDate === '2026-12-01')!;
        expect(later.possibleDuplicates).toEqual([expect.objectContaining({ id, status: 'exited', matchedOn: 'nhs_number' })]);

        // Dated before the case closed: it belongs to the episode that ended, so no new episode starts from it and nothing changes.
        const tooEarly = await services.dispatch('referrals.accept', { id: early.id, version: early.version, linkToParticipantId: id });
        expect(tooEarly).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', fields: { linkToParticipantId: expect.stringContaining('before the case closed') } },
        });
        expect(value<ParticipantRecord>(await services.dispatch('participants.get', { id }))).toMatchObject({
          status: 'exited',
          episodes: [{ number: 1 }],
        });

        const accepted = value<{ newEpisode: number | null; linked: boolean }>(
          await services.dispatch('referrals.accept', { id: later.id, version: later.version, linkToParticipantId: id }),
        );
        expect(accepted).toMatchObject({ linked: true, newEpisode: 2 });
        // What the referral says about them now (a new employer, a new phone) replaces their details as a version, as
        // registration's new-episode path does; the old values stay readable.
        const afterAccept = value<ParticipantRecord>(await services.dispatch('participants.get', { id }));
        expect(afterAccept).toMatchObject({
          phone: '07700 900456',
          employment: { status: 'out_of_work_recent', employerName: 'Example Foods, "North" site' },
        });
        expect(afterAccept.detailsEdits).toEqual([
          expect.objectContaining({
            savedByName: 'Demo Coach',
            before: expect.objectContaining({
              phone: '07700 900123',
              employment: expect.objectContaining({ employerName: 'Example Logistics Ltd' }),
            }),
          }),
        ]);
        value(
          await services.dispatch('measures.record', {
            participantId: id,
            discipline: 'employment_support',
            takenOn: '2026-12-02',
            response: { measure: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
          }),
        );

        const record = value<ParticipantRecord>(await services.dispatch('participants.get', { id }));
        expect(record.status).toBe('referred');
        expect(record.closure).toBeNull();
        expect(record.episodes).toEqual([
          expect.objectContaining({
            number: 1,
            startedOn: '2026-11-02',
            route: 'gp',
            end: { endedOn: '2026-11-20', reason: 'moved_away', reasonNote: null, employmentOutcome: 'not_in_work' },
          }),
          expect.objectContaining({ number: 2, startedOn: '2026-12-01', route: 'employer', acceptedBy: expect.any(String), end: null }),
        ]);
        // History stays with the person: both referrals and every measure are on the record.
        expect(record.referrals.map((referral) => referral.date)).toEqual(['2026-12-01', '2026-11-02']);
        expect(new Set(record.measures.map((result) => result.takenOn))).toEqual(new Set(['2026-11-05', '2026-12-02']));

        // The plan shown is the current episode's (none yet); episode 1's stays readable with how it ended.
        const current = value<ParticipantPlans>(await services.dispatch('plans.get', { participantId: id }));
        expect(current).toEqual({ versions: [], reviews: [], exit: null });
        const first = value<ParticipantPlans>(await services.dispatch('plans.get', { participantId: id, episode: 1 }));
        expect(first.versions.map((version) => version.status)).toEqual(['reviewed']);
        expect(first.exit).toEqual({ exitedOn: '2026-11-20', reason: 'moved_away', employmentOutcome: 'not_in_work' });
        expect(await services.dispatch('plans.get', { participantId: id, episode: 3 })).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });

        // Episode 2 closes on its own; episode 1's outcome is untouched.
        clock.now = '2026-12-03T10:00:00Z';
        value(
          await services.dispatch('participants.close', {
            participantId: id,
            closedOn: '2026-12-03',
            reason: 'support_completed',
            employmentOutcome: 'new_job',
          }),
        );
        // Registration's duplicate path: someone whose case closed starts their next episode rather than being registered twice.
        clock.now = '2026-12-04T10:00:00Z';
        // What the form says about them now (a new job and employer, a new phone and address) replaces their details as a
        // new version; a blank answer (the email) keeps theirs, and the old values stay readable with who changed them.
        const third = testReferral({ person: { phone: '07700 900456', address: '2 New Road, Exampleton' } });
        const newJob = { status: 'in_work', employerName: 'Example Care Ltd', jobTitle: 'Care assistant' } as const;
        const before = value<ParticipantRecord>(await services.dispatch('participants.get', { id }));
        const registered = value<{ id: string }>(
          await services.dispatch('participants.register', {
            ...third,
            employment: newJob,
            referral: { ...third.referral, date: '2026-12-04' },
            newEpisodeOf: id,
          }),
        );
        expect(registered.id).toBe(id);
        const after = value<ParticipantRecord>(await services.dispatch('participants.get', { id }));
        expect(after).toMatchObject({
          phone: '07700 900456',
          address: '2 New Road, Exampleton',
          email: before.email,
          employment: { ...newJob, employerSize: 'unknown', employerContact: null, mayContactEmployer: false },
          detailsVersion: before.detailsVersion + 1,
        });
        expect(after.detailsEdits[0]).toMatchObject({
          version: before.detailsVersion + 1,
          savedByName: 'Demo Coach',
          savedAt: '2026-12-04T10:00:00.000Z',
          before: { phone: before.phone, employment: { employerName: 'Example Foods, "North" site' } },
          after: { phone: '07700 900456', employment: { employerName: 'Example Care Ltd' } },
        });
        expect(after.episodes.map((episode) => [episode.number, episode.startedOn, episode.end?.reason ?? null])).toEqual([
          [1, '2026-11-02', 'moved_away'],
          [2, '2026-12-01', 'support_completed'],
          [3, '2026-12-04', null],
        ]);

        // The MI return: one row per episode on the caseload that month, each with its own measures and outcome.
        await signInAs('demo.coordinator');
        const rowsOf = async (month: string) =>
          miReturnRows(value<MiReturn>(await services.dispatch('exports.miReturn', { month })).csv).filter(
            (row) => row.participant_reference === after.reference,
          );
        const november = await rowsOf('2026-11');
        expect(november.map((row) => [row.episode_number, row.referral_date, row.exit_reason, row.phq9_baseline])).toEqual([
          ['1', '2026-11-02', 'moved_away', '8'],
        ]);
        const december = await rowsOf('2026-12');
        // Its count says episodes and people apart: this person is two of December's rows but one person (the demo's
        // synthetic people have one episode each).
        const decemberReturn = value<MiReturn>(await services.dispatch('exports.miReturn', { month: '2026-12' }));
        const participantRows = miReturnRows(decemberReturn.csv).filter((row) => row.row_type === 'participant');
        expect(decemberReturn.rows).toBe(participantRows.length);
        expect(decemberReturn.people).toBe(new Set(participantRows.map((row) => row.participant_reference)).size);
        expect(decemberReturn.rows - decemberReturn.people).toBe(1);
        expect(
          december.map((row) => [
            row.episode_number,
            row.referral_date,
            row.referral_source,
            row.exit_date,
            row.exit_reason,
            row.phq9_baseline,
            row.plan_agreed_date,
          ]),
        ).toEqual([
          ['2', '2026-12-01', 'employer', '2026-12-03', 'support_completed', '0', ''],
          ['3', '2026-12-04', 'gp', '', '', '', ''],
        ]);
      } finally {
        await services.close();
      }
    },
  );

  it(
    'an open case takes a new referral into its current episode, and registration cannot start an episode for it',
    { timeout: 120_000 },
    async () => {
      const { services } = await movingDemo();
      try {
        const { id } = value<{ id: string }>(await services.dispatch('participants.register', testReferral()));
        value(await services.dispatch('referrals.import', { format: 'csv', text: referralCsv([againOn('2026-11-09', 1)]) }));
        const [entry] = value<{ referrals: InboxEntry[] }>(await services.dispatch('referrals.list', { status: 'waiting' })).referrals as [
          InboxEntry,
        ];
        expect(entry.possibleDuplicates).toEqual([expect.objectContaining({ id, status: 'referred' })]);
        const accepted = value<{ newEpisode: number | null }>(
          await services.dispatch('referrals.accept', { id: entry.id, version: entry.version, linkToParticipantId: id }),
        );
        expect(accepted.newEpisode).toBeNull();
        const record = value<ParticipantRecord>(await services.dispatch('participants.get', { id }));
        expect(record.episodes).toHaveLength(1);
        expect(record.referrals).toHaveLength(2);
        // Joining the current episode changes none of their details.
        expect(record.detailsEdits).toEqual([]);

        const refused = await services.dispatch('participants.register', { ...testReferral(), newEpisodeOf: id });
        expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('case is open') } });
        const stranger = await services.dispatch('participants.register', {
          ...testReferral({ person: { givenName: 'Someone', nhsNumber: '' } }),
          newEpisodeOf: id,
        });
        expect(stranger).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { newEpisodeOf: expect.any(String) } } });
        expect(value<ParticipantRecord>(await services.dispatch('participants.get', { id })).referrals).toHaveLength(2);
      } finally {
        await services.close();
      }
    },
  );
});
